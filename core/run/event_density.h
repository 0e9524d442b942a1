#pragma once
// The timeline's minimap figures: how many trace events happened in each stretch of the run, and
// when event number N happened. Both come from the series samples, which record the trace index
// every kSampleIntervalUs and stay with the run's timeline when it is rewound, so they cost the
// same early and late in a long run and survive the trace being thinned.
#include <cstdint>
#include <optional>
#include <vector>

#include "run/series.h"
#include "sim/trace.h"

namespace cs::run {

inline constexpr std::size_t kMaxDensityBuckets = 4'096;

// Events per bucket, `buckets` equal stretches of [0, horizon_us); the stretches after the last
// sample count 0. At most kMaxDensityBuckets buckets.
std::vector<std::uint32_t> event_density(const Samples& samples, sim::TimeUs horizon_us, std::size_t buckets);

// When event number `index` (0-based, in trace order) happened: its own time while the trace
// still holds it, else the end of the sample interval it fell in (nullopt when it has not
// happened yet in the sampled run).
std::optional<sim::TimeUs> time_of_event(const sim::Trace& trace, const Samples& samples, std::uint64_t index);

}  // namespace cs::run
