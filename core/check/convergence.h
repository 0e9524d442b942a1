#pragma once
// Convergence, the promise of eventual consistency: once the system goes quiet (no client
// operation pending, no replication traffic in flight), every live replica holds the same data.
// Models expose their replicas' data as snapshots; this compares them and says which keys differ
// and how, so a test or the stage can show the divergence.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "sim/simulation.h"

namespace cs::check {

// One replica's data: key -> value in whatever form the model keeps it (a register's value; a
// counter's total; a set's members, sorted; a key's sibling values, sorted). Equal replicas have
// equal maps.
struct ReplicaSnapshot {
  std::string name;  // e.g. "n1"
  // A crashed replica cannot catch up until it restarts: it is left out of the comparison.
  bool live = true;
  std::map<std::int64_t, std::vector<std::int64_t>> data;
};

struct KeyDivergence {
  std::int64_t key = 0;
  // Per live replica, in snapshot order: its value, or nullopt where it lacks the key.
  std::vector<std::pair<std::string, std::optional<std::vector<std::int64_t>>>> values;
};

struct ConvergenceResult {
  bool converged = true;
  std::size_t replicas_compared = 0;
  std::size_t keys_compared = 0;  // keys held by any live replica
  std::size_t divergent_keys = 0;
  std::vector<KeyDivergence> divergences;  // the first max_reported of them, in key order
};

ConvergenceResult check_convergence(const std::vector<ReplicaSnapshot>& replicas, std::size_t max_reported = 20);

// No client operation pending and no client, replication or acknowledgement message in flight.
// Heartbeats and election traffic never stop and carry no data, so they do not count.
bool quiescent(const sim::World& world);

using SnapshotFn = std::function<std::vector<ReplicaSnapshot>(const sim::World&)>;

struct SettleResult {
  bool settled = false;  // false: the deadline came first (the replicas are compared anyway)
  sim::TimeUs settled_at_us = -1;
  ConvergenceResult convergence;
};

// Runs the simulation forward step_us at a time until it has settled or deadline_us has passed,
// then compares the replicas. Settled: no client operation pending and either quiescent() or the
// snapshots unchanged over a whole step (protocols that gossip on a timer are never without
// replication traffic; pick step_us longer than their gossip interval).
SettleResult settle_and_check(sim::Simulation& simulation, const SnapshotFn& snapshot, sim::TimeUs step_us,
                              sim::TimeUs deadline_us, std::size_t max_reported = 20);

}  // namespace cs::check
