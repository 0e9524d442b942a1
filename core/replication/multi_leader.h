#pragma once
// Multi-leader replication: several nodes (the first `leaders`, or all) accept writes. Each leader
// applies a write locally, acknowledges it, and passes it on asynchronously along the topology
// (ring, mesh or star); every node also passes on what it receives, as MySQL's log-replica-updates
// does, so changes reach every node. Changes carry their origin, so a ring stops them before they
// come back. When a change meets a version it has not seen (a conflict), the store resolves it as
// configured (see versioned_store.h). With siblings, a read that finds several merges them as
// the application would and writes the result back.
#include <cstdint>
#include <map>
#include <memory>
#include <vector>

#include "replication/change_log.h"
#include "replication/link.h"
#include "replication/replica_state.h"
#include "replication/topology.h"
#include "replication/versioned_store.h"
#include "sim/protocol.h"

namespace cs::replication {

struct MultiLeaderConfig {
  Topology topology = Topology::Mesh;
  std::size_t leaders = 0;  // the first `leaders` nodes accept writes; 0: every node
  Resolution resolution = Resolution::LastWriteWins;
  DataKind data = DataKind::Register;
  sim::TimeUs heartbeat_interval_us = 1'000'000;
  std::size_t max_log_entries = 10'000;
  std::size_t max_batch_entries = 64;
  std::size_t max_cart_items = 64;  // a cart this full refuses more items
};

// One change as it travels: the version and where it started.
struct Change {
  sim::EndpointId origin = 0;
  std::int64_t key = 0;
  StoredVersion version;
  std::int32_t hops = 0;  // links travelled to reach the node that logged it
};

class MultiLeaderNode final : public sim::Protocol, public ReplicaState {
 public:
  static constexpr std::uint16_t kShip = sim::kind::kFirstProtocolKind;
  static constexpr std::uint16_t kShipAck = kShip + 1;
  static constexpr std::uint16_t kSnapshot = kShip + 2;
  static constexpr std::uint16_t kHeartbeatTimer = 0;

  MultiLeaderNode(MultiLeaderConfig config, sim::EndpointId self, std::size_t node_count);

  std::unique_ptr<sim::Protocol> clone() const override { return std::make_unique<MultiLeaderNode>(*this); }
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

  bool holds_write(std::int64_t key, std::int64_t value) const override { return store_.holds_write(key, value); }
  bool later_writes_replace() const override { return config_.data == DataKind::Register; }
  sim::TimeUs max_lag_us() const override { return max_lag_us_; }
  void add_discarded_unseen_writes(std::set<std::int64_t>& values) const override;

  // For tests and charts.
  bool is_leader() const { return config_.leaders == 0 || self_ < config_.leaders; }
  const VersionedStore& store() const { return store_; }
  std::int32_t max_hops_seen() const { return max_hops_seen_; }

  // Every origin whose changes this configuration can produce (the leaders).
  static std::vector<sim::EndpointId> origins(const MultiLeaderConfig& config, std::size_t node_count);

  const MultiLeaderConfig& config() const { return config_; }

 private:
  struct Upstream {
    UpstreamLink link;
    ReorderBuffer early;
  };

  void on_client(sim::NodeContext& ctx, const sim::Message& request);
  // Applies a change (local or received), logs it for passing on, and ships it.
  void accept(sim::NodeContext& ctx, const Change& change);
  void pump(sim::NodeContext& ctx, DownstreamLink& link);
  void send_snapshot(sim::NodeContext& ctx, DownstreamLink& link);
  void on_ship(sim::NodeContext& ctx, const sim::Message& message);
  void apply_batch(sim::NodeContext& ctx, Upstream& upstream, const sim::Message& message);
  void on_snapshot(sim::NodeContext& ctx, const sim::Message& message);
  void on_ship_ack(sim::NodeContext& ctx, const sim::Message& message);
  void acknowledge(sim::NodeContext& ctx, sim::EndpointId peer, std::int64_t position);
  Upstream& upstream(sim::EndpointId peer);
  void trim_log();

  MultiLeaderConfig config_;
  sim::EndpointId self_;
  std::size_t node_count_;
  // Durable: the data, the log, and how far each upstream stream has been applied.
  VersionedStore store_;
  ChangeLog<Change> log_;
  std::map<sim::EndpointId, Upstream> upstream_;
  // Volatile.
  std::vector<DownstreamLink> downstream_;
  sim::TimeUs last_lag_us_ = -1;
  // Counters for metrics and charts, kept across crashes.
  sim::TimeUs max_lag_us_ = 0;
  std::int32_t max_hops_seen_ = 0;
  std::int64_t writes_refused_ = 0;
  std::int64_t merges_written_ = 0;
};

}  // namespace cs::replication
