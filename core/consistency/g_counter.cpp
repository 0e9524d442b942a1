#include "consistency/g_counter.h"

#include <algorithm>
#include <cassert>

namespace cs::consistency {

void GCounter::increment(sim::EndpointId node, std::uint64_t by) {
  assert(node < kMaxNodes);
  if (entries_.size() <= node) entries_.resize(node + 1u, 0);
  entries_[node] += by;
}

void GCounter::merge(const GCounter& other) {
  if (entries_.size() < other.entries_.size()) entries_.resize(other.entries_.size(), 0);
  for (std::size_t i = 0; i < other.entries_.size(); ++i) entries_[i] = std::max(entries_[i], other.entries_[i]);
}

std::uint64_t GCounter::value() const {
  std::uint64_t sum = 0;
  for (auto e : entries_) sum += e;
  return sum;
}

bool GCounter::operator==(const GCounter& other) const {
  // Entries beyond the shorter vector count as 0, so {3} equals {3, 0}.
  const std::size_t n = std::max(entries_.size(), other.entries_.size());
  for (std::size_t i = 0; i < n; ++i) {
    if (entry(static_cast<sim::EndpointId>(i)) != other.entry(static_cast<sim::EndpointId>(i))) return false;
  }
  return true;
}

}  // namespace cs::consistency
