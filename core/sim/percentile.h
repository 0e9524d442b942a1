#pragma once
// Nearest-rank percentile of a list of durations, for the p50 and p99 metrics of any model.
#include <algorithm>
#include <cassert>
#include <cmath>
#include <vector>

#include "sim/time.h"

namespace cs::sim {

// p in (0, 100]; 0 for an empty list. Takes a copy because it reorders.
inline TimeUs percentile_us(std::vector<TimeUs> values, double p) {
  assert(p > 0.0 && p <= 100.0);
  if (values.empty()) return 0;
  const auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(values.size())));
  const auto nth = values.begin() + static_cast<std::ptrdiff_t>(std::max<std::size_t>(rank, 1) - 1);
  std::nth_element(values.begin(), nth, values.end());
  return *nth;
}

}  // namespace cs::sim
