#include "pooling/cpu_share.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace cs::pooling {

namespace {
// Floating-point leftovers below this (in microseconds of work) count as done.
constexpr double kDoneEpsilonUs = 1e-3;
}  // namespace

CpuShare::CpuShare(std::uint32_t cores, double contention_per_job)
    : cores_(std::max<std::uint32_t>(1, cores)), contention_per_job_(std::max(0.0, contention_per_job)) {}

double CpuShare::speed(std::size_t running) const {
  if (running == 0) return 1.0;
  const double n = static_cast<double>(running);
  const double cores = static_cast<double>(cores_);
  const double share = std::min(1.0, cores / n);
  const double over = std::max(0.0, n - cores);
  return share / (1.0 + contention_per_job_ * over);
}

void CpuShare::advance(sim::TimeUs now_us) {
  // A clock set back (the learner's clock-skew action) does no work rather than undoing some.
  if (now_us <= last_us_) return;
  const double done = speed(jobs_.size()) * static_cast<double>(now_us - last_us_);
  for (Job& job : jobs_) job.remaining_us -= done;
  last_us_ = now_us;
}

void CpuShare::add(sim::TimeUs now_us, std::uint64_t job, double work_us) {
  assert(jobs_.size() < kMaxJobs);
  advance(now_us);
  jobs_.push_back({job, std::max(0.0, work_us)});
}

std::vector<std::uint64_t> CpuShare::take_finished(sim::TimeUs now_us) {
  advance(now_us);
  std::vector<std::uint64_t> finished;
  for (const Job& job : jobs_) {
    if (job.remaining_us <= kDoneEpsilonUs) finished.push_back(job.id);
  }
  std::erase_if(jobs_, [](const Job& job) { return job.remaining_us <= kDoneEpsilonUs; });
  return finished;
}

sim::TimeUs CpuShare::next_finish_us() const {
  if (jobs_.empty()) return sim::kTimeNever;
  double least = jobs_.front().remaining_us;
  for (const Job& job : jobs_) least = std::min(least, job.remaining_us);
  const double wait_us = std::max(0.0, least) / speed(jobs_.size());
  return last_us_ + static_cast<sim::TimeUs>(std::ceil(wait_us));
}

void CpuShare::clear() { jobs_.clear(); }

}  // namespace cs::pooling
