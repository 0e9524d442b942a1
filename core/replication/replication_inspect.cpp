// The node inspector for single-leader, multi-leader and leaderless replication: each node's log,
// its data with the versions it keeps (version vectors, last-write-wins stamps), and what it knows
// of the nodes it replicates with. Times are the node's own clock.
#include <algorithm>
#include <string>

#include "replication/leaderless.h"
#include "replication/multi_leader.h"
#include "replication/single_leader.h"

namespace cs::replication {

using sim::DetailArg;
using sim::EndpointId;

namespace {

DetailArg seconds(sim::TimeUs us) { return DetailArg::fixed(static_cast<double>(us) / 1e6, 3); }
DetailArg count(std::size_t n) { return DetailArg::number(static_cast<std::int64_t>(n)); }

// The version vector's non-zero entries, as parts of `line`: "version vector n1: 2, n2: 1".
void add_version_vector(sim::Detail& line, const consistency::VersionVector& version, std::size_t node_count) {
  bool first = true;
  for (EndpointId node = 0; node < node_count; ++node) {
    const auto n = static_cast<std::int64_t>(version.get(node));
    if (n == 0) continue;
    line.add(first ? "version vector %1: %2" : "%1: %2", {DetailArg::node(node), DetailArg::number(n)});
    first = false;
  }
}

// The newest entries a change log still keeps, oldest of them first; `entry_line` writes one.
// Positions already discarded (every peer had them) are gone from the node, so not counted; a state
// line says which positions the log keeps.
template <class Entry, class EntryLine>
void add_log(sim::Inspection& in, const ChangeLog<Entry>& log, EntryLine entry_line) {
  const std::int64_t last = log.last_index();
  if (log.size() == 0) return;
  in.state.add("log keeps entries %1 to %2", {DetailArg::number(log.first_index()), DetailArg::number(last)});
  const std::int64_t first =
      std::max(log.first_index(), last - static_cast<std::int64_t>(sim::InspectionSection::kMaxLines) + 1);
  in.log.not_shown = first - log.first_index();
  in.log.not_shown_first = true;
  for (std::int64_t i = first; i <= last; ++i) in.log.add(entry_line(i, log.at(i)));
}

void add_link(sim::InspectionSection& section, const DownstreamLink& link) {
  if (!link.confirmed) {
    section.add("%1: position unknown since the restart", {DetailArg::node(link.peer)});
  } else {
    section.add("%1 has received up to %2, applied up to %3",
                {DetailArg::node(link.peer), DetailArg::number(link.acked), DetailArg::number(link.applied)});
  }
}

}  // namespace

// ---- single-leader ----

sim::Inspection SingleLeaderNode::inspect() const {
  sim::Inspection in;
  in.state.add("received up to %1, applied up to %2",
               {DetailArg::number(received_index_), DetailArg::number(applied_index_)});
  if (is_primary()) {
    switch (config_.mode) {
      case CommitMode::Async: in.state.add("asynchronous commit: answers before any replica has the write"); break;
      case CommitMode::SemiSync:
        in.state.add("semi-synchronous commit: %1 of the replicas must ack",
                     {count(confirmations_required(CommitMode::SemiSync))});
        break;
      case CommitMode::Sync:
        in.state.add("synchronous commit: all %1 direct replicas must ack", {count(downstream_.size())});
        break;
    }
    if (!waiting_writes_.empty()) in.state.add("%1 writes wait for acks", {count(waiting_writes_.size())});
  } else {
    if (config_.apply_delay_us > 0) {
      in.state.add("applies each entry %1 s after its commit", {seconds(config_.apply_delay_us)});
    }
    if (last_lag_us_ >= 0) in.state.add("last entry applied %1 s after its commit", {seconds(last_lag_us_)});
    if (early_batches_.size() > 0) {
      in.state.add("%1 batches held until a gap fills", {count(early_batches_.size())});
    }
    in.state.add(config_.reads == ReadRouting::Primary ? "sends client reads to the primary"
                                                       : "serves client reads from its own copy");
  }
  if (!sessions_.empty()) in.state.add("%1 sessions' version tokens kept", {count(sessions_.size())});

  add_log(in, log_, [&](std::int64_t position, const WalEntry& e) {
    sim::Detail line;
    line.add("#%1: write key %2 = %3",
             {DetailArg::number(position), DetailArg::number(e.key), DetailArg::number(e.value)});
    if (position > applied_index_) line.add("not applied yet");
    return line;
  });

  for (auto it = data_.begin(); it != data_.end() && !in.data.full(); ++it) {
    in.data.add("key %1 = %2", {DetailArg::number(it->first), DetailArg::number(it->second)});
  }
  in.data.not_shown += static_cast<std::int64_t>(data_.size() - in.data.lines.size());

  if (upstream_ != sim::kNoEndpoint) {
    in.cluster.add("replicates from %1", {DetailArg::node(upstream_)});
    in.cluster.add("the primary has entries up to %1", {DetailArg::number(known_source_index_)});
  }
  for (const DownstreamLink& link : downstream_) add_link(in.cluster, link);
  return in;
}

// ---- multi-leader ----

sim::Inspection MultiLeaderNode::inspect() const {
  sim::Inspection in;
  in.state.add(is_leader() ? "leader: accepts writes and passes them on" : "takes no writes: passes changes on");
  in.state.add(config_.resolution == Resolution::Siblings ? "a conflict keeps both versions as siblings"
                                                          : "a conflict keeps the later stamp: last write wins");
  if (store_.conflicts() > 0) {
    in.state.add("%1 conflicts met, %2 kept as siblings",
                 {DetailArg::number(store_.conflicts()), DetailArg::number(store_.siblings_created())});
  }
  if (last_lag_us_ >= 0) in.state.add("last change arrived %1 s after it was written", {seconds(last_lag_us_)});

  const bool cart = config_.data == DataKind::Cart;
  add_log(in, log_, [&](std::int64_t position, const Change& c) {
    sim::Detail line;
    line.add(cart ? "#%1: key %2, add item %3, from %4" : "#%1: key %2 = %3, from %4",
             {DetailArg::number(position), DetailArg::number(c.key), DetailArg::number(c.version.value),
              DetailArg::node(c.origin)});
    return line;
  });

  // One line per version kept: siblings side by side, each with the history it has seen.
  for (const auto& [key, slot] : store_.keys()) {
    if (in.data.full()) {
      in.data.not_shown += static_cast<std::int64_t>(slot.size());  // counted, not built
      continue;
    }
    for (const StoredVersion& v : slot.versions()) {
      sim::Detail line;
      if (cart) {
        std::string items;
        for (std::int64_t item : v.items) items += (items.empty() ? "" : ",") + std::to_string(item);
        line.add("cart %1: {%2}", {DetailArg::number(key), DetailArg::words(items)});
      } else {
        line.add("key %1 = %2", {DetailArg::number(key), DetailArg::number(v.value)});
      }
      line.add("written on %1 at %2 s", {DetailArg::node(v.stamp.node), seconds(v.stamp.timestamp_us)});
      add_version_vector(line, v.version, node_count_);
      in.data.add(std::move(line));
    }
  }

  for (const auto& [peer, up] : upstream_) {
    in.cluster.add("applied %1's changes up to %2", {DetailArg::node(peer), DetailArg::number(up.link.received)});
  }
  for (const DownstreamLink& link : downstream_) add_link(in.cluster, link);
  return in;
}

// ---- leaderless ----

sim::Inspection LeaderlessNode::inspect() const {
  sim::Inspection in;
  in.state.add("N = %1 replicas per key, R = %2, W = %3",
               {count(config_.replication_factor), count(config_.read_replicas), count(config_.write_replicas)});
  if (config_.datacenters > 1) {
    in.state.add("in datacentre %1 of %2",
                 {count(datacenter_of(self_, config_, node_count_) + 1), count(config_.datacenters)});
  }
  std::size_t left = pending_.size();
  for (const auto& [op, p] : pending_) {
    if (in.state.full()) {
      in.state.not_shown += static_cast<std::int64_t>(left);  // counted, not built
      break;
    }
    --left;
    sim::Detail line;
    line.add(p.write ? "coordinates a write of key %1: %2 answers, %3 needed"
                     : "coordinates a read of key %1: %2 answers, %3 needed",
             {DetailArg::number(p.request.key), count(p.counted), count(p.required)});
    if (p.replied) line.add("client answered");  // it waits on for the slower replicas, to repair them
    in.state.add(std::move(line));
  }

  // Each cell with its last-write-wins stamp: the writer's clock decides which value survives.
  for (auto it = data_.begin(); it != data_.end() && !in.data.full(); ++it) {
    sim::Detail line;
    line.add("key %1 = %2", {DetailArg::number(it->first), DetailArg::number(it->second.value())});
    if (const auto& stamp = it->second.stamp()) {
      line.add("written on %1 at %2 s", {DetailArg::node(stamp->node), seconds(stamp->timestamp_us)});
    }
    in.data.add(std::move(line));
  }
  in.data.not_shown += static_cast<std::int64_t>(data_.size() - in.data.lines.size());

  // Its failure detector as of its latest event, and the hints it keeps for replicas it missed.
  for (EndpointId peer = 0; peer < node_count_; ++peer) {
    if (peer == self_) continue;
    const auto heard = DetailArg::fixed(static_cast<double>(last_heard_local_us_.at(peer)) / 1e6, 1);
    if (alive_at(last_event_local_us_, peer)) {
      in.cluster.add("%1 is up, heard at %2 s", {DetailArg::node(peer), heard});
    } else {
      in.cluster.add("%1 is down, silent since %2 s", {DetailArg::node(peer), heard});
    }
  }
  for (std::size_t i = 0; i < hints_.size(); ++i) {
    if (in.cluster.full()) {
      in.cluster.not_shown += static_cast<std::int64_t>(hints_.size() - i);  // counted, not built
      break;
    }
    const Hint& h = hints_[i];
    in.cluster.add("hint for %1: key %2 = %3",
                   {DetailArg::node(h.replica), DetailArg::number(h.key), DetailArg::number(h.stamp.value)});
  }
  return in;
}

}  // namespace cs::replication
