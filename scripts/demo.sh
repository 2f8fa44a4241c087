#!/usr/bin/env bash
# README's main command: sets up the machine, builds the engine (native and
# WebAssembly) and tandem-desk, trains the demo knowledge base, bundles the
# widget and serves the Lumen Pay demo page on http://127.0.0.1:8080/ (PORT=...
# to change), with tandem-desk beside it on http://127.0.0.1:8081/ (DESK_PORT=...)
# so that a handoff in the demo lands in the agent inbox, and the demo shop's
# own API (lumenpay-api: demo sign-in, orders, instalments, notices) on
# http://127.0.0.1:8082/ (API_PORT=...), which the page's demo sign-in uses.
#
# Usage: bash scripts/demo.sh           build, then serve until Ctrl-C
#        bash scripts/demo.sh --check   build, serve, check the page, the desk and the API once, exit (CI)
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
DESK_PORT=${DESK_PORT:-8081}
API_PORT=${API_PORT:-8082}
OUT=build/web
DESK_DB=build/demo-desk.db
SHOP_DB=build/demo-shop.db
export NODE_PATH=/usr/share/nodejs # em++ needs Debian's acorn (docs/build.md)

[[ $MODE == build ]] || bash .ci/setup.sh
[[ -d node_modules/esbuild ]] || npm ci --no-audit --no-fund

echo "demo: building the native tools and the WebAssembly engine"
cmake --preset release >/dev/null
cmake --build --preset release --target tandem tandem-desk lumenpay-api
cmake --preset wasm >/dev/null
cmake --build --preset wasm --target tandem_wasm_web tandem_encoder_web

echo "demo: training web/demo/kb.json (and its optional neural model, site.onnx)"
mkdir -p "$OUT"
build/release/bin/tandem train web/demo/kb.json -o "$OUT/site.tandem" --neural

echo "demo: bundling the widget"
node web/tools/build.mjs --out "$OUT" --core build/wasm/web

[[ $MODE == build ]] && exit 0

url="http://127.0.0.1:$PORT/"
desk="http://127.0.0.1:$DESK_PORT"
# web/demo/index.html names the default desk port; another one is written into the built page.
sed -i "s#endpoint=\"http://127.0.0.1:[0-9]*/v1/handoffs\"#endpoint=\"$desk/v1/handoffs\"#" "$OUT/index.html"
shop="http://127.0.0.1:$API_PORT"
sed -i "s#name=\"lumenpay-api\" content=\"[^\"]*\"#name=\"lumenpay-api\" content=\"$shop\"#" "$OUT/index.html"
# The agent token goes through the environment, so it never shows in `ps`.
TANDEM_DESK_AGENT_TOKEN=$(od -An -tx1 -N24 /dev/urandom | tr -d ' \n')
export TANDEM_DESK_AGENT_TOKEN

pids=()
trap 'kill "${pids[@]}" 2>/dev/null' EXIT
node web/tools/serve.mjs --root "$OUT" --port "$PORT" &
pids+=($!)
build/release/bin/tandem-desk --db "$DESK_DB" --port "$DESK_PORT" \
  --allow-origin "http://127.0.0.1:$PORT" >/dev/null &
pids+=($!)
# Its data is seeded afresh (dates around today) and its signing secret is
# random at every start: tokens of an earlier run stop working.
rm -f "$SHOP_DB" "$SHOP_DB-wal" "$SHOP_DB-shm"
build/release/bin/lumenpay-api --db "$SHOP_DB" --port "$API_PORT" \
  --allow-origin "http://127.0.0.1:$PORT" >/dev/null &
pids+=($!)
for _ in $(seq 50); do
  curl -fsS -o /dev/null "$url" 2>/dev/null && curl -fsS -o /dev/null "$desk/inbox?token=$TANDEM_DESK_AGENT_TOKEN" 2>/dev/null &&
    curl -fsS -o /dev/null "$shop/v1/demo/customers" 2>/dev/null && break
  sleep 0.1
done

if [[ $MODE == check ]]; then
  curl -fsS "$url" | grep -q '<tandem-chat' || { echo "demo: $url did not serve the demo page" >&2; exit 1; }
  for file in tandem.js tandem.css tandem-core.mjs tandem-core.wasm site.tandem; do
    curl -fsS -o /dev/null "$url$file" || { echo "demo: $url$file is missing" >&2; exit 1; }
  done
  echo "demo: $url serves the demo page and every widget file"
  curl -fsS "$url" | grep -q "endpoint=\"$desk/v1/handoffs\"" || { echo "demo: the demo page does not post handoffs to $desk" >&2; exit 1; }
  curl -fsS -o /dev/null -H "Authorization: Bearer $TANDEM_DESK_AGENT_TOKEN" "$desk/v1/agent/conversations" ||
    { echo "demo: tandem-desk does not answer on $desk" >&2; exit 1; }
  # The page's origin may post bundles (CORS preflight, as the browser sends it).
  curl -fsS -o /dev/null -X OPTIONS -H "Origin: http://127.0.0.1:$PORT" \
    -H 'Access-Control-Request-Method: POST' -H 'Access-Control-Request-Headers: content-type,idempotency-key' \
    "$desk/v1/handoffs" || { echo "demo: tandem-desk refuses the demo page's origin" >&2; exit 1; }
  echo "demo: $desk answers the agent API and accepts handoffs from $url"
  curl -fsS "$url" | grep -q "name=\"lumenpay-api\" content=\"$shop\"" || { echo "demo: the demo page does not sign in at $shop" >&2; exit 1; }
  curl -fsS -o /dev/null -X OPTIONS -H "Origin: http://127.0.0.1:$PORT" \
    -H 'Access-Control-Request-Method: GET' -H 'Access-Control-Request-Headers: authorization' \
    "$shop/v1/orders/LP-000123" || { echo "demo: lumenpay-api refuses the demo page's origin" >&2; exit 1; }
  token=$(curl -fsS -H 'Content-Type: application/json' -d '{"customer":"ada@example.com"}' "$shop/v1/demo/sign-in" |
    sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
  [[ -n $token ]] || { echo "demo: lumenpay-api's demo sign-in gave no token" >&2; exit 1; }
  curl -fsS -H "Authorization: Bearer $token" "$shop/v1/instalments/next" | grep -q '"status":"scheduled"' ||
    { echo "demo: lumenpay-api does not answer a signed-in customer's next instalment" >&2; exit 1; }
  [[ $(curl -s -o /dev/null -w '%{http_code}' "$shop/v1/instalments/next") == 401 ]] ||
    { echo "demo: lumenpay-api answers without a token" >&2; exit 1; }
  echo "demo: $shop signs in a demo customer, answers with a token only, and accepts calls from $url"
  exit 0
fi

echo
echo "  Lumen Pay demo:  $url"
echo "  with the optional neural model (ONNX Runtime Web): $url?neural"
echo "  Agent inbox:     $desk/inbox?token=$TANDEM_DESK_AGENT_TOKEN"
echo "                   (conversations kept in $DESK_DB)"
echo "  Shop API:        $shop (demo customers, orders and notices, fresh in $SHOP_DB;"
echo "                   the page's \"Sign in\" picks a customer; Ctrl-C stops all three)"
echo
wait -n "${pids[@]}"
