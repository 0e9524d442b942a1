// A shard's data: serving requests from routers, copying writes to its replicas, counting its
// load, and asking the balancer to split a range that has grown too large.
#include <algorithm>
#include <cassert>
#include <limits>
#include <vector>

#include "sharding/hash.h"
#include "sharding/shard_node.h"

namespace cs::sharding {

using sim::Message;
using sim::NodeContext;

namespace {
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();
constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
}  // namespace

void ShardNode::on_request(NodeContext& ctx, const Message& m) {
  Message reply;
  reply.kind = msg::kReply;
  reply.op_id = m.op_id;
  reply.index = m.index;
  reply.log_term = shard_;
  reply.term = routing_.epoch();
  if (!is_active_primary()) {
    send_to(ctx, m.from, reply);  // ok = false: only a shard's primary serves requests
    return;
  }
  const bool targeted = m.level == 0;
  ShardIndex hint = kNoShard;
  if (targeted && !owns(m.key, &hint)) {
    Message no;
    no.kind = msg::kNotOwner;
    no.op_id = m.op_id;
    no.value = hint;
    no.term = routing_.epoch();
    // Tell the router what we know, so that its next request goes straight to the right shard.
    if (const Move* move = routing_.move_covering(m.key); move && move->from == shard_) {
      msg::put_move(no, *move);
      no.ok = handed_off_.contains(move->id);
    } else if (is_hashed(config_->strategy)) {
      const Move* done = routing_.find_move(RoutingTable::hash_move_id(routing_.epoch(), shard_, hint));
      if (done && done->done) {
        msg::put_move(no, *done);
        no.ok = true;
      }
    } else if (config_->strategy == Strategy::Range) {
      const std::size_t r = routing_.ranges().range_of(m.key);
      Move known;
      known.is_range = true;
      known.lo = routing_.ranges().start(r);
      known.hi = routing_.ranges().end(r);
      known.to = routing_.ranges().owner_at(r);
      msg::put_move(no, known);
      no.ok = !routing_.move_covering(m.key);
    }
    send_to(ctx, m.from, no);
    return;
  }
  note_served(ctx);
  reply.ok = true;
  switch (static_cast<msg::Op>(m.index)) {
    case msg::Op::Put: {
      if (!m.entries || m.entries->empty()) {
        reply.ok = false;
        break;
      }
      Row row = msg::from_entry(m.entries->front());
      const StoreKey key = key_of(row);
      const auto it = store_.find(key);
      const bool existed = it != store_.end();
      if (!existed && store_.size() >= kMaxRows) {
        reply.ok = false;  // full: a real shard would be out of disk
        break;
      }
      if (existed && config_->table == TableKind::Users) row.created_at_us = it->second.created_at_us;
      store_[key] = row;
      ++counters_.writes_served;
      replicate(ctx, {row}, msg::kReplicaUpsert);
      note_write(key, !existed);
      reply.has_value = existed;
      maybe_split(ctx, key.shard_key);
      break;
    }
    case msg::Op::Get: {
      const auto it = store_.find({m.key, m.commit});
      reply.has_value = it != store_.end();
      reply.value = reply.has_value ? it->second.value : 0;
      break;
    }
    case msg::Op::History: {
      // Targeted: the user's rows are one run of the store. Asked of every shard: look at all
      // rows, and count only the ones this shard serves (a row being moved sits on two shards).
      std::int64_t count = 0;
      const auto first = targeted ? store_.lower_bound({m.key, kMin}) : store_.begin();
      const auto last = targeted ? store_.upper_bound({m.key, kMax}) : store_.end();
      for (auto it = first; it != last; ++it) {
        if (it->second.user_id == m.commit && (targeted || row_owned(it->second))) ++count;
      }
      reply.value = count;
      reply.has_value = count > 0;
      break;
    }
    case msg::Op::Scan: {
      std::int64_t count = 0;
      for (const auto& [key, row] : store_) {
        if (static_cast<std::int64_t>(hash_key(row.id) % kVenues) == m.commit && row_owned(row)) ++count;
      }
      reply.value = count;
      reply.has_value = count > 0;
      break;
    }
  }
  send_to(ctx, m.from, reply);
}

void ShardNode::replicate(NodeContext& ctx, const std::vector<Row>& rows, std::int64_t mode) {
  if (rows.empty() || shard_ == kNoShard) return;
  const auto secondaries = config_->secondaries_of(shard_);
  if (secondaries.empty()) return;
  Message r;
  r.kind = msg::kReplicate;
  r.index = mode;
  r.term = routing_.epoch();
  r.entries = msg::pack(rows);
  r.value = ctx.local_now_us();  // when the primary had these rows, for the replicas' lag
  for (const sim::EndpointId to : secondaries) {
    ctx.send(to, r);
    counters_.rows_replicated += static_cast<std::int64_t>(rows.size());
  }
}

void ShardNode::on_replicate(NodeContext& ctx, const Message& m) {
  // Asynchronous copies from the shard's primary, applied in the order they arrive.
  if (is_primary() || !m.entries || shard_ == kNoShard || m.from != config_->primary_of(shard_)) return;
  if (m.index == msg::kReplicaReplace) store_.clear();
  // A resync copies old rows: only a regular copy says how long this replica lacked a new one.
  if (m.index == msg::kReplicaUpsert) {
    counters_.replica_lag_us_max = std::max(counters_.replica_lag_us_max, ctx.local_now_us() - m.value);
  }
  for (const sim::LogEntry& e : *m.entries) {
    const Row row = msg::from_entry(e);
    if (m.index == msg::kReplicaErase) {
      store_.erase(key_of(row));
    } else if (store_.size() < kMaxRows || store_.contains(key_of(row))) {
      store_[key_of(row)] = row;
    }
  }
}

void ShardNode::on_resync(NodeContext& ctx, const Message& m) {
  if (!is_primary() || shard_ == kNoShard) return;
  const auto secondaries = config_->secondaries_of(shard_);
  if (std::find(secondaries.begin(), secondaries.end(), m.from) == secondaries.end()) return;
  std::vector<Row> rows;
  rows.reserve(store_.size());
  for (const auto& [key, row] : store_) rows.push_back(row);
  Message r;
  r.kind = msg::kReplicate;
  r.index = msg::kReplicaReplace;
  r.term = routing_.epoch();
  r.entries = msg::pack(rows);
  ctx.send(m.from, r);
  counters_.rows_replicated += static_cast<std::int64_t>(rows.size());
}

void ShardNode::note_served(NodeContext& ctx) {
  ++counters_.ops_served;
  const std::int64_t bucket = ctx.local_now_us() / config_->load_window_us;
  if (bucket != load_bucket_) {
    load_previous_ = bucket == load_bucket_ + 1 ? load_current_ : 0;
    load_current_ = 0;
    load_bucket_ = bucket;
  }
  ++load_current_;
}

void ShardNode::maybe_split(NodeContext& ctx, std::int64_t shard_key) {
  if (config_->strategy != Strategy::Range || config_->range_max_rows <= 0) return;
  const RangeMap& ranges = routing_.ranges();
  const std::size_t r = ranges.range_of(shard_key);
  const std::int64_t lo = ranges.start(r);
  if (split_requested_.contains(lo) || routing_.move_covering(shard_key)) return;
  std::vector<std::int64_t> keys;
  for (auto it = store_.lower_bound({lo, kMin}); it != store_.end() && ranges.contains(r, it->first.shard_key); ++it) {
    if (row_owned(it->second)) keys.push_back(it->first.shard_key);
  }
  if (static_cast<std::int64_t>(keys.size()) <= config_->range_max_rows) return;
  // Split at the median: half the rows on each side. A range full of one value cannot be split
  // (MongoDB calls it a jumbo chunk).
  const std::int64_t at = keys[keys.size() / 2];
  if (at <= lo) return;
  Message split;
  split.kind = msg::kSplit;
  split.key = lo;
  split.value = at;
  split.term = routing_.epoch();
  split_requested_.insert(lo);
  assert(split_requested_.size() <= RangeMap::kMaxRanges);
  to_balancer(ctx, split);
}

}  // namespace cs::sharding
