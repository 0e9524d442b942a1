#include "sharding/shard_metrics.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <numeric>

namespace cs::sharding {

namespace {
double mean_of(const std::vector<double>& v) {
  return v.empty() ? 0.0 : std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
}
}  // namespace

double imbalance(const std::vector<double>& per_shard) {
  const double mean = mean_of(per_shard);
  if (mean <= 0) return 0;
  return *std::max_element(per_shard.begin(), per_shard.end()) / mean;
}

double coefficient_of_variation(const std::vector<double>& per_shard) {
  const double mean = mean_of(per_shard);
  if (mean <= 0) return 0;
  double squares = 0;
  for (const double x : per_shard) squares += (x - mean) * (x - mean);
  return std::sqrt(squares / static_cast<double>(per_shard.size())) / mean;
}

std::vector<bool> hot_shards(const std::vector<double>& load, double factor, double min_load) {
  const double mean = mean_of(load);
  std::vector<bool> hot(load.size(), false);
  for (std::size_t i = 0; i < load.size(); ++i) hot[i] = load[i] > 0 && load[i] >= min_load && load[i] >= factor * mean;
  return hot;
}

std::size_t count_hot(const std::vector<double>& load, double factor, double min_load) {
  const auto hot = hot_shards(load, factor, min_load);
  return static_cast<std::size_t>(std::count(hot.begin(), hot.end(), true));
}

std::size_t count_moved(const std::vector<ShardIndex>& before, const std::vector<ShardIndex>& after) {
  assert(before.size() == after.size());
  std::size_t moved = 0;
  for (std::size_t i = 0; i < before.size(); ++i) moved += before[i] != after[i] ? 1 : 0;
  return moved;
}

}  // namespace cs::sharding
