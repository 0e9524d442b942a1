#pragma once
// The "cache-aside" model as the catalogue lists it: application servers that read through a
// cache with a TTL, and one database behind them.
#include <vector>

#include "caching/app_cache_node.h"
#include "caching/backing_database.h"
#include "model/model_info.h"
#include "sim/world.h"

namespace cs::caching {

model::ModelInfo cache_aside_model();

// The application servers and the database of a world running this model (empty / null otherwise).
std::vector<const AppCacheNode*> app_nodes(const sim::World& world);
const BackingDatabase* database(const sim::World& world);

}  // namespace cs::caching
