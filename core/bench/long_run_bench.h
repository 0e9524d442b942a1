#pragma once
// A long run of one scenario and what it costs: the wall time to run it, and how long seeks take
// afterwards to moments the learner can still rewind to quickly (the recent window and the kept
// moments; see Simulation). The caller supplies the clock.
#include <cstdint>
#include <vector>

#include "bench/kernel_bench.h"
#include "scenario/scenario.h"

namespace cs::bench {

struct LongRunFigures {
  std::uint64_t events = 0;
  double run_wall_s = 0;
  std::size_t checkpoints = 0;
  double seek_ms_p50 = 0;
  double seek_ms_p99 = 0;
  double seek_ms_max = 0;
  std::size_t seeks = 0;
};

LongRunFigures run_long_run_bench(const scenario::Scenario& scenario, sim::TimeUs until_us, std::size_t seeks,
                                  const NowNs& now_ns);

}  // namespace cs::bench
