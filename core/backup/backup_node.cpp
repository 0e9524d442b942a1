// The 3-2-1 backup model: production, its clients, and the periodic copies.
#include "backup/backup_node.h"

#include <cassert>
#include <cmath>
#include <cstdio>

namespace cs::backup {

using sim::Message;
using sim::NodeContext;

CopyKind copy_kind(sim::EndpointId node) {
  return node == 0 ? CopyKind::Production : node == 1 ? CopyKind::OnSite : CopyKind::OffSite;
}

std::string_view to_string(CopyKind kind) {
  switch (kind) {
    case CopyKind::Production: return "production";
    case CopyKind::OnSite: return "onsite";
    case CopyKind::OffSite: return "offsite";
  }
  return "?";
}

sim::TimeUs BackupConfig::restore_duration_us(CopyKind kind) const {
  const double mb_per_s = kind == CopyKind::OffSite ? offsite_restore_mb_per_s : onsite_restore_mb_per_s;
  assert(mb_per_s > 0.0);
  return static_cast<sim::TimeUs>(std::llround(data_mb / mb_per_s * 1e6));
}

BackupNode::BackupNode(BackupConfig config, sim::EndpointId self)
    : config_(config), self_(self), kind_(copy_kind(self)) {}

void BackupNode::start(NodeContext& ctx) {
  if (is_production()) {
    serving_ = true;  // a new database: empty, but the live copy
    ctx.set_role(sim::Role::Primary, 1);
    arm_backup_timers(ctx);
  } else {
    ctx.set_role(sim::Role::Replica, 1);
  }
}

void BackupNode::arm_backup_timers(NodeContext& ctx) {
  ctx.set_timer(kOnSiteTimer, config_.onsite_interval_us);
  if (config_.offsite_copy) ctx.set_timer(kOffSiteTimer, config_.offsite_interval_us);
}

void BackupNode::on_timer(NodeContext& ctx, std::uint16_t timer_kind) {
  switch (timer_kind) {
    case kOnSiteTimer:
    case kOffSiteTimer: {
      if (!serving_) return;  // nothing to copy until production is back
      const bool onsite = timer_kind == kOnSiteTimer;
      send_copy(ctx, onsite ? CopyKind::OnSite : CopyKind::OffSite);
      ctx.set_timer(timer_kind, onsite ? config_.onsite_interval_us : config_.offsite_interval_us);
      break;
    }
    case kRetryTimer: on_retry(ctx); break;
    case kChunkTimer: send_chunk(ctx); break;
    default: break;
  }
}

void BackupNode::send_copy(NodeContext& ctx, CopyKind to) {
  auto snapshot = std::make_shared<Snapshot>();
  snapshot->data = data_;
  snapshot->taken_us = ctx.local_now_us();
  snapshot->writes_held = writes_held_;
  Message m;
  m.kind = kBackup;
  m.index = writes_held_;
  m.payload = std::move(snapshot);
  for (sim::EndpointId node = 1; node < ctx.node_count(); ++node) {
    if (copy_kind(node) == to) {
      ctx.send(node, m);
      ++backups_sent_;
    }
  }
}

void BackupNode::on_client(NodeContext& ctx, const Message& request) {
  if (!serving_) {
    ctx.reply(request, false);  // a backup is not a database; production mid-restore is down
    return;
  }
  if (request.kind == sim::kind::kClientWrite) {
    data_[request.key] = request.value;
    ++writes_held_;
    last_write_us_ = ctx.local_now_us();
    ctx.reply(request, true);
    return;
  }
  const auto it = data_.find(request.key);
  ctx.reply(request, true, it != data_.end(), it != data_.end() ? it->second : 0);
}

void BackupNode::on_message(NodeContext& ctx, const Message& message) {
  switch (message.kind) {
    case sim::kind::kClientRead:
    case sim::kind::kClientWrite: on_client(ctx, message); break;
    case kBackup: {
      auto snapshot = std::dynamic_pointer_cast<const Snapshot>(message.payload);
      if (!snapshot || is_production()) break;
      if (!copy_ || snapshot->taken_us >= copy_->taken_us) copy_ = std::move(snapshot);
      break;
    }
    case kRestoreRequest: {
      if (is_production()) break;
      Message offer;
      offer.kind = kRestoreOffer;
      offer.value = copy_ ? 1 : 0;
      offer.commit = copy_ ? copy_->taken_us : 0;
      ctx.send(message.from, offer);
      break;
    }
    case kRestoreOffer: on_offer(ctx, message); break;
    case kRestoreStart:
      if (!is_production() && copy_) start_streaming(ctx, message.from);
      break;
    case kRestoreChunk: on_chunk(ctx, message); break;
    default: break;
  }
}

void BackupNode::on_crash() {
  // The disaster destroys this node's storage, not only its memory.
  ++disasters_;
  if (serving_) {  // a server lost mid-restore held nothing new: the earlier loss stands
    writes_held_at_loss_ = writes_held_;
    last_write_at_loss_us_ = last_write_us_;
  }
  serving_ = false;
  data_.clear();
  writes_held_ = 0;
  copy_.reset();
  restoring_ = false;
  restore_source_ = sim::kNoEndpoint;
  chunks_received_ = 0;
  chunks_at_last_check_ = 0;
  streaming_to_ = sim::kNoEndpoint;
  streaming_copy_.reset();
  chunks_sent_ = 0;
}

void BackupNode::on_restart(NodeContext& ctx) {
  // New, empty hardware in the old one's place.
  if (is_production()) {
    ctx.set_role(sim::Role::None, 1);
    begin_restore(ctx);
  } else {
    ctx.set_role(sim::Role::Replica, 1);
  }
}

bool BackupNode::holds_copy() const { return is_production() ? serving_ : copy_ != nullptr; }

namespace {
sim::DetailArg seconds(sim::TimeUs us) { return sim::DetailArg::fixed(static_cast<double>(us) / 1e6, 1); }
}  // namespace

sim::NodeView BackupNode::view() const {
  sim::NodeView v;
  v.term = 1;
  switch (kind_) {
    case CopyKind::Production:
      v.data_version = writes_held_;
      if (serving_) {
        v.detail.add("production database (disk)");
      } else if (restore_source_ != sim::kNoEndpoint) {
        v.detail.add(copy_kind(restore_source_) == CopyKind::OffSite ? "restoring from the off-site copy: %1%"
                                                                     : "restoring from the on-site copy: %1%",
                     {sim::DetailArg::number(chunks_received_ * 100 / kRestoreChunks)});
      } else if (restoring_) {
        v.detail.add("new server: waiting for a copy");
      }
      break;
    case CopyKind::OnSite:
      v.data_version = copy_ ? copy_->writes_held : 0;
      if (copy_) {
        v.detail.add("backup (tape, same site): copy of %1 s", {seconds(copy_->taken_us)});
      } else {
        v.detail.add("backup (tape, same site): empty");
      }
      break;
    case CopyKind::OffSite:
      v.data_version = copy_ ? copy_->writes_held : 0;
      if (!config_.offsite_copy) {
        v.detail.add("off-site storage: never sent a copy");
      } else if (copy_) {
        v.detail.add("backup (object storage, off site): copy of %1 s", {seconds(copy_->taken_us)});
      } else {
        v.detail.add("backup (object storage, off site): empty");
      }
      break;
  }
  return v;
}

sim::Inspection BackupNode::inspect() const {
  using sim::DetailArg;
  sim::Inspection in;
  const auto add_data = [&](const std::map<std::int64_t, std::int64_t>& data) {
    for (auto it = data.begin(); it != data.end() && !in.data.full(); ++it) {
      in.data.add("key %1 = %2", {DetailArg::number(it->first), DetailArg::number(it->second)});
    }
    in.data.not_shown += static_cast<std::int64_t>(data.size() - in.data.lines.size());
  };
  if (is_production()) {
    if (serving_) {
      in.state.add("live database: %1 writes held", {DetailArg::number(writes_held_)});
      if (config_.offsite_copy) {
        in.state.add("sends a copy on site every %1 s, off site every %2 s",
                     {seconds(config_.onsite_interval_us), seconds(config_.offsite_interval_us)});
      } else {
        in.state.add("sends a copy on site every %1 s, never off site", {seconds(config_.onsite_interval_us)});
      }
      add_data(data_);
    } else if (restore_source_ != sim::kNoEndpoint) {
      in.state.add(
          "restoring: %1 of %2 chunks received, asked at %3 s",
          {DetailArg::number(chunks_received_), DetailArg::number(kRestoreChunks), seconds(restore_started_us_)});
      in.cluster.add("restores from %1", {DetailArg::node(restore_source_)});
    } else if (restoring_) {
      in.state.add("new server: waiting for a copy");
    }
    // Production knows where its copies go: node 1 on site, every later node off site.
    in.cluster.add("%1 keeps the on-site copy", {DetailArg::node(1)});
    if (config_.offsite_copy) in.cluster.add("every node after %1 keeps an off-site copy", {DetailArg::node(1)});
    return in;
  }
  if (copy_) {
    in.state.add("copy of %1 s: %2 writes", {seconds(copy_->taken_us), DetailArg::number(copy_->writes_held)});
  } else {
    in.state.add("holds no copy");
  }
  const double mb_per_s =
      kind_ == CopyKind::OffSite ? config_.offsite_restore_mb_per_s : config_.onsite_restore_mb_per_s;
  in.state.add("restores %1 MB at %2 MB/s: %3 s", {DetailArg::fixed(config_.data_mb, 0), DetailArg::fixed(mb_per_s, 0),
                                                   seconds(config_.restore_duration_us(kind_))});
  if (streaming_to_ != sim::kNoEndpoint) {
    in.state.add("streaming its copy: %1 of %2 chunks sent",
                 {DetailArg::number(chunks_sent_), DetailArg::number(kRestoreChunks)});
    in.cluster.add("restores %1", {DetailArg::node(streaming_to_)});
  }
  if (copy_) add_data(copy_->data);
  in.cluster.add("receives copies from %1", {DetailArg::node(0)});
  return in;
}

sim::MessageClass BackupNode::classify(std::uint16_t message_kind) const {
  switch (message_kind) {
    case kBackup:
    case kRestoreChunk: return sim::MessageClass::Replication;
    case kRestoreOffer: return sim::MessageClass::Ack;
    default: return sim::MessageClass::Other;
  }
}

std::string_view BackupNode::message_name(std::uint16_t message_kind) const {
  switch (message_kind) {
    case kBackup: return "backup";
    case kRestoreRequest: return "restore?";
    case kRestoreOffer: return "offer";
    case kRestoreStart: return "restore";
    case kRestoreChunk: return "chunk";
    default: return "?";
  }
}

void BackupNode::add_metrics(sim::Metrics& metrics) const {
  metrics["copies_surviving"] += holds_copy() ? 1.0 : 0.0;
  metrics["backups_sent"] += static_cast<double>(backups_sent_);
  metrics["disasters"] += static_cast<double>(disasters_);  // nodes destroyed, counted per node
  if (!is_production()) return;
  metrics["restores_completed"] += static_cast<double>(restores_.size());
  // Production has lost its data and no copy has come back (yet): the service is down.
  metrics["restore_pending"] += restoring_ ? 1.0 : 0.0;
  double writes_lost = 0;
  for (const RestoreRecord& r : restores_) {
    // Per source copy (the last restore from it), and plain names for the latest restore.
    const std::string from = "." + std::string(to_string(r.source)) + "_copy";
    const double restore_s = static_cast<double>(r.finished_us - r.started_us) / 1e6;
    const double loss_s = static_cast<double>(r.data_loss_us) / 1e6;
    for (const std::string& suffix : {from, std::string()}) {
      metrics["restore_time_s" + suffix] = restore_s;
      metrics["data_loss_s" + suffix] = loss_s;
    }
    metrics["writes_lost" + from] = static_cast<double>(r.writes_lost);
    writes_lost += static_cast<double>(r.writes_lost);
  }
  metrics["writes_lost"] += writes_lost;  // over every restore
}

}  // namespace cs::backup
