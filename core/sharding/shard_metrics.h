#pragma once
// How evenly data and load are spread, and how much data a placement change moves.
#include <cstdint>
#include <vector>

#include "sharding/placement.h"

namespace cs::sharding {

// max / mean: 1 is perfectly even; 2 means the fullest shard holds twice the average. 0 when
// there is nothing (no shards, or all zero).
double imbalance(const std::vector<double>& per_shard);
// Population standard deviation / mean: 0 is perfectly even. 0 when the mean is 0.
double coefficient_of_variation(const std::vector<double>& per_shard);
// A shard is hot when its load is at least `factor` times the mean load and at least `min_load`
// (a few requests more on one shard of a quiet cluster are noise, not a hotspot).
std::vector<bool> hot_shards(const std::vector<double>& load, double factor, double min_load = 0);
std::size_t count_hot(const std::vector<double>& load, double factor, double min_load = 0);

// How many keys have a different owner after the change than before (same key order in both).
std::size_t count_moved(const std::vector<ShardIndex>& before, const std::vector<ShardIndex>& after);

}  // namespace cs::sharding
