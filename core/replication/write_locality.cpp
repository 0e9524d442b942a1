#include "replication/write_locality.h"

#include <algorithm>
#include <set>

#include "replication/run_metrics.h"
#include "replication/topology.h"

namespace cs::replication {

bool commit_crosses_regions(const SingleLeaderConfig& config, const sim::World& world, std::uint8_t level) {
  const sim::Network& network = world.network();
  const auto home = network.region_of(SingleLeaderNode::kPrimary);
  const auto direct =
      next_hops(config.topology, SingleLeaderNode::kPrimary, SingleLeaderNode::kPrimary, world.node_count());
  const auto local = static_cast<std::size_t>(
      std::count_if(direct.begin(), direct.end(), [&](sim::EndpointId r) { return network.region_of(r) == home; }));
  switch (commit_mode_for(config, level)) {
    case CommitMode::Async: return false;
    case CommitMode::SemiSync: return local < std::min(config.semi_sync_acks, direct.size());
    case CommitMode::Sync: return local < direct.size();
  }
  return false;
}

void add_write_locality_metrics(const sim::World& world, const SingleLeaderConfig& config, sim::Metrics& metrics) {
  std::set<std::uint32_t> regions;
  for (sim::EndpointId id = 0; id < world.node_count(); ++id) regions.insert(world.network().region_of(id));
  if (regions.size() < 2) return;
  const auto& ops = world.history().ops();
  // Levels are few (a byte): decide each once rather than per write.
  std::set<std::uint8_t> levels;
  for (const sim::Operation& op : ops) levels.insert(op.level);
  std::set<std::uint8_t> crossing;
  for (std::uint8_t level : levels) {
    if (commit_crosses_regions(config, world, level)) crossing.insert(level);
  }
  const auto crosses = [&](const sim::Operation& op) { return crossing.count(op.level) != 0; };
  metrics["local_write_ms_p50"] =
      write_latency_percentile_us(ops, 50, [&](const sim::Operation& op) { return !crosses(op); }) / 1000.0;
  metrics["cross_region_write_ms_p50"] = write_latency_percentile_us(ops, 50, crosses) / 1000.0;
}

}  // namespace cs::replication
