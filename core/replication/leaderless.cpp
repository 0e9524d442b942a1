// Leaderless replication: placement, the replica side, gossip and hinted handoff.
#include "replication/leaderless.h"

#include <algorithm>
#include <cassert>

#include "replication/leaderless_messages.h"
#include "replication/payloads.h"

namespace cs::replication {

using consistency::ConsistencyLevel;
using consistency::LwwStamp;
using sim::EndpointId;
using sim::Message;
using sim::NodeContext;

namespace {
// A fixed mixing of the key (splitmix64's finaliser), so placement looks random but is the same
// on every node and every run.
std::uint64_t key_hash(std::int64_t key) {
  auto z = static_cast<std::uint64_t>(key) + 0x9E3779B97F4A7C15ULL;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}
}  // namespace

LeaderlessNode::LeaderlessNode(LeaderlessConfig config, EndpointId self, std::size_t node_count)
    : config_(std::move(config)), self_(self), node_count_(node_count), last_heard_local_us_(node_count, 0) {
  assert(self < node_count);
  config_.datacenters = std::clamp<std::size_t>(config_.datacenters, 1, node_count);
}

std::size_t LeaderlessNode::datacenter_of(EndpointId node, const LeaderlessConfig& config, std::size_t node_count) {
  const std::size_t dcs = std::clamp<std::size_t>(config.datacenters, 1, node_count);
  return static_cast<std::size_t>(node) * dcs / node_count;
}

std::vector<EndpointId> LeaderlessNode::replicas_of(std::int64_t key, const LeaderlessConfig& config,
                                                    std::size_t node_count) {
  const std::size_t dcs = std::clamp<std::size_t>(config.datacenters, 1, node_count);
  std::vector<EndpointId> out;
  for (std::size_t dc = 0; dc < dcs; ++dc) {
    std::vector<EndpointId> members;
    for (EndpointId n = 0; n < node_count; ++n) {
      if (datacenter_of(n, config, node_count) == dc) members.push_back(n);
    }
    // N consecutive members of the datacentre, starting where the key hashes to (a ring per DC).
    const std::size_t n_replicas = std::clamp<std::size_t>(config.replication_factor, 1, members.size());
    const std::size_t start = key_hash(key) % members.size();
    for (std::size_t i = 0; i < n_replicas; ++i) out.push_back(members[(start + i) % members.size()]);
  }
  std::sort(out.begin(), out.end());
  return out;
}

ConsistencyLevel LeaderlessNode::level_for(const LeaderlessConfig& config, std::size_t node_count, EndpointId client,
                                           std::uint8_t requested) {
  if (requested != 0) return consistency::level_from_wire(requested);
  if (config.session_levels.empty() || client < node_count) return ConsistencyLevel::Default;
  return config.session_levels[(client - node_count) % config.session_levels.size()];
}

void LeaderlessNode::start(NodeContext& ctx) {
  ctx.set_role(sim::Role::Replica, 0);
  // A node that has just booted gives every peer the benefit of the doubt.
  std::fill(last_heard_local_us_.begin(), last_heard_local_us_.end(), ctx.local_now_us());
  last_event_local_us_ = ctx.local_now_us();
  ctx.set_timer(kGossipTimer, config_.gossip_interval_us);
  ctx.set_timer(kHintTimer, config_.hint_replay_interval_us);
  if (config_.anti_entropy_interval_us > 0) ctx.set_timer(kRepairTimer, config_.anti_entropy_interval_us);
}

void LeaderlessNode::on_timer(NodeContext& ctx, std::uint16_t timer_kind) {
  last_event_local_us_ = ctx.local_now_us();
  switch (timer_kind) {
    case kGossipTimer: {
      Message beat;
      beat.kind = kGossip;
      ctx.broadcast(beat);
      ctx.set_timer(kGossipTimer, config_.gossip_interval_us);
      break;
    }
    case kHintTimer:
      replay_hints(ctx);
      ctx.set_timer(kHintTimer, config_.hint_replay_interval_us);
      break;
    case kDeadlineTimer: expire_requests(ctx); break;
    case kRepairTimer: {
      // One peer per round, in turn: each pair of replicas compares its cells every few rounds.
      if (node_count_ > 1) {
        next_repair_peer_ = static_cast<EndpointId>((next_repair_peer_ + 1) % node_count_);
        if (next_repair_peer_ == self_)
          next_repair_peer_ = static_cast<EndpointId>((next_repair_peer_ + 1) % node_count_);
        send_digest(ctx, next_repair_peer_, false);
      }
      ctx.set_timer(kRepairTimer, config_.anti_entropy_interval_us);
      break;
    }
    default: break;
  }
}

void LeaderlessNode::send_digest(NodeContext& ctx, EndpointId peer, bool answer) {
  auto digest = std::make_shared<CellDigest>();
  digest->answer = answer;
  for (const auto& [key, cell] : data_) {
    if (!cell.stamp() || digest->cells.size() >= CellDigest::kMaxCells) continue;
    const auto replicas = replicas_of(key, config_, node_count_);
    if (std::find(replicas.begin(), replicas.end(), peer) != replicas.end())
      digest->cells.emplace_back(key, *cell.stamp());
  }
  // An answer with nothing in it tells the asker nothing; a question always goes, so the peer
  // answers with what it holds.
  if (answer && digest->cells.empty()) return;
  Message m;
  m.kind = kRepairDigest;
  m.payload = std::move(digest);
  ctx.send(peer, m);
}

void LeaderlessNode::on_digest(NodeContext& ctx, const Message& message) {
  const auto* digest = payload_of<CellDigest>(message);
  if (!digest) return;
  for (const auto& [key, stamp] : digest->cells) {
    const auto replicas = replicas_of(key, config_, node_count_);
    if (std::find(replicas.begin(), replicas.end(), self_) == replicas.end()) continue;
    if (store(key, stamp)) ++cells_repaired_;
  }
  if (!digest->answer) send_digest(ctx, message.from, true);
}

bool LeaderlessNode::alive_at(sim::TimeUs local_now_us, EndpointId peer) const {
  return peer == self_ || local_now_us - last_heard_local_us_.at(peer) < config_.failure_timeout_us;
}

bool LeaderlessNode::store(std::int64_t key, const LwwStamp& stamp) { return data_[key].assign(stamp); }

void LeaderlessNode::send_write(NodeContext& ctx, EndpointId replica, std::int64_t key, const LwwStamp& stamp,
                                std::uint64_t op_id) {
  auto write = std::make_shared<CellWrite>();
  write->key = key;
  write->stamp = stamp;
  Message m;
  m.kind = kReplicaWrite;
  m.key = key;
  m.value = stamp.value;
  m.op_id = op_id;
  m.payload = std::move(write);
  ctx.send(replica, m);
}

void LeaderlessNode::on_message(NodeContext& ctx, const Message& message) {
  last_event_local_us_ = ctx.local_now_us();
  if (message.from < node_count_) last_heard_local_us_[message.from] = ctx.local_now_us();
  switch (message.kind) {
    case kReplicaWrite:
      if (const auto* write = payload_of<CellWrite>(message)) {
        store(write->key, write->stamp);
        Message ack;
        ack.kind = kReplicaWriteAck;
        ack.key = write->key;
        ack.op_id = message.op_id;
        ack.payload = message.payload;  // echoed, so a hint can be matched
        ctx.send(message.from, ack);
      }
      break;
    case kRepairDigest: on_digest(ctx, message); break;
    case kReplicaRead: {
      auto answer = std::make_shared<CellRead>();
      if (const auto it = data_.find(message.key); it != data_.end()) answer->cell = it->second;
      Message reply;
      reply.kind = kReplicaReadReply;
      reply.key = message.key;
      reply.op_id = message.op_id;
      reply.payload = std::move(answer);
      ctx.send(message.from, reply);
      break;
    }
    case kReplicaWriteAck:
      if (message.op_id != 0) {
        on_write_ack(ctx, message);
      } else if (const auto* write = payload_of<CellWrite>(message)) {
        const auto before = hints_.size();
        std::erase_if(hints_, [&](const Hint& h) {
          return h.replica == message.from && h.key == write->key && h.stamp == write->stamp;
        });
        hints_delivered_ += static_cast<std::int64_t>(before - hints_.size());
      }
      break;
    case kReplicaReadReply: on_read_reply(ctx, message); break;
    case sim::kind::kClientRead:
    case sim::kind::kClientWrite: on_client(ctx, message); break;
    default: break;  // gossip: hearing it was the point
  }
}

void LeaderlessNode::add_hint(EndpointId replica, std::int64_t key, const LwwStamp& stamp) {
  // One hint per replica and key is enough: only the newest value matters under last write wins.
  for (Hint& h : hints_) {
    if (h.replica == replica && h.key == key) {
      if (consistency::lww_wins(stamp, h.stamp)) h.stamp = stamp;
      return;
    }
  }
  if (hints_.size() >= config_.max_hints) {
    hints_.erase(hints_.begin());  // the oldest goes; that replica will need a repair instead
    ++hints_dropped_;
  }
  hints_.push_back({replica, key, stamp});
  ++hints_stored_;
}

void LeaderlessNode::replay_hints(NodeContext& ctx) {
  // Sent again every interval until acknowledged: a replica that is back gets them soon.
  for (const Hint& h : hints_) {
    if (alive(ctx, h.replica)) send_write(ctx, h.replica, h.key, h.stamp, 0);
  }
}

void LeaderlessNode::on_crash() {
  pending_.clear();  // coordinators forget their requests; the clients will time out
}

void LeaderlessNode::on_restart(NodeContext& ctx) { start(ctx); }

sim::NodeView LeaderlessNode::view() const {
  sim::NodeView v;
  v.data_version = static_cast<std::int64_t>(data_.size());
  using sim::DetailArg;
  if (!data_.empty()) {
    const auto& [key, cell] = *data_.begin();
    v.detail.add("key %1 = %2", {DetailArg::number(key), DetailArg::number(cell.value())});
  }
  if (!hints_.empty()) v.detail.add("%1 hints", {DetailArg::number(static_cast<std::int64_t>(hints_.size()))});
  return v;
}

sim::MessageClass LeaderlessNode::classify(std::uint16_t message_kind) const {
  switch (message_kind) {
    case kReplicaWrite:
    case kReplicaRead: return sim::MessageClass::Replication;
    case kReplicaWriteAck:
    case kReplicaReadReply: return sim::MessageClass::Ack;
    case kGossip: return sim::MessageClass::Heartbeat;
    case kRepairDigest: return sim::MessageClass::Replication;
    default: return sim::MessageClass::Other;
  }
}

std::string_view LeaderlessNode::message_name(std::uint16_t message_kind) const {
  switch (message_kind) {
    case kReplicaWrite: return "replica-write";
    case kReplicaWriteAck: return "write-ack";
    case kReplicaRead: return "replica-read";
    case kReplicaReadReply: return "read-reply";
    case kGossip: return "gossip";
    case kRepairDigest: return "repair";
    default: return "?";
  }
}

void LeaderlessNode::add_metrics(sim::Metrics& metrics) const {
  metrics["requests_unavailable"] += static_cast<double>(unavailable_);
  metrics["cells_repaired"] += static_cast<double>(cells_repaired_);
  metrics["requests_timed_out"] += static_cast<double>(timeouts_);
  metrics["read_repairs"] += static_cast<double>(read_repairs_);
  metrics["hints_stored"] += static_cast<double>(hints_stored_);
  metrics["hints_delivered"] += static_cast<double>(hints_delivered_);
  metrics["hints_dropped"] += static_cast<double>(hints_dropped_);
}

bool LeaderlessNode::holds_write(std::int64_t key, std::int64_t value) const {
  const auto it = data_.find(key);
  return it != data_.end() && it->second.has_value() && it->second.value() == value;
}

}  // namespace cs::replication
