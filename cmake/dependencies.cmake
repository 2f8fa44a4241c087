# Header-only dependencies come from Debian packages. Under Emscripten,
# find_package only searches the Emscripten sysroot and -I/usr/include would
# shadow its libc headers, so a build-tree folder of symlinks exposes just the
# two libraries (see docs/build.md).
if(EMSCRIPTEN)
  set(TANDEM_SHIM_INCLUDE ${CMAKE_BINARY_DIR}/shim-include)
  file(MAKE_DIRECTORY ${TANDEM_SHIM_INCLUDE})
  foreach(lib nlohmann catch2)
    if(NOT EXISTS /usr/include/${lib})
      message(FATAL_ERROR "/usr/include/${lib} is missing: run .ci/setup.sh")
    endif()
    file(CREATE_LINK /usr/include/${lib} ${TANDEM_SHIM_INCLUDE}/${lib} SYMBOLIC)
  endforeach()
  add_library(tandem_json INTERFACE)
  target_include_directories(tandem_json SYSTEM INTERFACE ${TANDEM_SHIM_INCLUDE})
  add_library(tandem_catch2 INTERFACE)
  target_include_directories(tandem_catch2 SYSTEM INTERFACE ${TANDEM_SHIM_INCLUDE})
else()
  find_package(nlohmann_json 3.9 REQUIRED)
  add_library(tandem_json INTERFACE)
  target_link_libraries(tandem_json INTERFACE nlohmann_json::nlohmann_json)
  find_package(Catch2 2 REQUIRED)
  add_library(tandem_catch2 INTERFACE)
  target_link_libraries(tandem_catch2 INTERFACE Catch2::Catch2)
endif()

# libonnx writes and checks model.onnx at training time (src/onnx); the browser
# runs it with ONNX Runtime Web, so the wasm build never needs it. ONNX's CMake
# config names protobuf::libprotobuf without finding it: Protobuf comes first.
if(NOT EMSCRIPTEN)
  find_package(Protobuf REQUIRED)
  find_package(ONNX REQUIRED)
endif()
