// The failover model: life cycle, roles, message dispatch, what the stage shows. The primary's
// side is in failover_primary.cpp, detection in failover_detection.cpp, promotion in
// failover_promotion.cpp.
#include "failover/failover_node.h"

#include <bit>
#include <cassert>
#include <string>

namespace cs::failover {

using sim::EndpointId;
using sim::Message;
using sim::NodeContext;

namespace {
constexpr sim::TimeUs kConnectionWindowUs = 10'000'000;  // a client seen this recently counts as connected
}  // namespace

FailoverNode::FailoverNode(FailoverConfig config, EndpointId self, std::size_t node_count)
    : config_(config), self_(self), node_count_(node_count), log_(config.max_log_entries), peers_(node_count) {
  assert(node_count >= 1 && node_count <= 64 && self < node_count);
  assert(config_.initial_primary < node_count && config_.holds_data(config_.initial_primary));
  assert(config_.heartbeat_interval_us > 0 && config_.failure_timeout_us > 0 && config_.check_interval_us > 0);
}

sim::TimeUs FailoverNode::now(const NodeContext& ctx) {
  last_local_us_ = ctx.local_now_us();
  return last_local_us_;
}

std::size_t FailoverNode::voters() const {
  std::size_t n = 0;
  for (EndpointId id = 0; id < node_count_; ++id) n += is_voter(id) ? 1 : 0;
  return n;
}

void FailoverNode::start(NodeContext& ctx) {
  now(ctx);
  if (config_.is_storage(self_)) {
    show_role(ctx);
    return;
  }
  known_token_ = std::max(known_token_, make_token(1, config_.initial_primary));
  if (self_ == config_.initial_primary) {
    become_primary(ctx, 1, nullptr);
    if (config_.switchover_at_us >= 0) ctx.set_timer(kSwitchoverTimer, config_.switchover_at_us);
    return;
  }
  if (self_ == config_.switchover_to && config_.switchback_at_us >= 0) {
    ctx.set_timer(kSwitchbackTimer, config_.switchback_at_us);
  }
  primary_id_ = config_.initial_primary;
  show_role(ctx);
  start_detection(ctx);
}

void FailoverNode::on_restart(NodeContext& ctx) {
  now(ctx);
  // Back as a read-only replica that knows no primary yet: it follows the first one it hears from
  // whose token is at least the highest it remembers.
  show_role(ctx);
  if (!config_.is_storage(self_)) start_detection(ctx);
}

void FailoverNode::on_crash() {
  primary_ = false;
  token_ = 0;
  primary_id_ = sim::kNoEndpoint;
  lease_lost_ = false;
  draining_ = false;
  switchover_target_ = sim::kNoEndpoint;
  held_writes_.clear();
  peers_.assign(node_count_, Peer{});
  lease_expiry_us_ = 0;
  waiting_replicas_.clear();
  waiting_storage_.clear();
  clients_seen_.clear();
  suspecting_ = false;
  probe_outstanding_ = false;
  failed_in_row_ = 0;
  promise_until_us_ = 0;
  deferred_until_us_ = 0;
  primary_last_index_ = 0;
  candidate_ = false;
  votes_ = 0;
  reachable_ = 0;
  stonith_pending_ = false;
  awaiting_first_ack_ = false;
}

void FailoverNode::show_role(NodeContext& ctx) {
  sim::Role role = sim::Role::Replica;
  if (config_.is_storage(self_)) {
    role = sim::Role::None;
  } else if (primary_) {
    role = sim::Role::Primary;
  } else if (candidate_ || stonith_pending_) {
    role = sim::Role::Candidate;
  } else if (suspecting_) {
    role = sim::Role::Suspect;
  } else if (config_.is_witness(self_)) {
    role = sim::Role::Follower;
  }
  ctx.set_role(role, epoch_of(config_.is_storage(self_) ? storage_highest_token_ : token()));
}

void FailoverNode::become_primary(NodeContext& ctx, std::int64_t epoch, const FailoverRecord* record) {
  now(ctx);
  token_ = make_token(epoch, self_);
  known_token_ = std::max(known_token_, token_);
  voted_epoch_ = std::max(voted_epoch_, epoch);
  primary_ = true;
  primary_id_ = self_;
  candidate_ = false;
  suspecting_ = false;
  stonith_pending_ = false;
  lease_lost_ = false;
  draining_ = false;
  lease_expiry_us_ = 0;
  for (auto& p : peers_) p = Peer{log_.last_index() + 1, 0, true, 0, 0};
  ledger_.began_leading();
  if (record) {
    ledger_.record_failover(*record);
    ++promotions_;
    awaiting_first_ack_ = true;
  }
  for (std::uint16_t timer : {kDetectTimer, kProbeTimer, kProbeTimeoutTimer, kCandidateTimer, kOperatorTimer}) {
    ctx.cancel_timer(timer);
  }
  show_role(ctx);
  if (config_.storage_node != sim::kNoEndpoint) {
    Message fence;
    fence.kind = kFence;
    fence.term = token_;
    ctx.send(config_.storage_node, fence);
  }
  ship_all(ctx, true);  // announce the new primary at once
  ctx.set_timer(kHeartbeatTimer, config_.heartbeat_interval_us);
  // Without renewals from a majority within one lease period, it gives up the role.
  if (config_.lease) ctx.set_timer(kLeaseTimer, config_.lease_us);
}

void FailoverNode::step_down(NodeContext& ctx, std::int64_t higher_token, EndpointId new_primary) {
  if (primary_) {
    primary_ = false;
    ctx.cancel_timer(kHeartbeatTimer);
    ctx.cancel_timer(kLeaseTimer);
    // Writes still waiting for replicas or storage: their outcome is unknown, so no answer.
    waiting_replicas_.clear();
    waiting_storage_.clear();
    awaiting_first_ack_ = false;
  }
  draining_ = false;
  candidate_ = false;
  stonith_pending_ = false;
  known_token_ = std::max(known_token_, higher_token);
  primary_id_ = new_primary;
  show_role(ctx);
  start_detection(ctx);
}

void FailoverNode::on_message(NodeContext& ctx, const Message& m) {
  now(ctx);
  if (config_.is_storage(self_)) {
    if (m.kind == kStore) handle_store(ctx, m);
    if (m.kind == kFence && config_.fencing) {
      storage_highest_token_ = std::max(storage_highest_token_, m.term);
      show_role(ctx);
    }
    if (m.kind == sim::kind::kClientRead || m.kind == sim::kind::kClientWrite) ctx.reply(m, false);
    return;
  }
  switch (m.kind) {
    case kHeartbeat:
    case kShip: handle_ship(ctx, m); break;
    case kShipAck: handle_ship_ack(ctx, m); break;
    case kForward: handle_forward(ctx, m); break;
    case kConnectProbe:
    case kQueryProbe: {
      // The operating system accepts a connection even when the database hangs; only a query
      // needs a primary that can actually write.
      Message reply;
      reply.kind = kProbeReply;
      reply.index = m.index;
      reply.ok = m.kind == kConnectProbe || (primary_ && !disk_full(ctx));
      if (m.kind == kConnectProbe || !disk_full(ctx)) ctx.send(m.from, reply);
      break;
    }
    case kProbeReply: handle_probe_reply(ctx, m); break;
    case kCandidate: handle_candidate(ctx, m); break;
    case kVote: handle_vote(ctx, m); break;
    case kPromote:
      if (m.term > epoch_of(known_token_) && !primary_) {
        const FailoverRecord record{now(ctx), 0, m.value};
        suspected_at_us_ = now(ctx) - m.value;
        become_primary(ctx, m.term, &record);
      }
      break;
    case kStoreAck: handle_store_ack(ctx, m); break;
    case sim::kind::kClientRead:
    case sim::kind::kClientWrite: handle_client(ctx, m); break;
    default: break;
  }
}

void FailoverNode::on_timer(NodeContext& ctx, std::uint16_t timer_kind) {
  now(ctx);
  switch (timer_kind) {
    case kHeartbeatTimer:
      if (!primary_) break;
      ship_all(ctx, true);
      ctx.set_timer(kHeartbeatTimer, config_.heartbeat_interval_us);
      break;
    case kDetectTimer:
      if (!primary_) suspect(ctx);
      break;
    case kProbeTimer: send_probe(ctx); break;
    case kProbeTimeoutTimer: probe_overdue(ctx); break;
    case kCandidateTimer: candidate_timer(ctx); break;
    case kOperatorTimer:
      // The operator acts only if the primary still looks dead when they get to it.
      if (suspecting_ && !primary_) {
        epoch_ = std::max(epoch_of(known_token_), voted_epoch_) + 1;
        win(ctx);
      }
      break;
    case kStonithTimer:
      if (stonith_pending_ && !primary_) {
        const FailoverRecord record{now(ctx), detection_us_, now(ctx) - suspected_at_us_};
        become_primary(ctx, epoch_, &record);
      }
      break;
    case kSwitchoverTimer: begin_switchover(ctx, config_.switchover_to); break;
    case kSwitchbackTimer: begin_switchover(ctx, config_.initial_primary); break;
    case kLeaseTimer:
      if (primary_ && !lease_valid(ctx)) {
        // No majority renewed the lease in time: stop writing before anyone else may start.
        lease_lost_ = true;
        step_down(ctx, known_token_, sim::kNoEndpoint);
      }
      break;
    default: break;
  }
}

std::int64_t FailoverNode::connections() const {
  std::int64_t n = 0;
  for (const auto& [client, seen] : clients_seen_) n += seen >= last_local_us_ - kConnectionWindowUs ? 1 : 0;
  return n;
}

std::int64_t FailoverNode::replication_lag_entries() const {
  if (primary_ || !config_.holds_data(self_) || primary_id_ == sim::kNoEndpoint) return -1;
  return std::max<std::int64_t>(0, primary_last_index_ - log_.last_index());
}

sim::TimeUs FailoverNode::replication_lag_us() const {
  // How old the newest state this replica fully has is: time since the primary sent the last
  // shipment that brought it level (in-flight time included; read on this node's clock, so a
  // clock offset between the two shows up here, as it does in real lag readings).
  if (replication_lag_entries() < 0) return -1;
  return std::max<sim::TimeUs>(0, last_local_us_ - caught_up_at_us_);
}

sim::NodeView FailoverNode::view() const {
  sim::NodeView v;
  v.log_length = log_.last_index();
  v.commit_index = log_.last_index();
  v.data_version = static_cast<std::int64_t>(log_.data().size());
  v.lag_us = replication_lag_us();
  v.lag_entries = replication_lag_entries();
  using sim::DetailArg;
  const DetailArg token_arg = DetailArg::number(epoch_of(token()));
  if (config_.is_storage(self_)) {
    v.detail.add("shared storage, highest token %1", {DetailArg::number(epoch_of(storage_highest_token_))});
  } else if (primary_) {
    v.detail.add(draining_ ? "primary, token %1, draining" : "primary, token %1", {token_arg});
  } else if (stonith_pending_) {
    v.detail.add("powered off the old primary; waiting for confirmation");
  } else if (candidate_) {
    v.detail.add("candidate for epoch %1", {DetailArg::number(epoch_)});
  } else if (lease_lost_) {
    v.detail.add("lease expired: read-only");
  } else if (suspecting_) {
    if (primary_id_ == sim::kNoEndpoint) {
      v.detail.add("suspects the primary");
    } else {
      v.detail.add("suspects %1", {DetailArg::node(primary_id_)});
    }
  } else if (primary_id_ != sim::kNoEndpoint) {
    v.detail.add(config_.is_witness(self_) ? "witness, sees %1, token %2" : "follows %1, token %2",
                 {DetailArg::node(primary_id_), token_arg});
  } else {
    v.detail.add("no primary known");
  }
  v.detail.label = config_.label;
  return v;
}

sim::MessageClass FailoverNode::classify(std::uint16_t k) const {
  switch (k) {
    case kHeartbeat:
    case kConnectProbe:
    case kQueryProbe:
    case kProbeReply: return sim::MessageClass::Heartbeat;
    case kShip:
    case kStore: return sim::MessageClass::Replication;
    case kShipAck:
    case kStoreAck: return sim::MessageClass::Ack;
    case kCandidate:
    case kVote:
    case kPromote:
    case kFence: return sim::MessageClass::Election;
    case kForward: return sim::MessageClass::Client;
    default: return sim::MessageClass::Other;
  }
}

std::string_view FailoverNode::message_name(std::uint16_t k) const {
  switch (k) {
    case kHeartbeat: return "heartbeat";
    case kShip: return "log shipment";
    case kShipAck: return "replica ack";
    case kForward: return "forwarded request";
    case kConnectProbe: return "TCP connect check";
    case kQueryProbe: return "test query";
    case kProbeReply: return "check reply";
    case kCandidate: return "candidacy";
    case kVote: return "vote";
    case kPromote: return "promote";
    case kStore: return "storage write";
    case kStoreAck: return "storage reply";
    case kFence: return "fencing token";
    default: return "?";
  }
}

void FailoverNode::add_metrics(sim::Metrics& metrics) const {
  metrics["leaders_elected"] += static_cast<double>(ledger_.tenures_begun());
  metrics["failovers"] += static_cast<double>(promotions_);
  metrics["suspicions"] += static_cast<double>(suspicions_);
  metrics["false_suspicions"] += static_cast<double>(false_suspicions_);
  metrics["failed_health_checks"] += static_cast<double>(failed_checks_total_);
  metrics["writes_fenced"] += static_cast<double>(writes_fenced_);
  metrics["writes_rolled_back"] += static_cast<double>(log_.rolled_back_total());
  metrics["writes_hung"] += static_cast<double>(writes_hung_);
  metrics["nodes_powered_off"] += static_cast<double>(nodes_powered_off_);
  if (config_.insert_only) metrics["inserts_refused"] += static_cast<double>(inserts_refused_);
  if (config_.switchover_at_us >= 0) {
    metrics["switchovers"] += static_cast<double>(switchovers_);
    metrics["replication_lag_at_switch_entries"] =
        std::max(metrics["replication_lag_at_switch_entries"], static_cast<double>(switch_lag_entries_max_));
    metrics["replication_lag_at_drain_entries"] =
        std::max(metrics["replication_lag_at_drain_entries"], static_cast<double>(drain_lag_entries_max_));
    // The switch back runs on the node that took over; its latest hand-over is the rollback.
    if (self_ == config_.switchover_to && config_.switchback_at_us >= 0) {
      metrics["switchback_ms"] = static_cast<double>(switchover_us_last_) / 1e3;
    } else if (self_ == config_.initial_primary) {
      metrics["switchover_ms"] = static_cast<double>(switchover_us_last_) / 1e3;
    }
  }
}

}  // namespace cs::failover
