#pragma once
// A version vector: one counter per replica, counting the updates a value has seen from each.
// Comparing two vectors entry by entry tells whether one value descends from the other or whether
// the two were written concurrently (neither saw the other), which is a conflict. Dense (indexed by
// node id) because clusters here are small; a missing entry counts as 0.
#include <cstdint>
#include <string>
#include <vector>

#include "sim/ids.h"

namespace cs::consistency {

enum class Causality : std::uint8_t {
  Equal,       // the same history
  Before,      // this one is an ancestor of the other: the other has seen everything this has
  After,       // this one descends from the other
  Concurrent,  // each has seen an update the other has not: a conflict
};

class VersionVector {
 public:
  // The largest cluster a vector describes; a bound so a corrupt id cannot grow it without limit.
  static constexpr std::size_t kMaxNodes = 256;

  VersionVector() = default;

  std::uint64_t get(sim::EndpointId node) const { return node < counters_.size() ? counters_[node] : 0; }
  // Records one more update accepted by `node`.
  void increment(sim::EndpointId node);
  // Entry-wise maximum: the history that has seen both.
  void merge(const VersionVector& other);
  Causality compare(const VersionVector& other) const;
  bool descends_from(const VersionVector& other) const;  // After or Equal
  bool operator==(const VersionVector& other) const { return compare(other) == Causality::Equal; }

  // "{n1: 2, n2: 1}" with names n<id+1>, the notation of the lesson.
  std::string to_string() const;

 private:
  std::vector<std::uint64_t> counters_;
};

std::string_view to_string(Causality causality);

}  // namespace cs::consistency
