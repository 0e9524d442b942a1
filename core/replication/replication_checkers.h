#pragma once
// What explore checks for the replication models (single-leader, multi-leader, leaderless, crdt).
// At the end of a run, from the history (run_metrics.h):
//   acknowledged-writes-kept     no write a client saw succeed is lost (where the configuration
//                                promises it: not under last-write-wins, which drops concurrent
//                                writes by design)
//   no-stale-reads               a read returns the newest write acknowledged before it began
//                                (single-leader reading from the primary or synchronously
//                                replicated; leaderless with strict quorums, W + R > N, where it is
//                                called strict-quorum-reads-latest)
//   read-your-writes, monotonic-reads   the session guarantees, where the configuration gives them
// At rest, once the faults have healed:
//   replicas-converge            every live replica holds the same data (for leaderless: every
//                                live replica of a key); conflicts resolved the same everywhere
#include <memory>
#include <vector>

#include "model/model_info.h"

namespace cs::replication {

std::vector<model::Invariant> single_leader_invariant_list();
std::unique_ptr<model::RunChecker> make_single_leader_checker(const model::ModelParams& params,
                                                              const sim::World& world);

std::vector<model::Invariant> multi_leader_invariant_list();
std::unique_ptr<model::RunChecker> make_multi_leader_checker(const model::ModelParams& params, const sim::World& world);

std::vector<model::Invariant> leaderless_invariant_list();
std::unique_ptr<model::RunChecker> make_leaderless_checker(const model::ModelParams& params, const sim::World& world);

std::vector<model::Invariant> crdt_invariant_list();
std::unique_ptr<model::RunChecker> make_crdt_checker(const model::ModelParams& params, const sim::World& world);

}  // namespace cs::replication
