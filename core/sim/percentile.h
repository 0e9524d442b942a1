#pragma once
// Nearest-rank percentile of a list of durations, for the p50 and p99 metrics of any model.
#include <algorithm>
#include <cassert>
#include <cmath>
#include <vector>

#include "sim/time.h"

namespace cs::sim {

// The position (0-based) of the p-th percentile in a sorted list of n values: the nearest rank.
// p in (0, 100]; n > 0. Every percentile in the program, metric or chart, is taken at this rank.
inline std::size_t percentile_rank(std::size_t n, double p) {
  assert(p > 0.0 && p <= 100.0 && n > 0);
  const auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(n)));
  return std::max<std::size_t>(rank, 1) - 1;
}

// p in (0, 100]; 0 for an empty list. Takes a copy because it reorders.
inline TimeUs percentile_us(std::vector<TimeUs> values, double p) {
  if (values.empty()) return 0;
  const auto nth = values.begin() + static_cast<std::ptrdiff_t>(percentile_rank(values.size(), p));
  std::nth_element(values.begin(), nth, values.end());
  return *nth;
}

// The same percentile of a list that is already sorted (ascending), without copying it.
inline TimeUs percentile_of_sorted_us(const std::vector<TimeUs>& sorted, double p) {
  return sorted.empty() ? 0 : sorted[percentile_rank(sorted.size(), p)];
}

}  // namespace cs::sim
