#pragma once
// What explore checks for the consensus models (raft, paxos) and the engines built on the Raft
// node (mongodb-replica-set, mysql-group-replication): the safety properties of raft_invariants.h
// and paxos_invariants.h after every event, and liveness once the faults heal.
#include <memory>
#include <vector>

#include "model/run_checker.h"

namespace cs::consensus {

// Raft: election-safety, leader-append-only, log-matching, leader-completeness,
// state-machine-safety, acknowledged-writes-kept; recovers (a leader within the bound after the
// heal) and logs-converge (every node holds the leader's log, all committed and applied).
std::vector<model::Invariant> raft_invariant_list();
// `acknowledged_writes_commit`: false for a configuration that acknowledges before commit on
// purpose (MongoDB w:1), which does not claim acknowledged-writes-kept.
std::unique_ptr<model::RunChecker> make_raft_checker(bool acknowledged_writes_commit, const sim::World& world);

// Paxos: one-value-per-proposal, one-value-chosen, learners-right, validity; value-chosen (after
// the heal a value is chosen and every proposer learns it).
std::vector<model::Invariant> paxos_invariant_list();
std::unique_ptr<model::RunChecker> make_paxos_checker(sim::TimeUs retry_timeout_us);

}  // namespace cs::consensus
