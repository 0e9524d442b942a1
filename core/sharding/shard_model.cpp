#include "sharding/shard_model.h"

#include <algorithm>
#include <cassert>
#include <queue>

#include "sharding/hash.h"
#include "sharding/shard_checker.h"
#include "sharding/shard_metrics.h"

namespace cs::sharding {

namespace {

using model::ModelParams;

// Below this many requests in a load window a shard is never called hot: with a handful of
// requests, one more on a shard is chance.
constexpr double kHotMinRequests = 10;

double hot_min_load(const ShardConfig& c) { return kHotMinRequests / (static_cast<double>(c.load_window_us) / 1e6); }

const ShardNode* balancer_of(const std::vector<const ShardNode*>& nodes) {
  for (const ShardNode* n : nodes) {
    if (n->config().balancer() == n->self()) return n;
  }
  return nodes.empty() ? nullptr : nodes.front();
}

std::uint32_t active_shards(const std::vector<const ShardNode*>& nodes) {
  const ShardConfig& c = nodes.front()->config();
  if (c.partitioning == Partitioning::Vertical) return c.partitions();
  return balancer_of(nodes)->routing().shards();
}

// How many shards requests had to involve, and each shard's share of the work.
//   cross_shard_requests         requests that asked more than one shard (scatter-gather, joins)
//   partitions_touched_per_read  shards asked per client read, on average (1: every read targeted)
//   shard_N_ops                  requests served by shard N's primary (N from 1)
//   region_N_ms_mean             geo: mean latency of the requests region N's routers answered, so
//                                a quiet region can be compared with a busy one
void add_routing_metrics(const std::vector<const ShardNode*>& nodes, sim::Metrics& m) {
  double multi = 0, reads = 0, touched = 0;
  for (const ShardNode* n : nodes) {
    multi += static_cast<double>(n->counters().multi_shard_requests);
    reads += static_cast<double>(n->counters().reads_routed);
    touched += static_cast<double>(n->counters().read_shards_touched);
  }
  m["cross_shard_requests"] = multi;
  m["partitions_touched_per_read"] = reads > 0 ? touched / reads : 0;
  const ShardConfig& c = nodes.front()->config();
  for (ShardIndex s = 0; s < active_shards(nodes); ++s) {
    m["shard_" + std::to_string(s + 1) + "_ops"] =
        static_cast<double>(nodes.at(c.primary_of(s))->counters().ops_served);
  }
  if (c.strategy != Strategy::Geo || c.routers.empty()) return;
  std::vector<double> us(c.regions(), 0.0), ok(c.regions(), 0.0);
  for (const sim::EndpointId r : c.routers) {
    const ShardCounters& k = nodes.at(r)->counters();
    us[c.region_of_router(r)] += static_cast<double>(k.single_shard_us_total + k.scatter_gather_us_total);
    ok[c.region_of_router(r)] += static_cast<double>(k.single_shard_ok + k.scatter_gather_ok);
  }
  for (std::uint32_t region = 0; region < c.regions(); ++region) {
    m["region_" + std::to_string(region + 1) + "_ms_mean"] = ok[region] > 0 ? us[region] / ok[region] / 1e3 : 0;
  }
}

// With replicas: how long a replica lacked a row its primary had, and whether every replica
// holds exactly its primary's rows now (eventual consistency, once writes stop).
//   replica_divergence_ms_max  the longest such window on any replica
//   converged                  1 if every replica equals its primary, else 0
void add_replica_metrics(const std::vector<const ShardNode*>& nodes, sim::Metrics& m) {
  const ShardConfig& c = nodes.front()->config();
  sim::TimeUs lag_us = 0;
  bool converged = true;
  for (const ShardNode* n : nodes) {
    if (n->shard() == kNoShard || n->is_primary()) continue;
    lag_us = std::max(lag_us, n->counters().replica_lag_us_max);
    converged = converged && n->store() == nodes.at(c.primary_of(n->shard()))->store();
  }
  m["replica_divergence_ms_max"] = static_cast<double>(lag_us) / 1e3;
  m["converged"] = converged ? 1 : 0;
}

void add_run_metrics(const sim::World& world, const ModelParams&, sim::Metrics& m) {
  const auto nodes = shard_nodes(world);
  if (nodes.empty()) return;
  const ShardConfig& c = nodes.front()->config();
  const ShardSnapshot s = snapshot(world);
  m["keys_total"] = s.keys_total;
  m["shard_imbalance"] = imbalance(s.keys);
  m["shard_cv"] = coefficient_of_variation(s.keys);
  m["hot_shards"] = static_cast<double>(count_hot(s.load, c.hot_load_factor, hot_min_load(c)));
  m["load_imbalance"] = imbalance(s.load);
  double single_us = 0, single_n = 0, scatter_us = 0, scatter_n = 0;
  for (const ShardNode* n : nodes) {
    single_us += static_cast<double>(n->counters().single_shard_us_total);
    single_n += static_cast<double>(n->counters().single_shard_ok);
    scatter_us += static_cast<double>(n->counters().scatter_gather_us_total);
    scatter_n += static_cast<double>(n->counters().scatter_gather_ok);
  }
  m["single_shard_ms_mean"] = single_n > 0 ? single_us / single_n / 1e3 : 0;
  m["scatter_gather_ms_mean"] = scatter_n > 0 ? scatter_us / scatter_n / 1e3 : 0;
  add_routing_metrics(nodes, m);
  if (c.partitioning == Partitioning::Horizontal && c.replicas > 1) add_replica_metrics(nodes, m);
}

std::string move_name(const ShardConfig& c, const Move& move) {
  return (move.is_range ? "range of " : "chunk ") + shard_name(c, move.from) + " -> " + shard_name(c, move.to);
}

model::ModelViewData view_data(const sim::World& world, const ModelParams&) {
  model::ModelViewData v;
  const auto nodes = shard_nodes(world);
  if (nodes.empty()) return v;
  const ShardConfig& c = nodes.front()->config();
  const RoutingTable& routing = balancer_of(nodes)->routing();
  const std::uint32_t shards = active_shards(nodes);
  const ShardSnapshot snap = snapshot(world);
  const auto hot = hot_shards(snap.load, c.hot_load_factor, hot_min_load(c));
  for (ShardIndex s = 0; s < shards; ++s) {
    v.shards.push_back({shard_name(c, s), c.primary_of(s), static_cast<std::int64_t>(snap.keys[s]), snap.load[s],
                        static_cast<bool>(hot[s])});
  }
  if (c.partitioning == Partitioning::Vertical) return v;
  if (c.strategy == Strategy::ConsistentHash) {
    for (const auto& p : routing.ring().points()) v.ring.push_back({ring_position(p.position), c.primary_of(p.shard)});
  }
  // A bounded, stable sample of keys: the rows with the smallest id hashes. A row keeps its place
  // in the sample as others come and go, so dots do not flicker between frames.
  constexpr std::size_t kSample = 500;
  struct Pick {
    std::uint64_t rank;
    const Row* row;
    sim::EndpointId node;
    bool operator<(const Pick& o) const { return rank < o.rank; }
  };
  std::priority_queue<Pick> best;  // largest rank on top, evicted first
  for (const ShardNode* n : nodes) {
    if (!n->is_active_primary()) continue;
    for (const auto& [key, row] : n->store()) {
      const Pick pick{mix64(static_cast<std::uint64_t>(row.id) ^ 0x5EEDULL), &row, n->self()};
      if (best.size() < kSample) {
        best.push(pick);
      } else if (pick < best.top()) {
        best.pop();
        best.push(pick);
      }
    }
  }
  for (; !best.empty(); best.pop()) {
    const std::int64_t shard_key = c.shard_key_of(*best.top().row);
    v.keys.push_back({routing.position(shard_key), best.top().node, routing.move_covering(shard_key) != nullptr});
  }
  std::sort(v.keys.begin(), v.keys.end(), [](const auto& a, const auto& b) { return a.position < b.position; });
  for (const ShardNode* n : nodes) {
    for (const auto& o : n->outgoing_moves()) {
      v.migrations.push_back({move_name(c, o.move), c.primary_of(o.move.from), c.primary_of(o.move.to), o.progress});
    }
  }
  for (const Move& m : routing.moves()) {  // decided, not started yet
    if (m.done) continue;
    const bool listed = std::any_of(v.migrations.begin(), v.migrations.end(),
                                    [&](const auto& x) { return x.shard == move_name(c, m); });
    if (!listed) v.migrations.push_back({move_name(c, m), c.primary_of(m.from), c.primary_of(m.to), 0.0});
  }
  return v;
}

}  // namespace

std::vector<const ShardNode*> shard_nodes(const sim::World& world) {
  std::vector<const ShardNode*> out;
  for (sim::EndpointId id = 0; id < world.node_count(); ++id) {
    const auto* n = dynamic_cast<const ShardNode*>(world.node(id).protocol.get());
    if (!n) return {};
    out.push_back(n);
  }
  return out;
}

std::string shard_name(const ShardConfig& c, ShardIndex s) {
  if (c.partitioning == Partitioning::Vertical && s < c.partitions()) return c.column_groups[s].name;
  if (s < c.shard_names.size() && !c.shard_names[s].empty()) return c.shard_names[s];
  if (c.strategy == Strategy::Geo) return "region " + std::to_string(s + 1);
  return "s" + std::to_string(s + 1);
}

ShardSnapshot snapshot(const sim::World& world) {
  ShardSnapshot out;
  const auto nodes = shard_nodes(world);
  if (nodes.empty()) return out;
  const ShardConfig& c = nodes.front()->config();
  const std::uint32_t shards = active_shards(nodes);
  for (ShardIndex s = 0; s < shards; ++s) {
    const ShardNode* primary = nodes.at(c.primary_of(s));
    const bool vertical = c.partitioning == Partitioning::Vertical;
    const auto keys =
        vertical ? static_cast<double>(primary->store().size()) : static_cast<double>(primary->owned_rows());
    out.keys.push_back(keys);
    out.load.push_back(primary->recent_load_per_s(world.local_time_us(primary->self())));
    // Vertically, every partition holds every row: the table has as many rows as one of them.
    out.keys_total = vertical ? std::max(out.keys_total, keys) : out.keys_total + keys;
  }
  return out;
}

model::ModelInfo sharding_model_info() {
  model::ModelInfo info{
      "sharding",
      "A table split over shards: by range, hash mod N, a consistent-hash ring, a directory or region; or "
      "split by columns. Routers, scatter-gather, and chunks that migrate while traffic goes on.",
      shard_params(),
      [](const ModelParams& p, sim::EndpointId self, std::size_t node_count) -> std::unique_ptr<sim::Protocol> {
        return std::make_unique<ShardNode>(std::make_shared<const ShardConfig>(parse_config(p, node_count)), self);
      },
      add_run_metrics,
      view_data,
      check_config,
  };
  info.invariants = shard_invariant_list();
  info.make_checker = [](const model::ModelParams&, const sim::World& world) { return make_shard_checker(world); };
  return info;
}

}  // namespace cs::sharding
