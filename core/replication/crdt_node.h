#pragma once
// Replication with CRDTs: every node accepts every operation on its own copy at once, and
// periodically sends the state of what changed to every other node (and everything, every few
// rounds, to repair what a lost message or a partition kept from someone). A receiver merges the
// state into its own. Because the merge is commutative, associative and idempotent, the order of
// messages, repeats and losses do not matter: replicas that have seen the same updates are equal,
// and there is never a conflict to resolve.
// Client operations per type:
//   or-set        a shopping cart of `products` products; a write toggles product
//                 (value mod products) + 1: adds it (tagged with the write's unique value) if this
//                 replica's cart lacks it, removes the tags it has seen otherwise; a read returns
//                 how many products the cart holds
//   g-counter     a write increments; a read returns the count
//   pn-counter    a write increments (even value) or decrements (odd value)
//   lww-register  a write sets the value, stamped with this node's clock
#include <cstdint>
#include <map>
#include <memory>
#include <set>

#include "consistency/g_counter.h"
#include "consistency/lww_register.h"
#include "consistency/or_set.h"
#include "consistency/pn_counter.h"
#include "replication/replica_state.h"
#include "sim/protocol.h"

namespace cs::replication {

enum class CrdtType : std::uint8_t { ORSet, GCounter, PNCounter, LwwRegister };

struct CrdtConfig {
  CrdtType type = CrdtType::ORSet;
  sim::TimeUs gossip_interval_us = 500'000;
  std::size_t full_sync_every = 4;  // every this many rounds, send every key, not only changed ones
  std::int64_t products = 8;        // or-set: the products a cart can hold
  std::size_t max_tags = 4'096;     // or-set: a cart with this many tags refuses more adds
};

// One key's state. Only the member of the configured type is ever used; merging all four keeps the
// code free of a variant for no gain.
struct CrdtState {
  consistency::ORSet set;
  consistency::GCounter g_counter;
  consistency::PNCounter pn_counter;
  consistency::LwwRegister lww_register;

  void merge(const CrdtState& other) {
    set.merge(other.set);
    g_counter.merge(other.g_counter);
    pn_counter.merge(other.pn_counter);
    lww_register.merge(other.lww_register);
  }
  bool operator==(const CrdtState&) const = default;
};

class CrdtNode final : public sim::Protocol, public ReplicaState {
 public:
  static constexpr std::uint16_t kState = sim::kind::kFirstProtocolKind;
  static constexpr std::uint16_t kGossipTimer = 0;
  static constexpr std::size_t kMaxExecutedOps = 100'000;

  CrdtNode(CrdtConfig config, sim::EndpointId self, std::size_t node_count);

  std::unique_ptr<sim::Protocol> clone() const override { return std::make_unique<CrdtNode>(*this); }
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

  // A CRDT's state only grows: an operation a node executed stays in its state (a removal as
  // tombstones), so its effect is held as long as the node's state exists.
  bool holds_write(std::int64_t key, std::int64_t value) const override;
  bool later_writes_replace() const override { return config_.type == CrdtType::LwwRegister; }

  const std::map<std::int64_t, CrdtState>& states() const { return states_; }
  // What a read of `key` returns here.
  std::int64_t read_value(std::int64_t key) const;

  const CrdtConfig& config() const { return config_; }

 private:
  void on_write(sim::NodeContext& ctx, const sim::Message& request);
  void gossip(sim::NodeContext& ctx);

  CrdtConfig config_;
  sim::EndpointId self_;
  std::size_t node_count_;  // the counters' entries the inspector lists
  // Durable.
  std::map<std::int64_t, CrdtState> states_;
  std::set<std::int64_t> executed_ops_;  // values of the writes this node executed (bounded)
  // Volatile: keys changed since the last round (a restarted node sends everything next round).
  std::set<std::int64_t> dirty_;
  std::uint64_t round_ = 0;
  // Counters for metrics, kept across crashes.
  std::int64_t merges_ = 0;
  std::int64_t writes_refused_ = 0;
};

}  // namespace cs::replication
