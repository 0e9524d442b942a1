// The balancer (MongoDB runs it on the config servers' primary): it owns the authoritative routing
// table, lets a spare shard join, splits ranges that grew too large, decides which chunks move
// where, and tells every node when a move is finished so routers send requests to the new owner.
#include <algorithm>
#include <cassert>
#include <memory>

#include "sharding/shard_node.h"

namespace cs::sharding {

using sim::Message;
using sim::NodeContext;

void ShardNode::to_balancer(NodeContext& ctx, Message m) { send_to(ctx, config_->balancer(), std::move(m)); }

void ShardNode::on_join_timer(NodeContext& ctx) {
  if (routing_.shards() >= config_->max_shards || routing_.migrating()) return;
  routing_.join();
  if (self_ == config_->directory) directory_per_shard_.resize(routing_.shards(), 0);
  Message join;
  join.kind = msg::kJoin;
  join.term = routing_.epoch();
  ctx.broadcast(join);
  announce_role(ctx);
  if (config_->strategy == Strategy::Range) {
    // The newcomer owns no range yet: give it the newest range of the shard with the most.
    ShardIndex busiest = 0;
    for (ShardIndex s = 1; s + 1 < routing_.shards(); ++s) {
      if (routing_.ranges().ranges_owned(s) > routing_.ranges().ranges_owned(busiest)) busiest = s;
    }
    const RangeMap& ranges = routing_.ranges();
    for (std::size_t r = ranges.size(); r-- > 0;) {
      if (ranges.owner_at(r) == busiest && ranges.ranges_owned(busiest) > 1) {
        start_range_move(ctx, r, routing_.shards() - 1);
        break;
      }
    }
  }
  dispatch_moves(ctx);
}

void ShardNode::on_split_request(NodeContext& ctx, const Message& m) {
  const RangeMap& ranges = routing_.ranges();
  const std::int64_t lo = m.key;
  const std::int64_t at = m.value;
  const std::size_t r = ranges.range_of(lo);
  if (ranges.start(r) != lo || !ranges.contains(r, at) || at == lo || routing_.move_covering(at)) {
    // Stale (the range changed meanwhile) or being moved: the shard may ask again later.
    Message refused;
    refused.kind = msg::kSplit;
    refused.ok = true;
    refused.key = lo;
    refused.value = lo;  // splitting at a range start changes nothing; it clears the request
    refused.term = routing_.epoch();
    send_to(ctx, m.from, refused);
    return;
  }
  routing_.split(at);
  ++counters_.range_splits;
  Message applied;
  applied.kind = msg::kSplit;
  applied.ok = true;
  applied.key = lo;
  applied.value = at;
  applied.term = routing_.epoch();
  announce(ctx, applied);
  on_split_applied(applied);
  // The upper half holds the newest keys. Like MongoDB's balancer with a split top chunk, move it
  // to the shard with the fewest ranges: for ever-growing keys this only moves the hot spot.
  const std::size_t upper = routing_.ranges().range_of(at);
  const ShardIndex owner = routing_.ranges().owner_at(upper);
  ShardIndex emptiest = kNoShard;
  for (ShardIndex s = 0; s < routing_.shards(); ++s) {
    if (s == owner) continue;
    if (emptiest == kNoShard || routing_.ranges().ranges_owned(s) < routing_.ranges().ranges_owned(emptiest)) {
      emptiest = s;
    }
  }
  if (emptiest != kNoShard && !routing_.migrating() &&
      routing_.ranges().ranges_owned(emptiest) < routing_.ranges().ranges_owned(owner)) {
    start_range_move(ctx, upper, emptiest);
  }
  dispatch_moves(ctx);
}

void ShardNode::start_range_move(NodeContext& ctx, std::size_t range, ShardIndex to) {
  const RangeMap& ranges = routing_.ranges();
  Move m;
  m.id = RoutingTable::kFirstRangeMoveId + next_range_move_++;
  m.from = ranges.owner_at(range);
  m.to = to;
  m.is_range = true;
  m.lo = ranges.start(range);
  m.hi = ranges.end(range);
  m.epoch = routing_.epoch();
  routing_.add_move(m);
  Message started;
  started.kind = msg::kMoveUpdate;
  msg::put_move(started, m);
  started.term = routing_.epoch();
  announce(ctx, started);
}

void ShardNode::dispatch_moves(NodeContext& ctx) {
  // One move at a time per source shard (MongoDB's rule too), all sources in parallel.
  std::vector<bool> busy(routing_.shards(), false);
  for (const Move& m : routing_.moves()) {
    if (!m.done && dispatched_at_.contains(m.id)) busy.at(m.from) = true;
  }
  for (const Move& m : routing_.moves()) {
    if (m.done || busy.at(m.from) || dispatched_at_.contains(m.id)) continue;
    busy[m.from] = true;
    dispatched_at_[m.id] = ctx.local_now_us();
    Message order;
    order.kind = msg::kMoveChunk;
    msg::put_move(order, m);
    order.term = routing_.epoch();
    send_to(ctx, config_->primary_of(m.from), order);
  }
  if (routing_.migrating() || announcements_unacknowledged()) ctx.set_timer(kBalancerTimer, kBalancerCheckUs);
}

void ShardNode::on_balancer_timer(NodeContext& ctx) {
  if (!is_balancer()) return;
  // A source that crashed forgets a move in progress: ask again now and then. Asking a source
  // that is still busy with the move is harmless.
  const sim::TimeUs now = ctx.local_now_us();
  for (auto it = dispatched_at_.begin(); it != dispatched_at_.end();) {
    it = now - it->second >= kMoveRedispatchUs ? dispatched_at_.erase(it) : std::next(it);
  }
  resend_announcements(ctx);
  dispatch_moves(ctx);
}

void ShardNode::on_chunk_done(NodeContext& ctx, const Message& m) {
  const Move move = msg::get_move(m);
  dispatched_at_.erase(move.id);
  if (routing_.mark_done(move.id)) {
    Message update;
    update.kind = msg::kMoveUpdate;
    msg::put_move(update, move);
    update.term = routing_.epoch();
    update.has_value = true;  // done
    announce(ctx, update);
  }
  dispatch_moves(ctx);
}

}  // namespace cs::sharding

namespace cs::sharding {

void ShardNode::announce(NodeContext& ctx, Message m) {
  if (announcements_.size() < kMaxAnnouncements) {
    announcements_acked_.resize(ctx.node_count(), 0);
    announcements_acked_[self_] = static_cast<std::int64_t>(announcements_.size()) + 1;
    m.payload = std::make_shared<const msg::AnnouncementSeq>(announcements_acked_[self_]);
    announcements_.push_back(m);
    announcements_applied_ = announcements_acked_[self_];
    ctx.set_timer(kBalancerTimer, kBalancerCheckUs);
  }  // else: past the bound, announced once only, as if over an unreliable channel
  ctx.broadcast(m);
}

void ShardNode::on_announce_ack(NodeContext& ctx, const Message& m) {
  if (m.from >= announcements_acked_.size()) return;
  announcements_boots_.resize(announcements_acked_.size(), 0);
  // An answer from an earlier life of the node is stale; within one life, the highest counts (a
  // duplicate or late answer must not lower it). A router that restarted forgot its table and
  // starts again from nothing: send it everything again soon.
  const auto boots = static_cast<std::uint64_t>(std::max<std::int64_t>(0, m.index));
  std::int64_t& acked = announcements_acked_[m.from];
  std::uint64_t& seen = announcements_boots_[m.from];
  if (boots < seen) return;
  const std::int64_t before = acked;
  acked = boots > seen ? std::max<std::int64_t>(0, m.value) : std::max(acked, m.value);
  seen = boots;
  if (acked < before) ctx.set_timer(kBalancerTimer, kBalancerCheckUs);
}

bool ShardNode::announcements_unacknowledged() const {
  const auto made = static_cast<std::int64_t>(announcements_.size());
  return std::any_of(announcements_acked_.begin(), announcements_acked_.end(),
                     [&](std::int64_t acked) { return acked < made; });
}

void ShardNode::resend_announcements(NodeContext& ctx) {
  const sim::TimeUs now = ctx.local_now_us();
  if (!announcements_unacknowledged() || now - announcements_resent_us_ < kAnnounceRetryUs) return;
  announcements_resent_us_ = now;
  for (sim::EndpointId node = 0; node < announcements_acked_.size(); ++node) {
    for (auto i = static_cast<std::size_t>(announcements_acked_[node]); i < announcements_.size(); ++i) {
      ctx.send(node, announcements_[i]);
    }
  }
}

bool ShardNode::accept_announcement(NodeContext& ctx, const Message& m) {
  const auto* numbered = dynamic_cast<const msg::AnnouncementSeq*>(m.payload.get());
  if (!numbered) return true;  // a reply to one node (a refused split), not an announcement
  const bool next = numbered->seq == announcements_applied_ + 1;
  if (next) ++announcements_applied_;
  Message ack;
  ack.kind = msg::kAnnounceAck;
  ack.value = announcements_applied_;
  ack.index = static_cast<std::int64_t>(boots_);
  ack.term = routing_.epoch();
  to_balancer(ctx, ack);
  return next;
}

}  // namespace cs::sharding
