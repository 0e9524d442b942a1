#include "sharding/routing_table.h"

#include <algorithm>
#include <cassert>
#include <limits>

#include "sharding/hash.h"

namespace cs::sharding {

RoutingTable::RoutingTable(Strategy strategy, std::uint32_t shards, std::uint32_t vnodes, RangeMap ranges)
    : strategy_(strategy), shards_(shards), vnodes_(std::max(1u, vnodes)), ranges_(std::move(ranges)) {
  assert(shards >= 1 && shards <= kMaxShards);
  if (strategy_ == Strategy::ConsistentHash) {
    ring_ = HashRing(shards_, vnodes_);
    ring_before_ = ring_;
  }
}

ShardIndex RoutingTable::placed(std::int64_t shard_key, std::uint32_t shards, const HashRing& ring) const {
  switch (strategy_) {
    case Strategy::HashMod: return mod_n_owner(hash_key(shard_key), shards);
    case Strategy::ConsistentHash: return ring.owner(hash_key(shard_key));
    case Strategy::Range: return ranges_.owner(shard_key);
    case Strategy::Directory:
    case Strategy::Geo: break;
  }
  return kNoShard;
}

ShardIndex RoutingTable::owner(std::int64_t shard_key) const {
  const ShardIndex now = placed(shard_key, shards_, ring_);
  if (!is_hashed(strategy_) || epoch_ == 0) return now;
  const ShardIndex before = placed(shard_key, shards_ - 1, ring_before_);
  if (before == now) return now;
  const Move* m = find_move(hash_move_id(epoch_, before, now));
  return m && !m->done ? before : now;
}

const Move* RoutingTable::move_covering(std::int64_t shard_key) const {
  if (is_hashed(strategy_)) {
    if (epoch_ == 0) return nullptr;
    const ShardIndex before = placed(shard_key, shards_ - 1, ring_before_);
    const ShardIndex now = placed(shard_key, shards_, ring_);
    if (before == now) return nullptr;
    const Move* m = find_move(hash_move_id(epoch_, before, now));
    return m && !m->done ? m : nullptr;
  }
  for (const Move& m : moves_) {
    if (!m.done && covers(m, shard_key)) return &m;
  }
  return nullptr;
}

bool RoutingTable::covers(const Move& m, std::int64_t shard_key) const {
  if (m.is_range) {
    return shard_key >= m.lo && (shard_key < m.hi || m.hi == std::numeric_limits<std::int64_t>::max());
  }
  if (!is_hashed(strategy_) || m.epoch != epoch_ || epoch_ == 0) return false;
  return placed(shard_key, shards_ - 1, ring_before_) == m.from && placed(shard_key, shards_, ring_) == m.to;
}

const Move* RoutingTable::find_move(std::uint32_t id) const {
  for (const Move& m : moves_) {
    if (m.id == id) return &m;
  }
  return nullptr;
}

bool RoutingTable::migrating() const {
  return std::any_of(moves_.begin(), moves_.end(), [](const Move& m) { return !m.done; });
}

double RoutingTable::position(std::int64_t shard_key) const {
  if (strategy_ != Strategy::Range) return ring_position(hash_key(shard_key));
  // Range i takes the i-th equal slice of the circle; within a closed range the key sits in
  // proportion, within an open-ended one (the first and the last) in the middle.
  const std::size_t r = ranges_.range_of(shard_key);
  double within = 0.5;
  if (r > 0 && !ranges_.is_last(r)) {
    const auto lo = static_cast<double>(ranges_.start(r));
    const auto hi = static_cast<double>(ranges_.end(r));
    within = (static_cast<double>(shard_key) - lo) / std::max(1.0, hi - lo);
  }
  return (static_cast<double>(r) + std::clamp(within, 0.0, 0.999)) / static_cast<double>(ranges_.size());
}

std::vector<Move> RoutingTable::join() {
  assert(shards_ < kMaxShards);
  ++epoch_;
  const ShardIndex newcomer = shards_++;
  if (!is_hashed(strategy_)) return {};  // range: the balancer hands the newcomer ranges by moves
  moves_.clear();
  if (strategy_ == Strategy::ConsistentHash) {
    ring_before_ = ring_;
    ring_.add_shard(newcomer, vnodes_);
  }
  // Which (from, to) pairs can occur: on a ring keys only go to the newcomer; under mod N a key
  // can go from any old shard to any other shard.
  for (ShardIndex from = 0; from < newcomer; ++from) {
    for (ShardIndex to = 0; to <= newcomer; ++to) {
      if (to == from || (strategy_ == Strategy::ConsistentHash && to != newcomer)) continue;
      Move m;
      m.id = hash_move_id(epoch_, from, to);
      m.from = from;
      m.to = to;
      m.epoch = epoch_;
      moves_.push_back(m);
    }
  }
  return moves_;
}

void RoutingTable::join_until(std::uint32_t epoch) {
  while (epoch_ < epoch && shards_ < kMaxShards) {
    const bool skipped = epoch_ + 1 < epoch;
    join();
    if (skipped && is_hashed(strategy_)) {
      for (Move& m : moves_) m.done = true;
    }
  }
}

void RoutingTable::add_move(const Move& move) {
  assert(move.is_range);
  if (find_move(move.id)) return;
  moves_.push_back(move);
  prune_moves();
}

bool RoutingTable::mark_done(std::uint32_t id) {
  auto it = std::find_if(moves_.begin(), moves_.end(), [&](const Move& m) { return m.id == id; });
  if (it == moves_.end() || it->done) return false;
  it->done = true;
  if (it->is_range) learn_range(it->lo, it->hi, it->to);
  return true;
}

void RoutingTable::learn_range(std::int64_t lo, std::int64_t hi, ShardIndex owner) {
  ranges_.split(lo);
  if (hi != std::numeric_limits<std::int64_t>::max()) ranges_.split(hi);
  const std::size_t r = ranges_.range_of(lo);
  if (ranges_.start(r) == lo) ranges_.set_owner(r, owner);
}

void RoutingTable::prune_moves() {
  // Finished range moves are already folded into the range map; drop the oldest of them.
  while (moves_.size() > kMaxMoves) {
    const auto it = std::find_if(moves_.begin(), moves_.end(), [](const Move& m) { return m.done; });
    if (it == moves_.end()) break;
    moves_.erase(it);
  }
  assert(moves_.size() <= kMaxMoves + 1);
}

}  // namespace cs::sharding
