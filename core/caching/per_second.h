#pragma once
// A counter per simulated second, for "how many this second" charts and tests: the DB's reads per
// second falling as the cache fills, the hit ratio of each second. Bounded: seconds beyond the
// limit are added to the last one.
#include <algorithm>
#include <cstdint>
#include <vector>

#include "sim/time.h"

namespace cs::caching {

class PerSecond {
 public:
  static constexpr std::size_t kMaxSeconds = 3'600;

  void add(sim::TimeUs now_us, std::int64_t n = 1) {
    if (now_us < 0) return;
    const auto second =
        std::min<std::size_t>(static_cast<std::size_t>(now_us / sim::kMicrosPerSecond), kMaxSeconds - 1);
    if (counts_.size() <= second) counts_.resize(second + 1, 0);
    counts_[second] += n;
  }
  // The count of second `second` ([second, second + 1) s), 0 if nothing happened then.
  std::int64_t at(std::size_t second) const { return second < counts_.size() ? counts_[second] : 0; }
  // The sum over [from, to) seconds.
  std::int64_t sum(std::size_t from, std::size_t to) const {
    std::int64_t total = 0;
    for (std::size_t s = from; s < to; ++s) total += at(s);
    return total;
  }

 private:
  std::vector<std::int64_t> counts_;
};

}  // namespace cs::caching
