// The node inspector for the two failover models (FailoverNode, PatroniNode): both keep their data
// in an AsyncLog, so they share the log and data sections; each adds its own roles and its view of
// the cluster. Times are the node's own clock, as it knows them.
#include <algorithm>
#include <bit>

#include "failover/failover_node.h"
#include "failover/patroni_node.h"

namespace cs::failover {

using sim::DetailArg;
using sim::EndpointId;

namespace {

DetailArg seconds(sim::TimeUs us) { return DetailArg::fixed(static_cast<double>(us) / 1e6, 1); }

// The newest writes of the log, oldest of them first; `shown_token` turns a stored token into the
// number the cards show (the failover model packs the node id into it, Patroni does not).
template <class ShownToken>
void add_log(sim::InspectionSection& section, const AsyncLog& log, ShownToken shown_token) {
  const std::int64_t last = log.last_index();  // entry 0 is the empty sentinel
  const std::int64_t shown = std::min<std::int64_t>(last, sim::InspectionSection::kMaxLines);
  section.not_shown = last - shown;
  section.not_shown_first = true;
  for (std::int64_t i = last - shown + 1; i <= last; ++i) {
    const sim::LogEntry& e = log.at(i);
    section.add("#%1 token %2: write key %3 = %4", {DetailArg::number(i), DetailArg::number(shown_token(e.term)),
                                                    DetailArg::number(e.key), DetailArg::number(e.value)});
  }
}

void add_data(sim::InspectionSection& section, const AsyncLog& log) {
  const auto& data = log.data();
  for (auto it = data.begin(); it != data.end() && !section.full(); ++it) {
    section.add("key %1 = %2", {DetailArg::number(it->first), DetailArg::number(it->second)});
  }
  section.not_shown += static_cast<std::int64_t>(data.size() - section.lines.size());
}

}  // namespace

// ---- failover ----

sim::Inspection FailoverNode::inspect() const {
  sim::Inspection in;
  if (config_.is_storage(self_)) {
    // The shared storage knows only the highest token a primary has fenced it with.
    if (config_.fencing) {
      in.state.add("rejects writes with a token below %1", {DetailArg::number(epoch_of(storage_highest_token_))});
    } else {
      in.state.add("fencing off: takes writes from any primary");
    }
    return in;
  }

  // State: its role beyond the card, and how it detects and promotes.
  in.state.add("highest token seen %1", {DetailArg::number(epoch_of(known_token_))});
  if (voted_epoch_ > 0) in.state.add("voted in epoch %1", {DetailArg::number(voted_epoch_)});
  if (config_.is_witness(self_)) in.state.add("witness: votes, holds no data");
  if (primary_) {
    if (config_.lease) {
      if (lease_expiry_us_ > 0) {
        in.state.add("lease valid until %1 s", {seconds(lease_expiry_us_)});
      } else {
        in.state.add("no lease granted yet");
      }
    }
    if (draining_ && switchover_target_ != sim::kNoEndpoint) {
      in.state.add("draining for a switchover to %1", {DetailArg::node(switchover_target_)});
    }
    if (!waiting_replicas_.empty()) {
      in.state.add("%1 writes wait for acks", {DetailArg::number(static_cast<std::int64_t>(waiting_replicas_.size()))});
    }
    if (!waiting_storage_.empty()) {
      in.state.add("%1 writes wait for the shared storage",
                   {DetailArg::number(static_cast<std::int64_t>(waiting_storage_.size()))});
    }
  } else {
    if (!held_writes_.empty()) {
      in.state.add("%1 writes held for the new primary",
                   {DetailArg::number(static_cast<std::int64_t>(held_writes_.size()))});
    }
    if (config_.detector == FailoverConfig::Detector::Heartbeat && primary_id_ != sim::kNoEndpoint) {
      in.state.add("heard from the primary at %1 s", {seconds(last_heard_us_)});
    } else if (failed_in_row_ > 0) {
      in.state.add("%1 checks failed in a row, suspects after %2",
                   {DetailArg::number(failed_in_row_), DetailArg::number(config_.failed_checks_to_suspect)});
    }
    if (suspecting_) in.state.add("suspects the primary since %1 s", {seconds(suspected_at_us_)});
    if (candidate_) {
      in.state.add("candidate, %1 of %2 votes",
                   {DetailArg::number(std::popcount(votes_)), DetailArg::number(static_cast<std::int64_t>(voters()))});
    }
    if (config_.lease && promise_until_us_ > 0) {
      in.state.add("promised the primary its lease until %1 s", {seconds(promise_until_us_)});
    }
    if (deferred_until_us_ > 0 && !candidate_ && suspecting_) {
      in.state.add("defers to a better-placed candidate until %1 s", {seconds(deferred_until_us_)});
    }
  }
  switch (config_.detector) {
    case FailoverConfig::Detector::Heartbeat:
      in.state.add("detects failure by heartbeat silence of %1 s", {seconds(config_.failure_timeout_us)});
      break;
    case FailoverConfig::Detector::TcpConnect: in.state.add("detects failure by TCP connect checks"); break;
    case FailoverConfig::Detector::Query: in.state.add("detects failure by test queries"); break;
  }
  switch (config_.mode) {
    case FailoverConfig::Mode::Automatic:
      in.state.add(config_.quorum ? "promotion: automatic, needs a majority's votes"
                                  : "promotion: automatic, the most up-to-date replica");
      break;
    case FailoverConfig::Mode::Manual:
      in.state.add("promotion: manual, by the operator after %1 s", {seconds(config_.operator_delay_us)});
      break;
    case FailoverConfig::Mode::None: in.state.add("promotion: none, the cluster waits"); break;
  }
  if (log_.rolled_back_total() > 0) {
    in.state.add("%1 entries rolled back, kept aside", {DetailArg::number(log_.rolled_back_total())});
  }

  if (config_.holds_data(self_)) {
    add_log(in.log, log_, [](std::int64_t token) { return epoch_of(token); });
    add_data(in.data, log_);
  }

  // Cluster: a primary knows how far each replica has copied (and, with leases, their grants); a
  // replica knows whom it follows and how far that primary's log goes.
  if (primary_) {
    for (EndpointId p = 0; p < node_count_; ++p) {
      if (p == self_) continue;
      const Peer& peer = peers_[p];
      const auto node = DetailArg::node(p);
      sim::Detail line;
      if (config_.is_storage(p)) {
        line.add("%1: shared storage", {node});
      } else if (config_.is_witness(p)) {
        line.add("%1: witness", {node});
      } else if (peer.probing) {
        line.add("%1 has entries up to %2 (probing from %3)",
                 {node, DetailArg::number(peer.match_index), DetailArg::number(peer.next_index)});
      } else {
        line.add("%1 has entries up to %2", {node, DetailArg::number(peer.match_index)});
      }
      if (config_.lease && is_voter(p) && peer.lease_grant_us > 0) {
        line.add("lease granted until %1 s", {seconds(peer.lease_grant_us)});
      }
      in.cluster.add(std::move(line));
    }
  } else {
    if (primary_id_ != sim::kNoEndpoint) {
      in.cluster.add("follows %1, token %2", {DetailArg::node(primary_id_), DetailArg::number(epoch_of(token()))});
      if (config_.holds_data(self_)) {
        in.cluster.add("the primary has entries up to %1", {DetailArg::number(primary_last_index_)});
      }
      if (suspecting_) in.cluster.add("suspects %1", {DetailArg::node(primary_id_)});
    } else {
      in.cluster.add("no primary known");
    }
    if (candidate_) {
      for (EndpointId p = 0; p < node_count_; ++p) {
        if (p != self_ && ((votes_ >> p) & 1u) != 0) in.cluster.add("vote from %1", {DetailArg::node(p)});
      }
    }
  }
  return in;
}

// ---- Patroni ----

sim::Inspection PatroniNode::inspect() const {
  sim::Inspection in;
  if (is_dcs()) {
    // The DCS holds one key that matters: who leads, under which revision, for how long.
    in.state.add("DCS: stands for an etcd cluster, one answer to who holds the leader key");
    in.state.add("leader key revision %1", {DetailArg::number(revision_)});
    if (key_holder_ == sim::kNoEndpoint) {
      in.data.add("DCS: no leader key");
    } else {
      in.data.add("DCS: leader key %1, TTL %2 s", {DetailArg::node(key_holder_), seconds(ttl_left_us_)});
      in.data.add("leader key expires at %1 s", {seconds(key_expires_us_)});
    }
    return in;
  }

  in.state.add("highest token seen %1", {DetailArg::number(known_token_)});
  if (primary_) {
    in.state.add("renews the leader key every %1 s, TTL %2 s",
                 {seconds(config_.loop_wait_us), seconds(config_.ttl_us)});
    if (renewing_) in.state.add("renewal sent at %1 s, no answer yet", {seconds(cas_sent_us_)});
  } else {
    if (last_saw_key_us_ >= 0) in.state.add("the leader key was last renewed at %1 s", {seconds(last_saw_key_us_)});
    if (key_missing_since_us_ >= 0) {
      in.state.add("found the leader key gone at %1 s", {seconds(key_missing_since_us_)});
    }
    if (reclaiming_) in.state.add("renewing the key it still holds before acting as primary");
    // Patroni's maximum_lag_on_failover, shown only where it can bite (below the log's own bound).
    if (config_.maximum_lag_on_failover < static_cast<std::int64_t>(config_.max_log_entries)) {
      in.state.add("races for the key only within %1 entries of the primary",
                   {DetailArg::number(config_.maximum_lag_on_failover)});
    }
  }

  add_log(in.log, log_, [](std::int64_t token) { return token; });
  add_data(in.data, log_);

  in.cluster.add("asks the DCS on %1 every %2 s", {DetailArg::node(config_.dcs_node), seconds(config_.loop_wait_us)});
  if (primary_) {
    for (EndpointId p = 0; p < node_count_; ++p) {
      if (p == self_ || p == config_.dcs_node) continue;
      in.cluster.add("%1 has entries up to %2",
                     {DetailArg::node(p), DetailArg::number(p < match_.size() ? match_[p] : 0)});
    }
  } else if (primary_id_ != sim::kNoEndpoint) {
    in.cluster.add("replicates from %1", {DetailArg::node(primary_id_)});
    in.cluster.add("the primary has entries up to %1", {DetailArg::number(primary_last_index_)});
  } else {
    in.cluster.add("no primary known");
  }
  return in;
}

}  // namespace cs::failover
