#include "bench/long_run_bench.h"

#include <algorithm>

#include "scenario/run_setup.h"
#include "sim/percentile.h"
#include "sim/random.h"
#include "sim/simulation.h"

namespace cs::bench {

LongRunFigures run_long_run_bench(const scenario::Scenario& scenario, sim::TimeUs until_us, std::size_t seeks,
                                  const NowNs& now_ns) {
  LongRunFigures f;
  sim::SimulationLimits limits;
  limits.trace_budget_bytes = std::size_t{32} << 20;  // as the window keeps it
  const auto run = scenario::start_run(scenario, scenario.seed, limits);
  const std::int64_t start = now_ns();
  run->run_until(until_us);
  f.run_wall_s = static_cast<double>(now_ns() - start) / 1e9;
  f.events = run->world().events_processed();
  f.checkpoints = run->checkpoint_count();
  // Targets: random moments of the recent window, and every quick moment before it.
  std::vector<sim::TimeUs> targets = run->quick_moments_before_horizon();
  sim::Random rng(0x5EE'C0DE);
  const sim::TimeUs horizon = run->rewind_horizon_us();
  while (targets.size() < seeks) {
    targets.push_back(horizon +
                      static_cast<sim::TimeUs>(rng.below(static_cast<std::uint64_t>(until_us - horizon) + 1)));
  }
  std::vector<sim::TimeUs> took_ns;
  for (const sim::TimeUs t : targets) {
    const std::int64_t before = now_ns();
    run->seek(t);
    took_ns.push_back(now_ns() - before);
  }
  f.seeks = took_ns.size();
  f.seek_ms_p50 = static_cast<double>(sim::percentile_us(took_ns, 50)) / 1e6;
  f.seek_ms_p99 = static_cast<double>(sim::percentile_us(took_ns, 99)) / 1e6;
  f.seek_ms_max = static_cast<double>(*std::max_element(took_ns.begin(), took_ns.end())) / 1e6;
  return f;
}

}  // namespace cs::bench
