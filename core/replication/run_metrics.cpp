#include "replication/run_metrics.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <map>
#include <set>
#include <utility>

#include "check/session_guarantees.h"
#include "check/staleness.h"
#include "replication/replica_state.h"
#include "sim/percentile.h"

namespace cs::replication {

using sim::Operation;
using sim::OpStatus;
using sim::OpType;

namespace {

std::vector<const ReplicaState*> replicas(const sim::World& world) {
  std::vector<const ReplicaState*> out;
  for (sim::EndpointId id = 0; id < world.node_count(); ++id) {
    if (const auto* r = dynamic_cast<const ReplicaState*>(world.node(id).protocol.get())) out.push_back(r);
  }
  return out;
}

// Per key, what is needed to tell whether some other write could have replaced a given one: a
// write that was over before the given one began cannot come after it in any single-copy order,
// while any later-finishing or still uncertain write could.
struct KeyWrites {
  std::size_t uncertain = 0;  // timed out or never answered: may take effect at any time
  // The two latest completions of acknowledged writes (two, so one can be the write in question).
  sim::TimeUs latest_us = -1;
  std::uint64_t latest_id = 0;
  sim::TimeUs second_latest_us = -1;

  void add(const Operation& w) {
    if (w.status == OpStatus::Fail) return;  // did not happen
    if (w.status != OpStatus::Ok) {
      ++uncertain;
      return;
    }
    if (w.complete_us > latest_us) {
      second_latest_us = latest_us;
      latest_us = w.complete_us;
      latest_id = w.id;
    } else {
      second_latest_us = std::max(second_latest_us, w.complete_us);
    }
  }
  bool another_could_follow(const Operation& w) const {
    const sim::TimeUs latest_other_us = w.id == latest_id ? second_latest_us : latest_us;
    return uncertain > 0 || latest_other_us >= w.invoke_us;
  }
};

}  // namespace

std::vector<std::uint64_t> lost_acknowledged_writes(const sim::World& world) {
  std::vector<std::uint64_t> lost;
  const auto nodes = replicas(world);
  if (nodes.empty()) return lost;
  std::set<std::int64_t> discarded;
  for (const ReplicaState* r : nodes) r->add_discarded_unseen_writes(discarded);
  const bool replace = nodes.front()->later_writes_replace();
  const auto& ops = world.history().ops();
  std::map<std::int64_t, KeyWrites> per_key;
  for (const Operation& op : ops) {
    if (op.type == OpType::Write) per_key[op.key].add(op);
  }
  for (const Operation& op : ops) {
    if (op.type != OpType::Write || op.status != OpStatus::Ok) continue;
    if (discarded.count(op.value)) {
      lost.push_back(op.id);
      continue;
    }
    const bool held =
        std::any_of(nodes.begin(), nodes.end(), [&](const auto* r) { return r->holds_write(op.key, op.value); });
    if (held) continue;
    if (!(replace && per_key[op.key].another_could_follow(op))) lost.push_back(op.id);
  }
  return lost;
}

std::int64_t count_lost_acknowledged_writes(const sim::World& world) {
  return static_cast<std::int64_t>(lost_acknowledged_writes(world).size());
}

double write_latency_percentile_us(const sim::OpLog& ops, double p,
                                   const std::function<bool(const Operation&)>& include) {
  assert(p > 0.0 && p <= 100.0);
  std::vector<sim::TimeUs> latencies;
  for (const Operation& op : ops) {
    if (op.type != OpType::Write || op.status != OpStatus::Ok) continue;
    if (include && !include(op)) continue;
    latencies.push_back(op.complete_us - op.invoke_us);
  }
  return static_cast<double>(sim::percentile_us(std::move(latencies), p));
}

void add_replication_run_metrics(const sim::World& world, sim::Metrics& metrics) {
  const auto& ops = world.history().ops();
  metrics["stale_reads"] = static_cast<double>(check::find_stale_reads(ops).size());
  metrics["lost_acknowledged_writes"] = static_cast<double>(count_lost_acknowledged_writes(world));
  sim::TimeUs max_lag_us = 0;
  for (const ReplicaState* r : replicas(world)) max_lag_us = std::max(max_lag_us, r->max_lag_us());
  metrics["max_replication_lag_us"] = static_cast<double>(max_lag_us);
  metrics["p50_write_latency_us"] = write_latency_percentile_us(ops, 50);
  metrics["p99_write_latency_us"] = write_latency_percentile_us(ops, 99);
  // Per-node counters are summed by the World; make sure the names exist for every model.
  metrics["conflicts"] += 0;
  metrics["siblings"] += 0;
  metrics["read_your_writes_violations"] = static_cast<double>(check::read_your_writes_violations(ops).size());
  metrics["monotonic_reads_violations"] = static_cast<double>(check::monotonic_reads_violations(ops).size());
}

}  // namespace cs::replication
