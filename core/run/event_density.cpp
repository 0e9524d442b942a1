#include "run/event_density.h"

#include <algorithm>
#include <cassert>

namespace cs::run {

std::vector<std::uint32_t> event_density(const Samples& samples, sim::TimeUs horizon_us, std::size_t buckets) {
  buckets = std::min(buckets, kMaxDensityBuckets);
  std::vector<std::uint32_t> out(buckets, 0);
  if (buckets == 0 || horizon_us <= 0) return out;
  std::uint64_t before = 0;  // trace records consumed up to the previous sample
  for (std::size_t i = 0; i < samples.size(); ++i) {
    const Sample& s = samples[i];
    assert(s.trace_index >= before);
    // The interval's events are counted where it ends: its sample's time.
    if (s.time_us >= horizon_us) break;
    const auto bucket = static_cast<std::size_t>(static_cast<double>(s.time_us) / static_cast<double>(horizon_us) *
                                                 static_cast<double>(buckets));
    const std::uint64_t added = s.trace_index - before;
    auto& cell = out[std::min(bucket, buckets - 1)];
    cell = static_cast<std::uint32_t>(std::min<std::uint64_t>(UINT32_MAX, cell + added));
    before = s.trace_index;
  }
  return out;
}

std::optional<sim::TimeUs> time_of_event(const sim::Trace& trace, const Samples& samples, std::uint64_t index) {
  if (index >= trace.first_index() && index < trace.total()) return trace.at_index(index).time_us;
  // The first sample whose count of consumed records passes the index (samples are in time order
  // and their trace indices never decrease).
  std::size_t lo = 0, hi = samples.size();
  while (lo < hi) {
    const std::size_t mid = (lo + hi) / 2;
    if (samples[mid].trace_index > index) {
      hi = mid;
    } else {
      lo = mid + 1;
    }
  }
  if (lo == samples.size()) return std::nullopt;
  return samples[lo].time_us;
}

}  // namespace cs::run
