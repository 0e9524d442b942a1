#include "caching/caching_model.h"

#include <algorithm>
#include <optional>

#include "caching/cache_checker.h"
#include "caching/cache_config.h"
#include "caching/stale_reads.h"
#include "model/params.h"

namespace cs::caching {

namespace {

using model::ModelParams;

void add_run_metrics(const sim::World& world, const ModelParams&, sim::Metrics& metrics) {
  const double hits = metrics["cache_hits"];
  const double misses = metrics["cache_misses"];
  metrics["cache_hit_ratio"] = hits + misses > 0 ? hits / (hits + misses) : 0.0;
  // The last whole second: what the cache and the database are doing now, not since the start.
  // Each node counts seconds on its own clock, so each is asked about its own last second.
  const auto last_second = [&](sim::EndpointId n) -> std::optional<std::size_t> {
    const sim::TimeUs local_us = world.local_time_us(n);
    if (local_us < sim::kMicrosPerSecond) return std::nullopt;
    return static_cast<std::size_t>(local_us / sim::kMicrosPerSecond) - 1;
  };
  double recent_hits = 0, recent_misses = 0, recent_db_reads = 0;
  for (sim::EndpointId n = 0; n < world.node_count(); ++n) {
    const auto second = last_second(n);
    if (!second) continue;
    const sim::Protocol* protocol = world.node(n).protocol.get();
    if (const auto* app = dynamic_cast<const AppCacheNode*>(protocol)) {
      recent_hits += static_cast<double>(app->hits_per_second().at(*second));
      recent_misses += static_cast<double>(app->misses_per_second().at(*second));
    } else if (const auto* db = dynamic_cast<const BackingDatabase*>(protocol)) {
      recent_db_reads += static_cast<double>(db->reads_per_second().at(*second));
    }
  }
  metrics["cache_hit_ratio_last_s"] =
      recent_hits + recent_misses > 0 ? recent_hits / (recent_hits + recent_misses) : 0.0;
  metrics["db_reads_last_s"] = recent_db_reads;

  const auto stale = find_cache_stale_reads(world.history().ops());
  sim::TimeUs window_us = 0;
  for (const auto& s : stale) window_us = std::max(window_us, s.since_write_us);
  metrics["stale_reads"] = static_cast<double>(stale.size());
  metrics["stale_window_ms"] = static_cast<double>(window_us) / 1000.0;
  metrics["db_reads"] += 0;
}

std::unique_ptr<sim::Protocol> make(const ModelParams& params, sim::EndpointId self, std::size_t node_count) {
  const CacheConfig config = parse_cache_config(params, node_count);
  if (self == config.database) return std::make_unique<BackingDatabase>(config);
  return std::make_unique<AppCacheNode>(config);
}

}  // namespace

std::vector<const AppCacheNode*> app_nodes(const sim::World& world) {
  std::vector<const AppCacheNode*> out;
  for (sim::EndpointId n = 0; n < world.node_count(); ++n) {
    if (const auto* app = dynamic_cast<const AppCacheNode*>(world.node(n).protocol.get())) out.push_back(app);
  }
  return out;
}

const BackingDatabase* database(const sim::World& world) {
  for (sim::EndpointId n = 0; n < world.node_count(); ++n) {
    if (const auto* db = dynamic_cast<const BackingDatabase*>(world.node(n).protocol.get())) return db;
  }
  return nullptr;
}

model::ModelInfo cache_aside_model() {
  model::ModelInfo info{
      "cache-aside",
      "Application servers that read through a cache (cache-aside): hits from memory, misses from the "
      "database, stored with a TTL; a write updates the database and may delete the cached entry.",
      {
          {"ttl_ms", 4000.0, "how long a cached entry is served before it expires", model::between(0.001, 86'400'000)},
          {"invalidate_on_write", false, "after a write, delete the key's cached entry"},
          {"cache_capacity", 1000.0, "entries each cache holds; when full, the one closest to expiry goes",
           model::whole(1, 1'000'000)},
          {"db_query_ms", 10.0, "the database's time to answer one query", model::between(0, 60'000)},
          {"database_node", 0.0, "1-based number of the database node (0: the last node)", model::whole(0, 200)},
      },
      make,
      add_run_metrics,
      nullptr,
      [](const model::ModelParams& p, std::size_t node_count) {
        std::vector<model::ParamProblem> problems;
        if (model::count_param(p, "database_node") > node_count) {
          problems.push_back({"database_node", "names no node (the scenario has " + std::to_string(node_count) + ")"});
        }
        return problems;
      },
  };
  info.invariants = cache_invariant_list();
  info.make_checker = make_cache_checker;
  return info;
}

}  // namespace cs::caching
