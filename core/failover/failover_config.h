#pragma once
// Knobs of the primary/replica failover model ("failover"): how a failed primary is detected, who
// promotes a replica (software, an operator, a planned switchover) and which protections against
// split brain are switched on. See failover_node.h for the behaviour.
#include <cstddef>
#include <cstdint>
#include <string>

#include "sim/ids.h"
#include "sim/time.h"

namespace cs::failover {

struct FailoverConfig {
  // Failure detection (on every replica and witness).
  enum class Detector : std::uint8_t {
    Heartbeat,   // the primary pushes heartbeats; silence for failure_timeout means suspicion
    TcpConnect,  // connect to the database port: proves the process listens, not that it works
    Query,       // run a test write: also catches a server that accepts connections but hangs
  };
  Detector detector = Detector::Heartbeat;
  sim::TimeUs heartbeat_interval_us = 200'000;
  sim::TimeUs failure_timeout_us = 1'000'000;
  sim::TimeUs check_interval_us = 500'000;  // TCP and query checks
  sim::TimeUs check_timeout_us = 250'000;
  int failed_checks_to_suspect = 3;

  // Who promotes.
  enum class Mode : std::uint8_t { Automatic, Manual, None };
  Mode mode = Mode::Automatic;
  sim::TimeUs candidate_window_us = 300'000;            // candidates compare positions this long
  sim::TimeUs operator_delay_us = 30'000'000;           // manual: from the alarm to the operator's promotion
  sim::EndpointId manual_candidate = sim::kNoEndpoint;  // manual: whom the operator promotes
  std::int64_t max_lag_entries = -1;                    // a replica further behind may not be promoted (-1: any)
  std::uint64_t not_promotable = 0;                     // bit per node that must never be promoted

  // Planned switchover.
  sim::TimeUs switchover_at_us = -1;
  sim::EndpointId switchover_to = sim::kNoEndpoint;
  // A second planned switchover, from switchover_to back to the initial primary (a blue-green
  // rollback: the old primary followed the new one meanwhile, so it has every write).
  sim::TimeUs switchback_at_us = -1;

  // Replication: replica acknowledgements a write waits for before the client is answered.
  // A request's level, when above 0, overrides it for that write (PostgreSQL's per-transaction
  // synchronous_commit): some writes synchronous, others not, on the same cluster.
  int replica_acks_required = 0;  // 0: asynchronous
  // A write to a key that already has a value is refused, as a unique constraint or a "book if
  // free" transaction refuses it: a night, a seat, a user name can be taken only once.
  bool insert_only = false;

  // Protections against split brain, each switchable.
  bool quorum = false;   // promotion needs votes from a strict majority of voters
  bool fencing = false;  // storage rejects writes carrying a token below the highest it has seen
  bool stonith = false;  // the winner powers off every node it cannot reach before promoting
  bool lease = false;    // a primary writes only while a majority has renewed its lease
  sim::TimeUs lease_us = 2'000'000;
  sim::TimeUs clock_skew_margin_us = 0;      // a primary gives up its lease this much early
  sim::TimeUs stonith_delay_us = 1'000'000;  // until the power-off is confirmed

  // Layout.
  sim::EndpointId initial_primary = 0;
  sim::EndpointId storage_node = sim::kNoEndpoint;  // shared storage: primaries write through it
  std::uint64_t witnesses = 0;                      // bit per voter that holds no data

  // A failure the kernel cannot inject: from this time on the primary's disk is full, so it
  // accepts connections but hangs on every write (-1: never).
  sim::TimeUs disk_full_at_us = -1;

  // What this node is, shown first on its card ("blue", "green", "connection pooler"); "" for none.
  std::string label;

  // Monitoring and bounds.
  std::int64_t max_connections = 100;
  std::size_t max_log_entries = 100'000;
  std::size_t max_held_writes = 1'000;
  std::size_t max_batch_entries = 64;

  bool is_witness(sim::EndpointId id) const { return id < 64 && ((witnesses >> id) & 1u) != 0; }
  bool is_storage(sim::EndpointId id) const { return id == storage_node; }
  bool holds_data(sim::EndpointId id) const { return !is_witness(id) && !is_storage(id); }
  bool may_promote(sim::EndpointId id) const {
    return holds_data(id) && !(id < 64 && ((not_promotable >> id) & 1u) != 0);
  }
};

// A fencing token: larger than every earlier one, and unique per promotion even when two sides
// promote at once without a quorum (the node id breaks the tie).
inline constexpr std::int64_t kMaxNodesPerToken = 64;
inline std::int64_t make_token(std::int64_t epoch, sim::EndpointId node) {
  return epoch * kMaxNodesPerToken + static_cast<std::int64_t>(node);
}
inline std::int64_t epoch_of(std::int64_t token) { return token / kMaxNodesPerToken; }

}  // namespace cs::failover
