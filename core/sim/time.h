#pragma once
// Simulated time. The core never reads a wall clock: every duration and instant is an integer
// count of simulated microseconds, so runs are exact and identical on every platform.
#include <cstdint>

namespace cs::sim {

using TimeUs = std::int64_t;

inline constexpr TimeUs kMicrosPerMilli = 1'000;
inline constexpr TimeUs kMicrosPerSecond = 1'000'000;
inline constexpr TimeUs kTimeNever = INT64_MAX;

constexpr TimeUs millis(std::int64_t ms) { return ms * kMicrosPerMilli; }
constexpr TimeUs seconds(std::int64_t s) { return s * kMicrosPerSecond; }

}  // namespace cs::sim
