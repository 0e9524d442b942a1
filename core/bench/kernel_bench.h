#pragma once
// Benchmarks of the simulation kernel. They return figures; the command-line tool times nothing
// itself and prints what these return. Wall-clock timing is done by the caller-supplied clock, so
// the core still never reads a clock.
#include <cstdint>
#include <functional>

namespace cs::bench {

// Returns the current time in nanoseconds from some fixed start (provided by the caller).
using NowNs = std::function<std::int64_t()>;

struct KernelFigures {
  double kernel_events_per_s = 0;
  std::uint64_t kernel_events = 0;
  double seek_ms_max = 0;
  double seek_ms_mean = 0;
  std::uint64_t seek_run_events = 0;
  double trace_bytes_per_event = 0;
};

KernelFigures run_kernel_bench(const NowNs& now_ns);

}  // namespace cs::bench
