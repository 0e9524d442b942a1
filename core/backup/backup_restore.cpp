// The 3-2-1 backup model: bringing production back from a surviving copy.
#include <algorithm>
#include <cassert>

#include "backup/backup_node.h"

namespace cs::backup {

using sim::Message;
using sim::NodeContext;

void BackupNode::begin_restore(NodeContext& ctx) {
  assert(is_production());
  restoring_ = true;
  restore_source_ = sim::kNoEndpoint;
  restore_started_us_ = ctx.local_now_us();
  chunks_received_ = 0;
  chunks_at_last_check_ = 0;
  Message ask;
  ask.kind = kRestoreRequest;
  ctx.broadcast(ask);  // a destroyed copy cannot answer: its node is down
  ctx.set_timer(kRetryTimer, config_.restore_retry_us);
}

void BackupNode::on_offer(NodeContext& ctx, const Message& message) {
  if (!is_production() || !restoring_ || restore_source_ != sim::kNoEndpoint || message.value == 0) return;
  // The first copy to answer is the nearest, which is also the fastest to restore from.
  restore_source_ = message.from;
  Message start;
  start.kind = kRestoreStart;
  ctx.send(restore_source_, start);
  ctx.set_timer(kRetryTimer,
                config_.restore_duration_us(copy_kind(restore_source_)) / kRestoreChunks + config_.restore_retry_us);
}

void BackupNode::on_retry(NodeContext& ctx) {
  if (!restoring_) return;
  if (restore_source_ != sim::kNoEndpoint && chunks_received_ > chunks_at_last_check_) {
    chunks_at_last_check_ = chunks_received_;
    ctx.set_timer(kRetryTimer,
                  config_.restore_duration_us(copy_kind(restore_source_)) / kRestoreChunks + config_.restore_retry_us);
    return;
  }
  begin_restore(ctx);  // no copy answered, or the one we chose stopped sending: ask everyone again
}

void BackupNode::start_streaming(NodeContext& ctx, sim::EndpointId to) {
  assert(copy_);
  streaming_to_ = to;
  streaming_copy_ = copy_;  // the copy as it is now, even if a newer one arrives meanwhile
  chunks_sent_ = 0;
  ctx.set_timer(kChunkTimer, config_.restore_duration_us(kind_) / kRestoreChunks);
}

void BackupNode::send_chunk(NodeContext& ctx) {
  if (streaming_to_ == sim::kNoEndpoint || !streaming_copy_) return;
  // Each chunk leaves once the storage has read it: the copy's bandwidth paces the restore.
  Message chunk;
  chunk.kind = kRestoreChunk;
  chunk.index = ++chunks_sent_;
  chunk.commit = kRestoreChunks;
  if (chunks_sent_ == kRestoreChunks) chunk.payload = streaming_copy_;
  ctx.send(streaming_to_, chunk);
  if (chunks_sent_ < kRestoreChunks) {
    ctx.set_timer(kChunkTimer, config_.restore_duration_us(kind_) / kRestoreChunks);
  } else {
    streaming_to_ = sim::kNoEndpoint;
    streaming_copy_.reset();
  }
}

void BackupNode::on_chunk(NodeContext& ctx, const Message& message) {
  if (!is_production() || !restoring_ || message.from != restore_source_) return;
  chunks_received_ = std::max(chunks_received_, message.index);
  if (message.index < message.commit) return;
  const auto* snapshot = dynamic_cast<const Snapshot*>(message.payload.get());
  if (!snapshot) return;
  data_ = snapshot->data;
  writes_held_ = snapshot->writes_held;
  RestoreRecord record;
  record.source = copy_kind(restore_source_);
  record.started_us = restore_started_us_;
  record.finished_us = ctx.local_now_us();
  record.data_loss_us = std::max<sim::TimeUs>(0, last_write_at_loss_us_ - snapshot->taken_us);
  record.writes_lost = std::max<std::int64_t>(0, writes_held_at_loss_ - snapshot->writes_held);
  if (restores_.size() < kMaxRestoreRecords) restores_.push_back(record);
  restoring_ = false;
  restore_source_ = sim::kNoEndpoint;
  serving_ = true;
  last_write_us_ = snapshot->taken_us;  // what the data now reflects
  ctx.cancel_timer(kRetryTimer);
  ctx.set_role(sim::Role::Primary, 1);
  arm_backup_timers(ctx);
}

}  // namespace cs::backup
