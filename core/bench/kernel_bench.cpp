#include "bench/kernel_bench.h"

#include <algorithm>
#include <memory>

#include "heartbeat/heartbeat.h"
#include "sim/simulation.h"

namespace cs::bench {

namespace {

// A message-passing workload: a leader heartbeating followers on fast links.
sim::World heartbeat_world(std::size_t nodes, sim::TimeUs interval_us, std::uint64_t seed) {
  heartbeat::HeartbeatConfig config;
  config.heartbeat_interval_us = interval_us;
  config.failure_timeout_us = interval_us * 4;
  std::vector<sim::NodeSetup> setups;
  for (std::size_t i = 0; i < nodes; ++i) {
    std::string name = "n";
    name += std::to_string(i + 1);  // not "n" + ...: GCC 12 warns falsely (-Wrestrict) on that form
    setups.push_back(
        {std::move(name), 0, sim::ClonePtr<sim::Protocol>(std::make_unique<heartbeat::HeartbeatNode>(config))});
  }
  sim::LinkParams link;
  link.latency_us = interval_us / 10;
  link.jitter_us = interval_us / 50;
  sim::Network network(nodes + 1, link, seed);
  sim::World world(std::move(setups), std::move(network), {}, seed);
  return world;
}

}  // namespace

KernelFigures run_kernel_bench(const NowNs& now_ns) {
  KernelFigures f;
  {
    sim::SimulationLimits limits;
    limits.trace_budget_bytes = std::size_t{16} << 20;
    sim::Simulation sim(heartbeat_world(16, 1'000, 7), limits);
    const std::int64_t start = now_ns();
    sim.run_until(sim::seconds(120));
    const std::int64_t elapsed = std::max<std::int64_t>(now_ns() - start, 1);
    f.kernel_events = sim.world().events_processed();
    f.kernel_events_per_s = static_cast<double>(f.kernel_events) * 1e9 / static_cast<double>(elapsed);
    f.trace_bytes_per_event = static_cast<double>(sim::Trace::bytes_per_event());
  }
  {
    // About 1,000,000 events over 10 simulated minutes, then seeks to pseudo-random times.
    sim::SimulationLimits limits;
    limits.trace_budget_bytes = std::size_t{128} << 20;
    sim::Simulation sim(heartbeat_world(5, 7'800, 11), limits);
    sim.run_until(sim::seconds(600));
    f.seek_run_events = sim.world().events_processed();
    sim::Random rng(2024);
    double total = 0;
    constexpr int kSeeks = 100;
    for (int i = 0; i < kSeeks; ++i) {
      const sim::TimeUs target = rng.between(0, sim::seconds(600));
      const std::int64_t start = now_ns();
      sim.seek(target);
      const double ms = static_cast<double>(now_ns() - start) / 1e6;
      f.seek_ms_max = std::max(f.seek_ms_max, ms);
      total += ms;
    }
    f.seek_ms_mean = total / kSeeks;
  }
  return f;
}

}  // namespace cs::bench
