// The ShardNode's life cycle, message dispatch, observation and the updates every node applies.
#include "sharding/shard_node.h"

#include <algorithm>
#include <cassert>
#include <string>

namespace cs::sharding {

using sim::Message;
using sim::NodeContext;

ShardNode::ShardNode(std::shared_ptr<const ShardConfig> config, sim::EndpointId self)
    : config_(std::move(config)), self_(self), shard_(config_->shard_of(self)), routing_(initial_routing(*config_)) {
  // The table as it was before the run: every node derives the same rows and keeps its own.
  if (shard_ != kNoShard) {
    const bool vertical = config_->partitioning == Partitioning::Vertical;
    for (const Row& row : preload_rows(*config_)) {
      if (vertical ? shard_ < config_->partitions() : initial_shard_of(*config_, routing_, row) == shard_) {
        store_.emplace(key_of(row), row);
      }
    }
  }
  if (self_ == config_->directory) preload_directory();
}

void ShardNode::start(NodeContext& ctx) {
  ++boots_;
  announce_role(ctx);
  // A replica that was down missed the writes sent meanwhile: it asks its primary for everything.
  if (boots_ > 1 && shard_ != kNoShard && !is_primary()) {
    Message resync;
    resync.kind = msg::kResync;
    resync.term = routing_.epoch();
    ctx.send(config_->primary_of(shard_), resync);
  }
  if (is_balancer()) {
    const bool can_join = config_->add_shard_at_us >= 0 && routing_.shards() < config_->max_shards &&
                          config_->partitioning == Partitioning::Horizontal && config_->strategy != Strategy::Geo;
    if (can_join && routing_.epoch() == 0) {
      ctx.set_timer(kJoinTimer, std::max<sim::TimeUs>(0, config_->add_shard_at_us - ctx.local_now_us()));
    }
    if (routing_.migrating() || announcements_unacknowledged()) ctx.set_timer(kBalancerTimer, 0);
  }
}

void ShardNode::announce_role(NodeContext& ctx) {
  sim::Role role = sim::Role::None;
  if (shard_ != kNoShard && shard_ < routing_.shards()) role = is_primary() ? sim::Role::Primary : sim::Role::Replica;
  ctx.set_role(role, routing_.epoch());
}

void ShardNode::on_message(NodeContext& ctx, const Message& m) {
  if (m.kind >= msg::kRequest && m.kind <= msg::kLastKind) learn_epoch(m);
  switch (m.kind) {
    case sim::kind::kClientRead:
    case sim::kind::kClientWrite:
      if (config_->is_router(self_)) {
        on_client_request(ctx, m);
      } else {
        ctx.reply(m, false);  // clients must talk to a router
      }
      break;
    case msg::kRequest: on_request(ctx, m); break;
    case msg::kReply: on_reply(ctx, m); break;
    case msg::kNotOwner: on_not_owner(ctx, m); break;
    case msg::kLookup: on_lookup(ctx, m); break;
    case msg::kLookupReply: on_lookup_reply(ctx, m); break;
    case msg::kReplicate: on_replicate(ctx, m); break;
    case msg::kMoveChunk: on_move_chunk(ctx, m); break;
    case msg::kChunkBatch: on_chunk_batch(ctx, m); break;
    case msg::kChunkAck: on_chunk_ack(ctx, m); break;
    case msg::kChunkDone:
      if (is_balancer()) on_chunk_done(ctx, m);
      break;
    case msg::kMoveUpdate:
      if (accept_announcement(ctx, m)) on_move_update(m);
      break;
    case msg::kSplit:
      if (m.ok) {
        if (accept_announcement(ctx, m)) on_split_applied(m);
      } else if (is_balancer()) {
        on_split_request(ctx, m);
      }
      break;
    case msg::kJoin: on_join(ctx, m); break;
    case msg::kResync: on_resync(ctx, m); break;
    case msg::kAnnounceAck:
      if (is_balancer()) on_announce_ack(ctx, m);
      break;
    default: break;
  }
}

void ShardNode::on_timer(NodeContext& ctx, std::uint16_t timer_kind) {
  switch (timer_kind) {
    case kSweepTimer:
      sweep_armed_ = false;
      sweep(ctx);
      break;
    case kJoinTimer: on_join_timer(ctx); break;
    case kMigrateTimer: on_migrate_timer(ctx); break;
    case kBalancerTimer: on_balancer_timer(ctx); break;
    case kLocalTimer: {
      std::deque<Message> inbox;
      inbox.swap(local_inbox_);
      for (const Message& m : inbox) on_message(ctx, m);
      break;
    }
    default: break;
  }
}

void ShardNode::send_to(NodeContext& ctx, sim::EndpointId to, Message m) {
  if (to != self_) {
    ctx.send(to, std::move(m));
    return;
  }
  if (local_inbox_.size() >= kMaxLocalMessages) return;  // like a full socket buffer: dropped
  m.from = self_;
  m.to = self_;
  local_inbox_.push_back(std::move(m));
  ctx.set_timer(kLocalTimer, 0);
}

void ShardNode::on_crash() {
  pending_.clear();
  sweep_armed_ = false;
  directory_cache_.clear();
  directory_cache_order_.clear();
  outgoing_.clear();
  split_requested_.clear();
  dispatched_at_.clear();
  local_inbox_.clear();
  load_bucket_ = -1;
  load_current_ = load_previous_ = 0;
  // A pure router (like mongos) keeps its routing table only in memory and starts again from the
  // initial one; shards and the balancer keep theirs on disk. Stale copies are corrected by the
  // shards' not-owner answers and by the epoch every message carries.
  if (shard_ == kNoShard && !is_balancer()) {
    routing_ = initial_routing(*config_);
    announcements_applied_ = 0;
  }
}

void ShardNode::on_restart(NodeContext& ctx) { start(ctx); }

// ---- updates every node applies ----

void ShardNode::learn_epoch(const Message& m) {
  const auto epoch = static_cast<std::uint32_t>(std::max<std::int64_t>(0, m.term));
  if (epoch > routing_.epoch()) {
    routing_.join_until(epoch);
    if (self_ == config_->directory) directory_per_shard_.resize(routing_.shards(), 0);
  }
}

void ShardNode::on_join(NodeContext& ctx, const Message&) {
  // learn_epoch has applied it; a newcomer now takes its role.
  if (self_ == config_->directory) directory_per_shard_.resize(routing_.shards(), 0);
  announce_role(ctx);
}

void ShardNode::on_move_update(const Message& m) {
  const Move move = msg::get_move(m);
  if (move.is_range) routing_.add_move(move);
  if (m.has_value) routing_.mark_done(move.id);
}

void ShardNode::on_split_applied(const Message& m) {
  routing_.split(m.value);
  split_requested_.erase(m.key);
}

void ShardNode::remember(std::set<std::uint32_t>& ids, std::uint32_t id) {
  assert(ids.size() < kMaxRememberedMoves);
  ids.insert(id);
}

// ---- ownership ----

bool ShardNode::owns(std::int64_t shard_key, ShardIndex* hint) const {
  if (config_->partitioning == Partitioning::Vertical ||
      !(is_hashed(config_->strategy) || config_->strategy == Strategy::Range)) {
    return true;  // the directory or the region decides; the shard serves what it is sent
  }
  ShardIndex where = routing_.owner(shard_key);
  if (const Move* m = routing_.move_covering(shard_key)) {
    // Our own record of the move is newer than the table: the hand-off (source) or the last batch
    // (destination) happens here before the balancer announces it.
    if (m->from == shard_) {
      if (!handed_off_.contains(m->id)) return true;
      where = m->to;
    } else if (m->to == shard_) {
      if (complete_in_.contains(m->id)) return true;
      where = m->from;
    }
  }
  if (where == shard_) return true;
  if (hint) *hint = where;
  return false;
}

bool ShardNode::row_owned(const Row& row) const { return owns(config_->shard_key_of(row), nullptr); }

// ---- observation ----

std::int64_t ShardNode::owned_rows() const {
  if (!is_active_primary()) return 0;
  return static_cast<std::int64_t>(
      std::count_if(store_.begin(), store_.end(), [&](const auto& kv) { return row_owned(kv.second); }));
}

double ShardNode::recent_load_per_s(sim::TimeUs local_now_us) const {
  // The last complete window: a steady figure, not one that restarts at zero every window.
  const std::int64_t bucket = local_now_us / config_->load_window_us;
  const double window_s = static_cast<double>(config_->load_window_us) / 1e6;
  if (bucket == load_bucket_) return static_cast<double>(load_previous_) / window_s;
  if (bucket == load_bucket_ + 1) return static_cast<double>(load_current_) / window_s;
  return 0;
}

std::vector<MigrationProgress> ShardNode::outgoing_moves() const {
  std::vector<MigrationProgress> out;
  for (const auto& o : outgoing_) {
    double progress = 0;
    if (o.started) {
      const auto total = std::max(o.rows_total, o.rows_sent);
      progress = total > 0 ? static_cast<double>(o.rows_sent) / static_cast<double>(total) : 1.0;
    }
    out.push_back({o.move, std::clamp(progress, 0.0, 1.0)});
  }
  return out;
}

sim::NodeView ShardNode::view() const {
  sim::NodeView v;
  v.log_length = static_cast<std::int64_t>(store_.size());
  v.data_version = static_cast<std::int64_t>(store_.size());
  using sim::DetailArg;
  const auto rows = static_cast<std::int64_t>(store_.size());
  if (config_->is_router(self_) && !config_->is_data_node(self_)) v.detail.add("router");
  if (self_ == config_->directory) {
    v.detail.add("directory: %1 keys", {DetailArg::number(static_cast<std::int64_t>(directory_.size()))});
  }
  if (shard_ != kNoShard) {
    if (shard_ >= routing_.shards()) {
      v.detail.add("spare");
    } else if (config_->partitioning == Partitioning::Vertical) {
      const ColumnGroup& g = config_->column_groups.at(shard_);
      v.detail.add("%1: %2 columns, %3 rows, %4 KB",
                   {DetailArg::words(g.name), DetailArg::number(static_cast<std::int64_t>(g.columns.size())),
                    DetailArg::number(rows), DetailArg::number(rows * g.bytes_per_row / 1024)});
    } else {
      v.detail.add(is_primary() ? "shard s%1: %2 rows" : "replica of s%1: %2 rows",
                   {DetailArg::number(shard_ + 1), DetailArg::number(rows)});
    }
  }
  if (!outgoing_.empty()) v.detail.add("moving a chunk");
  return v;
}

sim::MessageClass ShardNode::classify(std::uint16_t k) const {
  switch (k) {
    case msg::kRequest:
    case msg::kReply:
    case msg::kNotOwner:
    case msg::kLookup:
    case msg::kLookupReply: return sim::MessageClass::Client;
    case msg::kReplicate:
    case msg::kResync:
    case msg::kChunkBatch: return sim::MessageClass::Replication;
    case msg::kChunkAck:
    case msg::kAnnounceAck:
    case msg::kChunkDone: return sim::MessageClass::Ack;
    default: return sim::MessageClass::Other;
  }
}

std::string_view ShardNode::message_name(std::uint16_t k) const {
  switch (k) {
    case msg::kRequest: return "shard request";
    case msg::kReply: return "shard reply";
    case msg::kNotOwner: return "not owner";
    case msg::kLookup: return "directory lookup";
    case msg::kLookupReply: return "directory answer";
    case msg::kReplicate: return "replicate";
    case msg::kMoveChunk: return "move chunk";
    case msg::kChunkBatch: return "chunk batch";
    case msg::kChunkAck: return "chunk ack";
    case msg::kChunkDone: return "chunk moved";
    case msg::kMoveUpdate: return "routing update";
    case msg::kSplit: return "split";
    case msg::kJoin: return "shard joins";
    case msg::kResync: return "resync";
    case msg::kAnnounceAck: return "routing ack";
    default: return "?";
  }
}

void ShardNode::add_metrics(sim::Metrics& m) const {
  const ShardCounters& c = counters_;
  m["keys_moved"] += static_cast<double>(c.keys_moved);
  m["single_shard_queries"] += static_cast<double>(c.single_shard_queries);
  m["scatter_gather_queries"] += static_cast<double>(c.scatter_gather_queries);
  m["shard_requests"] += static_cast<double>(c.shard_requests);
  m["routing_failures"] += static_cast<double>(c.routing_failures);
  m["directory_lookups"] += static_cast<double>(c.directory_lookups);
  m["not_owner_retries"] += static_cast<double>(c.not_owner_retries);
  m["range_splits"] += static_cast<double>(c.range_splits);
  m["rows_replicated"] += static_cast<double>(c.rows_replicated);
}

}  // namespace cs::sharding
