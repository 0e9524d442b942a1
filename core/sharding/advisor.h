#pragma once
// The shard-key advisor: scores candidate keys against the course's four properties of a good
// shard key (high cardinality, no hotspots, query-friendly, immutable), where "no hotspots" is
// measured twice: skew of the values and monotonic growth. Each score is in [0, 1] (1 is good)
// and comes with one sentence that says why, in the terms the lesson uses.
#include <cstdint>
#include <string>
#include <vector>

#include "sharding/table.h"

namespace cs::sharding {

struct QuerySpec {
  std::string name;    // "a user's history"
  std::string column;  // the column the query filters on
  bool range = false;  // a range filter (between two values) rather than equality
  double weight = 1;   // share of the query mix
};

struct KeyCandidate {
  std::string column;
  bool hashed = true;  // hashed placement, or ranges of the raw value
};

struct KeyScore {
  double value = 0;  // [0, 1], 1 is good
  std::string explanation;
};

struct KeyAdvice {
  std::string column;
  bool hashed = true;
  KeyScore cardinality;
  KeyScore skew;
  KeyScore monotonicity;
  KeyScore targeting;
  KeyScore immutability;
  double overall = 0;
  std::string verdict;  // "good", "fair" or "poor"
  std::string summary;  // one sentence naming the verdict and the weakest property
};

// Scores each candidate on `table` for a cluster of `shards` shards and the given query mix;
// best first. Candidates naming a column the table does not have are skipped.
std::vector<KeyAdvice> advise_shard_keys(const Table& table, const std::vector<KeyCandidate>& candidates,
                                         const std::vector<QuerySpec>& queries, std::uint32_t shards);

}  // namespace cs::sharding
