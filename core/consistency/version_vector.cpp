#include "consistency/version_vector.h"

#include <algorithm>
#include <cassert>

namespace cs::consistency {

void VersionVector::increment(sim::EndpointId node) {
  assert(node < kMaxNodes);
  if (counters_.size() <= node) counters_.resize(node + 1u, 0);
  ++counters_[node];
}

void VersionVector::merge(const VersionVector& other) {
  if (counters_.size() < other.counters_.size()) counters_.resize(other.counters_.size(), 0);
  for (std::size_t i = 0; i < other.counters_.size(); ++i) counters_[i] = std::max(counters_[i], other.counters_[i]);
}

Causality VersionVector::compare(const VersionVector& other) const {
  bool some_less = false;     // an entry where this vector is behind
  bool some_greater = false;  // an entry where this vector is ahead
  const std::size_t n = std::max(counters_.size(), other.counters_.size());
  for (std::size_t i = 0; i < n; ++i) {
    const auto mine = get(static_cast<sim::EndpointId>(i));
    const auto theirs = other.get(static_cast<sim::EndpointId>(i));
    some_less = some_less || mine < theirs;
    some_greater = some_greater || mine > theirs;
  }
  if (some_less && some_greater) return Causality::Concurrent;
  if (some_less) return Causality::Before;
  if (some_greater) return Causality::After;
  return Causality::Equal;
}

bool VersionVector::descends_from(const VersionVector& other) const {
  const Causality c = compare(other);
  return c == Causality::After || c == Causality::Equal;
}

std::string VersionVector::to_string() const {
  std::string out = "{";
  bool first = true;
  for (std::size_t i = 0; i < counters_.size(); ++i) {
    if (counters_[i] == 0) continue;
    if (!first) out += ", ";
    first = false;
    out += "n" + std::to_string(i + 1) + ": " + std::to_string(counters_[i]);
  }
  return out + "}";
}

std::string_view to_string(Causality causality) {
  switch (causality) {
    case Causality::Equal: return "equal";
    case Causality::Before: return "before";
    case Causality::After: return "after";
    case Causality::Concurrent: return "concurrent";
  }
  return "?";
}

}  // namespace cs::consistency
