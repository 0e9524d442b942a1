// The failover model, the primary's side: client writes and reads, log shipping to replicas,
// their acknowledgements, synchronous waits, the lease, and the shared storage node.
#include <algorithm>
#include <cassert>
#include <memory>

#include "failover/failover_node.h"
#include "sim/client_forwarding.h"

namespace cs::failover {

using sim::EndpointId;
using sim::Message;
using sim::NodeContext;

bool FailoverNode::disk_full(const NodeContext& ctx) const {
  return config_.disk_full_at_us >= 0 && self_ == config_.initial_primary &&
         ctx.local_now_us() >= config_.disk_full_at_us;
}

void FailoverNode::answer(NodeContext& ctx, const ClientRef& ref, bool ok, bool has_value, std::int64_t value) {
  Message request;
  request.kind = ref.kind;
  request.from = ref.client;
  request.op_id = ref.op_id;
  request.key = ref.key;
  ctx.reply(request, ok, has_value, value);
}

void FailoverNode::ack_write(NodeContext& ctx, const ClientRef& ref) {
  const sim::TimeUs t = now(ctx);
  ledger_.record_ack(ref.op_id);
  if (awaiting_first_ack_) {
    awaiting_first_ack_ = false;
    if (recovery_us_ < 0) recovery_us_ = t - suspected_at_us_;  // detection to writes working again
  }
  answer(ctx, ref, true);
}

void FailoverNode::handle_client(NodeContext& ctx, const Message& request) {
  if (primary_) {
    clients_seen_[request.from] = now(ctx);
    accept_write(ctx, request);
    return;
  }
  // Redirection: pass the request to the primary this replica follows, unless it suspects it.
  if (primary_id_ != sim::kNoEndpoint && primary_id_ != self_ && !suspecting_ && !candidate_) {
    ctx.send(primary_id_, sim::forward_client_request(request, kForward));
    return;
  }
  ctx.reply(request, false);
}

void FailoverNode::handle_forward(NodeContext& ctx, const Message& forward) {
  const Message request = sim::unwrap_forwarded_request(forward);
  if (primary_) {
    clients_seen_[request.from] = now(ctx);
    accept_write(ctx, request);
    return;
  }
  // The sender still takes this node for the primary: it has not heard of a switchover yet. One
  // more hop, to the primary this node follows, and no further: forwards could circle otherwise.
  const bool first_hop = forward.commit == 0;
  if (first_hop && primary_id_ != sim::kNoEndpoint && primary_id_ != self_ && primary_id_ != forward.from &&
      !suspecting_ && !candidate_) {
    Message again = sim::forward_client_request(request, kForward);
    again.commit = 1;
    ctx.send(primary_id_, again);
    return;
  }
  ctx.reply(request, false);
}

void FailoverNode::accept_write(NodeContext& ctx, const Message& request) {
  assert(primary_);
  const int acks = request.level > 0 ? static_cast<int>(request.level) : config_.replica_acks_required;
  const ClientRef ref{request.from, request.kind, request.op_id, request.key, acks};
  const bool write = request.kind == sim::kind::kClientWrite;
  if (write && disk_full(ctx)) {
    ++writes_hung_;  // the write blocks forever on the full disk: the client only sees a timeout
    return;
  }
  if (draining_) {
    // A switchover in progress: hold new requests until the new primary takes them.
    if (held_writes_.size() < config_.max_held_writes) {
      held_writes_.push_back(request);
    } else {
      answer(ctx, ref, false);
    }
    return;
  }
  if (config_.lease && !lease_valid(ctx)) {
    answer(ctx, ref, false);  // without a valid lease another primary may already exist
    return;
  }
  if (config_.storage_node != sim::kNoEndpoint) {
    if (waiting_storage_.size() >= config_.max_held_writes) {
      answer(ctx, ref, false);
      return;
    }
    Message store;
    store.kind = kStore;
    store.term = token_;
    store.index = ref.client;
    store.log_term = ref.kind;
    store.key = request.key;
    store.value = request.value;
    store.op_id = request.op_id;
    waiting_storage_[request.op_id] = ref;
    ctx.send(config_.storage_node, store);
    return;
  }
  if (!write) {
    const auto it = log_.data().find(request.key);
    answer(ctx, ref, true, it != log_.data().end(), it != log_.data().end() ? it->second : 0);
    return;
  }
  if (log_.full() || waiting_replicas_.size() >= config_.max_held_writes) {
    answer(ctx, ref, false);
    return;
  }
  if (config_.insert_only && log_.data().contains(request.key)) {
    ++inserts_refused_;  // taken: this primary's log already has it (acknowledged or not yet)
    answer(ctx, ref, false);
    return;
  }
  log_.append({token_, request.key, request.value, request.op_id});
  if (ref.replica_acks <= 0) {
    // Asynchronous: acknowledged before any replica has it. The log is shipped with the next
    // heartbeat, so up to one interval of acknowledged writes exists only here (replication lag).
    ack_write(ctx, ref);
  } else {
    waiting_replicas_[log_.last_index()] = ref;
    ship_all(ctx, false);  // a synchronous write waits for replicas: ship it at once
  }
}

void FailoverNode::ship(NodeContext& ctx, EndpointId peer) {
  Peer& p = peers_[peer];
  const std::int64_t last = log_.last_index();
  Message m;
  m.term = token_;
  m.commit = last;
  m.value = now(ctx);  // when the primary had `last` entries, for the replica's lag in time
  std::int64_t count = 0;
  if (config_.holds_data(peer)) {
    p.next_index = std::clamp<std::int64_t>(p.next_index, 1, last + 1);
    const std::int64_t from = p.next_index;
    count = std::min<std::int64_t>(last - from + 1, static_cast<std::int64_t>(config_.max_batch_entries));
    m.index = from - 1;
    m.log_term = log_.token_at(from - 1);
    if (count > 0) {
      auto batch = std::make_shared<std::vector<sim::LogEntry>>();
      for (std::int64_t i = from; i < from + count; ++i) batch->push_back(log_.at(i));
      m.entries = std::move(batch);
    }
    if (!p.probing) p.next_index = from + count;
  }
  m.kind = count > 0 ? kShip : kHeartbeat;
  ctx.send(peer, m);
}

void FailoverNode::ship_all(NodeContext& ctx, bool tick) {
  for (EndpointId peer = 0; peer < node_count_; ++peer) {
    if (peer == self_ || config_.is_storage(peer)) continue;
    Peer& p = peers_[peer];
    if (tick) {
      // No progress for a whole interval with entries outstanding: resend from the last ack.
      if (!p.probing && p.match_index < log_.last_index() && p.match_index == p.match_at_last_tick) {
        p.next_index = p.match_index + 1;
      }
      p.match_at_last_tick = p.match_index;
    } else if (p.probing || !config_.holds_data(peer)) {
      continue;
    }
    ship(ctx, peer);
  }
}

void FailoverNode::handle_ship_ack(NodeContext& ctx, const Message& m) {
  if (m.term > known_token_) {
    // The replica follows a newer primary: this one has been replaced.
    if (primary_) {
      step_down(ctx, m.term, sim::kNoEndpoint);
    } else {
      known_token_ = m.term;
    }
    return;
  }
  if (!primary_) return;
  Peer& p = peers_[m.from];
  p.lease_grant_us = std::max(p.lease_grant_us, m.value);
  if (m.ok) {
    const bool was_probing = p.probing;
    p.match_index = std::max(p.match_index, m.index);
    p.next_index = std::max(p.next_index, p.match_index + 1);
    p.probing = false;
    // Keep shipping at once while a replica catches up, or when writes wait for replicas;
    // otherwise new entries go out with the next heartbeat (asynchronous replication's lag).
    const std::int64_t behind = log_.last_index() - p.next_index + 1;
    const bool catching_up = was_probing || behind > static_cast<std::int64_t>(config_.max_batch_entries);
    const bool writes_wait = config_.replica_acks_required > 0 || !waiting_replicas_.empty();
    if (config_.holds_data(m.from) && behind > 0 && (catching_up || writes_wait || draining_)) {
      ship(ctx, m.from);
    }
    release_synchronous(ctx);
    maybe_finish_switchover(ctx);
  } else {
    p.probing = true;
    // A hint at or below what the replica once matched means it no longer holds those entries
    // (another primary without fencing overwrote them, or it lost them): resume below them, or the
    // primary would resend the same refused shipment for ever.
    const std::int64_t hint = std::clamp<std::int64_t>(m.index, 1, log_.last_index() + 1);
    if (hint <= p.match_index) p.match_index = hint - 1;
    p.next_index = std::max(p.match_index + 1, std::min(p.next_index, hint));
    ship(ctx, m.from);
  }
  if (primary_) recompute_lease(ctx);
}

void FailoverNode::release_synchronous(NodeContext& ctx) {
  if (waiting_replicas_.empty()) return;
  std::vector<std::int64_t> matches;
  for (EndpointId id = 0; id < node_count_; ++id) {
    if (id != self_ && config_.holds_data(id)) matches.push_back(peers_[id].match_index);
  }
  std::sort(matches.begin(), matches.end(), std::greater<>());
  // Each write waits for its own number of replicas (a request's level may ask for more or fewer
  // than the default); a write needing more replicas than exist waits until the client gives up.
  for (auto it = waiting_replicas_.begin(); it != waiting_replicas_.end();) {
    const auto k = static_cast<std::size_t>(it->second.replica_acks);
    assert(k >= 1);
    if (k <= matches.size() && matches[k - 1] >= it->first) {
      const ClientRef ref = it->second;
      it = waiting_replicas_.erase(it);
      ack_write(ctx, ref);
    } else {
      ++it;
    }
  }
}

bool FailoverNode::lease_valid(const NodeContext& ctx) const {
  return ctx.local_now_us() + config_.clock_skew_margin_us < lease_expiry_us_;
}

void FailoverNode::recompute_lease(NodeContext& ctx) {
  if (!config_.lease) return;
  // Each voter's grant is "no other primary from me before time G", in that voter's own clock.
  // The lease holds until the grant of the majority-th most generous voter; the primary compares
  // it with its own clock, which is exactly where clock skew bites and the margin is for.
  std::vector<sim::TimeUs> grants;
  for (EndpointId id = 0; id < node_count_; ++id) {
    if (!is_voter(id)) continue;
    grants.push_back(id == self_ ? now(ctx) + config_.lease_us : peers_[id].lease_grant_us);
  }
  std::sort(grants.begin(), grants.end(), std::greater<>());
  lease_expiry_us_ = grants[voter_majority() - 1];
  const sim::TimeUs remaining = lease_expiry_us_ - config_.clock_skew_margin_us - now(ctx);
  if (remaining > 0) ctx.set_timer(kLeaseTimer, remaining);
}

void FailoverNode::handle_store(NodeContext& ctx, const Message& m) {
  Message reply;
  reply.kind = kStoreAck;
  reply.index = m.index;
  reply.log_term = m.log_term;
  reply.op_id = m.op_id;
  reply.key = m.key;
  if (m.log_term == sim::kind::kClientWrite) {
    if (config_.fencing && m.term < storage_highest_token_) {
      ++writes_fenced_;  // a deposed primary's write: its token is older than one already seen
      reply.ok = false;
    } else if (log_.full()) {
      reply.ok = false;
    } else {
      storage_highest_token_ = std::max(storage_highest_token_, m.term);
      log_.append({m.term, m.key, m.value, m.op_id});
      reply.ok = true;
    }
    show_role(ctx);
  } else {
    const auto it = log_.data().find(m.key);
    reply.ok = true;
    reply.has_value = it != log_.data().end();
    reply.value = reply.has_value ? it->second : 0;
  }
  ctx.send(m.from, reply);
}

void FailoverNode::handle_store_ack(NodeContext& ctx, const Message& m) {
  const auto it = waiting_storage_.find(m.op_id);
  if (it == waiting_storage_.end()) return;
  const ClientRef ref = it->second;
  waiting_storage_.erase(it);
  if (ref.kind == sim::kind::kClientWrite && m.ok) {
    ack_write(ctx, ref);
  } else {
    answer(ctx, ref, m.ok, m.has_value, m.value);
  }
}

}  // namespace cs::failover
