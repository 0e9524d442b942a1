#pragma once
// Building the batches a replication link carries (see link.h): the next slice of the sender's
// log for one downstream peer, or an empty batch that keeps the link alive and draws an
// acknowledgement. Shared by the single-leader and multi-leader protocols.
#include <algorithm>
#include <memory>
#include <optional>

#include "replication/change_log.h"
#include "replication/link.h"
#include "replication/payloads.h"
#include "sim/message.h"

namespace cs::replication {

// Whether the peer needs log positions this sender no longer keeps (it must get a snapshot).
template <class Entry>
bool needs_snapshot(const ChangeLog<Entry>& log, const DownstreamLink& link) {
  return link.confirmed && link.sent < log.last_index() && !log.holds(link.sent + 1);
}

// The next batch for `link`: positions sent+1 .. up to `max_entries` further, of which only the
// entries `carries` accepts are included. Advances link.sent. Nothing when the peer is up to date,
// unconfirmed (after a restart) or needs a snapshot.
template <class Entry, class Carries>
std::optional<sim::Message> next_batch(const ChangeLog<Entry>& log, DownstreamLink& link, std::size_t max_entries,
                                       std::uint16_t kind, std::int64_t source_last_index, Carries carries) {
  if (!link.confirmed || link.sent >= log.last_index() || !log.holds(link.sent + 1)) return std::nullopt;
  const std::int64_t through = std::min(log.last_index(), link.sent + static_cast<std::int64_t>(max_entries));
  auto batch = std::make_shared<Batch<Entry>>();
  for (std::int64_t position = link.sent + 1; position <= through; ++position) {
    if (carries(log.at(position))) batch->entries.emplace_back(position, log.at(position));
  }
  batch->source_last_index = source_last_index;
  sim::Message ship;
  ship.kind = kind;
  ship.index = link.sent + 1;
  ship.commit = through;
  ship.payload = std::move(batch);
  link.sent = through;
  link.sent_since_tick = true;
  return ship;
}

// An empty batch positioned after what was sent: "nothing new; where are you?"
template <class Entry>
sim::Message empty_batch(const DownstreamLink& link, std::uint16_t kind, std::int64_t source_last_index) {
  auto batch = std::make_shared<Batch<Entry>>();
  batch->source_last_index = source_last_index;
  sim::Message beat;
  beat.kind = kind;
  beat.index = link.sent + 1;
  beat.commit = link.sent;
  beat.payload = std::move(batch);
  return beat;
}

}  // namespace cs::replication
