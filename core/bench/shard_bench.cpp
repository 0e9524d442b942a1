#include "bench/shard_bench.h"

#include <cassert>

#include "sharding/hash.h"

namespace cs::bench {

using sharding::HashRing;
using sharding::ShardIndex;

JoinResult place_then_join(std::uint64_t keys, std::uint32_t nodes, std::uint32_t vnodes, const NowNs& now_ns,
                           double* place_ms, double* join_ms) {
  assert(keys <= UINT32_MAX && nodes >= 1);
  JoinResult r;
  // The keys a table would hold (ids 1..keys), stored like any key column.
  std::vector<std::int64_t> key_column(keys);
  for (std::uint64_t k = 0; k < keys; ++k) key_column[k] = static_cast<std::int64_t>(k) + 1;
  const std::int64_t t0 = now_ns();
  HashRing ring(nodes, vnodes);
  // Per key only its owner is kept; its hash is recomputed when needed, which costs less than
  // reading eight more bytes per key from memory.
  r.owners.resize(keys);
  for (std::uint64_t k = 0; k < keys; ++k) r.owners[k] = ring.owner(sharding::hash_key(key_column[k]));
  const std::int64_t t1 = now_ns();
  ring.add_shard(nodes, vnodes);
  for (std::uint64_t k = 0; k < keys; ++k) {
    const ShardIndex now = ring.owner(sharding::hash_key(key_column[k]));
    if (now != r.owners[k]) {
      r.moved.push_back(static_cast<std::uint32_t>(k));
      r.owners[k] = now;
    }
  }
  const std::int64_t t2 = now_ns();
  if (place_ms) *place_ms = static_cast<double>(t1 - t0) / 1e6;
  if (join_ms) *join_ms = static_cast<double>(t2 - t1) / 1e6;
  r.per_key_bytes = key_column.capacity() * sizeof(std::int64_t) + r.owners.capacity() * sizeof(ShardIndex) +
                    r.moved.capacity() * sizeof(std::uint32_t);
  r.ring_bytes = ring.memory_bytes();
  return r;
}

ShardFigures run_shard_bench(const NowNs& now_ns) {
  constexpr std::uint64_t kKeys = 1'000'000;
  constexpr std::uint32_t kNodes = 1'000;
  constexpr std::uint32_t kVnodes = 256;
  ShardFigures f;
  const JoinResult r = place_then_join(kKeys, kNodes, kVnodes, now_ns, &f.place_ms, &f.join_ms);
  f.shard_placement_ms = f.place_ms + f.join_ms;
  f.keys = kKeys;
  f.keys_moved = r.moved.size();
  f.bytes_per_key = static_cast<double>(r.per_key_bytes) / static_cast<double>(kKeys);
  f.ring_bytes = r.ring_bytes;
  return f;
}

}  // namespace cs::bench
