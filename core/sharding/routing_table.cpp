#include "sharding/routing_table.h"

#include <algorithm>
#include <cassert>
#include <limits>

#include "sharding/hash.h"

namespace cs::sharding {

RoutingTable::RoutingTable(Strategy strategy, std::uint32_t shards, std::uint32_t vnodes, RangeMap ranges) {
  assert(shards >= 1 && shards <= kMaxShards);
  State& t = write();
  t.strategy = strategy;
  t.shards = shards;
  t.vnodes = std::max(1u, vnodes);
  t.ranges = std::move(ranges);
  if (t.strategy == Strategy::ConsistentHash) {
    t.ring = HashRing(t.shards, t.vnodes);
    t.ring_before = t.ring;
  }
}

ShardIndex RoutingTable::placed(std::int64_t shard_key, std::uint32_t shards, const HashRing& ring) const {
  switch (state().strategy) {
    case Strategy::HashMod: return mod_n_owner(hash_key(shard_key), shards);
    case Strategy::ConsistentHash: return ring.owner(hash_key(shard_key));
    case Strategy::Range: return state().ranges.owner(shard_key);
    case Strategy::Directory:
    case Strategy::Geo: break;
  }
  return kNoShard;
}

ShardIndex RoutingTable::owner(std::int64_t shard_key) const {
  const ShardIndex now = placed(shard_key, state().shards, state().ring);
  if (!is_hashed(state().strategy) || state().epoch == 0) return now;
  const ShardIndex before = placed(shard_key, state().shards - 1, state().ring_before);
  if (before == now) return now;
  const Move* m = find_move(hash_move_id(state().epoch, before, now));
  return m && !m->done ? before : now;
}

const Move* RoutingTable::move_covering(std::int64_t shard_key) const {
  if (is_hashed(state().strategy)) {
    if (state().epoch == 0) return nullptr;
    const ShardIndex before = placed(shard_key, state().shards - 1, state().ring_before);
    const ShardIndex now = placed(shard_key, state().shards, state().ring);
    if (before == now) return nullptr;
    const Move* m = find_move(hash_move_id(state().epoch, before, now));
    return m && !m->done ? m : nullptr;
  }
  for (const Move& m : state().moves) {
    if (!m.done && covers(m, shard_key)) return &m;
  }
  return nullptr;
}

bool RoutingTable::covers(const Move& m, std::int64_t shard_key) const {
  if (m.is_range) {
    return shard_key >= m.lo && (shard_key < m.hi || m.hi == std::numeric_limits<std::int64_t>::max());
  }
  if (!is_hashed(state().strategy) || m.epoch != state().epoch || state().epoch == 0) return false;
  return placed(shard_key, state().shards - 1, state().ring_before) == m.from &&
         placed(shard_key, state().shards, state().ring) == m.to;
}

const Move* RoutingTable::find_move(std::uint32_t id) const {
  for (const Move& m : state().moves) {
    if (m.id == id) return &m;
  }
  return nullptr;
}

bool RoutingTable::migrating() const {
  return std::any_of(state().moves.begin(), state().moves.end(), [](const Move& m) { return !m.done; });
}

double RoutingTable::position(std::int64_t shard_key) const {
  if (state().strategy != Strategy::Range) return ring_position(hash_key(shard_key));
  // Range i takes the i-th equal slice of the circle; within a closed range the key sits in
  // proportion, within an open-ended one (the first and the last) in the middle.
  const std::size_t r = state().ranges.range_of(shard_key);
  double within = 0.5;
  if (r > 0 && !state().ranges.is_last(r)) {
    const auto lo = static_cast<double>(state().ranges.start(r));
    const auto hi = static_cast<double>(state().ranges.end(r));
    within = (static_cast<double>(shard_key) - lo) / std::max(1.0, hi - lo);
  }
  return (static_cast<double>(r) + std::clamp(within, 0.0, 0.999)) / static_cast<double>(state().ranges.size());
}

std::vector<Move> RoutingTable::join() {
  State& t = write();
  assert(t.shards < kMaxShards);
  ++t.epoch;
  const ShardIndex newcomer = t.shards++;
  if (!is_hashed(t.strategy)) return {};  // range: the balancer hands the newcomer ranges by moves
  t.moves.clear();
  if (t.strategy == Strategy::ConsistentHash) {
    t.ring_before = t.ring;
    t.ring.add_shard(newcomer, t.vnodes);
  }
  // Which (from, to) pairs can occur: on a ring keys only go to the newcomer; under mod N a key
  // can go from any old shard to any other shard.
  for (ShardIndex from = 0; from < newcomer; ++from) {
    for (ShardIndex to = 0; to <= newcomer; ++to) {
      if (to == from || (t.strategy == Strategy::ConsistentHash && to != newcomer)) continue;
      Move m;
      m.id = hash_move_id(t.epoch, from, to);
      m.from = from;
      m.to = to;
      m.epoch = t.epoch;
      t.moves.push_back(m);
    }
  }
  return t.moves;
}

void RoutingTable::join_until(std::uint32_t epoch) {
  State& t = write();
  while (t.epoch < epoch && t.shards < kMaxShards) {
    const bool skipped = t.epoch + 1 < epoch;
    join();
    if (skipped && is_hashed(t.strategy)) {
      for (Move& m : t.moves) m.done = true;
    }
  }
}

void RoutingTable::add_move(const Move& move) {
  State& t = write();
  assert(move.is_range);
  if (find_move(move.id)) return;
  t.moves.push_back(move);
  prune_moves();
}

bool RoutingTable::mark_done(std::uint32_t id) {
  State& t = write();
  auto it = std::find_if(t.moves.begin(), t.moves.end(), [&](const Move& m) { return m.id == id; });
  if (it == t.moves.end() || it->done) return false;
  it->done = true;
  if (it->is_range) learn_range(it->lo, it->hi, it->to);
  return true;
}

void RoutingTable::learn_range(std::int64_t lo, std::int64_t hi, ShardIndex owner) {
  State& t = write();
  t.ranges.split(lo);
  if (hi != std::numeric_limits<std::int64_t>::max()) t.ranges.split(hi);
  const std::size_t r = t.ranges.range_of(lo);
  if (t.ranges.start(r) == lo) t.ranges.set_owner(r, owner);
}

void RoutingTable::prune_moves() {
  State& t = write();
  // Finished range moves are already folded into the range map; drop the oldest of them.
  while (t.moves.size() > kMaxMoves) {
    const auto it = std::find_if(t.moves.begin(), t.moves.end(), [](const Move& m) { return m.done; });
    if (it == t.moves.end()) break;
    t.moves.erase(it);
  }
  assert(t.moves.size() <= kMaxMoves + 1);
}

}  // namespace cs::sharding
