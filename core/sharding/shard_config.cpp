#include "sharding/shard_config.h"

#include <algorithm>
#include <cassert>
#include <cmath>

#include "sharding/hash.h"

namespace cs::sharding {

namespace {

using protocols::ModelParams;

std::string string_param(const ModelParams& p, std::string_view name) {
  const auto it = p.find(name);
  assert(it != p.end() && std::holds_alternative<std::string>(it->second));
  return std::get<std::string>(it->second);
}

bool bool_param(const ModelParams& p, std::string_view name) {
  const auto it = p.find(name);
  assert(it != p.end() && std::holds_alternative<bool>(it->second));
  return std::get<bool>(it->second);
}

std::int64_t count_param(const ModelParams& p, std::string_view name, std::int64_t lo, std::int64_t hi) {
  const double v = protocols::number_param(p, name);
  if (!std::isfinite(v)) return lo;
  return std::clamp<std::int64_t>(std::llround(std::clamp(v, -9e15, 9e15)), lo, hi);
}

sim::TimeUs ms_param(const ModelParams& p, std::string_view name) {
  return count_param(p, name, -1, 9'000'000'000) * sim::kMicrosPerMilli;
}

double fraction_param(const ModelParams& p, std::string_view name) {
  const double v = protocols::number_param(p, name);
  return std::isfinite(v) ? std::clamp(v, 0.0, 1.0) : 0.0;
}

std::vector<double> numbers(std::string_view text) {
  std::vector<double> out;
  while (!text.empty()) {
    const std::size_t comma = std::min(text.find(','), text.size());
    const std::string item(text.substr(0, comma));
    text = comma < text.size() ? text.substr(comma + 1) : std::string_view{};
    char* end = nullptr;
    const double v = std::strtod(item.c_str(), &end);
    if (end != item.c_str() && std::isfinite(v)) out.push_back(v);
  }
  return out;
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
  c.strategy = strategy_from_string(string_param(p, "strategy")).value_or(Strategy::HashMod);
  c.partitioning = string_param(p, "partitioning") == "vertical" ? Partitioning::Vertical : Partitioning::Horizontal;
  c.table = string_param(p, "table") == "checkins" ? TableKind::Checkins : TableKind::Users;
  const std::string key = string_param(p, "shard_key");
  if (key == "region") c.shard_key = ShardKeyColumn::Region;
  if (c.table == TableKind::Checkins && key == "checkin_id") c.shard_key = ShardKeyColumn::CheckinId;
  if (c.table == TableKind::Checkins && key == "created_at") c.shard_key = ShardKeyColumn::CreatedAt;
  if (c.strategy == Strategy::Geo) c.shard_key = ShardKeyColumn::Region;  // geographic means by region

  const auto max_node = static_cast<std::int64_t>(node_count);
  for (const double n : numbers(string_param(p, "router_nodes"))) {
    const auto id = static_cast<std::int64_t>(std::llround(n));
    if (id >= 1 && id <= max_node) c.routers.push_back(static_cast<sim::EndpointId>(id - 1));
  }
  const std::int64_t directory = count_param(p, "directory_node", 0, max_node);
  if (directory >= 1) c.directory = static_cast<sim::EndpointId>(directory - 1);
  if (c.strategy == Strategy::Directory && c.directory == sim::kNoEndpoint) {
    c.directory = static_cast<sim::EndpointId>(node_count - 1);
  }
  if (c.strategy != Strategy::Directory) c.directory = sim::kNoEndpoint;
  for (sim::EndpointId n = 0; n < node_count; ++n) {
    const bool router = std::find(c.routers.begin(), c.routers.end(), n) != c.routers.end();
    if (!router && n != c.directory) c.data_nodes.push_back(n);
  }
  if (c.data_nodes.empty()) {  // nothing left to store data: every node stores and routes
    c.routers.clear();
    c.directory = sim::kNoEndpoint;
    if (c.strategy == Strategy::Directory) c.strategy = Strategy::HashMod;
    for (sim::EndpointId n = 0; n < node_count; ++n) c.data_nodes.push_back(n);
  }

  c.replicas =
      static_cast<std::uint32_t>(count_param(p, "replicas", 1, static_cast<std::int64_t>(c.data_nodes.size())));
  c.max_shards =
      std::min<std::uint32_t>(static_cast<std::uint32_t>(c.data_nodes.size()) / c.replicas, RoutingTable::kMaxShards);
  c.initial_shards = static_cast<std::uint32_t>(count_param(p, "shards", 1, c.max_shards));
  c.vnodes = static_cast<std::uint32_t>(count_param(p, "vnodes", 1, 1024));
  c.rows = count_param(p, "rows", 0, 1'000'000);
  c.users = count_param(p, "users", 1, 100'000'000);
  c.region_weights.clear();
  for (const double w : numbers(string_param(p, "region_weights"))) {
    if (w > 0) c.region_weights.push_back(w);
  }
  if (c.region_weights.empty()) c.region_weights.push_back(1.0);
  c.shard_names.clear();
  {
    const std::string names = string_param(p, "shard_names");
    std::size_t start = 0;
    while (start < names.size()) {
      const std::size_t comma = std::min(names.find(',', start), names.size());
      c.shard_names.push_back(names.substr(start, comma - start));
      start = comma + 1;
    }
  }
  c.range_max_rows = count_param(p, "range_max_rows", 0, 1'000'000);
  c.add_shard_at_us = ms_param(p, "add_shard_at_ms");
  c.migration_batch_rows = count_param(p, "migration_batch_rows", 1, 10'000);
  c.migration_interval_us = std::max<sim::TimeUs>(0, ms_param(p, "migration_interval_ms"));
  c.wide_read_fraction = fraction_param(p, "wide_read_fraction");
  c.celebrity_share = fraction_param(p, "celebrity_share");
  c.directory_cache = bool_param(p, "directory_cache");
  c.request_timeout_us = std::max<sim::TimeUs>(sim::millis(1), ms_param(p, "request_timeout_ms"));
  c.hot_load_factor = std::max(1.0, protocols::number_param(p, "hot_load_factor"));
  c.load_window_us = std::max<sim::TimeUs>(sim::millis(100), ms_param(p, "load_window_ms"));

  if (c.partitioning == Partitioning::Vertical) {
    // A vertical split stores every row in every partition; it is about columns, so no replicas,
    // no routing rule and no rebalancing.
    c.schema = users_schema();
    c.table = TableKind::Users;
    c.shard_key = ShardKeyColumn::UserId;
    c.replicas = 1;
    c.column_groups = split_columns(c.schema, string_param(p, "column_groups"), nullptr);
    if (c.column_groups.empty() || c.column_groups.size() > c.data_nodes.size()) {
      c.column_groups = split_columns(c.schema, kDefaultColumnGroups, nullptr);
    }
    if (c.column_groups.size() > c.data_nodes.size()) {
      c.column_groups = split_columns(c.schema, "all=name,email,country,bio,avatar,last_login", nullptr);
    }
    assert(!c.column_groups.empty());
    c.max_shards = std::min<std::uint32_t>(static_cast<std::uint32_t>(c.data_nodes.size()), RoutingTable::kMaxShards);
    c.initial_shards = c.partitions();
    c.add_shard_at_us = -1;
  }
  return c;
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
