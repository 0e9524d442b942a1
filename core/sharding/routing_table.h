#pragma once
// What a node believes about placement right now: the rule (ranges, hash mod N or the ring), how
// many shards take part, and the chunk moves of a rebalance with which of them are finished.
// Routers route with it, shards check ownership with it, the balancer owns the authoritative copy
// and tells the others about every change; a stale copy is corrected by the shards' answers.
#include <cstdint>
#include <memory>
#include <vector>

#include "sharding/placement.h"

namespace cs::sharding {

// One chunk migration. A range move carries the keys [lo, hi); a hash move carries the keys whose
// owner changed from `from` to `to` at the join numbered `epoch` (for hash mod N most keys move,
// many of them between old shards; on a ring only to the newcomer).
struct Move {
  std::uint32_t id = 0;
  ShardIndex from = kNoShard;
  ShardIndex to = kNoShard;
  bool is_range = false;
  std::int64_t lo = 0;
  std::int64_t hi = 0;  // exclusive; INT64_MAX means no upper end
  std::uint32_t epoch = 0;
  bool done = false;

  bool operator==(const Move&) const = default;
};

class RoutingTable {
 public:
  static constexpr std::size_t kMaxMoves = 256;
  static constexpr std::uint32_t kMaxShards = 64;
  static constexpr std::uint32_t kFirstRangeMoveId = 1u << 30;

  RoutingTable() = default;
  RoutingTable(Strategy strategy, std::uint32_t shards, std::uint32_t vnodes, RangeMap ranges);

  Strategy strategy() const { return state().strategy; }
  std::uint32_t shards() const { return state().shards; }
  std::uint32_t epoch() const { return state().epoch; }
  const RangeMap& ranges() const { return state().ranges; }
  const HashRing& ring() const { return state().ring; }
  const std::vector<Move>& moves() const { return state().moves; }

  // The shard serving `key` now: the old owner until the move covering the key is done.
  ShardIndex owner(std::int64_t shard_key) const;
  // Whether `move` carries the key: its range, or (hash) the key's owner changed from -> to.
  bool covers(const Move& move, std::int64_t shard_key) const;
  // The move not yet done that covers the key, or nullptr.
  const Move* move_covering(std::int64_t shard_key) const;
  const Move* find_move(std::uint32_t id) const;
  bool migrating() const;
  // Where to draw the key: on the unit ring for hashed placement, along the ranges for range.
  double position(std::int64_t shard_key) const;

  // One more shard joins. Hash strategies return the moves it causes (not yet done); range,
  // directory and geographic placement move nothing by themselves.
  std::vector<Move> join();
  // Catches up with a join someone else has seen (a message stamped with a later epoch). Moves of
  // joins skipped over are taken as finished: the balancer starts a join only after the last.
  void join_until(std::uint32_t epoch);
  // Range: a move the balancer started. Ignored if already known.
  void add_move(const Move& move);
  // Marks a move finished; for a range move, the range [lo, hi) now belongs to `to`.
  bool mark_done(std::uint32_t id);
  bool split(std::int64_t at) { return write().ranges.split(at); }
  // A shard reported that [lo, hi) is owned by `owner` (it gave the range away).
  void learn_range(std::int64_t lo, std::int64_t hi, ShardIndex owner);

  static std::uint32_t hash_move_id(std::uint32_t epoch, ShardIndex from, ShardIndex to) {
    return epoch * kMaxShards * kMaxShards + from * kMaxShards + to;
  }

 private:
  ShardIndex placed(std::int64_t shard_key, std::uint32_t shards, const HashRing& ring) const;
  void prune_moves();

  // The table itself, shared by copies (every node holds one, and every checkpoint copies the
  // nodes): a change copies it first, so a checkpoint of a long run costs one pointer per node.
  struct State {
    Strategy strategy = Strategy::HashMod;
    std::uint32_t shards = 1;
    std::uint32_t vnodes = 1;
    std::uint32_t epoch = 0;
    HashRing ring_before;  // consistent hashing before the latest join
    HashRing ring;
    RangeMap ranges;
    std::vector<Move> moves;  // hash: the latest join's; range: recent moves, oldest first
  };
  const State& state() const { return *state_; }
  State& write() {
    if (state_.use_count() > 1) state_ = std::make_shared<State>(*state_);
    return *state_;
  }

  std::shared_ptr<State> state_ = std::make_shared<State>();
};

}  // namespace cs::sharding
