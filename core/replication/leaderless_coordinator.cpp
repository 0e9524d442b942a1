// Leaderless replication: the coordinator of a client request (the node the client contacted).
#include <algorithm>

#include "replication/leaderless.h"
#include "replication/leaderless_messages.h"
#include "replication/payloads.h"

namespace cs::replication {

using consistency::ConsistencyLevel;
using sim::EndpointId;
using sim::Message;
using sim::NodeContext;

bool LeaderlessNode::counts(const Pending& pending, EndpointId replica) const {
  const bool local = datacenter_of(replica, config_, node_count_) == datacenter_of(self_, config_, node_count_);
  return consistency::counts_answer_from(pending.level, local);
}

void LeaderlessNode::on_client(NodeContext& ctx, const Message& request) {
  const std::uint64_t op_id = request.op_id;
  if (pending_.count(op_id)) return;  // a duplicate of a request in progress
  if (pending_.size() >= config_.max_pending_requests) {
    ctx.reply(request, false);
    return;
  }
  Pending p;
  p.request = request;
  p.write = request.kind == sim::kind::kClientWrite;
  p.level = level_for(config_, node_count_, request.from, request.level);
  p.replicas = replicas_of(request.key, config_, node_count_);
  consistency::ReplicaCounts placement{p.replicas.size(), 0};
  for (EndpointId r : p.replicas) {
    if (datacenter_of(r, config_, node_count_) == datacenter_of(self_, config_, node_count_)) ++placement.local;
  }
  p.required =
      consistency::required_answers(p.level, placement, p.write ? config_.write_replicas : config_.read_replicas);
  // Refuse at once when the failure detector says too few replicas are up to meet the level:
  // nothing is written, so the client may safely treat the refusal as "did not happen".
  const auto reachable = static_cast<std::size_t>(
      std::count_if(p.replicas.begin(), p.replicas.end(), [&](EndpointId r) { return alive(ctx, r) && counts(p, r); }));
  if (reachable < p.required) {
    ++unavailable_;
    ctx.reply(request, false);
    return;
  }
  p.deadline_local_us = ctx.local_now_us() + config_.request_timeout_us;
  if (p.write) p.stamp = {ctx.local_now_us(), self_, request.value};
  bool self_is_replica = false;
  for (EndpointId r : p.replicas) {
    if (r == self_) {
      self_is_replica = true;
      continue;
    }
    if (!alive(ctx, r)) {
      // A replica known to be down gets a hint straight away instead of a message.
      if (p.write && config_.hinted_handoff) add_hint(r, request.key, p.stamp);
      continue;
    }
    p.waiting.push_back(r);
    if (p.write) {
      send_write(ctx, r, request.key, p.stamp, op_id);
    } else {
      Message read;
      read.kind = kReplicaRead;
      read.key = request.key;
      read.op_id = op_id;
      ctx.send(r, read);
    }
  }
  if (self_is_replica) p.waiting.push_back(self_);
  pending_.emplace(op_id, std::move(p));
  if (self_is_replica) {
    // The coordinator's own copy answers without a network round trip.
    Pending& mine = pending_.at(op_id);
    if (mine.write) {
      store(request.key, mine.stamp);
    } else if (const auto it = data_.find(request.key); it != data_.end()) {
      mine.answers.emplace_back(self_, it->second);
      mine.newest.merge(it->second);
    } else {
      mine.answers.emplace_back(self_, consistency::LwwRegister{});
    }
    count_answer(ctx, op_id, self_);
  }
  arm_deadline(ctx);
}

void LeaderlessNode::on_write_ack(NodeContext& ctx, const Message& message) {
  const auto it = pending_.find(message.op_id);
  if (it == pending_.end() || !it->second.write) return;
  count_answer(ctx, message.op_id, message.from);
}

void LeaderlessNode::on_read_reply(NodeContext& ctx, const Message& message) {
  const auto it = pending_.find(message.op_id);
  const auto* answer = payload_of<CellRead>(message);
  if (it == pending_.end() || it->second.write || !answer) return;
  Pending& p = it->second;
  if (std::find(p.waiting.begin(), p.waiting.end(), message.from) == p.waiting.end()) return;
  p.answers.emplace_back(message.from, answer->cell);
  p.newest.merge(answer->cell);
  count_answer(ctx, message.op_id, message.from);
}

void LeaderlessNode::count_answer(NodeContext& ctx, std::uint64_t op_id, EndpointId replica) {
  Pending& p = pending_.at(op_id);
  const auto at = std::find(p.waiting.begin(), p.waiting.end(), replica);
  if (at == p.waiting.end()) return;  // a duplicate answer
  p.waiting.erase(at);
  if (counts(p, replica)) ++p.counted;
  if (!p.replied && p.counted >= p.required) {
    p.replied = true;
    if (p.write) {
      ctx.reply(p.request, true);
    } else {
      ctx.reply(p.request, true, p.newest.has_value(), p.newest.value());
    }
  }
  if (p.waiting.empty()) {
    if (!p.write) repair_replicas(ctx, p);
    pending_.erase(op_id);
  }
}

void LeaderlessNode::repair_replicas(NodeContext& ctx, const Pending& p) {
  if (!config_.read_repair || !p.newest.has_value()) return;
  for (const auto& [replica, cell] : p.answers) {
    if (cell == p.newest) continue;
    ++read_repairs_;
    if (replica == self_) {
      store(p.request.key, *p.newest.stamp());
    } else {
      send_write(ctx, replica, p.request.key, *p.newest.stamp(), 0);
    }
  }
}

void LeaderlessNode::expire_requests(NodeContext& ctx) {
  const sim::TimeUs now_us = ctx.local_now_us();
  for (auto it = pending_.begin(); it != pending_.end();) {
    Pending& p = it->second;
    if (p.deadline_local_us > now_us) {
      ++it;
      continue;
    }
    if (!p.replied) ++timeouts_;
    if (p.write) {
      // A write that timed out may still have reached some replicas, so the client is not told
      // it failed (it sees a timeout: unknown outcome). The silent replicas get hints.
      if (config_.hinted_handoff) {
        for (EndpointId r : p.waiting) add_hint(r, p.request.key, p.stamp);
      }
    } else {
      if (!p.replied) ctx.reply(p.request, false);  // a read has no effect: failing it is honest
      repair_replicas(ctx, p);
    }
    it = pending_.erase(it);
  }
  arm_deadline(ctx);
}

void LeaderlessNode::arm_deadline(NodeContext& ctx) {
  if (pending_.empty()) {
    ctx.cancel_timer(kDeadlineTimer);
    return;
  }
  sim::TimeUs earliest = pending_.begin()->second.deadline_local_us;
  for (const auto& [op_id, p] : pending_) earliest = std::min(earliest, p.deadline_local_us);
  ctx.set_timer(kDeadlineTimer, std::max<sim::TimeUs>(0, earliest - ctx.local_now_us()));
}

}  // namespace cs::replication
