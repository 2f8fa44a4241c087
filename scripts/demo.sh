#!/usr/bin/env bash
# README's main command: sets up the machine, builds the engine (native and
# WebAssembly), trains the demo knowledge base, bundles the widget and serves
# the Lumen Pay demo page on http://127.0.0.1:8080/ (PORT=... to change).
#
# Usage: bash scripts/demo.sh           build, then serve until Ctrl-C
#        bash scripts/demo.sh --check   build, serve, fetch the page once, exit (CI)
#        bash scripts/demo.sh --build   build only, no machine setup (scripts/test.sh)
set -euo pipefail
cd "$(dirname "$0")/.."

MODE=serve
case "${1:-}" in
  '') ;;
  --check) MODE=check ;;
  --build) MODE=build ;;
  *) echo "usage: bash scripts/demo.sh [--check|--build]" >&2; exit 2 ;;
esac
PORT=${PORT:-8080}
OUT=build/web
export NODE_PATH=/usr/share/nodejs # em++ needs Debian's acorn (docs/build.md)

[[ $MODE == build ]] || bash .ci/setup.sh
[[ -d node_modules/esbuild ]] || npm ci --no-audit --no-fund

echo "demo: building the native tools and the WebAssembly engine"
cmake --preset release >/dev/null
cmake --build --preset release --target tandem
cmake --preset wasm >/dev/null
cmake --build --preset wasm --target tandem_wasm_web

echo "demo: training web/demo/kb.json"
mkdir -p "$OUT"
build/release/bin/tandem train web/demo/kb.json -o "$OUT/site.tandem"

echo "demo: bundling the widget"
node web/tools/build.mjs --out "$OUT" --core build/wasm/web

[[ $MODE == build ]] && exit 0

node web/tools/serve.mjs --root "$OUT" --port "$PORT" &
server=$!
trap 'kill "$server" 2>/dev/null' EXIT
url="http://127.0.0.1:$PORT/"
for _ in $(seq 50); do
  curl -fsS -o /dev/null "$url" 2>/dev/null && break
  sleep 0.1
done

if [[ $MODE == check ]]; then
  curl -fsS "$url" | grep -q '<tandem-chat' || { echo "demo: $url did not serve the demo page" >&2; exit 1; }
  for file in tandem.js tandem.css tandem-core.mjs tandem-core.wasm site.tandem; do
    curl -fsS -o /dev/null "$url$file" || { echo "demo: $url$file is missing" >&2; exit 1; }
  done
  echo "demo: $url serves the demo page and every widget file"
  exit 0
fi

echo
echo "  Lumen Pay demo: $url   (Ctrl-C to stop)"
echo
wait "$server"
