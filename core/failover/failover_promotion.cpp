// The failover model, promotion: candidacy and votes (with or without a majority quorum), STONITH
// before promotion, and the planned switchover (drain, catch up, swap).
#include <algorithm>
#include <bit>
#include <cassert>
#include <tuple>

#include "failover/failover_node.h"

namespace cs::failover {

using sim::EndpointId;
using sim::Message;
using sim::NodeContext;

bool FailoverNode::may_stand() const {
  if (!config_.may_promote(self_)) return false;
  // A replica far behind would silently drop everything it lacks if promoted.
  return config_.max_lag_entries < 0 || primary_last_index_ - log_.last_index() <= config_.max_lag_entries;
}

bool FailoverNode::better_than_me(std::int64_t last_token, std::int64_t last_index, EndpointId who) const {
  const auto theirs = std::make_tuple(last_token, last_index);
  const auto mine = std::make_tuple(log_.last_token(), log_.last_index());
  return theirs > mine || (theirs == mine && who < self_);
}

void FailoverNode::stand(NodeContext& ctx) {
  if (!suspecting_ || primary_ || candidate_ || stonith_pending_ || !may_stand()) return;
  if (config_.lease && now(ctx) < promise_until_us_) {
    // This node promised the old primary its lease: wait until that promise has run out.
    ctx.set_timer(kCandidateTimer, promise_until_us_ - now(ctx) + 1);
    return;
  }
  if (now(ctx) < deferred_until_us_) {
    // A better candidate is on its way to promotion: its heartbeats will end this suspicion.
    ctx.set_timer(kCandidateTimer, deferred_until_us_ - now(ctx) + 1);
    return;
  }
  epoch_ = std::max({epoch_of(known_token_), voted_epoch_, epoch_seen_}) + 1;
  candidate_ = true;
  reachable_ = std::uint64_t{1} << self_;
  votes_ = 0;
  if (config_.quorum) {
    voted_epoch_ = epoch_;  // its own vote, durable like any other
    votes_ = std::uint64_t{1} << self_;
  }
  show_role(ctx);
  Message ask;
  ask.kind = kCandidate;
  ask.term = epoch_;
  ask.index = log_.last_index();
  ask.log_term = log_.last_token();
  ctx.broadcast(ask);
  ctx.set_timer(kCandidateTimer, config_.candidate_window_us);
  if (config_.quorum && static_cast<std::size_t>(std::popcount(votes_)) >= voter_majority()) win(ctx);
}

void FailoverNode::handle_candidate(NodeContext& ctx, const Message& m) {
  epoch_seen_ = std::max(epoch_seen_, m.term);
  Message vote;
  vote.kind = kVote;
  vote.term = m.term;
  if (primary_) {
    vote.ok = false;  // alive and in charge; its heartbeats will tell the candidate so
  } else if (config_.quorum) {
    // A voter backs a candidate only if it, too, has lost the primary, has not voted in this
    // epoch, the candidate has everything it has, and no lease promise is still running.
    const bool up_to_date = !config_.holds_data(self_) || std::make_tuple(m.log_term, m.index) >=
                                                              std::make_tuple(log_.last_token(), log_.last_index());
    const bool lease_free = !config_.lease || now(ctx) >= promise_until_us_;
    vote.ok = suspecting_ && m.term > voted_epoch_ && up_to_date && lease_free;
    if (vote.ok) {
      voted_epoch_ = m.term;
      if (candidate_) {
        candidate_ = false;
        ctx.cancel_timer(kCandidateTimer);
        show_role(ctx);
      }
    }
  } else {
    // Without a quorum a reply only says "I am here"; a better-placed candidate wins the race, and
    // a node that has answered one does not stand against it while it fences and promotes (two
    // nodes that can reach each other must never both promote).
    vote.ok = true;
    if (better_than_me(m.log_term, m.index, m.from) || !candidate_) {
      deferred_until_us_ = std::max(deferred_until_us_, now(ctx) + promotion_span_us());
      if (candidate_) {
        candidate_ = false;
        ctx.cancel_timer(kCandidateTimer);
        show_role(ctx);
      }
    }
  }
  vote.value = voted_epoch_;
  ctx.send(m.from, vote);
}

void FailoverNode::handle_vote(NodeContext& ctx, const Message& m) {
  epoch_seen_ = std::max(epoch_seen_, m.value);
  if (!candidate_ || m.term != epoch_) return;
  reachable_ |= std::uint64_t{1} << m.from;
  if (!config_.quorum || !m.ok) return;
  votes_ |= std::uint64_t{1} << m.from;
  if (static_cast<std::size_t>(std::popcount(votes_)) >= voter_majority()) win(ctx);
}

void FailoverNode::candidate_timer(NodeContext& ctx) {
  if (primary_ || stonith_pending_) return;
  if (!candidate_) {
    stand(ctx);  // a lease promise ran out, or a retry after a lost vote
    return;
  }
  if (!config_.quorum) {
    win(ctx);  // the window closed and no better candidate spoke up
    return;
  }
  // No majority this time (split votes, or too few voters reachable): try again later, after a
  // random wait so that rival candidates stop colliding.
  candidate_ = false;
  show_role(ctx);
  ctx.set_timer(kCandidateTimer,
                ctx.random().between(config_.candidate_window_us / 2 + 1, 2 * config_.candidate_window_us + 1));
}

void FailoverNode::win(NodeContext& ctx) {
  candidate_ = false;
  if (!config_.stonith) {
    const FailoverRecord record{now(ctx), detection_us_, now(ctx) - suspected_at_us_};
    become_primary(ctx, epoch_, &record);
    return;
  }
  // STONITH: power off, through a channel that does not need them, the old primary and every
  // node that did not answer (it may be on the other side of a partition, still writing).
  // Only after the power-off is confirmed is this node promoted.
  for (EndpointId id = 0; id < node_count_; ++id) {
    if (id == self_ || config_.is_storage(id)) continue;
    const bool unreachable = config_.mode == FailoverConfig::Mode::Automatic && ((reachable_ >> id) & 1u) == 0;
    if (id == primary_id_ || unreachable) {
      ctx.power_off(id);
      ++nodes_powered_off_;
    }
  }
  stonith_pending_ = true;
  show_role(ctx);
  ctx.set_timer(kStonithTimer, config_.stonith_delay_us);
}

void FailoverNode::begin_switchover(NodeContext& ctx, EndpointId target) {
  if (!primary_ || draining_ || target == sim::kNoEndpoint || target == self_ || target >= node_count_) return;
  if (!config_.holds_data(target)) return;
  draining_ = true;
  switchover_target_ = target;
  drain_started_us_ = now(ctx);
  drain_lag_entries_max_ = std::max(drain_lag_entries_max_, log_.last_index() - peers_[target].match_index);
  show_role(ctx);
  ship(ctx, target);
  maybe_finish_switchover(ctx);
}

void FailoverNode::maybe_finish_switchover(NodeContext& ctx) {
  if (!draining_) return;
  const EndpointId target = switchover_target_;
  assert(target != sim::kNoEndpoint);
  // Catch up: swap only once the target holds every entry this primary has acknowledged.
  if (peers_[target].match_index < log_.last_index() || !waiting_replicas_.empty()) return;
  const std::int64_t epoch = epoch_of(token_) + 1;
  Message promote;
  promote.kind = kPromote;
  promote.term = epoch;
  promote.value = now(ctx) - drain_started_us_;
  ctx.send(target, promote);
  ++switchovers_;
  switchover_us_last_ = promote.value;
  switch_lag_entries_max_ = std::max(switch_lag_entries_max_, log_.last_index() - peers_[target].match_index);
  std::deque<Message> held;
  held.swap(held_writes_);
  step_down(ctx, make_token(epoch, target), target);
  held_writes_.swap(held);  // handed to the new primary once its first heartbeat arrives
}

}  // namespace cs::failover
