#pragma once
// Quorum arithmetic for leaderless replication. A key lives on N replicas; a write waits for W
// acknowledgements and a read for R answers. R + W > N is what makes every read set meet every
// write set (tests/core/test_quorum_intersection.cpp checks that by enumeration). Cassandra's
// consistency levels name common choices of R and W.
#include <cstdint>
#include <optional>
#include <string_view>

namespace cs::consistency {

// The value a client request carries in Message::level. Default means "the model's own R or W".
enum class ConsistencyLevel : std::uint8_t { Default = 0, One = 1, Quorum = 2, All = 3, LocalQuorum = 4 };

std::string_view to_string(ConsistencyLevel level);                      // "ONE", "LOCAL_QUORUM", ...
std::optional<ConsistencyLevel> level_from_name(std::string_view name);  // the inverse, exact spelling
ConsistencyLevel level_from_wire(std::uint8_t level);                    // unknown numbers -> Default

// floor(n / 2) + 1: the smallest group that meets every other group of that size.
constexpr std::size_t majority(std::size_t n) { return n / 2 + 1; }

// R + W > N: every set of R replicas shares at least one replica with every set of W replicas.
constexpr bool quorums_intersect(std::size_t n, std::size_t r, std::size_t w) { return r + w > n; }

// Where a key's replicas are, as seen from the coordinator.
struct ReplicaCounts {
  std::size_t total = 0;  // replicas in every datacentre
  std::size_t local = 0;  // replicas in the coordinator's datacentre
};

// How many answers a request at `level` must collect. `model_default` (the model's R or W) is used
// for Default. LOCAL_QUORUM counts only local answers (see counts_answer_from).
std::size_t required_answers(ConsistencyLevel level, ReplicaCounts replicas, std::size_t model_default);

// Whether an answer from a replica in the coordinator's datacentre (local) or elsewhere counts
// toward the level.
constexpr bool counts_answer_from(ConsistencyLevel level, bool local) {
  return level != ConsistencyLevel::LocalQuorum || local;
}

}  // namespace cs::consistency
