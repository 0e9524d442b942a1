#pragma once
// The trace: everything that happens in a run, as fixed-size records in a ring buffer with a byte
// budget. The UI animates it, the sequence diagram draws it, and tests assert on it. Records are
// appended in time order, so a time window is two binary searches.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "sim/ids.h"
#include "sim/time.h"

namespace cs::sim {

enum class TraceType : std::uint8_t {
  Send,
  Deliver,
  Drop,
  Timer,
  RoleChange,
  ClientInvoke,
  ClientComplete,
  Fault,
};

enum class DropReason : std::uint8_t {
  None,
  Loss,       // the link lost it (random loss)
  Partition,  // the two ends are in different partition groups
  OneWay,     // a one-way cut blocks this direction
  Isolated,   // one end is isolated from everyone
  NodeDown,   // the receiver was crashed when it arrived
  Overflow,   // a bounded buffer (a paused node's inbox) was full
  UserDrop,   // the learner dropped it in flight
};

std::string_view to_string(TraceType type);
std::string_view to_string(DropReason reason);

// Field use by type:
//   Send:           node=from peer=to kind msg_id a=arrival time (-1 if dropped at once) b=send time
//   Deliver:        node=to peer=from kind msg_id
//   Drop:           node=to peer=from kind msg_id reason
//   Timer:          node kind=timer kind
//   RoleChange:     node a=role b=term
//   ClientInvoke:   node=target peer=client kind=op type msg_id=op id a=key b=value
//   ClientComplete: node=target peer=client kind=op type msg_id=op id a=status b=result value
//   Fault:          node kind=action type a,b=arguments
struct TraceEvent {
  TimeUs time_us = 0;
  std::uint64_t index = 0;  // position in the whole run, 0-based
  TraceType type = TraceType::Send;
  DropReason reason = DropReason::None;
  std::uint16_t kind = 0;
  EndpointId node = kNoEndpoint;
  EndpointId peer = kNoEndpoint;
  std::uint64_t msg_id = 0;
  std::int64_t a = 0;
  std::int64_t b = 0;
};

// Mixes one record into a running 64-bit hash. Field by field, so padding never counts.
std::uint64_t hash_trace_event(std::uint64_t hash, const TraceEvent& event);

class Trace {
 public:
  explicit Trace(std::size_t budget_bytes = std::size_t{64} << 20);

  void append(const TraceEvent& event);
  // Forgets every record with index >= total (used when a seek rewinds to a checkpoint).
  void truncate(std::uint64_t total);
  // Empties the buffer and continues numbering at `total` (a seek that jumped forward to a
  // checkpoint: the records in between were never replayed, so none are held).
  void restart_at(std::uint64_t total);

  std::uint64_t total() const { return total_; }                // records ever appended
  std::uint64_t first_index() const { return total_ - size_; }  // oldest record still held
  std::size_t size() const { return size_; }
  std::size_t capacity() const { return capacity_; }
  const TraceEvent& at_index(std::uint64_t index) const;  // first_index() <= index < total()

  // Records with from_us <= time_us < to_us, oldest first, at most max_count (the newest ones
  // are kept when the window holds more).
  std::vector<TraceEvent> window(TimeUs from_us, TimeUs to_us, std::size_t max_count) const;

  static constexpr std::size_t bytes_per_event() { return sizeof(TraceEvent); }

 private:
  // Record i lives at position i % capacity, in fixed-size chunks allocated as positions are first
  // used: a short run never pays for the whole budget, and the trace never moves what it holds
  // (a single growing vector copied itself on every doubling: a stall of a millisecond a few
  // seconds into a run, tens of milliseconds later on, visible as a stutter of the stage).
  static constexpr std::size_t kChunkEvents = 4096;
  TraceEvent& slot(std::size_t position) { return chunks_[position / kChunkEvents][position % kChunkEvents]; }
  const TraceEvent& slot(std::size_t position) const {
    return chunks_[position / kChunkEvents][position % kChunkEvents];
  }
  std::uint64_t lower_bound(TimeUs time_us) const;
  std::vector<std::vector<TraceEvent>> chunks_;
  std::size_t capacity_;
  std::size_t size_ = 0;
  std::uint64_t total_ = 0;
};

}  // namespace cs::sim
