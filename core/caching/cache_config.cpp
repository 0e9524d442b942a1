#include "caching/cache_config.h"

#include <algorithm>

#include "replication/model_params.h"

namespace cs::caching {

namespace {
constexpr std::size_t kMaxCapacity = 1'000'000;  // entries; a typo must not build a huge cache
}  // namespace

CacheConfig parse_cache_config(const protocols::ModelParams& p, std::size_t node_count) {
  CacheConfig c;
  const std::size_t db = replication::count_param(p, "database_node");
  // 0 or out of range: the last node is the database.
  c.database = static_cast<sim::EndpointId>(db >= 1 && db <= node_count ? db - 1 : node_count - 1);
  c.ttl_us = std::max<sim::TimeUs>(1, replication::ms_param(p, "ttl_ms"));
  c.invalidate_on_write = replication::flag_param(p, "invalidate_on_write");
  c.capacity = std::clamp<std::size_t>(replication::count_param(p, "cache_capacity"), 1, kMaxCapacity);
  c.db_query_us = replication::ms_param(p, "db_query_ms");
  return c;
}

}  // namespace cs::caching
