#include "scenario/run_setup.h"
#include "catalogue/catalogue.h"

#include <cassert>

#include "scenario/region_metrics.h"

namespace cs::scenario {

sim::World make_world(const Scenario& s, std::uint64_t seed, sim::WorldLimits limits) {
  const model::ModelInfo* model = catalogue::find_model(s.model);
  assert(model && "load_scenario validates the model");
  const std::size_t n = s.node_names.size();
  std::vector<sim::NodeSetup> nodes;
  for (std::size_t i = 0; i < n; ++i) {
    const bool spare = i < s.node_spares.size() && s.node_spares[i];
    nodes.push_back({s.node_names[i], s.node_regions[i],
                     sim::ClonePtr<sim::Protocol>(model->make(s.params, static_cast<sim::EndpointId>(i), n)), spare});
  }
  // Endpoints: the nodes, the workload's clients, and the console client (see World).
  const std::size_t endpoints = n + s.workload.clients + 1;
  // The network's random stream is derived from the seed but separate from the nodes' streams.
  std::uint64_t state = seed ^ 0x6E657477'6F726B00ULL;
  sim::Network network(endpoints, s.link_defaults, sim::splitmix64(state));
  if (!s.regions.empty()) {
    std::vector<std::uint32_t> region_of(s.node_regions);
    region_of.resize(endpoints, s.client_region);
    network.set_regions(s.regions, std::move(region_of), s.region_overhead_us);
  }
  for (const auto& link : s.links) network.set_link(link.from, link.to, link.params);
  sim::World world(std::move(nodes), std::move(network), s.workload, seed, limits);
  world.set_timeline(s.timeline);
  return world;
}

std::unique_ptr<sim::Simulation> start_run(const Scenario& s, std::uint64_t seed, sim::SimulationLimits limits) {
  return std::make_unique<sim::Simulation>(make_world(s, seed), limits, s.actions);
}

sim::Metrics run_metrics(const Scenario& s, const sim::World& world) {
  sim::Metrics m = world.metrics();
  const model::ModelInfo* model = catalogue::find_model(s.model);
  if (model && model->add_run_metrics) model->add_run_metrics(world, s.params, m);
  add_region_rtt_metrics(world, m);
  return m;
}

std::vector<std::uint64_t> lost_writes(const Scenario& s, const sim::World& world) {
  const model::ModelInfo* model = catalogue::find_model(s.model);
  if (!model || !model->lost_writes) return {};
  return model->lost_writes(world, s.params);
}

}  // namespace cs::scenario
