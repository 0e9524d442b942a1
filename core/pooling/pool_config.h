#pragma once
// The "connection-pool" model's knobs, read once from the scenario's parameters. Every node is a
// database except the pooler, which lends its few server connections to many clients.
#include <cstdint>

#include "model/model_info.h"
#include "sim/ids.h"
#include "sim/time.h"

namespace cs::pooling {

struct DatabaseConfig {
  std::uint32_t max_connections = 20;
  std::uint32_t cores = 4;
  double query_cpu_us = 3'000;    // CPU time of one query on an idle server
  double connect_cpu_us = 5'000;  // forking a backend process, authenticating, warming its caches
  double contention_per_connection = 0.05;
};

struct PoolerConfig {
  sim::EndpointId database = sim::kNoEndpoint;
  std::uint32_t pool_size = 8;
  std::uint32_t max_client_conn = 5'000;
  sim::TimeUs query_timeout_us = 2'000'000;  // a server connection silent this long is dropped
  sim::TimeUs reconnect_us = 500'000;        // pause before reopening a refused or dropped connection
};

struct PoolConfig {
  sim::EndpointId pooler = sim::kNoEndpoint;  // none: every node is a database
  DatabaseConfig database;
  PoolerConfig pooler_config;
};

PoolConfig parse_pool_config(const model::ModelParams& params);

}  // namespace cs::pooling
