#pragma once
// Peer-to-peer membership by gossip, as in Cassandra: every node is a peer with its own list of
// the cluster's members; nobody keeps the list for the others. The last node is a newcomer: it is
// silent (not a member) until `join_at`, then it announces itself to one seed peer, which answers
// with its list. From then on the news spreads by gossip.
//
// Rounds are driven by each node's own timer, every `round_interval` (Cassandra: 1 s), aligned to
// multiples of the interval so that rounds can be counted. In each round every member sends its
// list to `fanout` random peers it knows. Push only: the receiver merges and does not answer, so
// news spreads only from nodes that already have it, and with fanout 1 the number of informed
// nodes at most doubles per round. (Cassandra's exchange is push-pull, SYN/ACK/ACK2, which
// spreads a little faster; the order of growth, O(log N) rounds, is the same.)
//
// Every founding member also stores data: key k lives on founder k mod (N - 1). Any member takes
// a client's request and forwards it to the peer that holds the key, which answers the client
// directly. (The newcomer owns no keys in this run: taking over keys means streaming data to it,
// which is a later lesson's subject.)
//
// A member list is a bit set over node ids, carried in one message field, hence kMaxNodes.
#include <cstdint>
#include <map>
#include <memory>

#include "sim/cow_map.h"
#include "sim/protocol.h"

namespace cs::architecture {

struct GossipConfig {
  static constexpr std::size_t kMaxNodes = 64;  // bits in a member list
  std::size_t node_count = 0;
  sim::EndpointId newcomer = 0;  // the last node
  sim::EndpointId seed = 0;      // whom the newcomer announces itself to
  sim::TimeUs join_at_us = 1'000'000;
  sim::TimeUs round_interval_us = 1'000'000;
  std::size_t fanout = 1;
  std::int64_t rows = 0;  // keys 1..rows exist at the start

  std::uint64_t bit(sim::EndpointId node) const { return std::uint64_t{1} << node; }
  std::uint64_t everyone() const;
  sim::EndpointId owner_of(std::int64_t key) const;
  // The round in which something learned at `local_us` was learned: 0 for the announcement,
  // r for the r-th gossip round after the join (messages take far less than a round).
  std::int64_t round_of(sim::TimeUs local_us) const;
};

class GossipNode final : public sim::Protocol {
 public:
  static constexpr std::uint16_t kGossip = sim::kind::kFirstProtocolKind;  // value: member bits
  static constexpr std::uint16_t kJoin = sim::kind::kFirstProtocolKind + 1;
  static constexpr std::uint16_t kJoinAck = sim::kind::kFirstProtocolKind + 2;
  static constexpr std::uint16_t kForward = sim::kind::kFirstProtocolKind + 3;  // a client's request
  static constexpr std::size_t kMaxKeys = 1'000'000;
  static constexpr std::uint16_t kRoundTimer = 0;
  static constexpr std::uint16_t kJoinTimer = 1;

  GossipNode(std::shared_ptr<const GossipConfig> config, sim::EndpointId self);

  std::unique_ptr<sim::Protocol> clone() const override { return std::make_unique<GossipNode>(*this); }
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

  // Observation, for run metrics and tests.
  const GossipConfig& config() const { return *config_; }
  bool inert() const { return self_ >= config_->node_count; }  // beyond kMaxNodes: takes no part
  bool is_member() const { return !inert() && (self_ != config_->newcomer || joined_); }
  bool knows_newcomer() const { return (known_ & config_->bit(config_->newcomer)) != 0; }  // the newcomer: joined
  std::uint64_t known() const { return known_; }
  sim::TimeUs learned_at_us() const { return learned_at_us_; }  // -1: not yet
  sim::EndpointId learned_from() const { return learned_from_; }
  std::int64_t gossip_sent() const { return gossip_sent_; }

 private:
  void arm_round(sim::NodeContext& ctx);
  void gossip(sim::NodeContext& ctx);
  void merge(sim::NodeContext& ctx, std::uint64_t members, sim::EndpointId from);
  void serve(sim::NodeContext& ctx, const sim::Message& request);

  std::shared_ptr<const GossipConfig> config_;
  sim::EndpointId self_;
  // Durable: a member list survives a restart (Cassandra keeps it in system.peers).
  std::uint64_t known_ = 0;
  bool joined_ = false;
  // Copy on write: checkpoints share it, however many rows the data set has.
  sim::CowMap<std::int64_t, std::int64_t> store_;
  // Counters: describe the run.
  sim::TimeUs learned_at_us_ = -1;
  sim::EndpointId learned_from_ = sim::kNoEndpoint;
  std::int64_t gossip_sent_ = 0;
  std::int64_t gossip_received_ = 0;
  std::int64_t requests_served_ = 0;
  std::int64_t requests_forwarded_ = 0;
};

}  // namespace cs::architecture
