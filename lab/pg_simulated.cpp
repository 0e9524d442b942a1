#include "lab/pg_simulated.h"

#include <algorithm>

#include "scenario/builtin.h"
#include "scenario/run_setup.h"
#include "sim/simulation.h"

namespace cs::lab {

scenario::Scenario loopback_scenario(const std::string& id) {
  scenario::Scenario s = scenario::load_scenario(scenario::find_builtin(id)->json, "builtin");
  s.link_defaults.latency_us = 100;
  s.link_defaults.jitter_us = 20;
  s.links.clear();
  s.narration.clear();
  return s;
}

std::vector<sim::Metrics> simulate_runs(const scenario::Scenario& s, int seeds) {
  std::vector<sim::Metrics> runs;
  for (int seed = 1; seed <= seeds; ++seed) {
    const auto run = scenario::start_run(s, static_cast<std::uint64_t>(seed));
    run->run_until(s.duration_us);
    runs.push_back(scenario::run_metrics(s, run->world()));
  }
  return runs;
}

Figure summarised(const std::string& metric, const std::string& meaning, const std::string& unit, double real,
                  const std::vector<sim::Metrics>& runs, const std::string& sim_metric, double scale) {
  Figure f;
  f.metric = metric;
  f.meaning = meaning;
  f.unit = unit;
  f.real = real;
  double sum = 0;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const auto it = runs[i].find(sim_metric);
    const double v = (it == runs[i].end() ? 0.0 : it->second) * scale;
    sum += v;
    f.simulated_min = i == 0 ? v : std::min(f.simulated_min, v);
    f.simulated_max = i == 0 ? v : std::max(f.simulated_max, v);
  }
  f.simulated = runs.empty() ? 0 : sum / static_cast<double>(runs.size());
  return f;
}

}  // namespace cs::lab
