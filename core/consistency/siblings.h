#pragma once
// Siblings: the versions of one key that no other version descends from. Version vectors decide
// what to keep: a version that an incoming one descends from is replaced; an incoming version
// that an existing one descends from is old news; a version concurrent with every other is kept
// beside them as a sibling, for the application to merge (Riak's allow_mult, Dynamo's carts).
// V is any type with a `version` member of type VersionVector.
#include <algorithm>
#include <cassert>
#include <cstdint>
#include <vector>

#include "consistency/version_vector.h"

namespace cs::consistency {

enum class SiblingOutcome : std::uint8_t {
  Stale,     // an existing version already descends from the incoming one: nothing changes
  Replaced,  // the incoming version descends from every version it met, which it replaces
  Sibling,   // the incoming version is concurrent with some existing one: kept side by side
};

template <class V>
class SiblingSet {
 public:
  // A bound on siblings per key; beyond it the caller must merge before accepting more.
  static constexpr std::size_t kMaxSiblings = 64;

  SiblingOutcome add(V incoming) {
    for (const V& existing : versions_) {
      if (existing.version.descends_from(incoming.version)) return SiblingOutcome::Stale;
    }
    std::erase_if(versions_, [&](const V& existing) { return incoming.version.descends_from(existing.version); });
    const bool concurrent = !versions_.empty();
    versions_.push_back(std::move(incoming));
    assert(versions_.size() <= kMaxSiblings);
    return concurrent ? SiblingOutcome::Sibling : SiblingOutcome::Replaced;
  }

  // The history that has seen every sibling: a value written with this vector (plus one) descends
  // from all of them and so replaces them all.
  VersionVector merged_version() const {
    VersionVector merged;
    for (const V& v : versions_) merged.merge(v.version);
    return merged;
  }

  const std::vector<V>& versions() const { return versions_; }
  bool empty() const { return versions_.empty(); }
  std::size_t size() const { return versions_.size(); }
  bool full() const { return versions_.size() >= kMaxSiblings; }

 private:
  std::vector<V> versions_;  // pairwise concurrent
};

}  // namespace cs::consistency
