#pragma once
// The simulated side of the PostgreSQL experiments: a built-in scenario run over several seeds on
// loopback-like links, its metrics summarised beside a real figure.
#include <functional>
#include <string>
#include <vector>

#include "lab/experiments.h"
#include "scenario/scenario.h"
#include "sim/world.h"

namespace cs::lab {

// The built-in scenario `id` as the lab's servers see their network: every link 127.0.0.1's
// (a tenth of a millisecond), no narration. The caller sets the model's parameters.
scenario::Scenario loopback_scenario(const std::string& id);

// Metrics of the lab's own, added to a run's from its world (its history) once it has ended.
using ExtraMetrics = std::function<void(const sim::World&, sim::Metrics&)>;

// Runs `s` to its end once per seed 1..seeds; each run's metrics, with `extra`'s when given.
std::vector<sim::Metrics> simulate_runs(const scenario::Scenario& s, int seeds, const ExtraMetrics& extra = {});

// stale_read_share_pct: of the successful reads served by a replica (a node not leading when the
// read began), the share that was stale (check::find_stale_reads), in %; with replica_reads and
// stale_replica_reads, the counts it comes from.
void add_stale_read_share(const sim::World& world, sim::Metrics& metrics);

// crash_to_first_write_us: from `crash_us` (true time) to the first write acknowledged after it,
// as its client saw the acknowledgement (0 when there was none): with the primary crashed then,
// the span from the crash to the first write the new primary accepted.
void add_crash_to_first_write(const sim::World& world, sim::TimeUs crash_us, sim::Metrics& metrics);

// When the first crash of `s`'s timeline happens; throws when there is none.
sim::TimeUs first_crash_us(const scenario::Scenario& s);

// A figure: `real` beside the mean and range of `metric` over `runs`, each multiplied by `scale`
// (1e-3 for a _us metric shown in ms).
Figure summarised(const std::string& metric, const std::string& meaning, const std::string& unit, double real,
                  const std::vector<sim::Metrics>& runs, const std::string& sim_metric, double scale = 1.0);

}  // namespace cs::lab
