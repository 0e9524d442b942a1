#include "sim/trace.h"

#include <algorithm>
#include <cassert>

namespace cs::sim {

std::string_view to_string(TraceType type) {
  switch (type) {
    case TraceType::Send: return "send";
    case TraceType::Deliver: return "deliver";
    case TraceType::Drop: return "drop";
    case TraceType::Timer: return "timer";
    case TraceType::RoleChange: return "role";
    case TraceType::ClientInvoke: return "invoke";
    case TraceType::ClientComplete: return "complete";
    case TraceType::Fault: return "fault";
  }
  return "?";
}

std::string_view to_string(DropReason reason) {
  switch (reason) {
    case DropReason::None: return "none";
    case DropReason::Loss: return "loss";
    case DropReason::Partition: return "partition";
    case DropReason::OneWay: return "one-way cut";
    case DropReason::Isolated: return "isolated";
    case DropReason::NodeDown: return "node down";
    case DropReason::Overflow: return "buffer full";
    case DropReason::UserDrop: return "dropped by user";
  }
  return "?";
}

namespace {
// A strong 64-bit mixer (the splitmix64 finaliser): each field changes every output bit.
std::uint64_t mix(std::uint64_t hash, std::uint64_t value) {
  std::uint64_t z = hash ^ (value + 0x9e3779b97f4a7c15ULL + (hash << 6) + (hash >> 2));
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}
}  // namespace

std::uint64_t hash_trace_event(std::uint64_t hash, const TraceEvent& e) {
  hash = mix(hash, static_cast<std::uint64_t>(e.time_us));
  hash = mix(hash, (static_cast<std::uint64_t>(e.type) << 56) | (static_cast<std::uint64_t>(e.reason) << 48) |
                       (static_cast<std::uint64_t>(e.kind) << 32) | e.node);
  hash = mix(hash, (static_cast<std::uint64_t>(e.peer) << 32) ^ e.msg_id);
  hash = mix(hash, static_cast<std::uint64_t>(e.a));
  return mix(hash, static_cast<std::uint64_t>(e.b));
}

Trace::Trace(std::size_t budget_bytes) : capacity_(std::max<std::size_t>(1, budget_bytes / sizeof(TraceEvent))) {}

void Trace::append(const TraceEvent& event) {
  assert(event.index == total_);
  assert(size_ == 0 || at_index(total_ - 1).time_us <= event.time_us);
  const std::size_t position = static_cast<std::size_t>(total_ % capacity_);
  // A chunk's memory is reserved, not filled: records are written as they come, so starting a
  // chunk costs no pass over its 4,096 slots in one frame. (restart_at() may continue anywhere.)
  while (position / kChunkEvents >= chunks_.size()) chunks_.emplace_back().reserve(kChunkEvents);
  std::vector<TraceEvent>& chunk = chunks_[position / kChunkEvents];
  const std::size_t offset = position % kChunkEvents;
  if (offset < chunk.size()) {
    chunk[offset] = event;
  } else {
    chunk.resize(offset);  // a gap only after restart_at(); otherwise offset == size
    chunk.push_back(event);
  }
  ++total_;
  size_ = std::min(size_ + 1, capacity_);
}

void Trace::truncate(std::uint64_t total) {
  if (total >= total_) return;
  const std::uint64_t first = first_index();
  size_ = total > first ? static_cast<std::size_t>(total - first) : 0;
  total_ = total;
}

void Trace::restart_at(std::uint64_t total) {
  size_ = 0;
  total_ = total;
}

const TraceEvent& Trace::at_index(std::uint64_t index) const {
  assert(index >= first_index() && index < total_);
  return slot(static_cast<std::size_t>(index % capacity_));
}

std::uint64_t Trace::lower_bound(TimeUs time_us) const {
  std::uint64_t lo = first_index();
  std::uint64_t hi = total_;
  while (lo < hi) {
    const std::uint64_t mid = lo + (hi - lo) / 2;
    if (at_index(mid).time_us < time_us) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

std::vector<TraceEvent> Trace::window(TimeUs from_us, TimeUs to_us, std::size_t max_count) const {
  std::vector<TraceEvent> out;
  if (size_ == 0 || from_us >= to_us || max_count == 0) return out;
  std::uint64_t begin = lower_bound(from_us);
  const std::uint64_t end = lower_bound(to_us);
  if (end - begin > max_count) begin = end - max_count;
  out.reserve(static_cast<std::size_t>(end - begin));
  for (std::uint64_t i = begin; i < end; ++i) out.push_back(at_index(i));
  return out;
}

}  // namespace cs::sim
