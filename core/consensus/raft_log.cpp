#include "consensus/raft_log.h"

#include <cassert>

namespace cs::consensus {

namespace {
std::uint64_t mix(std::uint64_t h, std::uint64_t v) {
  // splitmix64's finaliser over (h + v): every input bit reaches every output bit.
  std::uint64_t z = h + 0x9E3779B97F4A7C15ULL + v;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}
}  // namespace

std::uint64_t chain_hash(std::uint64_t prefix_hash, const sim::LogEntry& e) {
  std::uint64_t h = mix(prefix_hash, static_cast<std::uint64_t>(e.term));
  h = mix(h, static_cast<std::uint64_t>(e.key));
  h = mix(h, static_cast<std::uint64_t>(e.value));
  return mix(h, e.op_id);
}

RaftLog::RaftLog(std::size_t max_entries) : max_entries_(max_entries) {
  assert(max_entries > 0);
  entries_.push_back({});
  hashes_.push_back(0);
}

const sim::LogEntry& RaftLog::entry(std::int64_t index) const {
  assert(index >= 0 && index <= last_index());
  return entries_[static_cast<std::size_t>(index)];
}

std::uint64_t RaftLog::prefix_hash(std::int64_t index) const {
  assert(index >= 0 && index <= last_index());
  return hashes_[static_cast<std::size_t>(index)];
}

std::int64_t RaftLog::first_index_of_term_at(std::int64_t index) const {
  const std::int64_t term = term_at(index);
  while (index > 1 && term_at(index - 1) == term) --index;
  return index;
}

void RaftLog::append(const sim::LogEntry& e) {
  assert(!full());
  // Terms never decrease along a log: a leader only appends in its own, newest term.
  assert(e.term >= last_term());
  hashes_.push_back(chain_hash(hashes_.back(), e));
  entries_.push_back(e);
}

std::int64_t RaftLog::truncate_after(std::int64_t index) {
  assert(index >= 0 && index <= last_index());
  const std::int64_t dropped = last_index() - index;
  entries_.truncate(static_cast<std::size_t>(index) + 1);
  hashes_.truncate(static_cast<std::size_t>(index) + 1);
  return dropped;
}

}  // namespace cs::consensus
