# Emscripten 3.1.6 (Debian) recipes shared by every wasm target; docs/build.md
# explains each one.

# em++ runs Node tools (acorn) when it optimises the JS glue at link time and
# fails unless NODE_PATH points at Debian's node modules. The launcher makes
# the build independent of the caller's environment.
find_path(TANDEM_NODE_MODULES acorn/package.json PATHS /usr/share/nodejs /usr/lib/nodejs
          NO_CMAKE_FIND_ROOT_PATH)
if(NOT TANDEM_NODE_MODULES)
  message(FATAL_ERROR "Node module 'acorn' not found (Debian package node-acorn): run .ci/setup.sh")
endif()
set(CMAKE_CXX_LINKER_LAUNCHER ${CMAKE_COMMAND} -E env NODE_PATH=${TANDEM_NODE_MODULES})

# emcmake's default emulator passes a flag Node 20 rejects, so tests name node
# themselves.
find_program(TANDEM_NODE NAMES node nodejs REQUIRED NO_CMAKE_FIND_ROOT_PATH)

# Shipped wasm has no C++ exceptions (size, speed); the unit tests need them
# because Catch2 throws. -O1 keeps test links fast: -O2 and above run
# wasm-opt passes that cost seconds per link and grow with the test binary.
set(TANDEM_WASM_TEST_FLAGS -fexceptions -O1)

# Link-time optimisation for what the widget downloads (tandem_core and the
# wasm modules, not the unit tests' variant): 5 KB gzip less with the same
# speed at -O3 (docs/wasm.md, "Link flags and why").
set(TANDEM_WASM_LTO -flto)
