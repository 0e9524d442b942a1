// Multi-leader replication: accepting writes, passing changes on along the topology, conflicts.
#include "replication/multi_leader.h"

#include <algorithm>
#include <cassert>
#include <set>

#include "replication/payloads.h"
#include "replication/shipping.h"

namespace cs::replication {

using sim::EndpointId;
using sim::Message;
using sim::NodeContext;

namespace {
// Every version a node holds, for a peer that needs changes its log no longer keeps.
struct SnapshotChanges final : sim::Payload {
  std::vector<Change> changes;
};
}  // namespace

std::vector<EndpointId> MultiLeaderNode::origins(const MultiLeaderConfig& config, std::size_t node_count) {
  const std::size_t leaders = config.leaders == 0 ? node_count : std::min(config.leaders, node_count);
  std::vector<EndpointId> out;
  for (EndpointId n = 0; n < leaders; ++n) out.push_back(n);
  return out;
}

MultiLeaderNode::MultiLeaderNode(MultiLeaderConfig config, EndpointId self, std::size_t node_count)
    : config_(config),
      self_(self),
      node_count_(node_count),
      store_(config.resolution, config.data),
      log_(config.max_log_entries) {
  assert(self < node_count);
  const auto sources = origins(config_, node_count);
  std::set<EndpointId> peers;
  for (EndpointId origin : sources) {
    for (EndpointId peer : next_hops(config_.topology, self, origin, node_count)) peers.insert(peer);
  }
  for (EndpointId peer : peers) {
    DownstreamLink link;
    link.peer = peer;
    downstream_.push_back(link);
  }
  for (EndpointId peer : upstream_of(config_.topology, self, sources, node_count)) upstream_[peer].link.peer = peer;
}

void MultiLeaderNode::start(NodeContext& ctx) {
  ctx.set_role(is_leader() ? sim::Role::Leader : sim::Role::Replica, 1);
  ctx.set_timer(kHeartbeatTimer, config_.heartbeat_interval_us);
}

void MultiLeaderNode::on_timer(NodeContext& ctx, std::uint16_t timer_kind) {
  if (timer_kind != kHeartbeatTimer) return;
  for (DownstreamLink& link : downstream_) {
    const bool quiet = !link.sent_since_tick;
    link.on_tick();
    pump(ctx, link);
    if (quiet && !link.sent_since_tick) ctx.send(link.peer, empty_batch<Change>(link, kShip, log_.last_index()));
  }
  ctx.set_timer(kHeartbeatTimer, config_.heartbeat_interval_us);
}

void MultiLeaderNode::pump(NodeContext& ctx, DownstreamLink& link) {
  if (needs_snapshot(log_, link)) {
    send_snapshot(ctx, link);
    return;
  }
  // A link carries only the changes whose path continues over it (a ring stops a change one hop
  // before its origin; a mesh node passes on nothing it received).
  auto ship = next_batch(log_, link, config_.max_batch_entries, kShip, log_.last_index(), [&](const Change& c) {
    const auto hops = next_hops(config_.topology, self_, c.origin, node_count_);
    return std::find(hops.begin(), hops.end(), link.peer) != hops.end();
  });
  if (ship) ctx.send(link.peer, *ship);
}

void MultiLeaderNode::send_snapshot(NodeContext& ctx, DownstreamLink& link) {
  auto snapshot = std::make_shared<SnapshotChanges>();
  for (const auto& [key, slot] : store_.keys()) {
    for (const StoredVersion& v : slot.versions()) snapshot->changes.push_back({v.stamp.node, key, v, 0});
  }
  Message m;
  m.kind = kSnapshot;
  m.commit = log_.last_index();
  m.payload = std::move(snapshot);
  ctx.send(link.peer, m);
  link.sent = log_.last_index();
  link.sent_since_tick = true;
}

void MultiLeaderNode::accept(NodeContext& ctx, const Change& change) {
  store_.apply(change.key, change.version);
  log_.append(change);
  if (change.origin != self_) {
    // Lag as this node sees it: its clock now minus the origin's stamp (skew included).
    last_lag_us_ = std::max<sim::TimeUs>(0, ctx.local_now_us() - change.version.stamp.timestamp_us);
    max_lag_us_ = std::max(max_lag_us_, last_lag_us_);
    max_hops_seen_ = std::max(max_hops_seen_, change.hops);
  }
  trim_log();
}

MultiLeaderNode::Upstream& MultiLeaderNode::upstream(EndpointId peer) {
  Upstream& up = upstream_[peer];
  up.link.peer = peer;
  return up;
}

void MultiLeaderNode::on_ship(NodeContext& ctx, const Message& message) {
  const auto* batch = payload_of<Batch<Change>>(message);
  if (!batch) return;
  Upstream& up = upstream(message.from);
  if (!up.link.accepts(message.index)) {
    if (!batch->entries.empty()) up.early.hold(message);
  } else {
    apply_batch(ctx, up, message);
    while (auto next = up.early.take_next(up.link.received)) apply_batch(ctx, up, *next);
  }
  acknowledge(ctx, message.from, up.link.received);
  for (DownstreamLink& link : downstream_) pump(ctx, link);
}

void MultiLeaderNode::apply_batch(NodeContext& ctx, Upstream& up, const Message& message) {
  const auto* batch = payload_of<Batch<Change>>(message);
  if (!batch) return;
  for (const auto& [position, change] : batch->entries) {
    if (position <= up.link.received) continue;  // already applied from an earlier copy
    Change arrived = change;
    ++arrived.hops;
    accept(ctx, arrived);
  }
  up.link.received = std::max(up.link.received, message.commit);
}

void MultiLeaderNode::on_snapshot(NodeContext& ctx, const Message& message) {
  const auto* snapshot = payload_of<SnapshotChanges>(message);
  if (!snapshot) return;
  Upstream& up = upstream(message.from);
  if (message.commit > up.link.received) {
    // A snapshot holds each key's surviving versions, and a survivor's version vector stands for
    // every change it replaced, whatever their origin. Routed by the survivor's origin it would
    // stop short of nodes that never saw those changes (the snapshot skipped the log positions
    // that carried them), and their version vectors would differ for ever. So the installed
    // versions travel on as this node's own changes, over every path it starts.
    for (Change change : snapshot->changes) {
      change.origin = self_;
      change.hops = 0;
      accept(ctx, change);
    }
    up.link.received = message.commit;
    up.early.clear();
  }
  acknowledge(ctx, message.from, up.link.received);
  for (DownstreamLink& link : downstream_) pump(ctx, link);
}

void MultiLeaderNode::acknowledge(NodeContext& ctx, EndpointId peer, std::int64_t position) {
  Message ack;
  ack.kind = kShipAck;
  ack.index = position;   // received through
  ack.commit = position;  // and applied: a multi-leader node applies what it receives at once
  ctx.send(peer, ack);
}

void MultiLeaderNode::on_ship_ack(NodeContext& ctx, const Message& message) {
  for (DownstreamLink& link : downstream_) {
    if (link.peer != message.from) continue;
    link.on_ack(message.index, message.commit);
    trim_log();
    pump(ctx, link);
  }
}

void MultiLeaderNode::trim_log() {
  std::int64_t everyone_has = log_.last_index();
  for (const DownstreamLink& link : downstream_) everyone_has = std::min(everyone_has, link.acked);
  log_.discard_through(everyone_has);
}

void MultiLeaderNode::on_client(NodeContext& ctx, const Message& request) {
  if (request.kind == sim::kind::kClientWrite) {
    const bool cart_full = config_.data == DataKind::Cart && store_.cart_size(request.key) >= config_.max_cart_items;
    if (!is_leader() || cart_full) {
      ++writes_refused_;
      ctx.reply(request, false);
      return;
    }
    accept(ctx, {self_, request.key, store_.next_version(request.key, self_, ctx.local_now_us(), request.value), 0});
    ctx.reply(request, true);
  } else {
    const auto* slot = store_.find(request.key);
    if (slot && slot->size() > 1 && is_leader()) {
      // The application reads the siblings, merges them and writes the merge back; its version
      // descends from every sibling, so it replaces them everywhere it goes.
      accept(ctx, {self_, request.key, store_.merged_version(request.key, self_, ctx.local_now_us()), 0});
      ++merges_written_;
    }
    std::int64_t value = 0;
    const bool found = store_.read(request.key, value);
    ctx.reply(request, true, found, value);
  }
  for (DownstreamLink& link : downstream_) pump(ctx, link);
}

void MultiLeaderNode::on_message(NodeContext& ctx, const Message& message) {
  switch (message.kind) {
    case kShip: on_ship(ctx, message); break;
    case kSnapshot: on_snapshot(ctx, message); break;
    case kShipAck: on_ship_ack(ctx, message); break;
    case sim::kind::kClientRead:
    case sim::kind::kClientWrite: on_client(ctx, message); break;
    default: break;
  }
}

void MultiLeaderNode::on_crash() {
  for (DownstreamLink& link : downstream_) link.forget_progress();
  for (auto& [peer, up] : upstream_) up.early.clear();
  last_lag_us_ = -1;
}

void MultiLeaderNode::on_restart(NodeContext& ctx) { start(ctx); }

sim::NodeView MultiLeaderNode::view() const {
  sim::NodeView v;
  v.log_length = log_.last_index();
  v.data_version = log_.last_index();
  v.lag_us = std::max<sim::TimeUs>(0, last_lag_us_);
  if (const auto* slot = store_.keys().empty() ? nullptr : store_.find(store_.keys().begin()->first)) {
    const std::int64_t key = store_.keys().begin()->first;
    std::int64_t value = 0;
    store_.read(key, value);
    using sim::DetailArg;
    if (slot->size() > 1) {
      v.detail.add("key %1: %2 siblings",
                   {DetailArg::number(key), DetailArg::number(static_cast<std::int64_t>(slot->size()))});
    } else if (config_.data == DataKind::Cart) {
      v.detail.add("key %1: %2 items", {DetailArg::number(key), DetailArg::number(value)});
    } else {
      v.detail.add("key %1 = %2", {DetailArg::number(key), DetailArg::number(value)});
    }
  }
  if (store_.conflicts() > 0) {
    v.detail.add("%1 conflicts", {sim::DetailArg::number(static_cast<std::int64_t>(store_.conflicts()))});
  }
  return v;
}

sim::MessageClass MultiLeaderNode::classify(std::uint16_t message_kind) const {
  switch (message_kind) {
    case kShip:
    case kSnapshot: return sim::MessageClass::Replication;
    case kShipAck: return sim::MessageClass::Ack;
    default: return sim::MessageClass::Other;
  }
}

std::string_view MultiLeaderNode::message_name(std::uint16_t message_kind) const {
  switch (message_kind) {
    case kShip: return "ship";
    case kShipAck: return "ack";
    case kSnapshot: return "snapshot";
    default: return "?";
  }
}

void MultiLeaderNode::add_metrics(sim::Metrics& metrics) const {
  metrics["conflicts"] += static_cast<double>(store_.conflicts());
  metrics["siblings"] += static_cast<double>(store_.siblings_created());
  metrics["writes_refused"] += static_cast<double>(writes_refused_);
  metrics["sibling_merges"] += static_cast<double>(merges_written_);
}

void MultiLeaderNode::add_discarded_unseen_writes(std::set<std::int64_t>& values) const {
  values.insert(store_.discarded_unseen().begin(), store_.discarded_unseen().end());
}

}  // namespace cs::replication
