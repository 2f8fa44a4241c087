#!/usr/bin/env bash
# Runs every libFuzzer target of a sanitize build for a bounded time each.
# Seeds: what write_seeds makes from the current code (a model payload, real
# sessions), the committed corpus under tests/fuzz/corpus, and the project's
# own sample files. A crash stops the run, non-zero, with the input's path;
# docs/build.md says how to turn a crash into a corpus file and a test.
# Usage: tests/fuzz/run.sh BUILD_DIR SECONDS_PER_TARGET [TARGET...]
set -euo pipefail
shopt -s nullglob
build=$1 seconds=$2
shift 2
root=$(cd "$(dirname "$0")/../.." && pwd)
targets=("$@")
((${#targets[@]})) || targets=(model_file knowledge_base labelled_data message session_calls)
work="$build/fuzz"
rm -rf "$work/seeds"
mkdir -p "$work/seeds" "$work/artifacts"
"$build/bin/write_seeds" "$work/seeds"
for target in "${targets[@]}"; do
  corpus="$work/corpus/$target"
  mkdir -p "$corpus"
  for seed in "$work/seeds/$target"/* "$root/tests/fuzz/corpus/$target"/*; do cp "$seed" "$corpus/"; done
  case $target in
    knowledge_base) cp "$root"/tests/data/kb/*.json "$root/web/demo/kb.json" "$corpus/" ;;
    labelled_data) head -c 4000 "$root/tests/data/banking77/sample.csv" >"$corpus/banking_head.csv" ;;
  esac
  echo "fuzz_$target: ${seconds} s from $(ls "$corpus" | wc -l) inputs"
  # -rss_limit_mb: a hostile count that allocates gigabytes is a finding too.
  "$build/bin/fuzz_$target" "$corpus" -max_total_time="$seconds" -timeout=25 \
    -rss_limit_mb=2048 -max_len=400000 -print_final_stats=1 \
    -artifact_prefix="$work/artifacts/${target}-" 2>"$work/$target.log" || {
    tail -40 "$work/$target.log"
    echo "fuzz_$target FAILED: the input is in $work/artifacts/"
    exit 1
  }
  grep -E "^Done|stat::number_of_executed_units|stat::peak_rss_mb" "$work/$target.log" | sed 's/^/  /'
done
