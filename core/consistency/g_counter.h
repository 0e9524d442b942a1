#pragma once
// G-Counter, a grow-only counter CRDT: one entry per replica, each replica increments only its own
// entry, the value is the sum, and merge takes the maximum of each entry. The maximum (not the sum)
// is what makes merging idempotent: a state delivered twice is not counted twice.
#include <cstdint>
#include <vector>

#include "sim/ids.h"

namespace cs::consistency {

class GCounter {
 public:
  static constexpr std::size_t kMaxNodes = 256;

  void increment(sim::EndpointId node, std::uint64_t by = 1);
  void merge(const GCounter& other);
  std::uint64_t value() const;
  std::uint64_t entry(sim::EndpointId node) const { return node < entries_.size() ? entries_[node] : 0; }
  bool operator==(const GCounter& other) const;

 private:
  std::vector<std::uint64_t> entries_;
};

}  // namespace cs::consistency
