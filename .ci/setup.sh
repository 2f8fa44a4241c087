#!/usr/bin/env bash
# Machine setup for a fresh Debian 12, run as root (CI) or through sudo.
# Idempotent: when every package is already installed it touches nothing, so
# reruns take a second.
set -euo pipefail
cd "$(dirname "$0")/.."

# Build: g++ for the native tools, Emscripten for WebAssembly (it pulls in
# clang, binaryen, node and node-acorn), Ninja for the CMake presets, make for
# the plain `cmake -S . -B DIR` build. Header-only libraries come from Debian;
# zlib measures gzip sizes in bench/. tandem-desk serves HTTP with cpp-httplib
# (found through pkg-config) and stores in SQLite or, through libpq, PostgreSQL
# (the desk tests start a throwaway PostgreSQL 15 cluster of their own); both
# servers (the desk and the demo shop's API in src/demo_api) hash, sign and
# draw random tokens with OpenSSL's libcrypto.
PACKAGES=(
  cmake ninja-build make g++
  emscripten
  nlohmann-json3-dev catch2
  libcpp-httplib-dev libsqlite3-dev libssl-dev libpq-dev postgresql pkgconf
  zlib1g-dev
  clang-format
)
# The sanitize step: clang with ASan, UBSan and libFuzzer (compiler-rt).
PACKAGES+=(clang libclang-rt-14-dev)
# The neural model is written as ONNX through libonnx (which needs protobuf's
# headers but does not depend on them); the test sentence encoder is generated
# at build time with Debian's python3-onnx.
PACKAGES+=(
  libonnx-dev libprotobuf-dev python3-onnx
  gzip ca-certificates
)
# Node may come from NodeSource, whose nodejs package bundles npm and conflicts
# with Debian's npm: asking apt for npm there would replace Node. So Node and
# npm are installed only when missing.
command -v node >/dev/null || PACKAGES+=(nodejs)
command -v npm >/dev/null || PACKAGES+=(npm)
# Browser tests drive Debian's Chromium (playwright-core cannot download
# browsers here); scripts/demo.sh --check fetches the demo page with curl.
PACKAGES+=(chromium curl)

missing=()
for pkg in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' ||
    missing+=("$pkg")
done

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo=()
  ((EUID == 0)) || sudo=(sudo)
  "${sudo[@]}" apt-get update -q
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -q --no-install-recommends "${missing[@]}"
else
  echo "setup: all ${#PACKAGES[@]} packages present"
fi

# Node packages for the widget build and the browser tests, exactly as locked
# in package-lock.json (a few seconds from npm's cache on reruns).
npm ci --no-audit --no-fund
