#pragma once
// The "cache-aside" model's knobs, read once from the scenario's parameters. One node is the
// database; every other node is an application server with its own cache (Redis or Memcached
// beside it, drawn as one card).
#include <cstdint>

#include "model/model_info.h"
#include "sim/ids.h"
#include "sim/time.h"

namespace cs::caching {

struct CacheConfig {
  sim::EndpointId database = sim::kNoEndpoint;
  sim::TimeUs ttl_us = 4'000'000;
  bool invalidate_on_write = false;
  std::size_t capacity = 1'000;      // entries each cache holds
  sim::TimeUs db_query_us = 10'000;  // the database's time to answer one query
};

CacheConfig parse_cache_config(const model::ModelParams& params, std::size_t node_count);

// What key `key` holds before anyone writes it (the table is loaded before the run): a price,
// 1000 + key, unlike any value a client writes (those are client id x 1,000,000 + n).
inline std::int64_t initial_value(std::int64_t key) { return 1'000 + key; }

}  // namespace cs::caching
