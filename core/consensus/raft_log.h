#pragma once
// The replicated log of one Raft node: entries 1..last_index(), with index 0 an empty sentinel of
// term 0. Beside each entry it keeps a running hash of the whole prefix up to it, so that two logs
// can be compared up to any index in O(1): the invariant checker relies on this to test Log
// Matching and committed prefixes after every event without rescanning logs.
// The only mutations are append and truncate_after: Raft never edits an entry in place.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "sim/chunked_log.h"
#include "sim/message.h"

namespace cs::consensus {

// Mixes one entry into a prefix hash (also used by the state machine's applied-entries hash).
std::uint64_t chain_hash(std::uint64_t prefix_hash, const sim::LogEntry& entry);

class RaftLog {
 public:
  explicit RaftLog(std::size_t max_entries = 100'000);

  std::int64_t last_index() const { return static_cast<std::int64_t>(entries_.size()) - 1; }
  std::int64_t last_term() const { return entries_.back().term; }
  // 0 <= index <= last_index(); index 0 is the sentinel (term 0).
  std::int64_t term_at(std::int64_t index) const { return entry(index).term; }
  const sim::LogEntry& at(std::int64_t index) const { return entry(index); }
  std::uint64_t prefix_hash(std::int64_t index) const;
  // The first index of the run of entries ending at `index` that all have term_at(index): where a
  // follower asks the leader to back up to when its entry at `index` conflicts.
  std::int64_t first_index_of_term_at(std::int64_t index) const;

  bool full() const { return entries_.size() > max_entries_; }
  std::size_t max_entries() const { return max_entries_; }
  void append(const sim::LogEntry& entry);
  // Keeps entries 1..index, drops the rest. Returns how many were dropped.
  std::int64_t truncate_after(std::int64_t index);

 private:
  const sim::LogEntry& entry(std::int64_t index) const;

  std::size_t max_entries_;
  // Shared between copies (checkpoints): a long log costs a checkpoint a few pointers.
  sim::ChunkedLog<sim::LogEntry> entries_;  // [0] is the sentinel
  sim::ChunkedLog<std::uint64_t> hashes_;   // hashes_[i]: hash of entries 1..i
};

}  // namespace cs::consensus
