#pragma once
// Chart series in simulated time. A run is sampled every kSampleIntervalUs of simulated time,
// whatever the screen's frame rate: completions since the last sample (succeeded, failed or timed
// out), each replica's lag, and the write latency percentiles so far per consistency level, taken
// with the program's one percentile rule (sim/percentile.h) so that a chart and a metric never
// disagree. Samples are appended and shared (ChunkedLog), so a frame late in an hour-long run
// costs what one early on does.
//
// The samples describe the run's one timeline: rewinding keeps them (the run replays the same
// past), and acting at time t, which starts a new future, forgets the samples from t on.
#include <cstdint>
#include <map>
#include <utility>
#include <vector>

#include "sim/chunked_log.h"
#include "sim/history.h"
#include "sim/ids.h"
#include "sim/time.h"
#include "sim/trace.h"

namespace cs::sim {
class World;
}

namespace cs::run {

struct LevelLatency {
  std::uint8_t level = 0;
  sim::TimeUs p50_us = 0;
  sim::TimeUs p99_us = 0;
  std::uint32_t writes = 0;  // acknowledged writes at this level so far
};

struct NodeLag {
  sim::EndpointId node = sim::kNoEndpoint;
  sim::TimeUs lag_us = 0;
};

struct Sample {
  sim::TimeUs time_us = 0;   // a multiple of SeriesRecorder::kSampleIntervalUs
  std::uint32_t ok = 0;      // operations completed in (previous sample, this one] that succeeded
  std::uint32_t failed = 0;  // ... that failed or timed out
  std::vector<LevelLatency> latency;
  std::vector<NodeLag> lag;       // the nodes that replicate from another (NodeView::lag_us >= 0)
  std::uint64_t trace_index = 0;  // trace records consumed up to here
};

using Samples = sim::ChunkedLog<Sample, 256>;

struct AvailabilityBin {
  std::int64_t ok = 0;
  std::int64_t failed = 0;
};

// What a frame's charts show: the samples up to the frame's moment.
struct Charts {
  Samples samples;
  // Completions per simulated second: bin i counts (i s, i+1 s].
  std::vector<AvailabilityBin> availability_per_second() const;
  // The newest write latency percentiles per level.
  std::vector<LevelLatency> latest_latency() const;
  // Each lagging node's lag over time, in (seconds, milliseconds).
  std::map<sim::EndpointId, std::vector<std::pair<double, double>>> lag_ms() const;
};

class SeriesRecorder {
 public:
  static constexpr sim::TimeUs kSampleIntervalUs = 100'000;
  // Bounds what one run keeps: an hour of samples at every tenth of a second and more.
  static constexpr std::size_t kMaxSamples = 200'000;

  // The simulated time of the next sample to take.
  sim::TimeUs next_sample_us() const;
  // The newest sample's time, or -1 before the first.
  sim::TimeUs sampled_until_us() const;
  // Takes the sample due now: world.now_us() == next_sample_us(), every event at that instant done.
  void record(const sim::World& world, const sim::Trace& trace);
  // A new future from `time_us` on: forgets the samples taken at or after it.
  void forget_from(sim::TimeUs time_us);
  void clear();

  Charts charts_until(sim::TimeUs time_us) const;
  const Samples& samples() const { return samples_; }

 private:
  void rebuild_latencies();

  Samples samples_;
  std::uint64_t trace_cursor_ = 0;
  // Acknowledged writes in completion order (time, level, latency), and per level sorted.
  struct Write {
    sim::TimeUs complete_us;
    std::uint8_t level;
    sim::TimeUs latency_us;
  };
  std::vector<Write> writes_;
  std::map<std::uint8_t, std::vector<sim::TimeUs>> sorted_latency_us_;
};

}  // namespace cs::run
