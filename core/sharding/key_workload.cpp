#include "sharding/key_workload.h"

#include <algorithm>
#include <cassert>

namespace cs::sharding {

std::string_view to_string(KeyPattern p) {
  switch (p) {
    case KeyPattern::Uniform: return "uniform";
    case KeyPattern::Zipf: return "zipf";
    case KeyPattern::Timestamps: return "timestamps";
    case KeyPattern::Celebrity: return "celebrity";
  }
  return "?";
}

KeyStream::KeyStream(KeyWorkload workload, std::uint64_t seed)
    : w_(workload), rng_(seed), last_timestamp_us_(workload.first_timestamp_us) {
  assert(w_.key_count >= 1);
  if (w_.pattern == KeyPattern::Zipf) zipf_.emplace(w_.key_count, w_.zipf_exponent);
}

std::int64_t KeyStream::next() {
  switch (w_.pattern) {
    case KeyPattern::Uniform: return static_cast<std::int64_t>(rng_.below(w_.key_count)) + 1;
    case KeyPattern::Zipf: return static_cast<std::int64_t>(zipf_->draw(rng_));
    case KeyPattern::Timestamps: {
      // Strictly increasing: each insert carries a later time than the one before.
      const auto gap = static_cast<std::int64_t>(rng_.exponential(static_cast<double>(w_.mean_gap_us)));
      last_timestamp_us_ += std::max<std::int64_t>(1, gap);
      return last_timestamp_us_;
    }
    case KeyPattern::Celebrity:
      if (rng_.chance(w_.celebrity_share)) return 1;
      return static_cast<std::int64_t>(rng_.below(w_.key_count)) + 1;
  }
  return 1;
}

}  // namespace cs::sharding
