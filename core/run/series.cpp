#include "run/series.h"

#include <algorithm>
#include <cassert>

#include "sim/percentile.h"
#include "sim/world.h"

namespace cs::run {

std::vector<AvailabilityBin> Charts::availability_per_second() const {
  std::vector<AvailabilityBin> bins;
  for (const Sample& s : samples) {
    if (s.time_us == 0) continue;  // the sample at 0 closes no interval
    const auto bin = static_cast<std::size_t>((s.time_us - 1) / sim::kMicrosPerSecond);
    if (bins.size() <= bin) bins.resize(bin + 1);
    bins[bin].ok += s.ok;
    bins[bin].failed += s.failed;
  }
  return bins;
}

std::vector<LevelLatency> Charts::latest_latency() const {
  return samples.empty() ? std::vector<LevelLatency>{} : samples.back().latency;
}

std::map<sim::EndpointId, std::vector<std::pair<double, double>>> Charts::lag_ms() const {
  std::map<sim::EndpointId, std::vector<std::pair<double, double>>> out;
  for (const Sample& s : samples) {
    for (const NodeLag& l : s.lag) {
      out[l.node].emplace_back(static_cast<double>(s.time_us) / 1e6, static_cast<double>(l.lag_us) / 1e3);
    }
  }
  return out;
}

sim::TimeUs SeriesRecorder::next_sample_us() const {
  if (samples_.size() >= kMaxSamples) return sim::kTimeNever;  // full: the charts stop, the run goes on
  return samples_.empty() ? 0 : samples_.back().time_us + kSampleIntervalUs;
}

sim::TimeUs SeriesRecorder::sampled_until_us() const { return samples_.empty() ? -1 : samples_.back().time_us; }

void SeriesRecorder::record(const sim::World& world, const sim::Trace& trace) {
  assert(world.now_us() == next_sample_us());
  Sample s;
  s.time_us = world.now_us();
  // Completions since the last sample, read from the trace records not yet consumed.
  const auto& ops = world.history().ops();
  const std::uint64_t first = std::max(trace_cursor_, trace.first_index());
  for (std::uint64_t i = first; i < trace.total(); ++i) {
    const sim::TraceEvent& e = trace.at_index(i);
    if (e.type != sim::TraceType::ClientComplete) continue;
    const auto status = static_cast<sim::OpStatus>(e.a);
    if (status == sim::OpStatus::Ok) {
      ++s.ok;
    } else if (status == sim::OpStatus::Fail || status == sim::OpStatus::Info) {
      ++s.failed;
    }
    if (status != sim::OpStatus::Ok || static_cast<sim::OpType>(e.kind) != sim::OpType::Write) continue;
    if (e.msg_id == 0 || e.msg_id > ops.size()) continue;  // an operation the history could not hold
    const sim::Operation& op = ops[e.msg_id - 1];
    const Write w{e.time_us, op.level, e.time_us - op.invoke_us};
    writes_.push_back(w);
    auto& sorted = sorted_latency_us_[w.level];
    sorted.insert(std::upper_bound(sorted.begin(), sorted.end(), w.latency_us), w.latency_us);
  }
  trace_cursor_ = trace.total();
  s.trace_index = trace_cursor_;
  for (const auto& [level, sorted] : sorted_latency_us_) {
    if (sorted.empty()) continue;
    s.latency.push_back({level, sim::percentile_of_sorted_us(sorted, 50), sim::percentile_of_sorted_us(sorted, 99),
                         static_cast<std::uint32_t>(sorted.size())});
  }
  for (sim::EndpointId n = 0; n < world.node_count(); ++n) {
    if (sim::is_down(world.node(n).status)) continue;
    const sim::TimeUs lag = world.node_view(n).lag_us;
    if (lag >= 0) s.lag.push_back({n, lag});
  }
  samples_.push_back(std::move(s));
}

void SeriesRecorder::forget_from(sim::TimeUs time_us) {
  std::size_t keep = samples_.size();
  while (keep > 0 && samples_[keep - 1].time_us >= time_us) --keep;
  if (keep == samples_.size()) return;
  samples_.truncate(keep);
  trace_cursor_ = samples_.empty() ? 0 : samples_.back().trace_index;
  const sim::TimeUs until = samples_.empty() ? -1 : samples_.back().time_us;
  while (!writes_.empty() && writes_.back().complete_us > until) writes_.pop_back();
  rebuild_latencies();
}

void SeriesRecorder::clear() {
  samples_.clear();
  trace_cursor_ = 0;
  writes_.clear();
  sorted_latency_us_.clear();
}

void SeriesRecorder::rebuild_latencies() {
  sorted_latency_us_.clear();
  for (const Write& w : writes_) sorted_latency_us_[w.level].push_back(w.latency_us);
  for (auto& [level, sorted] : sorted_latency_us_) std::sort(sorted.begin(), sorted.end());
}

Charts SeriesRecorder::charts_until(sim::TimeUs time_us) const {
  Charts c;
  c.samples = samples_;
  const auto end = std::upper_bound(samples_.begin(), samples_.end(), time_us,
                                    [](sim::TimeUs t, const Sample& s) { return t < s.time_us; });
  c.samples.truncate(static_cast<std::size_t>(end - samples_.begin()));
  return c;
}

}  // namespace cs::run
