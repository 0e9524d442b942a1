// The node inspector for the sharding model: a node's roles, the rows it stores and the shard-key
// ranges it holds, and its own copy of the placement (routing table, directory, moves), which can
// be stale: it is what this node believes, not the balancer's truth.
#include <algorithm>
#include <limits>

#include "sharding/shard_node.h"

namespace cs::sharding {

using sim::DetailArg;

namespace {

DetailArg shard_number(ShardIndex shard) { return DetailArg::number(static_cast<std::int64_t>(shard) + 1); }
DetailArg count(std::size_t n) { return DetailArg::number(static_cast<std::int64_t>(n)); }

constexpr std::int64_t kLowest = std::numeric_limits<std::int64_t>::min();
constexpr std::int64_t kHighest = std::numeric_limits<std::int64_t>::max();

// Range i of the map as a line: its shard-key values (open ends said as such) and, unless `mine`,
// the shard that owns it.
sim::Detail range_line(const RangeMap& ranges, std::size_t i, bool mine) {
  const std::int64_t lo = ranges.start(i);
  const std::int64_t hi = ranges.end(i);  // exclusive; kHighest for the last range
  const auto owner = shard_number(ranges.owner_at(i));
  sim::Detail line;
  if (lo == kLowest && hi == kHighest) {
    if (mine) {
      line.add("holds every shard key");
    } else {
      line.add("all shard keys on s%1", {owner});
    }
  } else if (lo == kLowest) {
    if (mine) {
      line.add("holds shard keys up to %1", {DetailArg::number(hi - 1)});
    } else {
      line.add("shard keys up to %1 on s%2", {DetailArg::number(hi - 1), owner});
    }
  } else if (hi == kHighest) {
    if (mine) {
      line.add("holds shard keys from %1", {DetailArg::number(lo)});
    } else {
      line.add("shard keys from %1 on s%2", {DetailArg::number(lo), owner});
    }
  } else if (mine) {
    line.add("holds shard keys %1 to %2", {DetailArg::number(lo), DetailArg::number(hi - 1)});
  } else {
    line.add("shard keys %1 to %2 on s%3", {DetailArg::number(lo), DetailArg::number(hi - 1), owner});
  }
  return line;
}

}  // namespace

sim::Inspection ShardNode::inspect() const {
  sim::Inspection in;
  const bool horizontal = config_->partitioning == Partitioning::Horizontal;

  // State: every role this node plays, and the placement rule it routes or checks ownership by.
  if (config_->is_router(self_)) {
    in.state.add("router: %1 requests in flight", {count(pending_.size())});
    if (config_->directory_cache) {
      in.state.add("caches %1 directory answers", {count(directory_cache_.size())});
    }
  }
  if (self_ == config_->directory) in.state.add("directory: %1 keys", {count(directory_.size())});
  if (is_balancer()) {
    in.state.add("balancer: %1 routing changes announced", {count(announcements_.size())});
    if (!dispatched_at_.empty()) in.state.add("%1 chunk moves under way", {count(dispatched_at_.size())});
  }
  if (shard_ != kNoShard) {
    if (!horizontal) {
      const ColumnGroup& g = config_->column_groups.at(shard_);
      in.state.add("column group %1: %2 columns of every row", {DetailArg::words(g.name), count(g.columns.size())});
    } else if (shard_ >= routing_.shards()) {
      in.state.add("spare: waits for shard s%1 to join", {shard_number(shard_)});
    } else if (is_primary()) {
      in.state.add("primary of shard s%1", {shard_number(shard_)});
    } else {
      in.state.add("replica of shard s%1", {shard_number(shard_)});
    }
  }
  if (horizontal) {
    in.state.add("placement epoch %1, %2 shards", {DetailArg::number(routing_.epoch()), count(routing_.shards())});
    switch (config_->strategy) {
      case Strategy::Range: in.state.add("placement: ranges of the shard key"); break;
      case Strategy::HashMod:
        in.state.add("placement: hash of the shard key mod %1", {count(routing_.shards())});
        break;
      case Strategy::ConsistentHash:
        in.state.add("placement: hash ring, %1 points per shard", {DetailArg::number(config_->vnodes)});
        break;
      case Strategy::Directory: in.state.add("placement: looked up in the directory"); break;
      case Strategy::Geo: in.state.add("placement: by the user's region"); break;
    }
  } else {
    in.state.add("vertical partitioning: each node holds some columns of every row");
  }
  for (const OutgoingMove& o : outgoing_) {
    in.state.add("moving a chunk to s%1: %2 rows sent", {shard_number(o.move.to), DetailArg::number(o.rows_sent)});
  }

  // Data: the ranges it holds (range placement), then its first rows in shard-key order.
  if (config_->strategy == Strategy::Range && horizontal && is_active_primary()) {
    const RangeMap& ranges = routing_.ranges();
    for (std::size_t i = 0; i < ranges.size(); ++i) {
      if (ranges.owner_at(i) != shard_) continue;
      if (in.data.full()) {
        ++in.data.not_shown;  // a count, not a line: ranges are few (RangeMap::kMaxRanges)
      } else {
        in.data.add(range_line(ranges, i, true));
      }
    }
  }
  if (self_ == config_->directory) {
    std::size_t shown = 0;
    for (auto it = directory_.begin(); it != directory_.end() && !in.data.full(); ++it, ++shown) {
      in.data.add("shard key %1 on s%2", {DetailArg::number(it->first), shard_number(it->second)});
    }
    in.data.not_shown += static_cast<std::int64_t>(directory_.size() - shown);  // counted, not built
  }
  std::size_t rows_shown = 0;
  for (auto it = store_.begin(); it != store_.end() && !in.data.full(); ++it, ++rows_shown) {
    const Row& row = it->second;
    if (config_->table == TableKind::Checkins) {
      in.data.add("check-in %1 of user %2: shard key %3",
                  {DetailArg::number(row.id), DetailArg::number(row.user_id), DetailArg::number(it->first.shard_key)});
    } else {
      in.data.add(
          "user %1: shard key %2, value %3",
          {DetailArg::number(row.user_id), DetailArg::number(it->first.shard_key), DetailArg::number(row.value)});
    }
  }
  in.data.not_shown += static_cast<std::int64_t>(store_.size() - rows_shown);  // counted, not built

  // Cluster: its copy of the placement, the moves it knows of, and its replication partners.
  if (shard_ != kNoShard && shard_ < routing_.shards()) {
    if (is_primary()) {
      for (const sim::EndpointId to : config_->secondaries_of(shard_)) {
        in.cluster.add("sends its writes to %1", {DetailArg::node(to)});
      }
    } else {
      in.cluster.add("copies rows from %1", {DetailArg::node(config_->primary_of(shard_))});
    }
  }
  if (config_->strategy == Strategy::Directory && config_->is_router(self_) && self_ != config_->directory) {
    in.cluster.add("asks the directory on %1 where a key lives", {DetailArg::node(config_->directory)});
    // Its cache of earlier answers, which can go stale when a key moves.
    std::size_t shown = 0;
    for (auto it = directory_cache_.begin(); it != directory_cache_.end() && !in.cluster.full(); ++it, ++shown) {
      in.cluster.add("shard key %1 on s%2", {DetailArg::number(it->first), shard_number(it->second)});
    }
    in.cluster.not_shown += static_cast<std::int64_t>(directory_cache_.size() - shown);  // counted, not built
  }
  for (const Move& m : routing_.moves()) {
    in.cluster.add(m.done ? "chunk from s%1 to s%2: moved" : "chunk from s%1 to s%2: moving",
                   {shard_number(m.from), shard_number(m.to)});
  }
  if (self_ == config_->directory) {
    for (std::size_t s = 0; s < directory_per_shard_.size(); ++s) {
      in.cluster.add("s%1: %2 keys in the directory",
                     {shard_number(static_cast<ShardIndex>(s)), DetailArg::number(directory_per_shard_[s])});
    }
  }
  if (horizontal && config_->strategy == Strategy::Range) {
    const RangeMap& ranges = routing_.ranges();
    std::size_t i = 0;
    for (; i < ranges.size() && !in.cluster.full(); ++i) in.cluster.add(range_line(ranges, i, false));
    in.cluster.not_shown += static_cast<std::int64_t>(ranges.size() - i);  // counted, not built
  }
  return in;
}

}  // namespace cs::sharding
