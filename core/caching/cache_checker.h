#pragma once
// What explore checks for the cache-aside model:
//   stale-within-ttl  a stale read comes from a cached entry younger than its TTL: no later than
//                     TTL after a read of the same key at the same application server last returned
//                     that value (the entry was stored no later than that read completed). The TTL
//                     runs on the server's clock, so a clock that runs slow stretches it.
#include <memory>
#include <vector>

#include "model/model_info.h"

namespace cs::caching {

std::vector<model::Invariant> cache_invariant_list();
std::unique_ptr<model::RunChecker> make_cache_checker(const model::ModelParams& params, const sim::World& world);

}  // namespace cs::caching
