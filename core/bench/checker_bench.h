#pragma once
// The linearizability checker's speed figure for `clusterscope-cli bench`: checking a
// linearizable 10,000-operation single-register history from 5 concurrent clients.
#include <cstdint>

#include "bench/kernel_bench.h"
#include "check/operation.h"

namespace cs::bench {

struct CheckerFigures {
  double checker_10k_ops_ms = 0;  // median of a few runs
  std::uint64_t checker_10k_ops_steps = 0;
  bool checker_10k_ops_linearizable = false;  // the generated history must pass, or the figure means nothing
};

// A history that is linearizable by construction: each client runs one operation at a time with
// random durations and pauses; every operation takes effect at a random instant inside its
// interval, and reads return what the register holds at that instant. Values are 0..value_count-1,
// so different writes collide, as in Jepsen's register tests. Deterministic for a seed.
check::OpHistory linearizable_register_history(std::size_t operations, std::size_t clients, std::int64_t value_count,
                                               std::uint64_t seed);

CheckerFigures run_checker_bench(const NowNs& now_ns);

}  // namespace cs::bench
