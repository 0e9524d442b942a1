// Single-leader replication: log shipping, acknowledgements, commit rules and lag.
#include "replication/single_leader.h"

#include <algorithm>
#include <cassert>

#include "replication/payloads.h"
#include "replication/shipping.h"

namespace cs::replication {

using sim::EndpointId;
using sim::Message;
using sim::NodeContext;

namespace {
// The whole data of a node, for a replica that needs entries its upstream no longer keeps.
struct SnapshotData final : sim::Payload {
  std::vector<std::pair<std::int64_t, std::int64_t>> data;  // (key, value)
  std::int64_t source_last_index = 0;
};
}  // namespace

SingleLeaderNode::SingleLeaderNode(SingleLeaderConfig config, EndpointId self, std::size_t node_count)
    : config_(config), self_(self), log_(config.max_log_entries) {
  assert(self < node_count);
  for (EndpointId peer : next_hops(config_.topology, self, kPrimary, node_count)) {
    DownstreamLink link;
    link.peer = peer;
    downstream_.push_back(link);
  }
  const auto upstream = upstream_of(config_.topology, self, {kPrimary}, node_count);
  assert(upstream.size() <= 1 && "every topology gives a replica one source");
  if (!upstream.empty()) upstream_ = upstream.front();
}

void SingleLeaderNode::start(NodeContext& ctx) {
  ctx.set_role(is_primary() ? sim::Role::Primary : sim::Role::Replica, 1);
  ctx.set_timer(kHeartbeatTimer, config_.heartbeat_interval_us);
}

void SingleLeaderNode::on_timer(NodeContext& ctx, std::uint16_t timer_kind) {
  if (timer_kind == kApplyTimer) {
    if (apply_due(ctx) && upstream_ != sim::kNoEndpoint) acknowledge(ctx, upstream_);
    return;
  }
  if (timer_kind != kHeartbeatTimer) return;
  for (DownstreamLink& link : downstream_) {
    const bool quiet = !link.sent_since_tick;
    link.on_tick();  // rewinds a stalled link: something it sent was lost
    pump(ctx, link);
    // Nothing to ship: an empty batch still tells the replica how far the primary is (its lag in
    // entries) and draws an acknowledgement that shows where it stands.
    if (quiet && !link.sent_since_tick) ctx.send(link.peer, empty_batch<WalEntry>(link, kShip, source_last_index()));
  }
  ctx.set_timer(kHeartbeatTimer, config_.heartbeat_interval_us);
}

void SingleLeaderNode::pump(NodeContext& ctx, DownstreamLink& link) {
  if (needs_snapshot(log_, link)) {
    send_snapshot(ctx, link);
    return;
  }
  auto ship = next_batch(log_, link, config_.max_batch_entries, kShip, source_last_index(),
                         [](const WalEntry&) { return true; });
  if (ship) ctx.send(link.peer, *ship);
}

void SingleLeaderNode::send_snapshot(NodeContext& ctx, DownstreamLink& link) {
  // The data covers what is applied; entries received after that follow as a normal batch.
  auto snapshot = std::make_shared<SnapshotData>();
  snapshot->data.assign(data_.begin(), data_.end());
  snapshot->source_last_index = source_last_index();
  Message m;
  m.kind = kSnapshot;
  m.commit = applied_index_;
  m.payload = std::move(snapshot);
  ctx.send(link.peer, m);
  link.sent = applied_index_;
  link.sent_since_tick = true;
  ++snapshots_sent_;
}

void SingleLeaderNode::relay(NodeContext& ctx) {
  for (DownstreamLink& link : downstream_) pump(ctx, link);
}

void SingleLeaderNode::on_ship(NodeContext& ctx, const Message& message) {
  const auto* batch = payload_of<Batch<WalEntry>>(message);
  if (!batch || is_primary()) return;
  known_source_index_ = std::max(known_source_index_, batch->source_last_index);
  if (message.index > received_index_ + 1) {
    if (!batch->entries.empty()) early_batches_.hold(message);
  } else {
    apply_batch(ctx, message);
    while (auto next = early_batches_.take_next(received_index_)) apply_batch(ctx, *next);
  }
  apply_due(ctx);
  // Acknowledge even a batch that was old news or left a gap: that is how the sender learns where
  // to continue from.
  acknowledge(ctx, message.from);
  relay(ctx);
}

void SingleLeaderNode::apply_batch(NodeContext&, const Message& message) {
  const auto* batch = payload_of<Batch<WalEntry>>(message);
  if (!batch) return;
  for (const auto& [position, entry] : batch->entries) {
    if (position != received_index_ + 1) continue;
    // The log keeps only max_log_entries: an entry still waiting to be applied (apply_delay) must
    // not be pushed out. The rest comes again, since the acknowledgement says where to go on.
    if (position - applied_index_ > static_cast<std::int64_t>(config_.max_log_entries)) break;
    const std::int64_t logged = log_.append(entry);
    assert(logged == position);
    (void)logged;
    received_index_ = position;
  }
}

bool SingleLeaderNode::apply_due(NodeContext& ctx) {
  const std::int64_t before = applied_index_;
  while (applied_index_ < received_index_) {
    const WalEntry& entry = log_.at(applied_index_ + 1);
    const sim::TimeUs now_us = ctx.local_now_us();
    const sim::TimeUs due_us = entry.commit_us + config_.apply_delay_us;
    if (config_.apply_delay_us > 0 && now_us < due_us) {
      ctx.set_timer(kApplyTimer, due_us - now_us);
      break;
    }
    data_[entry.key] = entry.value;
    ++applied_index_;
    // Replay lag as a replica measures it (MySQL's Seconds_Behind_Source): its own clock now minus
    // the primary's commit stamp. Clock skew between the two shows up here, as it does in MySQL.
    const sim::TimeUs lag_us = std::max<sim::TimeUs>(0, now_us - entry.commit_us);
    last_lag_us_ = lag_us;
    max_lag_us_ = std::max(max_lag_us_, lag_us);
    lag_sum_us_ += lag_us;
    ++lag_samples_;
  }
  trim_log();
  return applied_index_ > before;
}

void SingleLeaderNode::acknowledge(NodeContext& ctx, EndpointId peer) {
  Message ack;
  ack.kind = kShipAck;
  ack.index = received_index_;
  ack.commit = applied_index_;
  ctx.send(peer, ack);
}

void SingleLeaderNode::on_snapshot(NodeContext& ctx, const Message& message) {
  const auto* snapshot = payload_of<SnapshotData>(message);
  if (!snapshot || is_primary()) return;
  if (message.commit > applied_index_) {
    data_ = {snapshot->data.begin(), snapshot->data.end()};
    applied_index_ = message.commit;
    received_index_ = message.commit;
    log_.restart_after(message.commit);
    early_batches_.clear();
  }
  known_source_index_ = std::max(known_source_index_, snapshot->source_last_index);
  acknowledge(ctx, message.from);
  relay(ctx);
}

void SingleLeaderNode::on_ship_ack(NodeContext& ctx, const Message& message) {
  for (DownstreamLink& link : downstream_) {
    if (link.peer != message.from) continue;
    link.on_ack(message.index, message.commit);
    if (is_primary()) commit_waiting_writes(ctx);
    trim_log();
    pump(ctx, link);
  }
}

CommitMode commit_mode_for(const SingleLeaderConfig& config, std::uint8_t level) {
  switch (static_cast<CommitLevel>(level)) {
    case CommitLevel::Async: return CommitMode::Async;
    case CommitLevel::SemiSync: return CommitMode::SemiSync;
    case CommitLevel::Sync: return CommitMode::Sync;
    case CommitLevel::Default: break;
  }
  return config.mode;
}

std::size_t SingleLeaderNode::confirmations_required(CommitMode mode) const {
  switch (mode) {
    case CommitMode::Async: return 0;
    case CommitMode::SemiSync: return std::min(config_.semi_sync_acks, downstream_.size());
    case CommitMode::Sync: return downstream_.size();
  }
  return 0;
}

void SingleLeaderNode::commit_waiting_writes(NodeContext& ctx) {
  // Each write waits for its own number of confirmations, since writes may ask for different
  // modes: a sync write still waiting for a far replica does not hold up a later semi-sync one.
  // With one mode for all, the writes that are done always form a prefix of the queue.
  for (auto it = waiting_writes_.begin(); it != waiting_writes_.end();) {
    // Replicas confirm after applying, so a confirmed replica can no longer serve an older value.
    const auto confirmations =
        static_cast<std::size_t>(std::count_if(downstream_.begin(), downstream_.end(), [&](const DownstreamLink& link) {
          return link.confirmed && link.applied >= it->position;
        }));
    if (confirmations < it->confirmations_required) {
      ++it;
      continue;
    }
    answer(ctx, it->requester, true, false, 0, it->position);
    it = waiting_writes_.erase(it);
  }
}

void SingleLeaderNode::trim_log() {
  // Keep what this node has not applied yet and what some downstream node has not received.
  std::int64_t done = applied_index_;
  for (const DownstreamLink& link : downstream_) done = std::min(done, link.acked);
  log_.discard_through(done);
}

void SingleLeaderNode::on_message(NodeContext& ctx, const Message& message) {
  switch (message.kind) {
    case kShip: on_ship(ctx, message); break;
    case kSnapshot: on_snapshot(ctx, message); break;
    case kShipAck: on_ship_ack(ctx, message); break;
    case kForward:
      if (const auto* forwarded = payload_of<ForwardedRequest>(message)) {
        on_client_request(ctx, {forwarded->request, message.from});
      }
      break;
    case kForwardReply: on_forward_reply(ctx, message); break;
    case sim::kind::kClientRead:
    case sim::kind::kClientWrite: on_client_request(ctx, {message, sim::kNoEndpoint}); break;
    default: break;
  }
}

void SingleLeaderNode::on_crash() {
  // The data and the log are on disk; what the node knew about others and who was waiting is not.
  waiting_writes_.clear();
  early_batches_.clear();
  for (DownstreamLink& link : downstream_) link.forget_progress();
  known_source_index_ = received_index_;
  last_lag_us_ = -1;
}

void SingleLeaderNode::on_restart(NodeContext& ctx) {
  start(ctx);
  apply_due(ctx);  // received entries that were waiting for their delay
}

sim::NodeView SingleLeaderNode::view() const {
  sim::NodeView v;
  v.log_length = received_index_;
  v.commit_index = applied_index_;
  v.data_version = applied_index_;
  if (is_primary()) {
    if (waiting_writes_.empty()) {
      v.detail.add("primary");
    } else {
      v.detail.add("%1 writes wait for acks",
                   {sim::DetailArg::number(static_cast<std::int64_t>(waiting_writes_.size()))});
    }
  } else {
    v.lag_us = std::max<sim::TimeUs>(0, last_lag_us_);
    v.lag_entries = std::max<std::int64_t>(0, known_source_index_ - applied_index_);
    v.detail.add("applied %1, %2 behind",
                 {sim::DetailArg::number(applied_index_), sim::DetailArg::number(v.lag_entries)});
  }
  return v;
}

sim::MessageClass SingleLeaderNode::classify(std::uint16_t message_kind) const {
  switch (message_kind) {
    case kShip:
    case kSnapshot: return sim::MessageClass::Replication;
    case kShipAck: return sim::MessageClass::Ack;
    case kForward:
    case kForwardReply: return sim::MessageClass::Client;
    default: return sim::MessageClass::Other;
  }
}

std::string_view SingleLeaderNode::message_name(std::uint16_t message_kind) const {
  switch (message_kind) {
    case kShip: return "ship";
    case kShipAck: return "ack";
    case kSnapshot: return "snapshot";
    case kForward: return "forward";
    case kForwardReply: return "forward-reply";
    default: return "?";
  }
}

void SingleLeaderNode::add_metrics(sim::Metrics& metrics) const {
  metrics["reads_forwarded"] += static_cast<double>(reads_forwarded_);
  metrics["snapshots_sent"] += static_cast<double>(snapshots_sent_);
}

bool SingleLeaderNode::holds_write(std::int64_t key, std::int64_t value) const {
  const auto it = data_.find(key);
  return it != data_.end() && it->second == value;
}

}  // namespace cs::replication
