#include "scenario/region_metrics.h"

#include <map>

namespace cs::scenario {

void add_region_rtt_metrics(const sim::World& world, sim::Metrics& metrics) {
  const sim::Network& network = world.network();
  const auto& regions = network.regions();
  if (regions.size() < 2) return;
  // The first node of each region stands for it; regions without nodes have nothing to report.
  std::map<std::uint32_t, sim::EndpointId> representative;
  for (sim::EndpointId id = 0; id < world.node_count(); ++id) representative.emplace(network.region_of(id), id);
  for (auto a = representative.begin(); a != representative.end(); ++a) {
    for (auto b = std::next(a); b != representative.end(); ++b) {
      const sim::TimeUs rtt_us =
          network.params(a->second, b->second).latency_us + network.params(b->second, a->second).latency_us;
      metrics["rtt_ms." + regions[a->first].name + "-" + regions[b->first].name] = static_cast<double>(rtt_us) / 1000.0;
    }
  }
}

}  // namespace cs::scenario
