#pragma once
// Knobs of the Raft engine. Plain Raft uses the defaults; the MongoDB replica set and MySQL Group
// Replication presets (failover/presets.cpp) run the same engine with priorities, their own role
// names and, for MongoDB's w:1, acknowledgement before commit.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "sim/role.h"
#include "sim/time.h"

namespace cs::consensus {

struct RaftConfig {
  sim::TimeUs election_timeout_min_us = 150'000;
  sim::TimeUs election_timeout_max_us = 300'000;
  sim::TimeUs heartbeat_interval_us = 50'000;
  std::size_t max_batch_entries = 64;        // entries per AppendEntries message
  std::size_t max_log_entries = 100'000;     // a full log refuses new client requests
  std::size_t max_pending_requests = 4'096;  // client requests a leader waits to commit
  // Per node, in node order; empty means all 1. A higher priority times out sooner and so usually
  // wins; 0 means never a candidate (MongoDB priority 0, a replica in a distant data centre).
  std::vector<int> priorities;
  // A caught-up follower with a higher priority than the leader calls an election to take over
  // (MongoDB's priority takeover).
  bool priority_takeover = false;
  // false: a write is acknowledged as soon as the leader has appended it (MongoDB w:1); it can then
  // be lost if the leader fails before a majority has it.
  bool ack_after_commit = true;
  // The very first election after boot uses a tenth of the timeout: a replica set or group that
  // has just been initiated elects at once instead of waiting out a full (long) timeout.
  bool fast_first_election = false;
  // Followers pass client requests on to the leader they know (client redirection).
  bool forward_to_leader = true;
  sim::Role leader_role = sim::Role::Leader;
  sim::Role follower_role = sim::Role::Follower;

  int priority_of(std::size_t node) const { return node < priorities.size() ? priorities[node] : 1; }
};

}  // namespace cs::consensus
