#include "consensus/paxos_node.h"

#include <bit>
#include <cassert>
#include <string>

namespace cs::consensus {

using sim::EndpointId;
using sim::Message;
using sim::NodeContext;

PaxosNode::PaxosNode(PaxosConfig config, EndpointId self, std::size_t node_count)
    : config_(config), self_(self), node_count_(node_count) {
  assert(node_count >= 1 && node_count <= 64 && self < node_count);
  assert(config_.proposers <= node_count && config_.retry_timeout_us > 0);
}

void PaxosNode::start(NodeContext& ctx) {
  ctx.set_role(sim::Role::Follower, round_);
  if (is_proposer() && !learned_) {
    ctx.set_timer(kStartTimer,
                  config_.first_proposal_us + static_cast<sim::TimeUs>(self_) * config_.proposer_stagger_us);
  }
}

void PaxosNode::on_restart(NodeContext& ctx) {
  ctx.set_role(sim::Role::Follower, round_);
  if (is_proposer() && !learned_) schedule_retry(ctx);  // try again, with a number never used before
}

void PaxosNode::on_crash() {
  phase_ = Phase::Idle;
  n_ = 0;
  promises_ = 0;
  highest_reported_n_ = 0;
  highest_reported_v_ = 0;
  highest_seen_n_ = 0;
  accepted_by_.clear();
}

bool PaxosNode::fix_active(const NodeContext& ctx) const {
  return config_.fix != PaxosConfig::Fix::None && ctx.local_now_us() >= config_.fix_after_us;
}

void PaxosNode::schedule_retry(NodeContext& ctx) {
  sim::TimeUs delay = config_.retry_timeout_us;
  if (fix_active(ctx)) {
    if (config_.fix == PaxosConfig::Fix::Backoff) {
      // Proposers that wait different random times stop colliding: one round gets through alone.
      delay += ctx.random().between(0, config_.backoff_max_us);
    } else if (self_ != 0) {
      delay *= 10;  // only the distinguished proposer (the first) retries at the normal pace
    }
  }
  ctx.set_timer(kRetryTimer, delay);
}

void PaxosNode::on_timer(NodeContext& ctx, std::uint16_t timer_kind) {
  if ((timer_kind == kStartTimer || timer_kind == kRetryTimer) && !learned_) start_round(ctx);
}

void PaxosNode::start_round(NodeContext& ctx) {
  assert(is_proposer() && !learned_);
  // Numbers are unique per proposer (round x N + id + 1) and higher than any this node has seen.
  round_ = std::max(round_ + 1, highest_seen_n_ / static_cast<std::int64_t>(node_count_) + 1);
  n_ = round_ * static_cast<std::int64_t>(node_count_) + self_ + 1;
  phase_ = Phase::Preparing;
  promises_ = 0;
  highest_reported_n_ = 0;
  highest_reported_v_ = 0;
  ++rounds_started_;
  ctx.set_role(sim::Role::Candidate, n_);
  Message prepare;
  prepare.kind = kPrepare;
  prepare.index = n_;
  ctx.broadcast(prepare);
  schedule_retry(ctx);
  deliver_local(ctx, handle_prepare(n_));
}

Message PaxosNode::handle_prepare(std::int64_t n) {
  Message reply;
  reply.index = n;
  if (n >= promised_n_) {
    promised_n_ = n;
    reply.kind = kPromise;
    reply.log_term = accepted_n_;  // 0: nothing accepted yet
    reply.value = accepted_v_;
  } else {
    reply.kind = kNack;
    reply.commit = promised_n_;
  }
  return reply;
}

Message PaxosNode::handle_accept(std::int64_t n, std::int64_t value) {
  Message reply;
  reply.index = n;
  if (n >= promised_n_) {
    promised_n_ = n;
    accepted_n_ = n;
    accepted_v_ = value;
    reply.kind = kAccepted;
    reply.value = value;
  } else {
    reply.kind = kNack;
    reply.commit = promised_n_;
  }
  return reply;
}

void PaxosNode::deliver_local(NodeContext& ctx, const Message& reply) {
  switch (reply.kind) {
    case kPromise: on_promise(ctx, self_, reply); break;
    case kNack: on_nack(reply); break;
    case kAccepted:
      ctx.broadcast(reply);  // every learner hears of each acceptance
      on_accepted(ctx, self_, reply.index, reply.value);
      break;
    default: assert(false); break;
  }
}

void PaxosNode::on_message(NodeContext& ctx, const Message& m) {
  switch (m.kind) {
    case kPrepare: ctx.send(m.from, handle_prepare(m.index)); break;
    case kPromise: on_promise(ctx, m.from, m); break;
    case kNack: on_nack(m); break;
    case kAccept: {
      const Message reply = handle_accept(m.index, m.value);
      if (reply.kind == kAccepted) {
        deliver_local(ctx, reply);
      } else {
        ctx.send(m.from, reply);
      }
      break;
    }
    case kAccepted: on_accepted(ctx, m.from, m.index, m.value); break;
    case sim::kind::kClientRead:
    case sim::kind::kClientWrite: ctx.reply(m, false); break;  // single-decree: no client interface
    default: break;
  }
}

void PaxosNode::on_promise(NodeContext& ctx, EndpointId from, const Message& m) {
  if (phase_ != Phase::Preparing || m.index != n_) return;  // an answer to an abandoned round
  promises_ |= std::uint64_t{1} << from;
  if (m.log_term > highest_reported_n_) {
    highest_reported_n_ = m.log_term;
    highest_reported_v_ = m.value;
  }
  if (static_cast<std::size_t>(std::popcount(promises_)) < majority()) return;
  // The safety rule: carry forward the value of the highest proposal any promiser accepted, since
  // it may already be chosen. Only if none was accepted may the proposer use its own value.
  phase_ = Phase::Accepting;
  Message accept;
  accept.kind = kAccept;
  accept.index = n_;
  accept.value = highest_reported_n_ > 0 ? highest_reported_v_ : own_value();
  ctx.broadcast(accept);
  const Message reply = handle_accept(accept.index, accept.value);
  if (reply.kind == kAccepted) {
    deliver_local(ctx, reply);
  } else {
    on_nack(reply);
  }
}

void PaxosNode::on_nack(const Message& m) {
  ++nacks_received_;
  highest_seen_n_ = std::max(highest_seen_n_, m.commit);
}

void PaxosNode::on_accepted(NodeContext& ctx, EndpointId from, std::int64_t n, std::int64_t value) {
  if (learned_) return;
  std::uint64_t& acceptors = accepted_by_[n];
  acceptors |= std::uint64_t{1} << from;
  if (static_cast<std::size_t>(std::popcount(acceptors)) >= majority()) {
    learned_ = true;
    learned_v_ = value;
    learned_at_us_ = ctx.local_now_us();
    phase_ = Phase::Idle;
    ctx.cancel_timer(kRetryTimer);
    ctx.set_role(sim::Role::Follower, round_);
    accepted_by_.clear();
    return;
  }
  // Bounded: only the most recent proposal numbers can still gather a majority.
  constexpr std::size_t kKeep = 32;
  while (accepted_by_.size() > kKeep) accepted_by_.erase(accepted_by_.begin());
}

sim::NodeView PaxosNode::view() const {
  sim::NodeView v;
  v.log_length = accepted_n_;
  v.commit_index = learned_ ? 1 : 0;
  v.data_version = learned_ ? learned_v_ : 0;
  using sim::DetailArg;
  if (learned_) {
    v.detail.add("chosen value %1", {DetailArg::number(learned_v_)});
  } else if (phase_ == Phase::Preparing) {
    v.detail.add("Prepare(%1), %2 promises", {DetailArg::number(n_), DetailArg::number(std::popcount(promises_))});
  } else if (phase_ == Phase::Accepting) {
    v.detail.add("Accept(%1) sent", {DetailArg::number(n_)});
  } else if (accepted_n_ > 0) {
    v.detail.add("promised %1, accepted %2", {DetailArg::number(promised_n_), DetailArg::number(accepted_v_)});
  } else if (promised_n_ > 0) {
    v.detail.add("promised %1", {DetailArg::number(promised_n_)});
  }
  return v;
}

sim::Inspection PaxosNode::inspect() const {
  using sim::DetailArg;
  sim::Inspection in;
  // Acceptor: its promise and what it accepted are all it keeps, and what makes Paxos safe.
  if (promised_n_ == 0) {
    in.state.add("acceptor: promised nothing yet");
  } else {
    in.state.add("acceptor: promised proposal %1", {DetailArg::number(promised_n_)});
  }
  if (accepted_n_ > 0) {
    in.state.add("accepted proposal %1 with value %2",
                 {DetailArg::number(accepted_n_), DetailArg::number(accepted_v_)});
  } else {
    in.state.add("accepted no proposal yet");
  }
  if (is_proposer()) {
    in.state.add("proposer of value %1, round %2", {DetailArg::number(own_value()), DetailArg::number(round_)});
    if (phase_ == Phase::Preparing) {
      in.state.add("Prepare(%1), %2 promises", {DetailArg::number(n_), DetailArg::number(std::popcount(promises_))});
    } else if (phase_ == Phase::Accepting) {
      in.state.add("Accept(%1) sent", {DetailArg::number(n_)});
    }
    if (phase_ != Phase::Idle && highest_reported_n_ > 0) {
      // The safety rule at work: this value, not its own, is the one it must propose.
      in.state.add("promises report value %1 accepted in proposal %2",
                   {DetailArg::number(highest_reported_v_), DetailArg::number(highest_reported_n_)});
    }
    if (highest_seen_n_ > 0) in.state.add("refused for proposal %1 or higher", {DetailArg::number(highest_seen_n_)});
  } else {
    in.state.add("not a proposer: accepts and learns");
  }

  if (learned_) {
    in.data.add("chosen value %1", {DetailArg::number(learned_v_)});
    in.data.add("learned at %1 s", {DetailArg::fixed(static_cast<double>(learned_at_us_) / 1e6, 3)});
  }

  if (phase_ == Phase::Preparing) {
    for (sim::EndpointId p = 0; p < node_count_; ++p) {
      if (((promises_ >> p) & 1u) != 0) in.cluster.add("promise from %1", {DetailArg::node(p)});
    }
  }
  // The learner's tally, newest proposal first: which number is closest to a majority.
  for (auto it = accepted_by_.rbegin(); it != accepted_by_.rend(); ++it) {
    in.cluster.add("proposal %1 accepted by %2 of %3 acceptors, %4 needed",
                   {DetailArg::number(it->first), DetailArg::number(std::popcount(it->second)),
                    DetailArg::number(static_cast<std::int64_t>(node_count_)),
                    DetailArg::number(static_cast<std::int64_t>(majority()))});
  }
  return in;
}

sim::MessageClass PaxosNode::classify(std::uint16_t k) const {
  switch (k) {
    case kPrepare:
    case kPromise:
    case kNack: return sim::MessageClass::Election;
    case kAccept: return sim::MessageClass::Replication;
    case kAccepted: return sim::MessageClass::Ack;
    default: return sim::MessageClass::Other;
  }
}

std::string_view PaxosNode::message_name(std::uint16_t k) const {
  switch (k) {
    case kPrepare: return "Prepare";
    case kPromise: return "Promise";
    case kNack: return "Nack";
    case kAccept: return "Accept";
    case kAccepted: return "Accepted";
    default: return "?";
  }
}

void PaxosNode::add_metrics(sim::Metrics& metrics) const {
  metrics["paxos_rounds"] += static_cast<double>(rounds_started_);
  metrics["paxos_nacks"] += static_cast<double>(nacks_received_);
  metrics["nodes_learned"] += learned_ ? 1.0 : 0.0;
}

}  // namespace cs::consensus
