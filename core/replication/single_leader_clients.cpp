// Single-leader replication: client requests, forwarding to the primary, and session guarantees.
#include <algorithm>

#include "replication/payloads.h"
#include "replication/single_leader.h"

namespace cs::replication {

using sim::EndpointId;
using sim::Message;
using sim::NodeContext;

void SingleLeaderNode::on_client_request(NodeContext& ctx, const Requester& requester) {
  const Message& request = requester.request;
  const bool write = request.kind == sim::kind::kClientWrite;
  if (is_primary()) {
    if (write) {
      accept_write(ctx, requester);
    } else {
      const auto it = data_.find(request.key);
      answer(ctx, requester, true, it != data_.end(), it != data_.end() ? it->second : 0, applied_index_);
    }
    return;
  }
  if (write || read_goes_to_primary(ctx, request)) {
    // A replica never takes a write itself; like a proxy it passes the request to the primary
    // and relays the answer.
    if (!write) ++reads_forwarded_;
    auto forwarded = std::make_shared<ForwardedRequest>();
    forwarded->request = request;
    Message m;
    m.kind = kForward;
    m.key = request.key;
    m.op_id = request.op_id;
    m.payload = std::move(forwarded);
    ctx.send(kPrimary, m);
    return;
  }
  const auto it = data_.find(request.key);
  answer(ctx, requester, true, it != data_.end(), it != data_.end() ? it->second : 0, applied_index_);
}

void SingleLeaderNode::accept_write(NodeContext& ctx, const Requester& requester) {
  const Message& request = requester.request;
  // A duplicate: the original is applied, and is answered when it commits.
  if (recent_writes_.contains(request.op_id)) return;
  const CommitMode mode = commit_mode_for(config_, request.level);
  const bool waits = mode != CommitMode::Async && !downstream_.empty();
  if (waits && waiting_writes_.size() >= config_.max_waiting_writes) {
    answer(ctx, requester, false, false, 0, 0);  // refuse rather than queue without bound
    return;
  }
  const std::int64_t position = log_.append({request.key, request.value, request.op_id, ctx.local_now_us()});
  if (recent_writes_.size() >= kMaxRecentWrites) recent_writes_.erase(recent_writes_.begin());
  recent_writes_.emplace(request.op_id, position);
  data_[request.key] = request.value;
  received_index_ = position;
  applied_index_ = position;
  known_source_index_ = position;
  if (waits) {
    waiting_writes_.push_back({position, confirmations_required(mode), requester});
  } else {
    answer(ctx, requester, true, false, 0, position);
  }
  relay(ctx);
  commit_waiting_writes(ctx);  // semi-sync with k = 0 commits at once
}

bool SingleLeaderNode::read_goes_to_primary(const NodeContext& ctx, const Message& request) const {
  if (config_.reads == ReadRouting::Primary) return true;
  const auto it = sessions_.find(request.from);
  if (it == sessions_.end()) return false;
  switch (config_.session) {
    case SessionPolicy::None: return false;
    case SessionPolicy::PrimaryAfterWrite:
      return ctx.local_now_us() - it->second.last_write_local_us < config_.primary_after_write_us;
    case SessionPolicy::VersionToken: return applied_index_ < it->second.token;
  }
  return false;
}

void SingleLeaderNode::answer(NodeContext& ctx, const Requester& requester, bool ok, bool has_value, std::int64_t value,
                              std::int64_t position) {
  if (requester.via == sim::kNoEndpoint) {
    ctx.reply(requester.request, ok, has_value, value);
    return;
  }
  auto reply = std::make_shared<ForwardedReply>();
  reply->request = requester.request;
  reply->ok = ok;
  reply->has_value = has_value;
  reply->value = value;
  reply->position = position;
  Message m;
  m.kind = kForwardReply;
  m.key = requester.request.key;
  m.op_id = requester.request.op_id;
  m.payload = std::move(reply);
  ctx.send(requester.via, m);
}

void SingleLeaderNode::on_forward_reply(NodeContext& ctx, const Message& message) {
  const auto* reply = payload_of<ForwardedReply>(message);
  if (!reply) return;
  ctx.reply(reply->request, reply->ok, reply->has_value, reply->value);
  if (reply->ok && reply->request.kind == sim::kind::kClientWrite) {
    remember_session_write(ctx, reply->request.from, reply->position);
  }
}

void SingleLeaderNode::remember_session_write(NodeContext& ctx, EndpointId client, std::int64_t position) {
  Session& session = sessions_[client];
  session.token = std::max(session.token, position);
  session.last_write_local_us = ctx.local_now_us();
  if (sessions_.size() > config_.max_sessions) {
    // Forget the session that wrote longest ago: it is the least likely to read its write back.
    const auto oldest = std::min_element(sessions_.begin(), sessions_.end(), [](const auto& a, const auto& b) {
      return a.second.last_write_local_us < b.second.last_write_local_us;
    });
    sessions_.erase(oldest);
  }
}

}  // namespace cs::replication
