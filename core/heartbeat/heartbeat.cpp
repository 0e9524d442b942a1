#include "heartbeat/heartbeat.h"

#include "heartbeat/heartbeat_checker.h"
#include "model/params.h"

namespace cs::heartbeat {

using sim::Message;
using sim::NodeContext;
using sim::Role;

void HeartbeatNode::start(NodeContext& ctx) {
  self_ = ctx.self();
  if (is_leader(ctx)) {
    ctx.set_role(Role::Leader, 1);
    ctx.set_timer(kSendTimer, 0);
  } else {
    ctx.set_role(Role::Follower, 1);
    ctx.set_timer(kCheckTimer, config_.failure_timeout_us);
  }
}

void HeartbeatNode::on_timer(NodeContext& ctx, std::uint16_t timer_kind) {
  if (timer_kind == kSendTimer && is_leader(ctx)) {
    Message beat;
    beat.kind = kHeartbeat;
    beat.term = 1;
    beat.index = ++heartbeats_sent_;
    ctx.broadcast(beat);
    ctx.set_timer(kSendTimer, config_.heartbeat_interval_us);
  } else if (timer_kind == kCheckTimer && !is_leader(ctx)) {
    // Silence for a whole timeout: the leader may be dead, or only slow, paused or cut off.
    // A heartbeat detector cannot tell these apart, which is why false suspicion exists.
    if (!suspecting_) ++suspicions_;
    suspecting_ = true;
    ctx.set_role(Role::Suspect, 1);
    ctx.set_timer(kCheckTimer, config_.failure_timeout_us);
  }
}

void HeartbeatNode::on_message(NodeContext& ctx, const Message& message) {
  switch (message.kind) {
    case kHeartbeat: {
      ++beats_seen_;
      suspecting_ = false;
      ctx.set_role(Role::Follower, 1);
      ctx.set_timer(kCheckTimer, config_.failure_timeout_us);
      Message ack;
      ack.kind = kHeartbeatAck;
      ack.term = 1;
      ack.index = message.index;
      ctx.send(message.from, ack);
      break;
    }
    case kHeartbeatAck: ++beats_seen_; break;
    case sim::kind::kClientRead:
    case sim::kind::kClientWrite: handle_client(ctx, message); break;
    default: break;
  }
}

void HeartbeatNode::handle_client(NodeContext& ctx, const Message& message) {
  if (!is_leader(ctx)) {
    ctx.reply(message, false);
    return;
  }
  if (message.kind == sim::kind::kClientWrite) {
    data_[message.key] = message.value;
    ctx.reply(message, true);
    return;
  }
  const auto it = data_.find(message.key);
  ctx.reply(message, true, it != data_.end(), it != data_.end() ? it->second : 0);
}

void HeartbeatNode::on_crash() {
  suspecting_ = false;
  beats_seen_ = 0;
  data_.clear();
}

void HeartbeatNode::on_restart(NodeContext& ctx) { start(ctx); }

sim::NodeView HeartbeatNode::view() const {
  sim::NodeView v;
  v.term = 1;
  v.data_version = static_cast<std::int64_t>(data_.size());
  v.log_length = 0;  // heartbeats are not a log; their count changes too often to be worth a card line
  if (suspecting_) v.detail.add("suspects the leader");
  return v;
}

sim::Inspection HeartbeatNode::inspect() const {
  using sim::DetailArg;
  const auto seconds = [](sim::TimeUs us) { return DetailArg::fixed(static_cast<double>(us) / 1e6, 2); };
  sim::Inspection in;
  if (self_ == config_.leader) {
    in.state.add("leader: sends a heartbeat every %1 s", {seconds(config_.heartbeat_interval_us)});
    in.state.add("%1 heartbeats sent, %2 acks received",
                 {DetailArg::number(heartbeats_sent_), DetailArg::number(beats_seen_)});
    in.state.add("serves client reads and writes from its own map");
    for (auto it = data_.begin(); it != data_.end() && !in.data.full(); ++it) {
      in.data.add("key %1 = %2", {DetailArg::number(it->first), DetailArg::number(it->second)});
    }
    in.data.not_shown += static_cast<std::int64_t>(data_.size() - in.data.lines.size());
    return in;
  }
  in.state.add("%1 heartbeats heard since it started", {DetailArg::number(beats_seen_)});
  in.state.add("suspects the leader after %1 s of silence", {seconds(config_.failure_timeout_us)});
  in.state.add("refuses client requests: only the leader serves them");
  in.cluster.add("believes %1 leads", {DetailArg::node(config_.leader)});
  if (suspecting_) in.cluster.add("suspects %1", {DetailArg::node(config_.leader)});
  return in;
}

sim::MessageClass HeartbeatNode::classify(std::uint16_t message_kind) const {
  return message_kind == kHeartbeat ? sim::MessageClass::Heartbeat : sim::MessageClass::Ack;
}

std::string_view HeartbeatNode::message_name(std::uint16_t message_kind) const {
  return message_kind == kHeartbeat ? "heartbeat" : message_kind == kHeartbeatAck ? "ack" : "?";
}

void HeartbeatNode::add_metrics(sim::Metrics& metrics) const {
  metrics["heartbeats_sent"] += static_cast<double>(heartbeats_sent_);
  metrics["suspicions"] += static_cast<double>(suspicions_);
}

model::ModelInfo heartbeat_model() {
  model::ModelInfo info{
      "heartbeat",
      "A fixed leader sends heartbeats; followers suspect it after a silence.",
      {
          {"heartbeat_interval_ms", 150.0, "time between two heartbeats from the leader", model::between(1, 60'000)},
          {"failure_timeout_ms", 500.0, "silence after which a follower suspects the leader",
           model::between(1, 600'000)},
      },
      [](const model::ModelParams& p, sim::EndpointId, std::size_t) -> std::unique_ptr<sim::Protocol> {
        HeartbeatConfig config;
        config.heartbeat_interval_us = model::ms_param(p, "heartbeat_interval_ms");
        config.failure_timeout_us = model::ms_param(p, "failure_timeout_ms");
        return std::make_unique<HeartbeatNode>(config);
      },
      nullptr,
      nullptr,
      nullptr};
  info.invariants = heartbeat_invariant_list();
  info.make_checker = [](const model::ModelParams&, const sim::World& world) { return make_heartbeat_checker(world); };
  return info;
}

}  // namespace cs::heartbeat
