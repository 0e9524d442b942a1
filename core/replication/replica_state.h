#pragma once
// What the run-wide metrics need to know about any replication node, whatever its protocol:
// whether a write's effect is still present in its data and which writes it discarded unseen (to
// count acknowledged writes that were lost), and the worst replication lag it has seen.
#include <cstdint>
#include <set>

#include "sim/time.h"

namespace cs::replication {

class ReplicaState {
 public:
  virtual ~ReplicaState() = default;
  // Whether this node's data still shows the write of `value` to `key`: as the current value, as
  // one of the siblings, or as an element of a set.
  virtual bool holds_write(std::int64_t key, std::int64_t value) const = 0;
  // True for registers, where a later write legitimately replaces an earlier one; false where
  // writes add to what is there (a cart), so an effect that disappeared was lost.
  virtual bool later_writes_replace() const { return true; }
  // The largest replication lag this node has seen, in microseconds (0 where it does not apply).
  virtual sim::TimeUs max_lag_us() const { return 0; }
  // Adds the values of writes this node discarded in favour of a version that had not seen them
  // (a conflict lost under last-write-wins): lost even if a later write would have replaced them.
  virtual void add_discarded_unseen_writes(std::set<std::int64_t>& values) const { (void)values; }
};

}  // namespace cs::replication
