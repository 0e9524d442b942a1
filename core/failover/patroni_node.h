#pragma once
// Patroni-style failover for PostgreSQL (lesson 5): every member runs an agent beside its database,
// and the agents share a consensus store (the DCS: etcd, Consul, ZooKeeper). Here one node plays
// the DCS (`dcs_node`); it stands for an etcd cluster, whose own Raft makes "who holds the key"
// have one answer.
//
// The primary's agent holds the leader key, with a time to live, and renews it every loop_wait.
// If it cannot renew within retry_timeout, it demotes its database to read-only (a lease: the
// minority side stops writing by itself). When nobody renews, the DCS deletes the key at the end
// of its TTL; replicas' agents, checking every loop_wait, find it gone and race to create it with
// "create only if absent". Exactly one succeeds and promotes; the others follow it. The key's
// revision, larger with every holder, is the new primary's fencing token.
// Replication is asynchronous log shipping (AsyncLog), as in the failover model.
#include <cstdint>
#include <memory>
#include <vector>

#include "check/leadership_ledger.h"
#include "failover/async_log.h"
#include "sim/protocol.h"

namespace cs::failover {

using check::FailoverRecord;
using check::LeadershipLedger;

struct PatroniConfig {
  sim::TimeUs ttl_us = 30'000'000;
  sim::TimeUs loop_wait_us = 10'000'000;
  sim::TimeUs retry_timeout_us = 10'000'000;
  std::int64_t maximum_lag_on_failover = 1'000'000;  // entries (Patroni counts bytes)
  sim::TimeUs replication_interval_us = 200'000;
  sim::EndpointId dcs_node = 0;
  sim::EndpointId initial_primary = 0;
  std::size_t max_log_entries = 100'000;
  std::size_t max_batch_entries = 64;
};

class PatroniNode final : public sim::Protocol {
 public:
  // Agent -> DCS.
  static constexpr std::uint16_t kGetKey = sim::kind::kFirstProtocolKind;
  static constexpr std::uint16_t kRenewKey = sim::kind::kFirstProtocolKind + 1;   // compare-and-set on the holder
  static constexpr std::uint16_t kCreateKey = sim::kind::kFirstProtocolKind + 2;  // create only if absent
  // DCS -> agent: ok, index = holder (kNoEndpoint: none), term = revision, value = TTL left (us),
  // log_term = the request's kind, commit = the request's number.
  static constexpr std::uint16_t kKeyReply = sim::kind::kFirstProtocolKind + 3;
  // Replication, as in the failover model: term = token, index/log_term = previous entry,
  // commit = the primary's last index; the ack has ok and index = match or resume hint.
  static constexpr std::uint16_t kShip = sim::kind::kFirstProtocolKind + 4;
  static constexpr std::uint16_t kShipAck = sim::kind::kFirstProtocolKind + 5;
  static constexpr std::uint16_t kForward = sim::kind::kFirstProtocolKind + 6;  // index = client, log_term = kind

  static constexpr std::uint16_t kLoopTimer = 0;
  static constexpr std::uint16_t kRetryTimer = 1;
  static constexpr std::uint16_t kShipTimer = 2;
  static constexpr std::uint16_t kTtlTimer = 3;  // on the DCS: expire the key, refresh the countdown

  PatroniNode(PatroniConfig config, sim::EndpointId self, std::size_t node_count);

  std::unique_ptr<sim::Protocol> clone() const override { return std::make_unique<PatroniNode>(*this); }
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

  bool is_dcs() const { return self_ == config_.dcs_node; }
  bool is_primary() const { return primary_; }
  std::int64_t token() const { return primary_ ? token_ : known_token_; }
  sim::EndpointId key_holder() const { return key_holder_; }    // on the DCS
  sim::TimeUs key_ttl_left_us() const { return ttl_left_us_; }  // on the DCS, as last refreshed
  const AsyncLog& log() const { return log_; }
  const LeadershipLedger& ledger() const { return ledger_; }

 private:
  // DCS side.
  void handle_key_request(sim::NodeContext& ctx, const sim::Message& m);
  void expire_key(sim::NodeContext& ctx);
  // Agent side.
  void run_loop(sim::NodeContext& ctx);
  void handle_key_reply(sim::NodeContext& ctx, const sim::Message& m);
  void promote(sim::NodeContext& ctx, std::int64_t revision);
  void demote(sim::NodeContext& ctx);
  void follow(sim::NodeContext& ctx, sim::EndpointId holder, std::int64_t revision);
  void show_role(sim::NodeContext& ctx);
  // Database side.
  void handle_client(sim::NodeContext& ctx, const sim::Message& request);
  void ship(sim::NodeContext& ctx, sim::EndpointId peer);
  void handle_ship(sim::NodeContext& ctx, const sim::Message& m);
  void handle_ship_ack(sim::NodeContext& ctx, const sim::Message& m);
  void send_key_request(sim::NodeContext& ctx, std::uint16_t kind);

  PatroniConfig config_;
  sim::EndpointId self_;
  std::size_t node_count_;

  // DCS (durable: etcd keeps its data and revision on disk).
  sim::EndpointId key_holder_ = sim::kNoEndpoint;
  sim::TimeUs key_expires_us_ = 0;
  std::int64_t revision_ = 0;
  sim::TimeUs ttl_left_us_ = 0;

  // Member, durable: the database's log and the highest token seen.
  AsyncLog log_;
  std::int64_t known_token_ = 0;
  // Member, volatile.
  bool primary_ = false;
  std::int64_t token_ = 0;
  sim::EndpointId primary_id_ = sim::kNoEndpoint;
  bool renewing_ = false;                  // a renewal is in flight; retry_timeout running
  bool reclaiming_ = false;                // a restarted holder renewing the key before acting as primary
  std::uint64_t request_seq_ = 0;          // numbers the requests to the DCS (echoed in `commit`)
  std::uint64_t cas_seq_ = 0;              // the newest compare-and-set (create or renew)
  sim::TimeUs cas_sent_us_ = 0;            // ... sent at this local time
  sim::TimeUs last_saw_key_us_ = -1;       // replica: when the holder last renewed, as far as it knows
  sim::TimeUs key_missing_since_us_ = -1;  // replica: when it found the key gone
  std::vector<std::int64_t> next_;
  std::vector<std::int64_t> match_;
  std::int64_t primary_last_index_ = 0;

  // Run records.
  sim::TimeUs last_local_us_ = 0;  // this node's clock at the event being handled
  LeadershipLedger ledger_;
  std::int64_t promotions_ = 0;
  std::int64_t demotions_ = 0;
  std::int64_t create_races_lost_ = 0;
};

}  // namespace cs::failover
