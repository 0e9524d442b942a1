#pragma once
// The CPU of a database server as processor sharing: every running query gets an equal share of
// the cores, and once more queries run than there are cores each one also pays a contention
// penalty (context switches, lock and buffer contention, cache misses between server processes).
// The penalty is what makes hundreds of busy PostgreSQL backends slower in total than a few dozen:
// without it, sharing would only stretch each query and keep the throughput constant.
#include <cstdint>
#include <vector>

#include "sim/time.h"

namespace cs::pooling {

class CpuShare {
 public:
  // At most this many jobs run at once. A database's jobs each hold one of its connections (at
  // most 10,000, see pool_config.cpp), plus at most one re-sent connect or query per pooled one.
  static constexpr std::size_t kMaxJobs = 100'000;

  CpuShare(std::uint32_t cores, double contention_per_job);

  // Starts a job needing `work_us` of one core's time.
  void add(sim::TimeUs now_us, std::uint64_t job, double work_us);
  // Removes and returns the jobs whose work is done by `now_us`, oldest first.
  std::vector<std::uint64_t> take_finished(sim::TimeUs now_us);
  // When the next job will be done at the current speed (kTimeNever when idle).
  sim::TimeUs next_finish_us() const;
  void clear();

  std::size_t running() const { return jobs_.size(); }
  // Work done per microsecond by each job with `running` jobs: below 1 when sharing or contending.
  double speed(std::size_t running) const;

 private:
  void advance(sim::TimeUs now_us);

  struct Job {
    std::uint64_t id = 0;
    double remaining_us = 0;
  };
  std::uint32_t cores_;
  double contention_per_job_;
  std::vector<Job> jobs_;
  sim::TimeUs last_us_ = 0;
};

}  // namespace cs::pooling
