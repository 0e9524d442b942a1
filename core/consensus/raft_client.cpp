// Raft: client requests. The leader appends each one to its log and answers once it is committed
// and applied; a follower passes the request on to the leader it knows, which answers the client
// directly (client redirection). A node that knows no leader refuses, which is a true "failed":
// the request was never appended anywhere.
#include <cassert>

#include "consensus/raft_node.h"
#include "sim/client_forwarding.h"

namespace cs::consensus {

using sim::Message;
using sim::NodeContext;

void RaftNode::handle_client(NodeContext& ctx, const Message& request) {
  if (state_ == State::Leader) {
    propose(ctx, request);
    return;
  }
  if (config_.forward_to_leader && leader_ != sim::kNoEndpoint && leader_ != self_) {
    ++requests_forwarded_;
    ctx.send(leader_, sim::forward_client_request(request, kForward));
    return;
  }
  ++requests_refused_;
  ctx.reply(request, false);
}

void RaftNode::handle_forward(NodeContext& ctx, const Message& forward) {
  // Rebuild the client's own request, so that the answer goes straight back to the client.
  const Message request = sim::unwrap_forwarded_request(forward);
  if (state_ == State::Leader) {
    propose(ctx, request);
  } else {
    ++requests_refused_;  // no second hop: the leader moved on, and passing it around could loop
    ctx.reply(request, false);
  }
}

void RaftNode::propose(NodeContext& ctx, const Message& request) {
  assert(state_ == State::Leader);
  if (request.op_id != 0) {
    if (const std::int64_t index = recent_index_of(request.op_id); index > 0) {
      // A duplicate of a request already in the log: answer it when that entry commits, but never
      // append it twice (applying a write twice could overwrite a newer value).
      if (index > last_applied_ && pending_.size() < config_.max_pending_requests) {
        pending_.emplace(index, PendingReply{request.from, request.kind, request.op_id, request.key});
      }
      return;
    }
  }
  if (log_.full() || pending_.size() >= config_.max_pending_requests) {
    ++requests_refused_;
    ctx.reply(request, false);
    return;
  }
  const bool write = request.kind == sim::kind::kClientWrite;
  append_entry({current_term_, request.key, write ? request.value : kReadValue, request.op_id});
  if (write && !config_.ack_after_commit) {
    ledger_.record_ack(request.op_id);
    ctx.reply(request, true);
  } else {
    pending_.emplace(log_.last_index(), PendingReply{request.from, request.kind, request.op_id, request.key});
  }
  broadcast_append(ctx, false);
  advance_commit(ctx);
}

}  // namespace cs::consensus
