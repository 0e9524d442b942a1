#pragma once
// Replication links as ordered, reliable streams over a network that loses, delays, duplicates and
// reorders messages (real replication runs over TCP, which hides all that; here it is explicit).
// The sender numbers what it ships by log position; the receiver applies a batch only if it
// leaves no gap, holds a few early ones back until the gap fills, and acknowledges, cumulatively,
// everything it has. A sender whose link makes no progress for a whole heartbeat goes back to the
// last acknowledged position and sends again (go-back-N). So each link delivers every change
// once and in order.
#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>

#include "sim/ids.h"
#include "sim/message.h"

namespace cs::replication {

struct DownstreamLink {
  sim::EndpointId peer = sim::kNoEndpoint;
  std::int64_t acked = 0;    // the peer has every position up to this one
  std::int64_t applied = 0;  // ... and has applied (made visible) every position up to this one
  std::int64_t sent = 0;     // positions up to this one have been sent at least once
  // False after this node restarts: it no longer knows how far the peer got, and only probes
  // (empty batches) until the peer's acknowledgement says.
  bool confirmed = true;
  bool sent_since_tick = false;
  std::int64_t acked_at_last_tick = 0;

  // `position`: how far the peer has received; `applied_position`: how far it has applied.
  void on_ack(std::int64_t position, std::int64_t applied_position) {
    if (!confirmed) {
      acked = position;
      sent = position;
      applied = applied_position;
      confirmed = true;
    } else {
      acked = std::max(acked, position);
      applied = std::max(applied, applied_position);
    }
    if (sent < acked) sent = acked;
  }

  // Once per heartbeat. Returns true when the link stalled with data outstanding and was rewound.
  bool on_tick() {
    const bool stalled = confirmed && acked < sent && acked == acked_at_last_tick;
    if (stalled) sent = acked;
    acked_at_last_tick = acked;
    sent_since_tick = false;
    return stalled;
  }

  void forget_progress() {  // a restart: volatile progress is gone
    acked = 0;
    applied = 0;
    sent = 0;
    acked_at_last_tick = 0;
    confirmed = false;
  }
};

// Batches that arrived ahead of a gap (message index = first position, commit = last), kept until
// the gap fills. Bounded: beyond the bound a batch is dropped and the sender's resend covers it.
class ReorderBuffer {
 public:
  static constexpr std::size_t kMaxHeld = 64;

  void hold(const sim::Message& batch) {
    if (held_.size() < kMaxHeld) held_.emplace(batch.index, batch);
  }
  // The held batch that can be applied after `received`, if any; batches with nothing new are
  // discarded on the way.
  std::optional<sim::Message> take_next(std::int64_t received) {
    while (!held_.empty() && held_.begin()->first <= received + 1) {
      sim::Message batch = std::move(held_.begin()->second);
      held_.erase(held_.begin());
      if (batch.commit > received) return batch;
    }
    return std::nullopt;
  }
  void clear() { held_.clear(); }
  std::size_t size() const { return held_.size(); }

 private:
  std::map<std::int64_t, sim::Message> held_;
};

struct UpstreamLink {
  sim::EndpointId peer = sim::kNoEndpoint;
  std::int64_t received = 0;  // every position up to this one has been applied

  // A batch covering [first, through] can be taken if it starts no later than the next position.
  bool accepts(std::int64_t first) const { return first <= received + 1; }
};

}  // namespace cs::replication
