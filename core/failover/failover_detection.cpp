// The failover model, the replicas' side: following the primary's log, and failure detection by
// heartbeat silence, TCP connect checks or test queries, with the detection time measured and
// false suspicions counted (a suspected primary that turns out to be alive).
#include <algorithm>
#include <cassert>

#include "failover/failover_node.h"

namespace cs::failover {

using sim::EndpointId;
using sim::Message;
using sim::NodeContext;

void FailoverNode::handle_ship(NodeContext& ctx, const Message& m) {
  Message ack;
  ack.kind = kShipAck;
  if (m.term < known_token_) {
    // A deposed primary's stream: refused, and it learns the newer token from the answer.
    ack.term = known_token_;
    ack.ok = false;
    ctx.send(m.from, ack);
    return;
  }
  if (primary_) {
    assert(m.term > token_);  // tokens are unique: a peer primary with a higher one replaced us
    step_down(ctx, m.term, m.from);
  }
  heard_from_primary(ctx, m.from, m.term);
  primary_last_index_ = m.commit;
  ack.term = known_token_;
  ack.ok = true;
  if (config_.holds_data(self_)) {
    const AsyncLog::Accepted result = log_.accept(m.index, m.log_term, m.entries.get());
    ack.ok = result.ok;
    ack.index = result.ok ? result.match : result.hint;
    // Caught up with everything the primary had when it sent this: the lag is measured from then.
    if (log_.last_index() >= primary_last_index_) caught_up_at_us_ = m.value;
  }
  ack.value = promise_until_us_;
  ctx.send(m.from, ack);
  // Requests held during a switchover go to the new primary once it is known.
  while (!held_writes_.empty()) {
    const Message request = held_writes_.front();
    held_writes_.pop_front();
    handle_client(ctx, request);
  }
}

void FailoverNode::heard_from_primary(NodeContext& ctx, EndpointId from, std::int64_t token) {
  const sim::TimeUs t = now(ctx);
  const bool new_primary = token > known_token_ || primary_id_ != from;
  known_token_ = std::max(known_token_, token);
  primary_id_ = from;
  lease_lost_ = false;
  if (config_.lease) promise_until_us_ = t + config_.lease_us;
  if (new_primary && (candidate_ || stonith_pending_)) {
    // Someone else was promoted first: stand down.
    candidate_ = false;
    stonith_pending_ = false;
    ctx.cancel_timer(kCandidateTimer);
    ctx.cancel_timer(kStonithTimer);
  }
  if (suspecting_) {
    const bool same = token == suspected_token_;
    // With heartbeats, hearing the suspected primary again proves the suspicion false. With
    // checks, only a passing check does (a hung server still sends heartbeats).
    if (!same || config_.detector == FailoverConfig::Detector::Heartbeat) {
      if (same) ++false_suspicions_;
      suspecting_ = false;
      candidate_ = false;
      ctx.cancel_timer(kCandidateTimer);
      ctx.cancel_timer(kOperatorTimer);
    }
  }
  if (config_.detector == FailoverConfig::Detector::Heartbeat) {
    last_heard_us_ = t;
    ctx.set_timer(kDetectTimer, config_.failure_timeout_us);
  }
  show_role(ctx);
}

void FailoverNode::start_detection(NodeContext& ctx) {
  if (config_.is_storage(self_) || primary_) return;
  last_heard_us_ = now(ctx);  // a fresh start gets a full timeout before suspecting anyone
  failed_in_row_ = 0;
  probe_outstanding_ = false;
  if (config_.detector == FailoverConfig::Detector::Heartbeat) {
    ctx.set_timer(kDetectTimer, config_.failure_timeout_us);
  } else {
    ctx.set_timer(kProbeTimer, config_.check_interval_us);
  }
}

void FailoverNode::send_probe(NodeContext& ctx) {
  if (primary_) return;
  ctx.set_timer(kProbeTimer, config_.check_interval_us);
  if (primary_id_ == sim::kNoEndpoint || primary_id_ == self_) return;
  Message probe;
  probe.kind = config_.detector == FailoverConfig::Detector::TcpConnect ? kConnectProbe : kQueryProbe;
  probe.index = ++probe_seq_;
  probe_outstanding_ = true;
  ctx.send(primary_id_, probe);
  ctx.set_timer(kProbeTimeoutTimer, config_.check_timeout_us);
}

void FailoverNode::handle_probe_reply(NodeContext& ctx, const Message& m) {
  if (!probe_outstanding_ || m.index != probe_seq_) return;  // late: already counted as failed
  probe_outstanding_ = false;
  ctx.cancel_timer(kProbeTimeoutTimer);
  if (!m.ok) {
    probe_overdue(ctx);
    return;
  }
  failed_in_row_ = 0;
  last_heard_us_ = now(ctx);
  if (suspecting_ && suspected_token_ == known_token_) {
    ++false_suspicions_;
    suspecting_ = false;
    candidate_ = false;
    ctx.cancel_timer(kCandidateTimer);
    ctx.cancel_timer(kOperatorTimer);
    show_role(ctx);
  }
}

void FailoverNode::probe_overdue(NodeContext& ctx) {
  probe_outstanding_ = false;
  ++failed_checks_total_;
  // Several failures in a row, not one: a single lost packet should not start a failover.
  if (++failed_in_row_ >= config_.failed_checks_to_suspect) suspect(ctx);
}

void FailoverNode::suspect(NodeContext& ctx) {
  if (primary_ || suspecting_ || config_.is_storage(self_)) return;
  const sim::TimeUs t = now(ctx);
  suspecting_ = true;
  suspected_token_ = known_token_;
  suspected_at_us_ = t;
  detection_us_ = t - last_heard_us_;
  ++suspicions_;
  if (config_.detector == FailoverConfig::Detector::Heartbeat) ++failed_checks_total_;
  show_role(ctx);
  if (!config_.holds_data(self_)) return;  // a witness only votes
  switch (config_.mode) {
    case FailoverConfig::Mode::Automatic: stand(ctx); break;
    case FailoverConfig::Mode::Manual: {
      EndpointId chosen = config_.manual_candidate;
      for (EndpointId id = 0; chosen == sim::kNoEndpoint && id < node_count_; ++id) {
        if (id != config_.initial_primary && config_.may_promote(id)) chosen = id;
      }
      if (chosen == self_) ctx.set_timer(kOperatorTimer, config_.operator_delay_us);
      break;
    }
    case FailoverConfig::Mode::None: break;
  }
}

}  // namespace cs::failover
