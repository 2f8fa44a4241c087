#!/usr/bin/env bash
# The project's test command: builds everything and runs every test suite.
# Each step prints a header and its wall time; the first failure stops the run
# with a non-zero exit. With CI=true, compiler warnings are errors.
#
# Usage: bash scripts/test.sh [STEP...]   (default: every step in STEPS, setup first)
# New suites: write a step_<name> function and add it to STEPS below.
set -euo pipefail
cd "$(dirname "$0")/.."

export NODE_PATH=/usr/share/nodejs # em++ needs Debian's acorn (docs/build.md)
JOBS=$(nproc)
WERROR=OFF
[[ "${CI:-}" == true ]] && WERROR=ON

# Installs what the other steps need (Debian packages, npm packages); a second
# run finds everything present and takes a second.
step_setup() {
  bash .ci/setup.sh
}

step_native() {
  cmake --preset release -DTANDEM_WERROR="$WERROR"
  cmake --build --preset release -j "$JOBS"
  ctest --preset release
}

step_wasm() {
  cmake --preset wasm -DTANDEM_WERROR="$WERROR"
  cmake --build --preset wasm -j "$JOBS"
  ctest --preset wasm
}

# The engine's wasm module under Node (tests/wasm): its decisions must equal the
# native CLI's. Runs after native and wasm, whose builds it uses.
step_wasm_module() {
  local bin=build/release/bin/tandem web=build/wasm/web node_dir=build/wasm/node file
  for file in "$bin" "$node_dir/tandem-core.cjs" "$web/tandem-core.mjs"; do
    [[ -e $file ]] || { echo "missing $file: run the native and wasm steps first"; return 1; }
  done
  TANDEM_BIN="$bin" TANDEM_WASM_NODE="$node_dir" node --test tests/wasm/
  echo "browser build (docs/wasm.md):"
  for file in "$web/tandem-core.mjs" "$web/tandem-core.wasm"; do
    printf '  %-32s %7d bytes, %6d gzip -9\n' "$file" "$(wc -c <"$file")" "$(gzip -9c "$file" | wc -c)"
  done
}

step_format() {
  local files
  mapfile -t files < <(find src tests bench wasm -name node_modules -prune -o \
    \( -name '*.cpp' -o -name '*.h' \) -print 2>/dev/null | sort)
  clang-format --dry-run --Werror "${files[@]}"
}

# The widget in Debian's Chromium against the built demo (tests/web): builds
# what it needs itself, so `bash scripts/test.sh web` also works alone.
step_web() {
  bash scripts/demo.sh --build
  node --test --test-concurrency=1 tests/web/
}

STEPS=(setup native wasm wasm_module format web)
(($#)) && STEPS=("$@")

summary=()
print_summary() {
  printf '\n'
  printf '%s\n' "${summary[@]}"
}

run_step() {
  local name=$1 start=$SECONDS status
  printf '\n==== %s ====\n' "$name"
  # Not `if step_...`: bash ignores set -e inside a function called as a condition.
  set +e
  (set -e; "step_$name")
  status=$?
  set -e
  if ((status == 0)); then
    summary+=("$name: ok ($((SECONDS - start)) s)")
  else
    summary+=("$name: FAILED ($((SECONDS - start)) s)")
    print_summary
    echo "TEST RESULT: FAILED at step '$name' after ${SECONDS} s"
    echo "steps: $((${#summary[@]} - 1)) passed, 1 failed"
    exit 1
  fi
}

for step in "${STEPS[@]}"; do
  run_step "$step"
done
print_summary
echo "TEST RESULT: all ${#STEPS[@]} steps passed in ${SECONDS} s"
echo "steps: ${#STEPS[@]} passed, 0 failed"
