// Chunk migration between shards, while reads and writes go on. The source sends the chunk's rows
// in batches, one at a time and throttled, remembering which rows were written again after they
// were sent; the final batch carries those, and with it the source hands the chunk off: from then
// on it answers "not owner" for those keys. The destination serves the chunk once the final batch
// is in. The source deletes its copy when that batch is acknowledged and tells the balancer.
#include <algorithm>
#include <cassert>
#include <vector>

#include "sharding/shard_node.h"

namespace cs::sharding {

using sim::Message;
using sim::NodeContext;

std::int64_t ShardNode::count_covered(const Move& move) const {
  return static_cast<std::int64_t>(std::count_if(
      store_.begin(), store_.end(), [&](const auto& kv) { return routing_.covers(move, kv.first.shard_key); }));
}

void ShardNode::on_move_chunk(NodeContext& ctx, const Message& m) {
  const Move move = msg::get_move(m);
  if (move.from != shard_ || !is_primary()) return;
  if (move.is_range) routing_.add_move(move);
  if (const auto done = finished_out_.find(move.id); done != finished_out_.end()) {
    Message again;  // our earlier report was lost
    again.kind = msg::kChunkDone;
    msg::put_move(again, move);
    again.term = routing_.epoch();
    again.value = done->second;
    to_balancer(ctx, again);
    return;
  }
  for (const auto& o : outgoing_) {
    if (o.move.id == move.id) return;  // already under way
  }
  OutgoingMove o;
  o.move = move;
  // Handed off before a crash: the destination may already serve the chunk, so the rows can only
  // go again as a final batch (which the destination ignores if it has the chunk complete).
  o.resend_all = handed_off_.contains(move.id);
  outgoing_.push_back(std::move(o));
  if (outgoing_.size() == 1) ctx.set_timer(kMigrateTimer, 0);
}

void ShardNode::note_write(const StoreKey& key, bool is_new) {
  if (outgoing_.empty()) return;
  OutgoingMove& o = outgoing_.front();
  if (!o.started || !routing_.covers(o.move, key.shard_key)) return;
  if (o.cursor_set && !(o.cursor < key)) {
    o.dirty.insert(key);  // already sent: must go again
  } else if (is_new) {
    ++o.rows_total;  // the scan will still reach it
  }
}

void ShardNode::on_migrate_timer(NodeContext& ctx) {
  if (outgoing_.empty()) return;
  OutgoingMove& o = outgoing_.front();
  const sim::TimeUs now = ctx.local_now_us();
  if (o.awaiting_ack) {
    if (now - o.sent_at_us >= kAckTimeoutUs) {  // lost, or the destination is down: send it again
      ctx.send(config_->primary_of(o.move.to), o.last_batch);
      o.sent_at_us = now;
    }
    ctx.set_timer(kMigrateTimer, kAckTimeoutUs);
    return;
  }
  if (!o.started) {
    o.started = true;
    o.rows_total = count_covered(o.move);
  }
  std::vector<Row> rows;
  bool final = false;
  if (!o.resend_all && !o.caught_up) {
    auto it = o.cursor_set ? store_.upper_bound(o.cursor) : store_.begin();
    for (; it != store_.end() && static_cast<std::int64_t>(rows.size()) < config_->migration_batch_rows; ++it) {
      o.cursor = it->first;
      o.cursor_set = true;
      if (routing_.covers(o.move, it->first.shard_key)) rows.push_back(it->second);
    }
    // Inserts keep arriving behind the cursor (an ever-growing key does exactly that), so chasing
    // them batch by batch may never end: once the scan has reached the end, stop scanning.
    if (it == store_.end()) o.caught_up = true;
  }
  if (rows.empty()) {
    // The final batch: rows written again since they were sent, and rows added since the scan
    // passed the end. From now on this shard refuses the chunk's keys.
    final = true;
    for (const auto& [key, row] : store_) {
      if (!routing_.covers(o.move, key.shard_key)) continue;
      if (o.resend_all || o.dirty.contains(key) || !o.cursor_set || o.cursor < key) rows.push_back(row);
    }
    handed_off_.insert(o.move.id);
    assert(handed_off_.size() <= kMaxRememberedMoves);
  }
  // Progress counts rows on their first trip; the final batch completes it.
  o.rows_sent = final ? std::max(o.rows_sent, o.rows_total) : o.rows_sent + static_cast<std::int64_t>(rows.size());
  Message batch;
  batch.kind = msg::kChunkBatch;
  msg::put_move(batch, o.move);
  batch.term = routing_.epoch();
  batch.value = ++o.seq;
  batch.has_value = final;
  batch.entries = msg::pack(rows);
  ctx.send(config_->primary_of(o.move.to), batch);
  o.last_batch = batch;
  o.awaiting_ack = true;
  o.sent_at_us = now;
  ctx.set_timer(kMigrateTimer, kAckTimeoutUs);
}

void ShardNode::on_chunk_batch(NodeContext& ctx, const Message& m) {
  const Move move = msg::get_move(m);
  if (move.to != shard_ || !is_primary()) return;
  if (move.is_range) routing_.add_move(move);
  // Once the chunk is complete this shard may have accepted newer writes to it: an old batch
  // arriving late (a duplicate) must not overwrite them.
  if (!complete_in_.contains(move.id)) {
    std::vector<Row> rows;
    rows.reserve(m.entries ? m.entries->size() : 0);
    if (m.entries) {
      for (const sim::LogEntry& e : *m.entries) rows.push_back(msg::from_entry(e));
    }
    for (const Row& row : rows) {
      if (store_.size() < kMaxRows || store_.contains(key_of(row))) store_[key_of(row)] = row;
    }
    replicate(ctx, rows, msg::kReplicaUpsert);
    if (m.has_value) remember(complete_in_, move.id);
  }
  Message ack;
  ack.kind = msg::kChunkAck;
  msg::put_move(ack, move);
  ack.term = routing_.epoch();
  ack.value = m.value;
  ack.has_value = m.has_value;
  send_to(ctx, m.from, ack);
}

void ShardNode::on_chunk_ack(NodeContext& ctx, const Message& m) {
  if (outgoing_.empty()) return;
  OutgoingMove& o = outgoing_.front();
  if (o.move.id != static_cast<std::uint32_t>(m.index) || !o.awaiting_ack || o.seq != m.value) return;
  o.awaiting_ack = false;
  if (!m.has_value) {
    ctx.set_timer(kMigrateTimer, config_->migration_interval_us);  // throttled, as balancers are
    return;
  }
  // The destination has the whole chunk: drop our copy, on the replicas too.
  std::vector<Row> gone;
  for (auto it = store_.begin(); it != store_.end();) {
    if (routing_.covers(o.move, it->first.shard_key)) {
      gone.push_back(it->second);
      it = store_.erase(it);
    } else {
      ++it;
    }
  }
  replicate(ctx, gone, msg::kReplicaErase);
  const auto moved = static_cast<std::int64_t>(gone.size());
  counters_.keys_moved += moved;
  finished_out_[o.move.id] = moved;
  assert(finished_out_.size() <= kMaxRememberedMoves);
  Message done;
  done.kind = msg::kChunkDone;
  msg::put_move(done, o.move);
  done.term = routing_.epoch();
  done.value = moved;
  outgoing_.pop_front();
  to_balancer(ctx, done);
  if (!outgoing_.empty()) ctx.set_timer(kMigrateTimer, config_->migration_interval_us);
}

}  // namespace cs::sharding
