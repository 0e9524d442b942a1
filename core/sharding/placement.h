#pragma once
// Placement rules: which shard a shard-key value belongs to. Range (split points), hash modulo N,
// and consistent hashing on a ring with virtual nodes. The directory and geographic rules are
// lookups that live with the protocol (shard_config.h, shard_node.h). Everything here is a value
// with no randomness, so every node that knows the same rule computes the same owner.
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace cs::sharding {

using ShardIndex = std::uint32_t;
inline constexpr ShardIndex kNoShard = UINT32_MAX;

enum class Strategy : std::uint8_t { Range, HashMod, ConsistentHash, Directory, Geo };

std::string_view to_string(Strategy strategy);
std::optional<Strategy> strategy_from_string(std::string_view name);
constexpr bool is_hashed(Strategy s) { return s == Strategy::HashMod || s == Strategy::ConsistentHash; }

// hash(key) mod N: even, but the answer depends on N, so changing N moves most keys.
constexpr ShardIndex mod_n_owner(std::uint64_t hash, std::uint32_t shards) {
  return static_cast<ShardIndex>(hash % shards);
}

// Consistent hashing: every shard takes `vnodes` positions on a ring of 64-bit hashes, and a key
// belongs to the first position at or after its own hash, going clockwise (wrapping at the end).
class HashRing {
 public:
  struct Point {
    std::uint64_t position = 0;
    ShardIndex shard = kNoShard;
  };

  HashRing() = default;
  HashRing(std::uint32_t shards, std::uint32_t vnodes);

  // A shard's positions depend only on its index and the vnode number, never on how many shards
  // exist: that is what keeps the other shards' arcs in place when one joins.
  static std::uint64_t vnode_position(ShardIndex shard, std::uint32_t vnode);

  // Adds a shard's positions (a join). Rebuilds the lookup index.
  void add_shard(ShardIndex shard, std::uint32_t vnodes);
  ShardIndex owner(std::uint64_t hash) const;
  bool empty() const { return points_.empty(); }
  const std::vector<Point>& points() const { return points_; }
  std::size_t memory_bytes() const;

 private:
  void build_index();
  std::size_t first_at_or_after(std::uint64_t hash) const;

  std::vector<Point> points_;  // sorted by position
  // bucket_first_[b]: index of the first point at or after the start of bucket b, where a bucket
  // is the top `bits` of a hash. With at least as many buckets as points a lookup scans about one
  // point instead of a binary search over all of them (the bench places a million keys).
  std::vector<std::uint32_t> bucket_first_;
  int bucket_shift_ = 63;
};

// Range partitioning: shard-key values are cut at split points into consecutive ranges, each
// owned by one shard. Range i covers [start(i), start(i+1)); the first starts at INT64_MIN and the
// last has no upper end.
class RangeMap {
 public:
  static constexpr std::size_t kMaxRanges = 4096;

  RangeMap() = default;
  // `shards` ranges of about equal width over [lo, hi], owned by shards 0, 1, ... in key order.
  static RangeMap even(std::int64_t lo, std::int64_t hi, std::uint32_t shards);

  std::size_t size() const { return starts_.size(); }
  std::size_t range_of(std::int64_t key) const;
  ShardIndex owner(std::int64_t key) const { return owners_[range_of(key)]; }
  ShardIndex owner_at(std::size_t range) const { return owners_.at(range); }
  std::int64_t start(std::size_t range) const { return starts_.at(range); }
  // One past the last value of the range; INT64_MAX for the last range, which is open above.
  std::int64_t end(std::size_t range) const;
  bool is_last(std::size_t range) const { return range + 1 == starts_.size(); }
  bool contains(std::size_t range, std::int64_t key) const;
  std::size_t ranges_owned(ShardIndex shard) const;

  // Splits the range holding `at` so that a new range starts at `at` (same owner). False when
  // `at` already starts a range or the map is full.
  bool split(std::int64_t at);
  void set_owner(std::size_t range, ShardIndex shard) { owners_.at(range) = shard; }

  bool operator==(const RangeMap&) const = default;

 private:
  std::vector<std::int64_t> starts_;  // ascending; starts_[0] == INT64_MIN
  std::vector<ShardIndex> owners_;
};

}  // namespace cs::sharding
