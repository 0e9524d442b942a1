#include "caching/cache_config.h"

#include "model/params.h"

namespace cs::caching {

CacheConfig parse_cache_config(const model::ModelParams& p, std::size_t node_count) {
  CacheConfig c;
  const std::size_t db = model::count_param(p, "database_node");
  // 0: the last node is the database (the check refuses a number beyond the last node).
  c.database = static_cast<sim::EndpointId>(db >= 1 ? db - 1 : node_count - 1);
  c.ttl_us = model::ms_param(p, "ttl_ms");
  c.invalidate_on_write = model::flag_param(p, "invalidate_on_write");
  c.capacity = model::count_param(p, "cache_capacity");
  c.db_query_us = model::ms_param(p, "db_query_ms");
  return c;
}

}  // namespace cs::caching
