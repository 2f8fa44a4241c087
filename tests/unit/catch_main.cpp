// Catch2's runner alone in its own translation unit: it takes most of a minute
// to compile, so it compiles once.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
