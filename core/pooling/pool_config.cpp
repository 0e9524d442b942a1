#include "pooling/pool_config.h"

#include "model/params.h"

namespace cs::pooling {

namespace {
std::uint32_t count(const model::ModelParams& p, std::string_view name) {
  return static_cast<std::uint32_t>(model::count_param(p, name));
}

// A 1-based node number parameter; 0: none.
sim::EndpointId node_param(const model::ModelParams& p, std::string_view name) {
  const auto n = model::count_param(p, name);
  return n >= 1 ? static_cast<sim::EndpointId>(n - 1) : sim::kNoEndpoint;
}
}  // namespace

PoolConfig parse_pool_config(const model::ModelParams& p) {
  PoolConfig c;
  c.database.max_connections = count(p, "max_connections");
  c.database.cores = count(p, "cores");
  c.database.query_cpu_us = static_cast<double>(model::ms_param(p, "query_cpu_ms"));
  c.database.connect_cpu_us = static_cast<double>(model::ms_param(p, "connect_cpu_ms"));
  c.database.contention_per_connection = model::number_param(p, "contention_per_connection");
  c.pooler = node_param(p, "pooler_node");
  c.pooler_config.database = node_param(p, "pooled_database_node");
  c.pooler_config.pool_size = count(p, "pool_size");
  c.pooler_config.max_client_conn = count(p, "max_client_conn");
  c.pooler_config.query_timeout_us = model::ms_param(p, "query_timeout_ms");
  c.pooler_config.reconnect_us = model::ms_param(p, "reconnect_ms");
  return c;
}

}  // namespace cs::pooling
