#pragma once
// PN-Counter: a counter CRDT that can also go down. Two G-Counters, one for increments and one for
// decrements; the value is their difference and merge merges each. A single counter with negative
// steps would not do: the entry-wise maximum would forget decrements.
#include <cstdint>

#include "consistency/g_counter.h"

namespace cs::consistency {

class PNCounter {
 public:
  void increment(sim::EndpointId node, std::uint64_t by = 1) { increments_.increment(node, by); }
  void decrement(sim::EndpointId node, std::uint64_t by = 1) { decrements_.increment(node, by); }
  void merge(const PNCounter& other) {
    increments_.merge(other.increments_);
    decrements_.merge(other.decrements_);
  }
  std::int64_t value() const {
    return static_cast<std::int64_t>(increments_.value()) - static_cast<std::int64_t>(decrements_.value());
  }
  bool operator==(const PNCounter& other) const = default;

 private:
  GCounter increments_;
  GCounter decrements_;
};

}  // namespace cs::consistency
