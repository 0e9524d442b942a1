// The router: turns a client's request into requests to shards. A request that names the shard
// key goes to one shard (after asking the directory, under directory sharding); one that does not
// goes to every shard, and the router merges the answers (scatter-gather). A vertical partition
// is read the same way: one column group, or all of them joined on the primary key.
#include <algorithm>
#include <cassert>
#include <vector>

#include "sharding/hash.h"
#include "sharding/shard_node.h"

namespace cs::sharding {

using sim::Message;
using sim::NodeContext;

namespace {
// A read's `level` says what kind of query it is (see the parameter's help): 1 does not use the
// shard key, 2 does; 0 lets wide_read_fraction decide.
constexpr std::uint8_t kLevelWide = 1;
constexpr std::uint8_t kLevelByKey = 2;
}  // namespace

std::uint32_t ShardNode::shard_count() const {
  return config_->partitioning == Partitioning::Vertical ? config_->partitions() : routing_.shards();
}

// A check-in is a new row with an id of its own. The ids from one router are consecutive: what a
// hash must scatter and a range cannot. A duplicated request gets the row it made the first time.
void ShardNode::name_checkin(std::uint64_t op_id, Row& row) {
  if (const auto it = checkin_of_op_.find(op_id); it != checkin_of_op_.end()) {
    row = it->second;
    return;
  }
  row.id = (static_cast<std::int64_t>(self_) + 1) * (1LL << 32) + ++next_checkin_;
  if (checkin_of_op_.size() >= kMaxRecentCheckins) checkin_of_op_.erase(checkin_of_op_.begin());
  checkin_of_op_.emplace(op_id, row);
}

void ShardNode::on_client_request(NodeContext& ctx, const Message& m) {
  if (pending_.size() >= kMaxPending) {
    ++counters_.routing_failures;
    ctx.reply(m, false);
    return;
  }
  const ShardConfig& c = *config_;
  const sim::TimeUs now = ctx.local_now_us();
  PendingRequest p;
  p.client = m;
  p.started_us = now;
  p.deadline_us = now + c.request_timeout_us;
  std::int64_t key = m.key;
  // A celebrity: one account that a large share of all requests is about.
  if (c.celebrity_share > 0 && ctx.random().chance(c.celebrity_share)) key = 1;
  const bool write = m.kind == sim::kind::kClientWrite;
  const bool wide = !write && m.level != kLevelByKey &&
                    (m.level == kLevelWide || (c.wide_read_fraction > 0 && ctx.random().chance(c.wide_read_fraction)));
  // Under geo sharding the user lives where they connect: the router's region is part of the id.
  const std::int64_t user =
      c.strategy == Strategy::Geo ? static_cast<std::int64_t>(c.region_of_router(self_)) * kRegionStride + key : key;

  if (write) {
    p.op = msg::Op::Put;
    p.row.user_id = user;
    p.row.value = m.value;
    p.row.created_at_us = kEpochUs + now;
    // A users row is written in place; a check-in is a new row (name_checkin).
    p.row.id = user;
    if (c.table == TableKind::Checkins) name_checkin(m.op_id, p.row);
    p.shard_key = c.shard_key_of(p.row);
  } else if (wide) {
    p.all_shards = true;
    if (c.partitioning == Partitioning::Vertical) {
      p.op = msg::Op::Get;  // the whole record: every column group, joined on user_id
      p.shard_key = user;
      p.arg = user;
      p.has_value = true;
    } else {
      p.op = msg::Op::Scan;  // "check-ins at venue V": not the shard key
      p.arg = static_cast<std::int64_t>(hash_key(key) % kVenues);
    }
  } else if (c.table == TableKind::Checkins) {
    p.op = msg::Op::History;
    p.arg = user;
    p.shard_key = c.user_shard_key(user);
    p.all_shards = !c.key_targets_user();
  } else {
    p.op = msg::Op::Get;
    p.arg = user;
    p.shard_key = c.user_shard_key(user);
  }
  const std::uint64_t id = (boots_ << 40) | ++next_request_;
  PendingRequest& stored = pending_.emplace(id, p).first->second;
  dispatch(ctx, id, stored);
  arm_sweep(ctx);
}

ShardIndex ShardNode::target_of(const PendingRequest& p) const {
  const ShardConfig& c = *config_;
  if (c.partitioning == Partitioning::Vertical) {
    return p.op == msg::Op::Put ? c.partition_written() : 0;  // narrow reads need the core group only
  }
  if (c.strategy == Strategy::Geo) return static_cast<ShardIndex>(p.shard_key % shard_count());  // the region
  return routing_.owner(p.shard_key);
}

void ShardNode::dispatch(NodeContext& ctx, std::uint64_t id, PendingRequest& p) {
  if (p.all_shards) {
    const std::uint32_t n = shard_count();
    assert(n <= 64);
    for (ShardIndex s = 0; s < n; ++s) send_request(ctx, id, p, s);
    p.awaiting = n;
    p.touched = n;
    p.stage = Stage::Waiting;
    ++counters_.scatter_gather_queries;
    return;
  }
  if (config_->strategy == Strategy::Directory && config_->partitioning == Partitioning::Horizontal) {
    const auto cached = directory_cache_.find(p.shard_key);
    if (cached == directory_cache_.end()) {
      Message lookup;
      lookup.kind = msg::kLookup;
      lookup.key = p.shard_key;
      lookup.op_id = id;
      lookup.term = routing_.epoch();
      send_to(ctx, config_->directory, lookup);
      ++counters_.directory_lookups;
      p.stage = Stage::Lookup;
      return;
    }
    p.target = cached->second;
  } else {
    p.target = target_of(p);
  }
  send_request(ctx, id, p, p.target);
  p.awaiting = 1;
  p.touched = 1;
  p.stage = Stage::Waiting;
  ++counters_.single_shard_queries;
}

void ShardNode::send_request(NodeContext& ctx, std::uint64_t id, const PendingRequest& p, ShardIndex shard) {
  Message r;
  r.kind = msg::kRequest;
  r.index = static_cast<std::int64_t>(p.op);
  r.key = p.shard_key;
  r.commit = p.arg;
  r.op_id = id;
  r.term = routing_.epoch();
  r.level = p.all_shards ? 1 : 0;  // asked of every shard: no ownership check, filter instead
  if (p.op == msg::Op::Put) r.entries = msg::pack({p.row});
  send_to(ctx, config_->primary_of(shard), r);
  ++counters_.shard_requests;
}

void ShardNode::on_lookup_reply(NodeContext& ctx, const Message& m) {
  const auto it = pending_.find(m.op_id);
  if (it == pending_.end() || it->second.stage != Stage::Lookup) return;
  PendingRequest& p = it->second;
  if (!m.ok || m.value < 0 || m.value >= static_cast<std::int64_t>(shard_count())) {
    finish(ctx, m.op_id, false);
    return;
  }
  p.target = static_cast<ShardIndex>(m.value);
  if (config_->directory_cache && directory_cache_.emplace(p.shard_key, p.target).second) {
    directory_cache_order_.push_back(p.shard_key);
    if (directory_cache_order_.size() > config_->directory_cache_entries) {
      directory_cache_.erase(directory_cache_order_.front());
      directory_cache_order_.pop_front();
    }
  }
  send_request(ctx, m.op_id, p, p.target);
  p.awaiting = 1;
  p.touched = 1;
  p.stage = Stage::Waiting;
  ++counters_.single_shard_queries;
}

void ShardNode::on_reply(NodeContext& ctx, const Message& m) {
  const auto it = pending_.find(m.op_id);
  if (it == pending_.end()) return;  // late: the request already finished or timed out
  PendingRequest& p = it->second;
  if (p.stage != Stage::Waiting && p.stage != Stage::VerticalRest) return;
  const auto from = static_cast<ShardIndex>(m.log_term);
  if (p.all_shards || p.stage == Stage::VerticalRest) {
    const std::uint64_t bit = std::uint64_t{1} << (from & 63);
    if (p.replied & bit) return;  // a duplicate
    p.replied |= bit;
  } else if (from != p.target) {
    return;  // an answer to an earlier attempt
  }
  p.ok = p.ok && m.ok;
  switch (p.op) {
    case msg::Op::Put: break;
    case msg::Op::Get:
      if (p.all_shards) {  // a vertical join: the record exists if every group has it
        p.has_value = p.has_value && m.has_value;
        if (from == 0) p.result = m.value;
      } else {
        p.has_value = m.has_value;
        p.result = m.value;
      }
      break;
    case msg::Op::History:
    case msg::Op::Scan:
      p.result += m.value;
      p.has_value = true;
      break;
  }
  if (--p.awaiting > 0) return;
  // A new user written to one column group must get a row in every other group too, or the
  // partitions would no longer hold the same rows.
  const std::uint32_t partitions = config_->partitions();
  if (config_->partitioning == Partitioning::Vertical && p.op == msg::Op::Put && p.stage == Stage::Waiting && m.ok &&
      !m.has_value && partitions > 1) {
    p.stage = Stage::VerticalRest;
    p.replied = std::uint64_t{1} << p.target;
    for (ShardIndex s = 0; s < partitions; ++s) {
      if (s != p.target) send_request(ctx, m.op_id, p, s);
    }
    p.awaiting = partitions - 1;
    p.touched = partitions;
    return;
  }
  finish(ctx, m.op_id, p.ok);
}

void ShardNode::on_not_owner(NodeContext& ctx, const Message& m) {
  // Whatever the shard knows about the move, a later request can use: the hand-off is done. Not
  // on the balancer's node, though: its table is the authority on which moves have finished, and a
  // source that has handed a chunk off has not yet heard that the destination holds it (a crash
  // now would leave the move to be re-dispatched, which a table marked "done" never does).
  if (m.ok && !is_balancer()) {
    const Move move = msg::get_move(m);
    if (move.is_range) {
      routing_.learn_range(move.lo, move.hi, move.to);
    } else {
      routing_.mark_done(move.id);
    }
  }
  const auto it = pending_.find(m.op_id);
  if (it == pending_.end()) return;
  PendingRequest& p = it->second;
  if (p.stage != Stage::Waiting || p.all_shards) return;
  ++counters_.not_owner_retries;
  if (++p.attempts > kMaxAttempts || m.value < 0 || m.value >= static_cast<std::int64_t>(shard_count())) {
    finish(ctx, m.op_id, false);
    return;
  }
  // Wait a moment: during a hand-off the destination may not have the last batch yet.
  p.target = static_cast<ShardIndex>(m.value);
  p.stage = Stage::RetryLater;
  p.retry_at_us = ctx.local_now_us() + kRetryDelayUs;
  arm_sweep(ctx);
}

void ShardNode::finish(NodeContext& ctx, std::uint64_t id, bool ok) {
  const auto it = pending_.find(id);
  assert(it != pending_.end());
  const PendingRequest& p = it->second;
  const bool write = p.op == msg::Op::Put;
  ctx.reply(p.client, ok, ok && !write && p.has_value, ok && !write ? p.result : 0);
  if (!write) {
    ++counters_.reads_routed;
    counters_.read_shards_touched += p.touched;
  }
  if (p.touched > 1) ++counters_.multi_shard_requests;
  if (ok) {
    const sim::TimeUs took = ctx.local_now_us() - p.started_us;
    if (p.touched > 1) {
      counters_.scatter_gather_us_total += took;
      ++counters_.scatter_gather_ok;
    } else {
      counters_.single_shard_us_total += took;
      ++counters_.single_shard_ok;
    }
  } else {
    ++counters_.routing_failures;
  }
  pending_.erase(it);
}

void ShardNode::sweep(NodeContext& ctx) {
  const sim::TimeUs now = ctx.local_now_us();
  std::vector<std::uint64_t> expired;
  for (auto& [id, p] : pending_) {
    if (now >= p.deadline_us) {
      expired.push_back(id);
    } else if (p.stage == Stage::RetryLater && now >= p.retry_at_us) {
      send_request(ctx, id, p, p.target);
      p.awaiting = 1;
      p.stage = Stage::Waiting;
    }
  }
  for (const auto id : expired) finish(ctx, id, false);  // no answer in time: the route failed
  arm_sweep(ctx);
}

void ShardNode::arm_sweep(NodeContext& ctx) {
  if (sweep_armed_ || pending_.empty()) return;
  ctx.set_timer(kSweepTimer, kSweepIntervalUs);
  sweep_armed_ = true;
}

}  // namespace cs::sharding
