#include "pooling/pool_config.h"

#include <algorithm>
#include <cmath>

#include "replication/model_params.h"

namespace cs::pooling {

namespace {
// Upper bounds that keep a typo from building a node no simulation could run.
constexpr std::uint32_t kMaxConnectionsLimit = 10'000;
constexpr std::uint32_t kMaxCores = 1'024;
constexpr std::uint32_t kMaxPoolSize = 1'000;
constexpr std::uint32_t kMaxClientConnLimit = 100'000;

std::uint32_t bounded(const protocols::ModelParams& p, std::string_view name, std::uint32_t lo, std::uint32_t hi) {
  const auto n = replication::count_param(p, name);
  return static_cast<std::uint32_t>(std::clamp<std::size_t>(n, lo, hi));
}

// A 1-based node number parameter; 0 or out of range: none.
sim::EndpointId node_param(const protocols::ModelParams& p, std::string_view name, std::size_t node_count) {
  const auto n = replication::count_param(p, name);
  return n >= 1 && n <= node_count ? static_cast<sim::EndpointId>(n - 1) : sim::kNoEndpoint;
}
}  // namespace

PoolConfig parse_pool_config(const protocols::ModelParams& p, std::size_t node_count) {
  PoolConfig c;
  c.database.max_connections = bounded(p, "max_connections", 1, kMaxConnectionsLimit);
  c.database.cores = bounded(p, "cores", 1, kMaxCores);
  c.database.query_cpu_us = static_cast<double>(replication::ms_param(p, "query_cpu_ms"));
  c.database.connect_cpu_us = static_cast<double>(replication::ms_param(p, "connect_cpu_ms"));
  c.database.contention_per_connection = std::max(0.0, protocols::number_param(p, "contention_per_connection"));
  c.pooler = node_param(p, "pooler_node", node_count);
  c.pooler_config.database = node_param(p, "pooled_database_node", node_count);
  if (c.pooler_config.database == c.pooler) c.pooler_config.database = sim::kNoEndpoint;
  c.pooler_config.pool_size = bounded(p, "pool_size", 1, kMaxPoolSize);
  c.pooler_config.max_client_conn = bounded(p, "max_client_conn", 1, kMaxClientConnLimit);
  c.pooler_config.query_timeout_us =
      std::max<sim::TimeUs>(sim::millis(1), replication::ms_param(p, "query_timeout_ms"));
  c.pooler_config.reconnect_us = std::max<sim::TimeUs>(sim::millis(1), replication::ms_param(p, "reconnect_ms"));
  return c;
}

}  // namespace cs::pooling
