#pragma once
// Last-write-wins ordering. Every write is stamped with the accepting node's own clock; of two
// versions the higher stamp wins and the other is discarded, whether or not anyone was told it
// had succeeded. Ties (same microsecond) are broken by node id, then by value, so every replica
// picks the same winner. A node whose clock runs ahead stamps its writes "in the future", and
// they beat writes that really happened later: the lost update of lesson 4.
#include <cstdint>
#include <tuple>

#include "sim/ids.h"
#include "sim/time.h"

namespace cs::consistency {

struct LwwStamp {
  sim::TimeUs timestamp_us = 0;  // the writer's local clock, skew and all
  sim::EndpointId node = 0;      // the node that accepted the write
  std::int64_t value = 0;        // last tie-breaker; values are unique per run

  auto key() const { return std::tie(timestamp_us, node, value); }
  bool operator==(const LwwStamp& other) const { return key() == other.key(); }
  bool operator<(const LwwStamp& other) const { return key() < other.key(); }
};

// True when `candidate` replaces `current` under last-write-wins.
inline bool lww_wins(const LwwStamp& candidate, const LwwStamp& current) { return current < candidate; }

}  // namespace cs::consistency
