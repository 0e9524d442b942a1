#pragma once
// The "sharding" model as the catalogue lists it: parameters, the state machine factory, the
// run-wide metrics (keys per shard, imbalance, hot shards) and what the ring and heat-map views draw.
#include <string>
#include <vector>

#include "model/model_info.h"
#include "sharding/shard_node.h"
#include "sim/world.h"

namespace cs::sharding {

model::ModelInfo sharding_model_info();

// The sharding state machines of a world (empty if it runs another model), by endpoint id.
std::vector<const ShardNode*> shard_nodes(const sim::World& world);

// What the stage calls shard `s`: s1, s2, ...; a region under geo sharding; a column group under
// vertical partitioning.
std::string shard_name(const ShardConfig& config, ShardIndex s);

struct ShardSnapshot {
  std::vector<double> keys;  // per active shard (rows its primary serves)
  std::vector<double> load;  // per active shard, operations per second, recent
  double keys_total = 0;
};
ShardSnapshot snapshot(const sim::World& world);

}  // namespace cs::sharding
