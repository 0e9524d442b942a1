#pragma once
// The sharding figure of issue 9: place 1,000,000 keys on 1,000 nodes with 256 virtual nodes each
// on a consistent-hash ring, then work out which keys move when one more node joins.
#include <cstdint>
#include <vector>

#include "bench/kernel_bench.h"
#include "sharding/placement.h"

namespace cs::bench {

struct ShardFigures {
  double shard_placement_ms = 0;  // both steps, the figure with the 200 ms target
  double place_ms = 0;            // build the ring and place every key
  double join_ms = 0;             // add a node and find the keys that move
  std::uint64_t keys = 0;
  std::uint64_t keys_moved = 0;
  double bytes_per_key = 0;      // memory that grows with the number of keys, per key
  std::uint64_t ring_bytes = 0;  // the ring itself: fixed, whatever the number of keys
};

// The work being timed, usable at any size (the tests run it small).
struct JoinResult {
  std::vector<sharding::ShardIndex> owners;  // per key 1..keys, after the join
  std::vector<std::uint32_t> moved;          // indexes of the keys that changed owner
  std::size_t per_key_bytes = 0;             // capacity of everything sized by the number of keys
  std::size_t ring_bytes = 0;
};
JoinResult place_then_join(std::uint64_t keys, std::uint32_t nodes, std::uint32_t vnodes, const NowNs& now_ns,
                           double* place_ms = nullptr, double* join_ms = nullptr);

ShardFigures run_shard_bench(const NowNs& now_ns);

}  // namespace cs::bench
