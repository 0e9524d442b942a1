#pragma once
// Streams of keys with the shapes that decide whether a shard gets hot: uniform, Zipf-skewed,
// monotonically increasing timestamps, and one celebrity key that takes a large share of all
// requests. Offline (no simulation): the advisor, the tests and the lesson's comparisons use them.
// Inside a run the same shapes come from the kernel's workload (uniform, Zipf), from inserts that
// carry the current time, and from the sharding model's celebrity_share parameter.
#include <cstdint>
#include <optional>
#include <string_view>

#include "sim/random.h"

namespace cs::sharding {

enum class KeyPattern : std::uint8_t { Uniform, Zipf, Timestamps, Celebrity };

std::string_view to_string(KeyPattern pattern);

struct KeyWorkload {
  KeyPattern pattern = KeyPattern::Uniform;
  std::uint64_t key_count = 1'000;  // keys 1..key_count (Uniform, Zipf, Celebrity's other keys)
  double zipf_exponent = 1.0;
  double celebrity_share = 0.5;         // Celebrity: share of requests for key 1
  std::int64_t first_timestamp_us = 0;  // Timestamps: the first key
  std::int64_t mean_gap_us = 1'000;     // Timestamps: mean time between two inserts
};

class KeyStream {
 public:
  KeyStream(KeyWorkload workload, std::uint64_t seed);
  std::int64_t next();

 private:
  KeyWorkload w_;
  sim::Random rng_;
  std::optional<sim::Zipf> zipf_;
  std::int64_t last_timestamp_us_;
};

}  // namespace cs::sharding
