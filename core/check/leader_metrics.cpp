#include "check/leader_metrics.h"

#include <algorithm>
#include <cassert>
#include <unordered_map>

namespace cs::check {

using sim::TimeUs;

TimeUs to_true_time(const sim::World& world, sim::EndpointId node, TimeUs local_us) {
  // The kernel's local clock is true + skew + true * drift / 1e6; invert it.
  const auto& n = world.node(node);
  const double drift = static_cast<double>(n.clock_drift_ppm) / 1e6;
  return static_cast<TimeUs>(static_cast<double>(local_us - n.clock_skew_us) / (1.0 + drift));
}

TimeUs longest_write_outage_us(const sim::History& history) {
  std::vector<TimeUs> ok_done;
  std::vector<TimeUs> failed_invokes;  // writes that failed or timed out (not those still running)
  TimeUs last_activity = 0;
  for (const auto& op : history.ops()) {
    if (op.type != sim::OpType::Write) continue;
    last_activity = std::max({last_activity, op.invoke_us, op.complete_us});
    if (op.status == sim::OpStatus::Ok) {
      ok_done.push_back(op.complete_us);
    } else if (op.status != sim::OpStatus::Pending) {
      failed_invokes.push_back(op.invoke_us);
    }
  }
  if (failed_invokes.empty()) return 0;
  std::sort(ok_done.begin(), ok_done.end());
  std::sort(failed_invokes.begin(), failed_invokes.end());
  // Gaps between successes that contain a failed attempt, plus the stretch before the first
  // success and after the last one.
  TimeUs longest = 0;
  TimeUs previous = ok_done.empty() ? failed_invokes.front() : std::min(ok_done.front(), failed_invokes.front());
  const auto has_failure_in = [&](TimeUs from, TimeUs to) {
    const auto it = std::lower_bound(failed_invokes.begin(), failed_invokes.end(), from);
    return it != failed_invokes.end() && *it < to;
  };
  for (TimeUs done : ok_done) {
    if (has_failure_in(previous, done)) longest = std::max(longest, done - previous);
    previous = done;
  }
  if (has_failure_in(previous, last_activity + 1)) longest = std::max(longest, last_activity - previous);
  return longest;
}

std::vector<std::uint64_t> lost_writes(const sim::History& history, const std::unordered_set<std::uint64_t>& kept) {
  std::vector<std::uint64_t> lost;
  for (const auto& op : history.ops()) {
    if (op.type == sim::OpType::Write && op.status == sim::OpStatus::Ok && !kept.count(op.id)) lost.push_back(op.id);
  }
  return lost;
}

std::int64_t count_lost_writes(const sim::History& history, const std::unordered_set<std::uint64_t>& kept) {
  return static_cast<std::int64_t>(lost_writes(history, kept).size());
}

std::int64_t count_divergent_writes(const sim::World& world, const std::vector<const LeadershipLedger*>& ledgers) {
  // Which leader acknowledged each write, and when it sent the acknowledgement (true time).
  std::unordered_map<std::uint64_t, sim::EndpointId> acked_by;
  for (sim::EndpointId node = 0; node < ledgers.size(); ++node) {
    if (!ledgers[node]) continue;
    for (std::uint64_t op : ledgers[node]->acked_ops()) acked_by.emplace(op, node);
  }
  std::vector<std::vector<std::pair<TimeUs, std::uint64_t>>> acks(world.node_count());  // per node, by time
  for (const auto& op : world.history().ops()) {
    if (op.type != sim::OpType::Write || op.status != sim::OpStatus::Ok) continue;
    const auto it = acked_by.find(op.id);
    const TimeUs answered = op.answered_us >= 0 ? op.answered_us : op.complete_us;
    if (it != acked_by.end()) acks[it->second].emplace_back(answered, op.id);
  }
  for (auto& list : acks) std::sort(list.begin(), list.end());
  const auto in_window = [&](sim::EndpointId node, TimeUs from, TimeUs to) {
    const auto& list = acks[node];
    const auto lo = std::lower_bound(list.begin(), list.end(), std::make_pair(from, std::uint64_t{0}));
    const auto hi = std::upper_bound(list.begin(), list.end(), std::make_pair(to, UINT64_MAX));
    return std::make_pair(lo, hi);
  };
  // Two leaders that both acknowledged writes while both led: each holds writes the other lacks.
  std::unordered_set<std::uint64_t> divergent;
  const auto& intervals = world.leading_intervals();
  for (std::size_t i = 0; i < intervals.size(); ++i) {
    for (std::size_t j = i + 1; j < intervals.size(); ++j) {
      const auto& a = intervals[i];
      const auto& b = intervals[j];
      if (a.node == b.node) continue;
      const TimeUs from = std::max(a.start_us, b.start_us);
      const TimeUs to = std::min(std::min(a.end_us, b.end_us), world.now_us());
      if (from > to) continue;
      const auto [a_lo, a_hi] = in_window(a.node, from, to);
      const auto [b_lo, b_hi] = in_window(b.node, from, to);
      if (a_lo == a_hi || b_lo == b_hi) continue;
      for (auto k = a_lo; k != a_hi; ++k) divergent.insert(k->second);
      for (auto k = b_lo; k != b_hi; ++k) divergent.insert(k->second);
    }
  }
  return static_cast<std::int64_t>(divergent.size());
}

std::int64_t count_stale_primary_writes(const sim::World& world, const std::vector<const LeadershipLedger*>& ledgers,
                                        const std::unordered_set<std::uint64_t>& kept) {
  std::unordered_map<std::uint64_t, sim::EndpointId> acked_by;
  for (sim::EndpointId node = 0; node < ledgers.size(); ++node) {
    if (!ledgers[node]) continue;
    for (std::uint64_t op : ledgers[node]->acked_ops()) acked_by.emplace(op, node);
  }
  const auto& intervals = world.leading_intervals();
  // Did `node`, leading at `at`, answer while another node promoted after it was leading too?
  const auto superseded = [&](sim::EndpointId node, TimeUs at) {
    TimeUs own_start = sim::kTimeNever;
    for (const auto& i : intervals) {
      if (i.node == node && i.start_us <= at && at <= i.end_us) own_start = i.start_us;
    }
    if (own_start == sim::kTimeNever) return false;
    for (const auto& i : intervals) {
      if (i.node != node && i.start_us > own_start && i.start_us <= at && at <= i.end_us) return true;
    }
    return false;
  };
  std::int64_t stale = 0;
  for (const auto& op : world.history().ops()) {
    if (op.type != sim::OpType::Write || op.status != sim::OpStatus::Ok || kept.count(op.id)) continue;
    const auto it = acked_by.find(op.id);
    if (it == acked_by.end() || op.answered_us < 0) continue;
    stale += superseded(it->second, op.answered_us) ? 1 : 0;
  }
  return stale;
}

void add_failover_metrics(const sim::World& world, const std::vector<const LeadershipLedger*>& ledgers,
                          const std::unordered_set<std::uint64_t>& kept_ops, sim::Metrics& metrics) {
  metrics["max_primaries_at_once"] = static_cast<double>(world.max_leaders_at_once());
  metrics["divergent_writes"] = static_cast<double>(count_divergent_writes(world, ledgers));
  metrics["lost_acknowledged_writes"] = static_cast<double>(count_lost_writes(world.history(), kept_ops));
  metrics["stale_primary_writes"] = static_cast<double>(count_stale_primary_writes(world, ledgers, kept_ops));
  metrics["unavailable_us"] = static_cast<double>(longest_write_outage_us(world.history()));
  // The first failover of the run, wherever it happened.
  const FailoverRecord* first = nullptr;
  TimeUs first_at = sim::kTimeNever;
  for (sim::EndpointId node = 0; node < ledgers.size(); ++node) {
    if (!ledgers[node]) continue;
    for (const FailoverRecord& f : ledgers[node]->failovers()) {
      const TimeUs at = to_true_time(world, node, f.at_local_us);
      if (at < first_at) {
        first_at = at;
        first = &f;
      }
    }
  }
  metrics["detection_time_us"] = first ? static_cast<double>(first->detection_us) : 0.0;
  metrics["failover_time_us"] = first ? static_cast<double>(first->failover_us) : 0.0;
}

}  // namespace cs::check
