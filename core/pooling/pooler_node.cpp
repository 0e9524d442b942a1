#include "pooling/pooler_node.h"

#include <algorithm>
#include <cassert>
#include <string>

#include "pooling/pool_messages.h"
#include "sim/client_forwarding.h"
#include "sim/percentile.h"

namespace cs::pooling {

using sim::Message;
using sim::NodeContext;

void PoolerNode::start(NodeContext& ctx) {
  ctx.set_role(sim::Role::None, 0);
  slots_.assign(config_.pool_size, Slot{});
  for (std::size_t s = 0; s < slots_.size(); ++s) open(ctx, s);
  ctx.set_timer(kWatchdogTimer, config_.query_timeout_us / 2);
}

void PoolerNode::on_restart(NodeContext& ctx) { start(ctx); }

void PoolerNode::on_crash() {
  slots_.clear();
  waiting_.clear();
}

void PoolerNode::open(NodeContext& ctx, std::size_t slot) {
  if (config_.database == sim::kNoEndpoint) return;
  slots_[slot].state = SlotState::Connecting;
  Message connect;
  connect.kind = kind::kConnect;
  connect.term = static_cast<std::int64_t>(slot);
  ctx.send(config_.database, connect);
}

void PoolerNode::on_message(NodeContext& ctx, const Message& message) {
  switch (message.kind) {
    case sim::kind::kClientRead:
    case sim::kind::kClientWrite: on_client(ctx, message); return;
    case kind::kConnected: on_connected(ctx, message); return;
    case kind::kQueryResult: on_result(ctx, message); return;
    default: return;
  }
}

void PoolerNode::on_client(NodeContext& ctx, const Message& request) {
  if (waiting_.size() >= config_.max_client_conn) {
    ++refused_;  // more clients than max_client_conn: PgBouncer refuses too, but far later
    ctx.reply(request, false);
    return;
  }
  waiting_.push_back({request, ctx.local_now_us()});
  dispatch(ctx);
}

void PoolerNode::on_connected(NodeContext& ctx, const Message& message) {
  const auto slot = static_cast<std::size_t>(message.term);
  if (slot >= slots_.size() || slots_[slot].state != SlotState::Connecting) return;
  if (!message.ok) {
    slots_[slot].state = SlotState::Closed;  // the database is full: try again a little later
    ctx.set_timer(kReconnectTimer, config_.reconnect_us);
    return;
  }
  slots_[slot].state = SlotState::Idle;
  dispatch(ctx);
}

void PoolerNode::dispatch(NodeContext& ctx) {
  for (std::size_t s = 0; s < slots_.size() && !waiting_.empty(); ++s) {
    Slot& slot = slots_[s];
    if (slot.state != SlotState::Idle) continue;
    const Waiting next = waiting_.front();
    waiting_.pop_front();
    const sim::TimeUs now = ctx.local_now_us();
    ++waits_total_;
    if (waits_us_.size() < kMaxWaitSamples) waits_us_.push_back(std::max<sim::TimeUs>(0, now - next.arrived_us));
    slot.state = SlotState::Busy;
    slot.request = next.request;
    slot.busy_since_us = now;
    Message query = sim::forward_client_request(next.request, kind::kQuery);
    query.term = static_cast<std::int64_t>(s);
    ctx.send(config_.database, query);
  }
}

void PoolerNode::on_result(NodeContext& ctx, const Message& result) {
  const auto s = static_cast<std::size_t>(result.term);
  if (s >= slots_.size()) return;
  Slot& slot = slots_[s];
  // A late answer on a connection already given up on is ignored.
  if (slot.state != SlotState::Busy || slot.request.op_id != result.op_id) return;
  ctx.reply(slot.request, result.ok, result.has_value, result.value);
  slot.state = SlotState::Idle;
  dispatch(ctx);
}

void PoolerNode::on_timer(NodeContext& ctx, std::uint16_t timer_kind) {
  if (timer_kind == kWatchdogTimer) {
    check_stuck(ctx);
    ctx.set_timer(kWatchdogTimer, config_.query_timeout_us / 2);
  } else if (timer_kind == kReconnectTimer) {
    for (std::size_t s = 0; s < slots_.size(); ++s) {
      if (slots_[s].state == SlotState::Closed) open(ctx, s);
    }
  }
}

void PoolerNode::check_stuck(NodeContext& ctx) {
  const sim::TimeUs now = ctx.local_now_us();
  bool dropped = false;
  for (std::size_t s = 0; s < slots_.size(); ++s) {
    Slot& slot = slots_[s];
    const bool stuck_busy = slot.state == SlotState::Busy && now - slot.busy_since_us >= config_.query_timeout_us;
    if (!stuck_busy) continue;
    ++timed_out_;
    ctx.reply(slot.request, false);
    Message close;
    close.kind = kind::kDisconnect;
    close.term = static_cast<std::int64_t>(s);
    ctx.send(config_.database, close);
    slot.state = SlotState::Closed;
    dropped = true;
  }
  if (dropped) ctx.set_timer(kReconnectTimer, config_.reconnect_us);
}

std::size_t PoolerNode::count(SlotState state) const {
  return static_cast<std::size_t>(
      std::count_if(slots_.begin(), slots_.end(), [&](const Slot& s) { return s.state == state; }));
}

sim::NodeView PoolerNode::view() const {
  sim::NodeView v;
  using sim::DetailArg;
  v.detail.add("pooler (PgBouncer): %1/%2 server connections busy, %3 clients waiting",
               {DetailArg::number(static_cast<std::int64_t>(count(SlotState::Busy))),
                DetailArg::number(static_cast<std::int64_t>(slots_.size())),
                DetailArg::number(static_cast<std::int64_t>(waiting_.size()))});
  return v;
}

sim::Inspection PoolerNode::inspect() const {
  using sim::DetailArg;
  const auto seconds = [](sim::TimeUs us) { return DetailArg::fixed(static_cast<double>(us) / 1e6, 2); };
  const auto number = [](std::size_t n) { return DetailArg::number(static_cast<std::int64_t>(n)); };
  sim::Inspection in;
  in.state.add("server connections: %1 idle, %2 busy, %3 connecting, %4 closed",
               {number(count(SlotState::Idle)), number(count(SlotState::Busy)), number(count(SlotState::Connecting)),
                number(count(SlotState::Closed))});
  if (waiting_.empty()) {
    in.state.add("no client waiting");
  } else {
    in.state.add("%1 clients waiting, the first since %2 s",
                 {number(waiting_.size()), seconds(waiting_.front().arrived_us)});
  }
  in.state.add("drops a server connection whose query runs %1 s", {seconds(config_.query_timeout_us)});
  if (refused_ > 0) in.state.add("%1 clients refused", {DetailArg::number(refused_)});
  if (timed_out_ > 0) in.state.add("%1 queries timed out", {DetailArg::number(timed_out_)});

  if (config_.database != sim::kNoEndpoint) {
    in.cluster.add("pools connections to %1", {DetailArg::node(config_.database)});
  }
  for (std::size_t s = 0; s < slots_.size(); ++s) {
    if (slots_[s].state != SlotState::Busy) continue;
    in.cluster.add("server connection %1: busy since %2 s, key %3",
                   {number(s + 1), seconds(slots_[s].busy_since_us), DetailArg::number(slots_[s].request.key)});
  }
  return in;
}

sim::MessageClass PoolerNode::classify(std::uint16_t message_kind) const { return pooling::classify(message_kind); }

std::string_view PoolerNode::message_name(std::uint16_t message_kind) const {
  return pooling::message_name(message_kind);
}

void PoolerNode::add_metrics(sim::Metrics& metrics) const {
  metrics["pool_wait_ms_p99"] += static_cast<double>(sim::percentile_us(waits_us_, 99)) / 1000.0;
  metrics["pool_waits"] += static_cast<double>(waits_total_);
  metrics["pool_refused"] += static_cast<double>(refused_);
  metrics["pool_query_timeouts"] += static_cast<double>(timed_out_);
}

}  // namespace cs::pooling
