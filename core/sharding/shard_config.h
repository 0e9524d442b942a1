#pragma once
// The sharding model's configuration, read once from the scenario's parameters: the strategy,
// which nodes route, which hold the directory, which store data (grouped into shards of
// `replicas` nodes each), the table and its shard key, and the knobs of rebalancing. Immutable
// and shared by every node's state machine.
#include <cstdint>
#include <string>
#include <vector>

#include "model/model_info.h"
#include "sharding/placement.h"
#include "sharding/routing_table.h"
#include "sharding/table.h"
#include "sim/ids.h"
#include "sim/time.h"

namespace cs::sharding {

enum class Partitioning : std::uint8_t { Horizontal, Vertical };
// users: one row per user, written in place. checkins: every write inserts a new check-in of a
// user, and a read asks for one user's history.
enum class TableKind : std::uint8_t { Users, Checkins };
enum class ShardKeyColumn : std::uint8_t { UserId, CheckinId, CreatedAt, Region };

// One row of the simulated table. For users, id == user_id.
struct Row {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::int64_t created_at_us = 0;
  std::int64_t value = 0;
  bool operator==(const Row&) const = default;
};

// Users of region r have ids r * kRegionStride + k, so a row's region is part of its user id.
inline constexpr std::int64_t kRegionStride = 1'000'000'000;
// Inserted rows carry created_at = kEpochUs + the router's clock; preloaded rows are older.
inline constexpr std::int64_t kEpochUs = 1'700'000'000'000'000;
// Scatter queries look for the check-ins at one venue: a column the shard key never covers.
inline constexpr std::int64_t kVenues = 97;

struct ShardConfig {
  Strategy strategy = Strategy::HashMod;
  Partitioning partitioning = Partitioning::Horizontal;
  TableKind table = TableKind::Users;
  ShardKeyColumn shard_key = ShardKeyColumn::UserId;

  std::size_t node_count = 0;
  std::vector<sim::EndpointId> routers;  // empty: every data node routes what it receives
  sim::EndpointId directory = sim::kNoEndpoint;
  std::vector<sim::EndpointId> data_nodes;  // grouped into shards of `replicas` consecutive nodes
  std::uint32_t replicas = 1;
  std::uint32_t initial_shards = 1;
  std::uint32_t max_shards = 1;  // how many groups the data nodes make

  std::uint32_t vnodes = 16;
  std::int64_t rows = 0;
  std::int64_t users = 1;
  std::vector<double> region_weights{1.0};
  std::vector<std::string> shard_names;  // what the heat map calls each shard (e.g. its city); may be empty
  std::int64_t range_max_rows = 0;
  sim::TimeUs add_shard_at_us = -1;
  std::int64_t migration_batch_rows = 20;
  sim::TimeUs migration_interval_us = 100'000;
  double wide_read_fraction = 0;
  double celebrity_share = 0;
  bool directory_cache = false;
  std::size_t directory_cache_entries = 1'000;
  std::vector<ColumnGroup> column_groups;  // vertical
  TableSchema schema;                      // vertical: the users table
  sim::TimeUs request_timeout_us = 500'000;
  double hot_load_factor = 2.0;
  sim::TimeUs load_window_us = 1'000'000;

  // Roles.
  bool is_router(sim::EndpointId node) const;
  bool is_data_node(sim::EndpointId node) const { return shard_of(node) != kNoShard; }
  ShardIndex shard_of(sim::EndpointId node) const;  // kNoShard for routers, the directory, extras
  bool is_primary(sim::EndpointId node) const;
  sim::EndpointId primary_of(ShardIndex shard) const { return data_nodes.at(shard * replicas); }
  std::vector<sim::EndpointId> secondaries_of(ShardIndex shard) const;
  // Where rebalancing is decided: the first router, else the directory, else the first data node.
  sim::EndpointId balancer() const;
  // The region a router serves under geo sharding: its place in the router list (or its shard).
  std::uint32_t region_of_router(sim::EndpointId node) const;
  std::uint32_t regions() const { return static_cast<std::uint32_t>(region_weights.size()); }
  std::uint32_t partitions() const { return static_cast<std::uint32_t>(column_groups.size()); }
  // The vertical partition that holds the column written by an update (last_login).
  std::uint32_t partition_written() const;

  bool key_targets_user() const { return shard_key == ShardKeyColumn::UserId || shard_key == ShardKeyColumn::Region; }
  std::int64_t shard_key_of(const Row& row) const;
  // The shard key value a user's rows carry, when the shard key is derived from the user.
  std::int64_t user_shard_key(std::int64_t user_id) const;
};

// The model's parameters, the check of those that depend on each other or on the node count, and
// the config read from complete, checked parameters.
std::vector<model::ParamSpec> shard_params();
std::vector<model::ParamProblem> check_config(const model::ModelParams& params, std::size_t node_count);
ShardConfig parse_config(const model::ModelParams& params, std::size_t node_count);

// The rows in the table before the run starts, identical on every node.
std::vector<Row> preload_rows(const ShardConfig& config);
RoutingTable initial_routing(const ShardConfig& config);
// Directory placement of the preloaded keys: contiguous blocks, to show it is a table, not a rule.
ShardIndex initial_directory_shard(const ShardConfig& config, std::int64_t shard_key);
// Which shard a row belongs to at the start, for strategies that are not a RoutingTable rule.
ShardIndex initial_shard_of(const ShardConfig& config, const RoutingTable& routing, const Row& row);

}  // namespace cs::sharding
