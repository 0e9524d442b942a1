#pragma once
// Single-leader (primary-replica) replication. Node 0 is the primary: it accepts every write,
// appends it to its log and streams the log to the replicas along the topology (star, or a chain
// of cascading replicas). Replicas log what they receive, pass it on, apply it in log order (after
// `apply_delay`, if set, like PostgreSQL's recovery_min_apply_delay or a busy replica) and report
// both positions back.
// The primary answers a write
//   async      at once, after its own commit,
//   semi-sync  once k of its directly connected replicas have acknowledged it,
//   sync       once all of them have (PostgreSQL: cascaded standbys cannot be synchronous).
// A write request's level can choose the mode for that write alone, as PostgreSQL's
// `SET LOCAL synchronous_commit` does per transaction (see CommitLevel).
// Any node takes client requests: a replica forwards writes to the primary and serves reads from
// its own copy, which may lag; it can instead send a session's reads to the primary for a while
// after the session wrote, or until it has applied the session's version token (the log position
// of the session's last write). A session always reaches the cluster through the same node
// (workload target "sticky"), which plays the part of its driver and keeps that token.
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <vector>

#include "replication/change_log.h"
#include "replication/link.h"
#include "replication/replica_state.h"
#include "replication/topology.h"
#include "sim/protocol.h"

namespace cs::replication {

enum class CommitMode : std::uint8_t { Async, SemiSync, Sync };
enum class ReadRouting : std::uint8_t { Local, Primary };  // where a replica's client reads go
enum class SessionPolicy : std::uint8_t { None, PrimaryAfterWrite, VersionToken };

// Message::level of a client write: which commit mode applies to it. Default: the model's mode.
enum class CommitLevel : std::uint8_t { Default = 0, Async = 1, SemiSync = 2, Sync = 3 };

struct SingleLeaderConfig {
  CommitMode mode = CommitMode::Async;
  std::size_t semi_sync_acks = 1;  // k, for semi-sync
  Topology topology = Topology::Star;
  ReadRouting reads = ReadRouting::Local;
  SessionPolicy session = SessionPolicy::None;
  sim::TimeUs primary_after_write_us = 2'000'000;  // Rails' default window
  sim::TimeUs heartbeat_interval_us = 500'000;     // empty batches, and the retransmission check
  sim::TimeUs apply_delay_us = 0;                  // a replica applies an entry this long after its commit
  std::size_t max_log_entries = 10'000;
  std::size_t max_batch_entries = 64;
  std::size_t max_waiting_writes = 1'000;  // writes waiting for acknowledgements; more are refused
  std::size_t max_sessions = 1'024;        // session tokens a node keeps for its clients
};

// The commit mode of a write requested at `level` (Message::level); unknown levels use the model's.
CommitMode commit_mode_for(const SingleLeaderConfig& config, std::uint8_t level);

// One write as the log holds it.
struct WalEntry {
  std::int64_t key = 0;
  std::int64_t value = 0;
  std::uint64_t op_id = 0;
  sim::TimeUs commit_us = 0;  // the primary's clock when it committed the write (lag is measured from it)
};

class SingleLeaderNode final : public sim::Protocol, public ReplicaState {
 public:
  static constexpr sim::EndpointId kPrimary = 0;
  static constexpr std::uint16_t kShip = sim::kind::kFirstProtocolKind;  // log entries (or a heartbeat)
  static constexpr std::uint16_t kShipAck = kShip + 1;                   // index = received, commit = applied
  static constexpr std::uint16_t kSnapshot = kShip + 2;                  // the whole data, commit = position
  static constexpr std::uint16_t kForward = kShip + 3;                   // a client request, to the primary
  static constexpr std::uint16_t kForwardReply = kShip + 4;              // its answer, back to the forwarder
  static constexpr std::uint16_t kHeartbeatTimer = 0;
  static constexpr std::uint16_t kApplyTimer = 1;  // the next delayed entry is due

  SingleLeaderNode(SingleLeaderConfig config, sim::EndpointId self, std::size_t node_count);

  std::unique_ptr<sim::Protocol> clone() const override { return std::make_unique<SingleLeaderNode>(*this); }
  void start(sim::NodeContext& ctx) override;
  void on_message(sim::NodeContext& ctx, const sim::Message& message) override;
  void on_timer(sim::NodeContext& ctx, std::uint16_t timer_kind) override;
  void on_crash() override;
  void on_restart(sim::NodeContext& ctx) override;
  sim::NodeView view() const override;
  sim::Inspection inspect() const override;
  sim::MessageClass classify(std::uint16_t message_kind) const override;
  std::string_view message_name(std::uint16_t message_kind) const override;
  void add_metrics(sim::Metrics& metrics) const override;

  bool holds_write(std::int64_t key, std::int64_t value) const override;
  sim::TimeUs max_lag_us() const override { return max_lag_us_; }

  // For tests and charts.
  std::int64_t applied_index() const { return applied_index_; }
  double mean_lag_us() const { return lag_samples_ == 0 ? 0.0 : static_cast<double>(lag_sum_us_) / lag_samples_; }
  const std::map<std::int64_t, std::int64_t>& data() const { return data_; }

  const SingleLeaderConfig& config() const { return config_; }

 private:
  // Who is waiting for an answer: a client directly, or a node that forwarded the client's request.
  struct Requester {
    sim::Message request;
    sim::EndpointId via = sim::kNoEndpoint;
  };
  struct WaitingWrite {
    std::int64_t position = 0;
    std::size_t confirmations_required = 0;  // from the write's own commit mode
    Requester requester;
  };
  struct Session {
    std::int64_t token = 0;               // log position of the session's last write
    sim::TimeUs last_write_local_us = 0;  // when it was acknowledged, on this node's clock
  };

  bool is_primary() const { return self_ == kPrimary; }
  // How far the primary's log goes, as far as this node knows.
  std::int64_t source_last_index() const { return is_primary() ? received_index_ : known_source_index_; }
  // Log shipping (single_leader.cpp).
  void pump(sim::NodeContext& ctx, DownstreamLink& link);
  void send_snapshot(sim::NodeContext& ctx, DownstreamLink& link);
  void on_ship(sim::NodeContext& ctx, const sim::Message& message);
  void apply_batch(sim::NodeContext& ctx, const sim::Message& message);
  void on_snapshot(sim::NodeContext& ctx, const sim::Message& message);
  void on_ship_ack(sim::NodeContext& ctx, const sim::Message& message);
  // Applies every received entry that is due; true if any was.
  bool apply_due(sim::NodeContext& ctx);
  void acknowledge(sim::NodeContext& ctx, sim::EndpointId peer);
  void relay(sim::NodeContext& ctx);
  void commit_waiting_writes(sim::NodeContext& ctx);
  std::size_t confirmations_required(CommitMode mode) const;
  void trim_log();
  // Clients (single_leader_clients.cpp).
  void on_client_request(sim::NodeContext& ctx, const Requester& requester);
  void on_forward_reply(sim::NodeContext& ctx, const sim::Message& message);
  void accept_write(sim::NodeContext& ctx, const Requester& requester);
  bool read_goes_to_primary(const sim::NodeContext& ctx, const sim::Message& request) const;
  void answer(sim::NodeContext& ctx, const Requester& requester, bool ok, bool has_value, std::int64_t value,
              std::int64_t position);
  void remember_session_write(sim::NodeContext& ctx, sim::EndpointId client, std::int64_t position);

  SingleLeaderConfig config_;
  sim::EndpointId self_;
  sim::EndpointId upstream_ = sim::kNoEndpoint;  // where this node's log comes from (none: the primary)
  // Durable: the data and the log survive a crash, as a database's files and WAL do.
  std::map<std::int64_t, std::int64_t> data_;
  std::int64_t received_index_ = 0;  // the log holds every position up to here
  std::int64_t applied_index_ = 0;   // data_ reflects every position up to here
  ChangeLog<WalEntry> log_;
  // The sessions' version tokens: the node plays its clients' driver here, and a driver's tokens
  // live in the application, which a database crash does not take down.
  std::map<sim::EndpointId, Session> sessions_;
  // The primary's recent writes by client operation: a request the network delivered twice is
  // applied once (TCP would have dropped the copy). Bounded; the oldest go first.
  static constexpr std::size_t kMaxRecentWrites = 4'096;
  std::map<std::uint64_t, std::int64_t> recent_writes_;  // op id -> log position
  // Volatile.
  std::vector<DownstreamLink> downstream_;
  ReorderBuffer early_batches_;              // batches that overtook an earlier one on the wire
  std::deque<WaitingWrite> waiting_writes_;  // primary, semi-sync and sync writes: in position order
  std::int64_t known_source_index_ = 0;      // the primary's last position, as last heard
  sim::TimeUs last_lag_us_ = -1;
  // Counters for metrics and charts; they describe the run, so a crash keeps them.
  sim::TimeUs max_lag_us_ = 0;
  std::int64_t lag_sum_us_ = 0;
  std::int64_t lag_samples_ = 0;
  std::int64_t reads_forwarded_ = 0;
  std::int64_t snapshots_sent_ = 0;
};

}  // namespace cs::replication
