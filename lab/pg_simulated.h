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

// Runs `s` to its end once per seed 1..seeds; each run's metrics.
std::vector<sim::Metrics> simulate_runs(const scenario::Scenario& s, int seeds);

// A figure: `real` beside the mean and range of `metric` over `runs`, each multiplied by `scale`
// (1e-3 for a _us metric shown in ms).
Figure summarised(const std::string& metric, const std::string& meaning, const std::string& unit, double real,
                  const std::vector<sim::Metrics>& runs, const std::string& sim_metric, double scale = 1.0);

}  // namespace cs::lab
