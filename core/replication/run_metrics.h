#pragma once
// Run-wide metrics shared by the replication models, under the names the charts and
// `clusterscope-cli run --json` use: stale_reads, lost_acknowledged_writes, max_replication_lag_us,
// p50_write_latency_us, p99_write_latency_us, conflicts and siblings (0 where a model has none),
// and the session-guarantee violations found in the history. ops_ok, ops_failed (refused as
// unavailable) and ops_unknown come from the World itself.
#include <cstdint>
#include <functional>
#include <vector>

#include "sim/world.h"

namespace cs::replication {

void add_replication_run_metrics(const sim::World& world, sim::Metrics& metrics);

// Acknowledged writes whose effect is gone: discarded by some node in favour of a version that
// had not seen them, or held by no node at the end although nothing could have replaced them: their
// operation ids, in the history's order, and how many (the metric; always the list's size).
std::vector<std::uint64_t> lost_acknowledged_writes(const sim::World& world);
std::int64_t count_lost_acknowledged_writes(const sim::World& world);

// Nearest-rank percentile (p in (0, 100]) of completion minus invocation time of the Ok writes
// for which `include` is true; 0 when there are none.
double write_latency_percentile_us(const sim::OpLog& ops, double p,
                                   const std::function<bool(const sim::Operation&)>& include = {});

}  // namespace cs::replication
