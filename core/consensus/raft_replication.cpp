// Raft: log replication (AppendEntries and its replies), the commit index and applying entries.
#include <algorithm>
#include <cassert>
#include <memory>

#include "consensus/raft_node.h"

namespace cs::consensus {

using sim::EndpointId;
using sim::Message;
using sim::NodeContext;

void RaftNode::append_entry(const sim::LogEntry& entry) { log_.append(entry); }

std::int64_t RaftNode::recent_index_of(std::uint64_t op_id) const {
  const std::int64_t oldest = std::max<std::int64_t>(1, log_.last_index() - kDuplicateWindowEntries + 1);
  for (std::int64_t i = log_.last_index(); i >= oldest; --i) {
    if (log_.at(i).op_id == op_id) return i;
  }
  return 0;
}

void RaftNode::truncate_after(std::int64_t index) {
  // Committed entries are never removed: that would undo a decision (State Machine Safety).
  assert(index >= commit_index_);
  entries_truncated_ += log_.truncate_after(index);
}

void RaftNode::send_append(NodeContext& ctx, EndpointId peer) {
  Peer& p = peers_[peer];
  const std::int64_t last = log_.last_index();
  assert(p.next_index >= 1 && p.next_index <= last + 1);
  const std::int64_t from = p.next_index;
  const std::int64_t count =
      std::min<std::int64_t>(last - from + 1, static_cast<std::int64_t>(config_.max_batch_entries));
  Message m;
  m.kind = count > 0 ? kAppendEntries : kHeartbeat;
  m.term = current_term_;
  m.index = from - 1;
  m.log_term = log_.term_at(from - 1);
  m.commit = commit_index_;
  if (count > 0) {
    auto batch = std::make_shared<std::vector<sim::LogEntry>>();
    batch->reserve(static_cast<std::size_t>(count));
    for (std::int64_t i = from; i < from + count; ++i) batch->push_back(log_.at(i));
    m.entries = std::move(batch);
  }
  if (!p.probing) p.next_index = from + count;  // streaming: the next message carries what follows
  ctx.send(peer, m);
}

void RaftNode::broadcast_append(NodeContext& ctx, bool heartbeat_tick) {
  for (EndpointId peer = 0; peer < node_count_; ++peer) {
    if (peer == self_) continue;
    Peer& p = peers_[peer];
    if (heartbeat_tick) {
      // No progress over a whole interval while entries are outstanding: something was lost on
      // the way, so send again from the last entry the follower confirmed.
      if (!p.probing && p.match_index < log_.last_index() && p.match_index == p.match_at_last_tick) {
        p.next_index = p.match_index + 1;
      }
      p.match_at_last_tick = p.match_index;
    } else if (p.probing) {
      continue;  // a probing follower gets one batch at a time, on its reply or the next tick
    }
    send_append(ctx, peer);
  }
}

void RaftNode::handle_append(NodeContext& ctx, const Message& m) {
  Message reply;
  reply.kind = kAppendReply;
  reply.value = ctx.local_now_us();  // when this reply was made, on this node's clock (see Peer)
  if (m.term < current_term_) {
    reply.term = current_term_;  // a stale leader learns that it has been replaced
    reply.ok = false;
    ctx.send(m.from, reply);
    return;
  }
  // Two leaders in one term would break Election Safety: a leader never hears from a peer leader.
  assert(!(state_ == State::Leader && m.term == current_term_));
  if (m.term > current_term_ || state_ != State::Follower) {
    become_follower(ctx, m.term);
  } else {
    reset_election_timer(ctx);
  }
  leader_ = m.from;
  heard_leader_ = true;
  last_heard_leader_us_ = last_local_us_;
  suspected_at_us_ = -1;
  leader_commit_seen_ = m.commit;
  reply.term = current_term_;

  // The entry before the new ones must match the leader's, or the logs differ before this point.
  if (m.index > log_.last_index()) {
    reply.ok = false;
    reply.index = log_.last_index() + 1;  // too short: log_term stays 0
    ctx.send(m.from, reply);
    return;
  }
  if (log_.term_at(m.index) != m.log_term) {
    reply.ok = false;
    reply.index = log_.first_index_of_term_at(m.index);  // skip the whole conflicting term at once
    reply.log_term = log_.term_at(m.index);              // the conflicting term (never 0)
    ctx.send(m.from, reply);
    return;
  }
  std::int64_t index = m.index;
  if (m.entries) {
    for (const sim::LogEntry& e : *m.entries) {
      const std::int64_t at = index + 1;
      if (at <= log_.last_index()) {
        if (log_.term_at(at) == e.term) {
          index = at;  // already there (a duplicate or delayed message): never truncate a match
          continue;
        }
        truncate_after(at - 1);  // a conflict: this entry and all after it came from a deposed leader
      }
      if (log_.full()) break;
      append_entry(e);
      index = at;
    }
  }
  // Only entries this message proved equal to the leader's may be marked committed.
  const std::int64_t commit = std::min(m.commit, index);
  if (commit > commit_index_) {
    commit_index_ = commit;
    apply_committed(ctx);
  }
  reply.ok = true;
  reply.index = index;
  ctx.send(m.from, reply);
  if (m.kind == kHeartbeat && m.index == log_.last_index() && m.commit == log_.last_index()) {
    maybe_take_over(ctx, m.from);
  }
}

void RaftNode::handle_append_reply(NodeContext& ctx, const Message& m) {
  if (observe_term(ctx, m.term)) return;
  if (state_ != State::Leader || m.term != current_term_) return;
  Peer& p = peers_[m.from];
  if (m.ok) {
    p.newest_acceptance_us = std::max(p.newest_acceptance_us, m.value);
    p.match_index = std::max(p.match_index, m.index);
    p.next_index = std::max(p.next_index, p.match_index + 1);
    p.probing = false;
    advance_commit(ctx);
    // More to send: the rest of a long catch-up beyond one batch.
    if (p.next_index <= log_.last_index()) send_append(ctx, m.from);
    return;
  }
  // A refusal made before an acceptance already heard is out of date: a later append overtook an
  // earlier one on the way (the follower refused it for lack of the entries still on their way),
  // and the acceptance says more. Taken at its word it would report a lost log that never was.
  if (m.value < p.newest_acceptance_us) return;
  // The follower's log differs at or before the entry sent as "previous": back up and probe.
  p.probing = true;
  // (A conflict's hint can fall at or below what the follower acknowledged, when the conflicting
  // term began before that: the entries up to it still match, and the hint is raised past them.)
  if (m.log_term == 0 && m.index <= p.match_index) {
    // Its log ends before entries it acknowledged: its disk was wiped (the learner removed the node
    // and added it again). Raft assumes durable logs, so this is outside the protocol; real
    // systems make such a node rejoin as a new member. Here the leader starts over with it, so
    // that the stage shows it catching up, and counts the event.
    p.match_index = std::max<std::int64_t>(0, m.index - 1);
    p.next_index = m.index;
    ++followers_lost_log_;
  }
  const std::int64_t hint = std::clamp(m.index, p.match_index + 1, log_.last_index() + 1);
  p.next_index = std::max(p.match_index + 1, std::min(p.next_index, hint));
  send_append(ctx, m.from);
}

void RaftNode::advance_commit(NodeContext& ctx) {
  if (state_ != State::Leader) return;
  std::vector<std::int64_t> matches;
  matches.reserve(node_count_);
  for (EndpointId i = 0; i < node_count_; ++i)
    matches.push_back(i == self_ ? log_.last_index() : peers_[i].match_index);
  // The highest index stored on a majority.
  std::nth_element(matches.begin(), matches.begin() + static_cast<std::ptrdiff_t>(majority() - 1), matches.end(),
                   std::greater<>());
  const std::int64_t on_majority = matches[majority() - 1];
  // Only an entry of the leader's own term is committed by counting (Raft, section 5.4.2): an
  // older entry on a majority can still be overwritten by a leader that never had it.
  if (on_majority > commit_index_ && log_.term_at(on_majority) == current_term_) {
    commit_index_ = on_majority;
    apply_committed(ctx);
  }
}

void RaftNode::apply_committed(NodeContext& ctx) {
  assert(commit_index_ <= log_.last_index());
  while (last_applied_ < commit_index_) {
    ++last_applied_;
    const sim::LogEntry& e = log_.at(last_applied_);
    applied_hash_ = chain_hash(applied_hash_, e);
    const bool write = e.value != kNoOpValue && e.value != kReadValue;
    if (write) data_[e.key] = e.value;
    if (state_ != State::Leader) continue;
    const auto it = pending_.find(last_applied_);
    if (it == pending_.end()) continue;
    const PendingReply& p = it->second;
    Message request;
    request.kind = p.kind;
    request.from = p.client;
    request.op_id = p.op_id;
    request.key = p.key;
    if (p.kind == sim::kind::kClientWrite) {
      ledger_.record_ack(p.op_id);
      ctx.reply(request, true);
    } else {
      const auto found = data_.find(p.key);
      ctx.reply(request, true, found != data_.end(), found != data_.end() ? found->second : 0);
    }
    pending_.erase(it);
  }
}

void RaftNode::maybe_take_over(NodeContext& ctx, EndpointId leader) {
  if (!config_.priority_takeover || takeover_scheduled_) return;
  if (config_.priority_of(self_) <= config_.priority_of(leader)) return;
  // Caught up with everything the leader has committed: taking over now loses nothing.
  takeover_scheduled_ = true;
  ctx.set_timer(kTakeoverTimer, 2 * config_.heartbeat_interval_us);
}

}  // namespace cs::consensus
