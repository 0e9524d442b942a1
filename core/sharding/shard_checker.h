#pragma once
// What explore checks for the sharding model (horizontal partitioning; a vertical split keeps every
// row in every column group, so only `recovers` applies there):
//   one-owner   no row is served by two shards at once, at rest and sampled while chunks move
//   rows-kept   at rest the shards hold every preloaded row and every acknowledged insert, and no
//               row the clients never wrote
//   recovers    after the faults heal, every chunk move finishes within the bound
#include <memory>
#include <vector>

#include "model/run_checker.h"

namespace cs::sharding {

std::vector<model::Invariant> shard_invariant_list();
std::unique_ptr<model::RunChecker> make_shard_checker(const sim::World& world);

}  // namespace cs::sharding
