// The demo API's numbers that matter, in one place.
#pragma once

#include <cstddef>
#include <cstdint>

namespace tandem::demo_api {

inline constexpr std::int64_t kMaxTokenTtlSeconds = 86400;
inline constexpr std::size_t kMinSecretBytes = 32;     // HS256 wants a key of 256 bits
inline constexpr std::size_t kRandomSecretBytes = 32;  // when none is given
inline constexpr std::size_t kMaxRequestBytes = 4096;  // a sign-in is a few dozen
inline constexpr int kWorkerThreads = 16;
inline constexpr int kSlowFaultSeconds = 6;  // past the widget's 4 s action timeout

}  // namespace tandem::demo_api
