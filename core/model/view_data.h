#pragma once
// Model-specific things the stage can draw besides the cluster graph: the hash ring, the shard
// heat map, chunk migrations, and which links a replication topology actually uses. A model fills
// what applies to it (ModelInfo::view_data); the UI only draws it.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "sim/ids.h"

namespace cs::model {

struct RingPoint {
  double position = 0;  // on the ring, [0, 1)
  sim::EndpointId node = sim::kNoEndpoint;
};

struct KeyPoint {
  double position = 0;  // on the ring, [0, 1)
  sim::EndpointId node = sim::kNoEndpoint;
  bool moving = false;  // being migrated right now
};

struct ShardCell {
  std::string name;
  sim::EndpointId node = sim::kNoEndpoint;
  std::int64_t keys = 0;
  double load = 0;  // operations per simulated second, recent
  bool hot = false;
};

struct Migration {
  std::string shard;
  sim::EndpointId from = sim::kNoEndpoint;
  sim::EndpointId to = sim::kNoEndpoint;
  double progress = 0;  // [0, 1]
};

struct ModelViewData {
  std::vector<RingPoint> ring;
  std::vector<KeyPoint> keys;
  std::vector<ShardCell> shards;
  std::vector<Migration> migrations;
  // Directed replication edges (from -> to) for topology views; empty means "every pair".
  std::vector<std::pair<sim::EndpointId, sim::EndpointId>> edges;
};

}  // namespace cs::model
