#pragma once
// LWW-Register: a single value with a last-write-wins stamp; merge keeps the higher stamp. It is
// a CRDT (merge is commutative, associative and idempotent, so replicas converge), but of two
// concurrent writes it keeps one and silently drops the other.
#include <cstdint>
#include <optional>

#include "consistency/lww.h"

namespace cs::consistency {

class LwwRegister {
 public:
  // Keeps the stamped write only if it beats the current one; returns whether it did.
  bool assign(const LwwStamp& write);
  void merge(const LwwRegister& other);
  bool has_value() const { return stamp_.has_value(); }
  std::int64_t value() const { return stamp_ ? stamp_->value : 0; }
  const std::optional<LwwStamp>& stamp() const { return stamp_; }
  bool operator==(const LwwRegister& other) const = default;

 private:
  std::optional<LwwStamp> stamp_;  // the stamp carries the value, so the two cannot disagree
};

}  // namespace cs::consistency
