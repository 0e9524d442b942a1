#include "sharding/shard_config.h"

#include <algorithm>
#include <cassert>
#include <cmath>

#include "model/params.h"
#include "sharding/hash.h"

namespace cs::sharding {

namespace {

using model::count_param;
using model::ModelParams;
using model::number_param;
using model::text_param;

const model::Choices<Strategy>& strategies() {
  static const model::Choices<Strategy> kChoices = {{"range", Strategy::Range},
                                                    {"hash_mod", Strategy::HashMod},
                                                    {"consistent_hash", Strategy::ConsistentHash},
                                                    {"directory", Strategy::Directory},
                                                    {"geo", Strategy::Geo}};
  return kChoices;
}

const model::Choices<ShardKeyColumn>& shard_keys() {
  static const model::Choices<ShardKeyColumn> kChoices = {{"user_id", ShardKeyColumn::UserId},
                                                          {"checkin_id", ShardKeyColumn::CheckinId},
                                                          {"created_at", ShardKeyColumn::CreatedAt},
                                                          {"region", ShardKeyColumn::Region}};
  return kChoices;
}

// Which nodes route, which holds the directory, and which store data: the part of the config
// that the check and the parser share.
struct NodeRoles {
  std::vector<sim::EndpointId> routers;
  sim::EndpointId directory = sim::kNoEndpoint;
  std::vector<sim::EndpointId> data_nodes;
};

NodeRoles node_roles(const ModelParams& p, std::size_t node_count) {
  NodeRoles r;
  for (const double n : model::number_list(text_param(p, "router_nodes"))) {
    r.routers.push_back(static_cast<sim::EndpointId>(n - 1));
  }
  const std::size_t directory = count_param(p, "directory_node");
  if (model::choice_param(p, "strategy", strategies()) == Strategy::Directory) {
    r.directory = static_cast<sim::EndpointId>(directory >= 1 ? directory - 1 : node_count - 1);
  }
  for (sim::EndpointId n = 0; n < node_count; ++n) {
    const bool router = std::find(r.routers.begin(), r.routers.end(), n) != r.routers.end();
    if (!router && n != r.directory) r.data_nodes.push_back(n);
  }
  return r;
}

constexpr const char* kDefaultColumnGroups = "core=name,email,country,last_login|profile=bio,avatar";

// A stable pick among weighted choices, driven by a hash so every node makes the same one.
std::uint32_t weighted_index(const std::vector<double>& weights, std::uint64_t hash) {
  double total = 0;
  for (const double w : weights) total += w;
  double x = ring_position(hash) * total;
  for (std::uint32_t i = 0; i < weights.size(); ++i) {
    if (x < weights[i]) return i;
    x -= weights[i];
  }
  return static_cast<std::uint32_t>(weights.size() - 1);
}

}  // namespace

bool ShardConfig::is_router(sim::EndpointId node) const {
  if (routers.empty()) return is_data_node(node);
  return std::find(routers.begin(), routers.end(), node) != routers.end();
}

ShardIndex ShardConfig::shard_of(sim::EndpointId node) const {
  const auto it = std::find(data_nodes.begin(), data_nodes.end(), node);
  if (it == data_nodes.end()) return kNoShard;
  const auto shard = static_cast<ShardIndex>((it - data_nodes.begin()) / replicas);
  return shard < max_shards ? shard : kNoShard;
}

bool ShardConfig::is_primary(sim::EndpointId node) const {
  const ShardIndex s = shard_of(node);
  return s != kNoShard && primary_of(s) == node;
}

std::vector<sim::EndpointId> ShardConfig::secondaries_of(ShardIndex shard) const {
  std::vector<sim::EndpointId> out;
  for (std::uint32_t r = 1; r < replicas; ++r) out.push_back(data_nodes.at(shard * replicas + r));
  return out;
}

sim::EndpointId ShardConfig::balancer() const {
  if (!routers.empty()) return routers.front();
  if (directory != sim::kNoEndpoint) return directory;
  return data_nodes.front();
}

std::uint32_t ShardConfig::region_of_router(sim::EndpointId node) const {
  if (!routers.empty()) {
    const auto it = std::find(routers.begin(), routers.end(), node);
    return static_cast<std::uint32_t>(it - routers.begin()) % regions();
  }
  const ShardIndex s = shard_of(node);
  return s == kNoShard ? 0 : s % regions();
}

std::uint32_t ShardConfig::partition_written() const {
  const std::size_t column = schema.column("last_login");
  for (std::uint32_t g = 0; g < column_groups.size(); ++g) {
    const auto& cols = column_groups[g].columns;
    if (std::find(cols.begin(), cols.end(), column) != cols.end()) return g;
  }
  return 0;
}

std::int64_t ShardConfig::shard_key_of(const Row& row) const {
  switch (shard_key) {
    case ShardKeyColumn::UserId: return row.user_id;
    case ShardKeyColumn::CheckinId: return row.id;
    case ShardKeyColumn::CreatedAt: return row.created_at_us;
    case ShardKeyColumn::Region: return row.user_id / kRegionStride;
  }
  return row.id;
}

std::int64_t ShardConfig::user_shard_key(std::int64_t user_id) const {
  return shard_key == ShardKeyColumn::Region ? user_id / kRegionStride : user_id;
}

ShardConfig parse_config(const ModelParams& p, std::size_t node_count) {
  assert(node_count >= 1);
  ShardConfig c;
  c.node_count = node_count;
  c.strategy = model::choice_param(p, "strategy", strategies());
  c.partitioning = text_param(p, "partitioning") == "vertical" ? Partitioning::Vertical : Partitioning::Horizontal;
  c.table = text_param(p, "table") == "checkins" ? TableKind::Checkins : TableKind::Users;
  c.shard_key = model::choice_param(p, "shard_key", shard_keys());
  if (c.strategy == Strategy::Geo) c.shard_key = ShardKeyColumn::Region;  // geographic means by region

  NodeRoles roles = node_roles(p, node_count);
  c.routers = std::move(roles.routers);
  c.directory = roles.directory;
  c.data_nodes = std::move(roles.data_nodes);
  assert(!c.data_nodes.empty());

  c.replicas = static_cast<std::uint32_t>(count_param(p, "replicas"));
  c.max_shards =
      std::min<std::uint32_t>(static_cast<std::uint32_t>(c.data_nodes.size()) / c.replicas, RoutingTable::kMaxShards);
  c.initial_shards = static_cast<std::uint32_t>(count_param(p, "shards"));
  assert(c.partitioning == Partitioning::Vertical || c.initial_shards <= c.max_shards);
  c.vnodes = static_cast<std::uint32_t>(count_param(p, "vnodes"));
  c.rows = static_cast<std::int64_t>(count_param(p, "rows"));
  c.users = static_cast<std::int64_t>(count_param(p, "users"));
  c.region_weights = model::number_list(text_param(p, "region_weights"));
  c.shard_names.clear();
  {
    const std::string names = text_param(p, "shard_names");
    std::size_t start = 0;
    while (start < names.size()) {
      const std::size_t comma = std::min(names.find(',', start), names.size());
      c.shard_names.push_back(names.substr(start, comma - start));
      start = comma + 1;
    }
  }
  c.range_max_rows = static_cast<std::int64_t>(count_param(p, "range_max_rows"));
  c.add_shard_at_us = model::ms_or_none_param(p, "add_shard_at_ms");
  c.migration_batch_rows = static_cast<std::int64_t>(count_param(p, "migration_batch_rows"));
  c.migration_interval_us = model::ms_param(p, "migration_interval_ms");
  c.wide_read_fraction = number_param(p, "wide_read_fraction");
  c.celebrity_share = number_param(p, "celebrity_share");
  c.directory_cache = model::flag_param(p, "directory_cache");
  c.request_timeout_us = model::ms_param(p, "request_timeout_ms");
  c.hot_load_factor = number_param(p, "hot_load_factor");
  c.load_window_us = model::ms_param(p, "load_window_ms");

  if (c.partitioning == Partitioning::Vertical) {
    // A vertical split stores every row in every partition; it is about columns, so no replicas,
    // no routing rule and no rebalancing.
    c.schema = users_schema();
    c.table = TableKind::Users;
    c.shard_key = ShardKeyColumn::UserId;
    c.replicas = 1;
    c.column_groups = split_columns(c.schema, text_param(p, "column_groups"), nullptr);
    assert(!c.column_groups.empty() && c.column_groups.size() <= c.data_nodes.size());
    c.max_shards = std::min<std::uint32_t>(static_cast<std::uint32_t>(c.data_nodes.size()), RoutingTable::kMaxShards);
    c.initial_shards = c.partitions();
    c.add_shard_at_us = -1;
  }
  return c;
}

std::vector<model::ParamProblem> check_config(const ModelParams& p, std::size_t node_count) {
  std::vector<model::ParamProblem> problems;
  const auto problem = [&problems](const char* param, std::string message) {
    problems.push_back({param, std::move(message)});
  };
  const std::string nodes = " (the scenario has " + std::to_string(node_count) + " nodes)";
  const std::string routers = text_param(p, "router_nodes");
  const std::vector<double> router_numbers = model::number_list(routers);
  const auto items = static_cast<std::size_t>(std::count(routers.begin(), routers.end(), ',')) + 1;
  if (!routers.empty() && router_numbers.size() != items)
    problem("router_nodes", "\"" + routers + "\" is not a list of node numbers");
  for (const double n : router_numbers) {
    if (n < 1 || n > static_cast<double>(node_count) || n != std::floor(n)) {
      problem("router_nodes", "node number " + std::to_string(n) + " names no node" + nodes);
    }
  }
  if (count_param(p, "directory_node") > node_count) problem("directory_node", "names no node" + nodes);
  const bool checkins = text_param(p, "table") == "checkins";
  const std::string key = text_param(p, "shard_key");
  if (!checkins && (key == "checkin_id" || key == "created_at")) {
    problem("shard_key", "\"" + key + "\" is a column of the checkins table, not of users");
  }
  for (const double w : model::number_list(text_param(p, "region_weights"))) {
    if (!(w > 0)) problem("region_weights", "weights must be greater than 0");
  }
  if (model::number_list(text_param(p, "region_weights")).empty()) {
    problem("region_weights", "give at least one weight, e.g. \"1\"");
  }
  if (!problems.empty()) return problems;

  const NodeRoles roles = node_roles(p, node_count);
  if (roles.data_nodes.empty()) {
    problem("router_nodes", "with the directory node leaves no node to store data" + nodes);
    return problems;
  }
  const std::size_t data_nodes = roles.data_nodes.size();
  const std::size_t replicas = count_param(p, "replicas");
  const std::string data = " (" + std::to_string(data_nodes) + " data nodes)";
  if (replicas > data_nodes) problem("replicas", "is more than the data nodes" + data);
  const std::size_t max_shards =
      std::min<std::size_t>(data_nodes / std::max<std::size_t>(1, replicas), RoutingTable::kMaxShards);
  if (text_param(p, "partitioning") == "vertical") {
    std::string error;
    const auto groups = split_columns(users_schema(), text_param(p, "column_groups"), &error);
    if (groups.empty()) {
      problem("column_groups", error);
    } else if (groups.size() > data_nodes) {
      problem("column_groups", std::to_string(groups.size()) + " column groups need as many data nodes" + data);
    }
  } else if (count_param(p, "shards") > max_shards) {
    problem("shards", "is more than " + std::to_string(max_shards) + " shards of " + std::to_string(replicas) +
                          " replicas fit on the data nodes" + data);
  }
  return problems;
}

std::vector<model::ParamSpec> shard_params() {
  using model::between;
  using model::whole;
  return {
      {"strategy", std::string("hash_mod"),
       "range, hash_mod, consistent_hash, directory (a lookup table on directory_node) or geo (by region)",
       model::choice_names(strategies())},
      {"partitioning",
       std::string("horizontal"),
       "horizontal (rows) or vertical (column groups)",
       {"horizontal", "vertical"}},
      {"table",
       std::string("users"),
       "users (a write updates user KEY) or checkins (a write inserts a check-in of user KEY; a read asks for "
       "that user's history)",
       {"users", "checkins"}},
      {"shard_key", std::string("user_id"), "user_id, checkin_id, created_at (checkins only) or region",
       model::choice_names(shard_keys())},
      {"shards", 4.0, "shards at the start; further data nodes are spares that can join",
       whole(1, RoutingTable::kMaxShards)},
      {"replicas", 1.0, "data nodes per shard: a primary and replicas that copy its writes", whole(1, 200)},
      {"router_nodes", std::string(""),
       "1-based numbers of the router nodes, e.g. \"1\" or \"4,5,6\"; empty: every data node routes"},
      {"directory_node", 0.0, "1-based number of the directory node (directory strategy; 0: the last node)",
       whole(0, 200)},
      {"vnodes", 16.0, "virtual nodes per shard on the consistent-hash ring", whole(1, 1'024)},
      {"rows", 400.0, "rows in the table before the run starts", whole(0, 1'000'000)},
      {"users", 200.0, "users of the checkins table (ids 1..users)", whole(1, 100'000'000)},
      {"region_weights", std::string("1"), "geo: relative sizes of the regions, e.g. \"3,2,1\""},
      {"shard_names", std::string(""),
       "names the heat map shows for the shards, e.g. \"Lyon,Paris\" (default s1, s2...)"},
      {"range_max_rows", 0.0, "range: a range with more rows is split and its upper half moved (0: never)",
       whole(0, 1'000'000)},
      {"add_shard_at_ms", -1.0, "when the next spare shard joins and chunks move to it (-1: never)",
       model::none_or_between(0, 86'400'000)},
      {"migration_batch_rows", 20.0, "rows per migration batch", whole(1, 10'000)},
      {"migration_interval_ms", 100.0, "pause between two batches of a migration (throttling)", between(0, 3'600'000)},
      {"wide_read_fraction", 0.0,
       "share of reads that do not use the shard key: sent to every shard (or, vertically, to every column "
       "group and joined); a read with level 1 is always one, with level 2 never",
       between(0, 1)},
      {"celebrity_share", 0.0, "share of all requests about key 1, a celebrity", between(0, 1)},
      {"directory_cache", false, "routers cache directory answers"},
      {"column_groups", std::string(kDefaultColumnGroups),
       "vertical: column groups of users(user_id, name, email, country, bio, avatar, last_login)"},
      {"request_timeout_ms", 500.0, "a router gives up on a request after this long", between(1, 3'600'000)},
      {"hot_load_factor", 2.0, "a shard is hot when its load is this many times the mean", between(1, 1'000)},
      {"load_window_ms", 2000.0, "window over which a shard's recent load is measured", between(100, 3'600'000)},
  };
}

std::vector<Row> preload_rows(const ShardConfig& c) {
  std::vector<Row> rows;
  rows.reserve(static_cast<std::size_t>(c.rows));
  const bool geo = c.strategy == Strategy::Geo;
  // Spread over the hour before the run, oldest first.
  const std::int64_t gap_us = c.rows > 0 ? std::max<std::int64_t>(1, 3'600'000'000 / c.rows) : 1;
  for (std::int64_t i = 1; i <= c.rows; ++i) {
    Row r;
    const std::int64_t region =
        geo ? weighted_index(c.region_weights, mix64(static_cast<std::uint64_t>(i) ^ 0x9E0ULL)) : 0;
    // A different mix from the one placement uses, or a user's check-ins would follow the shards.
    const std::int64_t user =
        c.table == TableKind::Users
            ? i
            : 1 + static_cast<std::int64_t>(mix64(static_cast<std::uint64_t>(i) ^ 0x05E2'0000'0000ULL) %
                                            static_cast<std::uint64_t>(c.users));
    r.id = c.table == TableKind::Users ? region * kRegionStride + i : i;
    r.user_id = region * kRegionStride + user;
    r.created_at_us = kEpochUs - (c.rows - i + 1) * gap_us;
    rows.push_back(r);
  }
  return rows;
}

RoutingTable initial_routing(const ShardConfig& c) {
  std::int64_t lo = 1, hi = std::max<std::int64_t>(1, c.table == TableKind::Users ? c.rows : c.users);
  if (c.shard_key == ShardKeyColumn::CreatedAt) {
    lo = kEpochUs - 3'600'000'000;
    hi = kEpochUs - 1;
  } else if (c.shard_key == ShardKeyColumn::CheckinId) {
    hi = std::max<std::int64_t>(1, c.rows);
  } else if (c.shard_key == ShardKeyColumn::Region) {
    lo = 0;
    hi = c.regions() - 1;
  }
  return RoutingTable(c.strategy, c.initial_shards, c.vnodes, RangeMap::even(lo, hi, c.initial_shards));
}

ShardIndex initial_directory_shard(const ShardConfig& c, std::int64_t shard_key) {
  const std::int64_t domain = std::max<std::int64_t>(1, c.table == TableKind::Users ? c.rows : c.users);
  const std::int64_t block = (std::clamp<std::int64_t>(shard_key, 1, domain) - 1) * c.initial_shards / domain;
  return static_cast<ShardIndex>(std::clamp<std::int64_t>(block, 0, c.initial_shards - 1));
}

ShardIndex initial_shard_of(const ShardConfig& c, const RoutingTable& routing, const Row& row) {
  switch (c.strategy) {
    case Strategy::Directory: return initial_directory_shard(c, c.shard_key_of(row));
    case Strategy::Geo: return static_cast<ShardIndex>((row.user_id / kRegionStride) % c.initial_shards);
    default: return routing.owner(c.shard_key_of(row));
  }
}

}  // namespace cs::sharding
