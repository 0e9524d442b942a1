#include "sharding/placement.h"

#include <algorithm>
#include <bit>
#include <cassert>
#include <limits>

#include "sharding/hash.h"

namespace cs::sharding {

std::string_view to_string(Strategy s) {
  switch (s) {
    case Strategy::Range: return "range";
    case Strategy::HashMod: return "hash_mod";
    case Strategy::ConsistentHash: return "consistent_hash";
    case Strategy::Directory: return "directory";
    case Strategy::Geo: return "geo";
  }
  return "?";
}

std::optional<Strategy> strategy_from_string(std::string_view name) {
  for (const Strategy s :
       {Strategy::Range, Strategy::HashMod, Strategy::ConsistentHash, Strategy::Directory, Strategy::Geo}) {
    if (to_string(s) == name) return s;
  }
  return std::nullopt;
}

// ---- HashRing ----

HashRing::HashRing(std::uint32_t shards, std::uint32_t vnodes) {
  points_.reserve(static_cast<std::size_t>(shards) * vnodes);
  for (ShardIndex s = 0; s < shards; ++s) {
    for (std::uint32_t v = 0; v < vnodes; ++v) points_.push_back({vnode_position(s, v), s});
  }
  std::sort(points_.begin(), points_.end(), [](const Point& a, const Point& b) { return a.position < b.position; });
  build_index();
}

std::uint64_t HashRing::vnode_position(ShardIndex shard, std::uint32_t vnode) {
  // Two rounds of mixing over (shard, vnode) keep positions unrelated to key hashes, which use
  // one round over the key.
  return mix64(mix64(0x5A4D'0000'0000ULL ^ shard) ^ vnode);
}

void HashRing::add_shard(ShardIndex shard, std::uint32_t vnodes) {
  std::vector<Point> added;
  added.reserve(vnodes);
  for (std::uint32_t v = 0; v < vnodes; ++v) added.push_back({vnode_position(shard, v), shard});
  std::sort(added.begin(), added.end(), [](const Point& a, const Point& b) { return a.position < b.position; });
  std::vector<Point> merged;
  merged.reserve(points_.size() + added.size());
  std::merge(points_.begin(), points_.end(), added.begin(), added.end(), std::back_inserter(merged),
             [](const Point& a, const Point& b) { return a.position < b.position; });
  points_ = std::move(merged);
  build_index();
}

void HashRing::build_index() {
  assert(points_.size() < std::numeric_limits<std::uint32_t>::max());
  // At least as many buckets as points, and at least two so the shift stays below 64.
  const int bits = std::max(1, static_cast<int>(std::bit_width(std::max<std::size_t>(points_.size(), 1) - 1)));
  bucket_shift_ = 64 - bits;
  const std::size_t buckets = std::size_t{1} << bits;
  bucket_first_.assign(buckets, 0);
  std::size_t p = 0;
  for (std::size_t b = 0; b < buckets; ++b) {
    const std::uint64_t bucket_start = static_cast<std::uint64_t>(b) << bucket_shift_;
    while (p < points_.size() && points_[p].position < bucket_start) ++p;
    bucket_first_[b] = static_cast<std::uint32_t>(p);
  }
}

std::size_t HashRing::first_at_or_after(std::uint64_t hash) const {
  std::size_t i = bucket_first_[hash >> bucket_shift_];
  while (i < points_.size() && points_[i].position < hash) ++i;
  return i == points_.size() ? 0 : i;  // past the last position: wrap to the first
}

ShardIndex HashRing::owner(std::uint64_t hash) const {
  assert(!points_.empty());
  return points_[first_at_or_after(hash)].shard;
}

std::size_t HashRing::memory_bytes() const {
  return points_.capacity() * sizeof(Point) + bucket_first_.capacity() * sizeof(std::uint32_t);
}

// ---- RangeMap ----

RangeMap RangeMap::even(std::int64_t lo, std::int64_t hi, std::uint32_t shards) {
  assert(shards >= 1 && shards <= kMaxRanges && lo <= hi);
  RangeMap m;
  m.starts_.push_back(std::numeric_limits<std::int64_t>::min());
  m.owners_.push_back(0);
  // Widths computed in floating point: hi - lo may not fit an int64 for extreme bounds.
  const long double width = (static_cast<long double>(hi) - static_cast<long double>(lo) + 1) / shards;
  for (std::uint32_t s = 1; s < shards; ++s) {
    const auto at = static_cast<std::int64_t>(static_cast<long double>(lo) + width * s);
    if (at > m.starts_.back()) {
      m.starts_.push_back(at);
      m.owners_.push_back(s);
    }
  }
  return m;
}

std::size_t RangeMap::range_of(std::int64_t key) const {
  assert(!starts_.empty());
  const auto it = std::upper_bound(starts_.begin(), starts_.end(), key);
  return static_cast<std::size_t>(it - starts_.begin()) - 1;
}

std::int64_t RangeMap::end(std::size_t range) const {
  return is_last(range) ? std::numeric_limits<std::int64_t>::max() : starts_.at(range + 1);
}

bool RangeMap::contains(std::size_t range, std::int64_t key) const {
  return key >= start(range) && (is_last(range) || key < end(range));
}

std::size_t RangeMap::ranges_owned(ShardIndex shard) const {
  return static_cast<std::size_t>(std::count(owners_.begin(), owners_.end(), shard));
}

bool RangeMap::split(std::int64_t at) {
  if (starts_.size() >= kMaxRanges) return false;
  const std::size_t r = range_of(at);
  if (starts_[r] == at) return false;
  starts_.insert(starts_.begin() + static_cast<std::ptrdiff_t>(r) + 1, at);
  owners_.insert(owners_.begin() + static_cast<std::ptrdiff_t>(r) + 1, owners_[r]);
  return true;
}

}  // namespace cs::sharding
