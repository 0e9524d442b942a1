// Raft: node life cycle, elections and votes. Replication is in raft_replication.cpp, client
// requests in raft_client.cpp.
#include "consensus/raft_node.h"

#include <algorithm>
#include <bit>
#include <cassert>
#include <string>

namespace cs::consensus {

using sim::EndpointId;
using sim::Message;
using sim::NodeContext;

RaftNode::RaftNode(RaftConfig config, EndpointId self, std::size_t node_count)
    : config_(std::move(config)),
      self_(self),
      node_count_(node_count),
      log_(config_.max_log_entries),
      peers_(node_count) {
  // Votes are a 64-bit mask; the stage shows at most a handful of nodes anyway.
  assert(node_count >= 1 && node_count <= 64 && self < node_count);
  assert(config_.election_timeout_min_us > 0 && config_.election_timeout_min_us <= config_.election_timeout_max_us);
  assert(config_.heartbeat_interval_us > 0 && config_.max_batch_entries > 0);
}

sim::TimeUs RaftNode::local_now(const NodeContext& ctx) {
  last_local_us_ = ctx.local_now_us();
  return last_local_us_;
}

void RaftNode::start(NodeContext& ctx) {
  local_now(ctx);
  become_follower(ctx, current_term_);
  booted_ = true;
}

void RaftNode::on_restart(NodeContext& ctx) { start(ctx); }

void RaftNode::on_crash() {
  state_ = State::Follower;
  leader_ = sim::kNoEndpoint;
  commit_index_ = 0;
  last_applied_ = 0;
  applied_hash_ = 0;
  data_.clear();
  votes_ = 0;
  answered_ = 0;
  peers_.assign(node_count_, Peer{});
  pending_.clear();
  heard_leader_ = false;
  suspected_at_us_ = -1;
  leader_commit_seen_ = 0;
  takeover_scheduled_ = false;
}

void RaftNode::on_message(NodeContext& ctx, const Message& m) {
  local_now(ctx);
  switch (m.kind) {
    case kRequestVote: handle_request_vote(ctx, m); break;
    case kVoteReply: handle_vote_reply(ctx, m); break;
    case kAppendEntries:
    case kHeartbeat: handle_append(ctx, m); break;
    case kAppendReply: handle_append_reply(ctx, m); break;
    case kForward: handle_forward(ctx, m); break;
    case sim::kind::kClientRead:
    case sim::kind::kClientWrite: handle_client(ctx, m); break;
    default: break;
  }
}

void RaftNode::on_timer(NodeContext& ctx, std::uint16_t timer_kind) {
  local_now(ctx);
  if (timer_kind == kElectionTimer && state_ != State::Leader) {
    start_election(ctx);
  } else if (timer_kind == kHeartbeatTimer && state_ == State::Leader) {
    broadcast_append(ctx, true);
    ctx.set_timer(kHeartbeatTimer, config_.heartbeat_interval_us);
  } else if (timer_kind == kHeartbeatTimer && state_ == State::Candidate) {
    ask_for_votes(ctx);
    ctx.set_timer(kHeartbeatTimer, config_.heartbeat_interval_us);
  } else if (timer_kind == kTakeoverTimer) {
    takeover_scheduled_ = false;
    if (state_ == State::Follower && leader_ != sim::kNoEndpoint &&
        config_.priority_of(self_) > config_.priority_of(leader_)) {
      start_election(ctx);
    }
  }
}

void RaftNode::reset_election_timer(NodeContext& ctx) {
  const int mine = config_.priority_of(self_);
  if (mine <= 0) {
    ctx.cancel_timer(kElectionTimer);  // priority 0: never a candidate
    return;
  }
  // Each node ranked above this one adds a whole span of waiting, so that among nodes that last
  // heard the leader together, the highest priority times out, and usually wins, first.
  std::int64_t higher = 0;
  for (std::size_t i = 0; i < node_count_; ++i) higher += config_.priority_of(i) > mine ? 1 : 0;
  const sim::TimeUs span = config_.election_timeout_max_us - config_.election_timeout_min_us;
  const sim::TimeUs timeout =
      ctx.random().between(config_.election_timeout_min_us, config_.election_timeout_max_us) + higher * span;
  ctx.set_timer(kElectionTimer, config_.fast_first_election && !booted_ ? timeout / 10 : timeout);
}

void RaftNode::become_follower(NodeContext& ctx, std::int64_t term, bool reset_timer) {
  assert(term >= current_term_);
  if (term > current_term_) {
    current_term_ = term;
    voted_for_ = sim::kNoEndpoint;  // a new term: this node has not voted in it yet
  }
  if (state_ == State::Leader) {
    // Requests still waiting may yet commit under the next leader: their outcome is unknown, so
    // they get no answer (the client times out) rather than a false "failed".
    pending_.clear();
  }
  ctx.cancel_timer(kHeartbeatTimer);  // a leader's heartbeats or a candidate's vote requests
  state_ = State::Follower;
  votes_ = 0;
  ctx.set_role(config_.follower_role, current_term_);
  if (reset_timer) reset_election_timer(ctx);
}

bool RaftNode::observe_term(NodeContext& ctx, std::int64_t term) {
  if (term <= current_term_) return false;
  leader_ = sim::kNoEndpoint;
  // A follower keeps its running election timer: merely seeing a higher term (say, a RequestVote
  // from a candidate whose log is too old to win) must not postpone its own candidacy, or that
  // candidate could block every election forever. Leaders and candidates need a fresh one.
  become_follower(ctx, term, state_ != State::Follower);
  return true;
}

void RaftNode::start_election(NodeContext& ctx) {
  if (config_.priority_of(self_) <= 0) return;
  if (heard_leader_ && suspected_at_us_ < 0) suspected_at_us_ = last_local_us_;
  ++current_term_;
  voted_for_ = self_;
  state_ = State::Candidate;
  leader_ = sim::kNoEndpoint;
  votes_ = std::uint64_t{1} << self_;
  answered_ = votes_;
  ++elections_started_;
  ctx.set_role(sim::Role::Candidate, current_term_);
  reset_election_timer(ctx);  // a split vote ends in a new election after a new random wait
  if (static_cast<std::size_t>(std::popcount(votes_)) >= majority()) {
    become_leader(ctx);
    return;
  }
  ask_for_votes(ctx);
  ctx.set_timer(kHeartbeatTimer, config_.heartbeat_interval_us);
}

void RaftNode::ask_for_votes(NodeContext& ctx) {
  // Sent again every heartbeat interval to the nodes that have not answered, as Raft retries any
  // RPC that gets no response: one lost message should not cost a whole election round.
  Message ask;
  ask.kind = kRequestVote;
  ask.term = current_term_;
  ask.index = log_.last_index();
  ask.log_term = log_.last_term();
  for (sim::EndpointId peer = 0; peer < node_count_; ++peer) {
    if (((answered_ >> peer) & 1u) == 0) ctx.send(peer, ask);
  }
}

void RaftNode::handle_request_vote(NodeContext& ctx, const Message& m) {
  observe_term(ctx, m.term);
  bool grant = false;
  if (m.term == current_term_ && (voted_for_ == sim::kNoEndpoint || voted_for_ == m.from)) {
    // Only a candidate whose log is at least as up to date may win: this is what puts every
    // committed entry into every later leader's log (Leader Completeness).
    const bool up_to_date =
        m.log_term > log_.last_term() || (m.log_term == log_.last_term() && m.index >= log_.last_index());
    if (up_to_date) {
      grant = true;
      voted_for_ = m.from;
      reset_election_timer(ctx);
    }
  }
  Message answer;
  answer.kind = kVoteReply;
  answer.term = current_term_;
  answer.ok = grant;
  ctx.send(m.from, answer);
}

void RaftNode::handle_vote_reply(NodeContext& ctx, const Message& m) {
  if (observe_term(ctx, m.term)) return;
  if (state_ != State::Candidate || m.term != current_term_) return;
  answered_ |= std::uint64_t{1} << m.from;
  if (!m.ok) return;
  votes_ |= std::uint64_t{1} << m.from;
  if (static_cast<std::size_t>(std::popcount(votes_)) >= majority()) become_leader(ctx);
}

void RaftNode::become_leader(NodeContext& ctx) {
  assert(state_ == State::Candidate);
  state_ = State::Leader;
  leader_ = self_;
  for (auto& p : peers_) p = Peer{log_.last_index() + 1, 0, true, 0};
  ledger_.began_leading();
  if (heard_leader_ && suspected_at_us_ >= 0) {
    ledger_.record_failover(
        {last_local_us_, suspected_at_us_ - last_heard_leader_us_, last_local_us_ - suspected_at_us_});
  }
  suspected_at_us_ = -1;
  ctx.set_role(config_.leader_role, current_term_);
  ctx.cancel_timer(kElectionTimer);
  // An entry of its own term lets the new leader commit what earlier leaders left uncommitted
  // (a leader only counts replicas for entries of its own term).
  if (!log_.full()) append_entry({current_term_, 0, kNoOpValue, 0});
  broadcast_append(ctx, false);
  ctx.set_timer(kHeartbeatTimer, config_.heartbeat_interval_us);
  advance_commit(ctx);
}

sim::NodeView RaftNode::view() const {
  sim::NodeView v;
  v.log_length = log_.last_index();
  v.commit_index = commit_index_;
  v.data_version = last_applied_;
  if (state_ == State::Follower && leader_ != sim::kNoEndpoint) {
    v.lag_entries = std::max<std::int64_t>(0, leader_commit_seen_ - last_applied_);
  }
  switch (state_) {
    case State::Leader: v.detail.add("leader of term %1", {sim::DetailArg::number(current_term_)}); break;
    case State::Candidate:
      v.detail.add("candidate, %1 of %2 votes", {sim::DetailArg::number(std::popcount(votes_)),
                                                 sim::DetailArg::number(static_cast<std::int64_t>(node_count_))});
      break;
    case State::Follower:
      if (leader_ == sim::kNoEndpoint) {
        v.detail.add("no leader known");
      } else {
        v.detail.add("follows %1", {sim::DetailArg::node(leader_)});
      }
      break;
  }
  return v;
}

sim::Inspection RaftNode::inspect() const {
  using sim::DetailArg;
  sim::Inspection in;
  in.state.add("term %1", {DetailArg::number(current_term_)});
  if (voted_for_ == sim::kNoEndpoint) {
    in.state.add("has not voted in this term");
  } else {
    in.state.add("voted for %1 in this term", {DetailArg::node(voted_for_)});
  }
  in.state.add("committed up to entry %1, applied up to %2",
               {DetailArg::number(commit_index_), DetailArg::number(last_applied_)});
  if (state_ == State::Candidate) {
    in.state.add("candidate, %1 of %2 votes",
                 {DetailArg::number(std::popcount(votes_)), DetailArg::number(static_cast<std::int64_t>(node_count_))});
  }

  // The newest entries, oldest of them first.
  const std::int64_t last = log_.last_index();
  const std::int64_t shown = std::min<std::int64_t>(last, sim::InspectionSection::kMaxLines);
  in.log.not_shown = last - shown;
  in.log.not_shown_first = true;
  for (std::int64_t i = last - shown + 1; i <= last; ++i) {
    const sim::LogEntry& e = log_.at(i);
    sim::Detail line;
    if (e.value == kNoOpValue) {
      line.add("#%1 term %2: no-op of a new leader", {DetailArg::number(i), DetailArg::number(e.term)});
    } else if (e.value == kReadValue) {
      line.add("#%1 term %2: read key %3", {DetailArg::number(i), DetailArg::number(e.term), DetailArg::number(e.key)});
    } else {
      line.add("#%1 term %2: write key %3 = %4",
               {DetailArg::number(i), DetailArg::number(e.term), DetailArg::number(e.key), DetailArg::number(e.value)});
    }
    if (i > commit_index_) line.add("not committed yet");
    in.log.lines.push_back(std::move(line));
  }

  for (const auto& [key, value] : data_) {
    in.data.add("key %1 = %2", {DetailArg::number(key), DetailArg::number(value)});
  }

  if (state_ == State::Leader) {
    for (std::size_t p = 0; p < peers_.size(); ++p) {
      if (p == self_) continue;
      const Peer& peer = peers_[p];
      const auto node = DetailArg::node(static_cast<sim::EndpointId>(p));
      if (peer.probing) {
        in.cluster.add("%1 has entries up to %2 (probing from %3)",
                       {node, DetailArg::number(peer.match_index), DetailArg::number(peer.next_index)});
      } else {
        in.cluster.add("%1 has entries up to %2", {node, DetailArg::number(peer.match_index)});
      }
    }
  } else if (leader_ != sim::kNoEndpoint) {
    in.cluster.add("believes %1 leads", {DetailArg::node(leader_)});
  } else {
    in.cluster.add("knows no leader");
  }
  return in;
}

sim::MessageClass RaftNode::classify(std::uint16_t k) const {
  switch (k) {
    case kRequestVote:
    case kVoteReply: return sim::MessageClass::Election;
    case kAppendEntries: return sim::MessageClass::Replication;
    case kHeartbeat: return sim::MessageClass::Heartbeat;
    case kAppendReply: return sim::MessageClass::Ack;
    case kForward: return sim::MessageClass::Client;
    default: return sim::MessageClass::Other;
  }
}

std::string_view RaftNode::message_name(std::uint16_t k) const {
  switch (k) {
    case kRequestVote: return "RequestVote";
    case kVoteReply: return "vote";
    case kAppendEntries: return "AppendEntries";
    case kHeartbeat: return "heartbeat";
    case kAppendReply: return "append ack";
    case kForward: return "forwarded request";
    default: return "?";
  }
}

void RaftNode::add_metrics(sim::Metrics& metrics) const {
  metrics["leaders_elected"] += static_cast<double>(ledger_.tenures_begun());
  metrics["elections_started"] += static_cast<double>(elections_started_);
  metrics["entries_truncated"] += static_cast<double>(entries_truncated_);
  metrics["requests_forwarded"] += static_cast<double>(requests_forwarded_);
  metrics["requests_refused"] += static_cast<double>(requests_refused_);
  // Only where it happened: it needs a node removed and added again, outside Raft's assumptions.
  if (followers_lost_log_ > 0) metrics["followers_lost_log"] += static_cast<double>(followers_lost_log_);
}

}  // namespace cs::consensus
