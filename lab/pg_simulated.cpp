#include "lab/pg_simulated.h"

#include <algorithm>
#include <set>
#include <stdexcept>

#include "check/staleness.h"
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

std::vector<sim::Metrics> simulate_runs(const scenario::Scenario& s, int seeds, const ExtraMetrics& extra) {
  std::vector<sim::Metrics> runs;
  for (int seed = 1; seed <= seeds; ++seed) {
    const auto run = scenario::start_run(s, static_cast<std::uint64_t>(seed));
    run->run_until(s.duration_us);
    runs.push_back(scenario::run_metrics(s, run->world()));
    if (extra) extra(run->world(), runs.back());
  }
  return runs;
}

void add_stale_read_share(const sim::World& world, sim::Metrics& metrics) {
  const auto& ops = world.history().ops();
  std::set<std::uint64_t> stale;
  for (const check::StaleRead& r : check::find_stale_reads(ops)) stale.insert(r.read_id);
  const auto& leading = world.leading_intervals();
  const auto led = [&leading](sim::EndpointId node, sim::TimeUs at) {
    return std::any_of(leading.begin(), leading.end(), [&](const sim::LeadingInterval& i) {
      return i.node == node && i.start_us <= at && at <= i.end_us;
    });
  };
  double reads = 0;
  double stale_reads = 0;
  for (const sim::Operation& op : ops) {
    if (op.type != sim::OpType::Read || op.status != sim::OpStatus::Ok || led(op.node, op.invoke_us)) continue;
    ++reads;
    if (stale.count(op.id)) ++stale_reads;
  }
  metrics["replica_reads"] = reads;
  metrics["stale_replica_reads"] = stale_reads;
  metrics["stale_read_share_pct"] = reads > 0 ? 100.0 * stale_reads / reads : 0.0;
}

void add_crash_to_first_write(const sim::World& world, sim::TimeUs crash_us, sim::Metrics& metrics) {
  sim::TimeUs first = sim::kTimeNever;
  for (const sim::Operation& op : world.history().ops()) {
    if (op.type != sim::OpType::Write || op.status != sim::OpStatus::Ok) continue;
    // Acknowledged after the crash: by a node still up, so not by the crashed primary.
    const sim::TimeUs answered = op.answered_us >= 0 ? op.answered_us : op.complete_us;
    if (answered > crash_us) first = std::min(first, op.complete_us);
  }
  metrics["crash_to_first_write_us"] = first == sim::kTimeNever ? 0.0 : static_cast<double>(first - crash_us);
}

sim::TimeUs first_crash_us(const scenario::Scenario& s) {
  sim::TimeUs first = sim::kTimeNever;
  for (const sim::Action& a : s.timeline) {
    if (a.type == sim::ActionType::Crash) first = std::min(first, a.at_us);
  }
  if (first == sim::kTimeNever) throw std::runtime_error("the scenario " + s.id + " crashes no node");
  return first;
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
