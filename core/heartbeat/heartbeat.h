#pragma once
// The simplest protocol worth watching: a fixed leader sends heartbeats, followers answer, and a
// follower that hears nothing for `failure_timeout` starts to suspect the leader. It is the
// failure detector of lesson 5 in miniature and the first scene of the stage.
// The leader also serves client reads and writes from its own map; followers refuse them.
#include <cstdint>
#include <map>
#include <memory>

#include "model/model_info.h"
#include "sim/protocol.h"

namespace cs::heartbeat {

struct HeartbeatConfig {
  sim::TimeUs heartbeat_interval_us = 150'000;
  sim::TimeUs failure_timeout_us = 500'000;
  sim::EndpointId leader = 0;
};

class HeartbeatNode final : public sim::Protocol {
 public:
  static constexpr std::uint16_t kHeartbeat = sim::kind::kFirstProtocolKind;
  static constexpr std::uint16_t kHeartbeatAck = sim::kind::kFirstProtocolKind + 1;
  static constexpr std::uint16_t kSendTimer = 0;
  static constexpr std::uint16_t kCheckTimer = 1;

  explicit HeartbeatNode(HeartbeatConfig config) : config_(config) {}

  std::unique_ptr<sim::Protocol> clone() const override { return std::make_unique<HeartbeatNode>(*this); }
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

  // For the checker (heartbeat_checker.h).
  const HeartbeatConfig& config() const { return config_; }
  bool suspecting() const { return suspecting_; }
  std::int64_t beats_seen() const { return beats_seen_; }

 private:
  bool is_leader(const sim::NodeContext& ctx) const { return ctx.self() == config_.leader; }
  void handle_client(sim::NodeContext& ctx, const sim::Message& message);

  HeartbeatConfig config_;
  // This node's id, learned at start: the inspector has no context to ask.
  sim::EndpointId self_ = sim::kNoEndpoint;
  // Volatile: lost on a crash.
  bool suspecting_ = false;
  std::int64_t beats_seen_ = 0;
  std::map<std::int64_t, std::int64_t> data_;
  // Counters for metrics; kept across crashes because they describe the run, not the node.
  std::int64_t heartbeats_sent_ = 0;
  std::int64_t suspicions_ = 0;
};

// The "heartbeat" model: its parameters and how it builds its nodes.
model::ModelInfo heartbeat_model();

}  // namespace cs::heartbeat
