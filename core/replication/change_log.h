#pragma once
// A node's replication log: the changes it has applied, in order, at consecutive positions, kept
// so they can be shipped to the nodes downstream of it. Bounded: once every downstream node has a
// prefix, it is discarded, and when the bound is reached the oldest entries go anyway (a node
// that still needed them is then sent a snapshot instead, as a lagging PostgreSQL standby whose
// WAL was recycled must be re-cloned).
#include <cassert>
#include <cstdint>
#include <deque>

namespace cs::replication {

template <class Entry>
class ChangeLog {
 public:
  explicit ChangeLog(std::size_t max_entries = 10'000) : max_entries_(max_entries) { assert(max_entries > 0); }

  // Appends at last_index() + 1 and returns that position.
  std::int64_t append(Entry entry) {
    entries_.push_back(std::move(entry));
    if (entries_.size() > max_entries_) {
      entries_.pop_front();
      ++first_index_;
    }
    return last_index();
  }

  std::int64_t first_index() const { return first_index_; }  // the oldest position still held
  std::int64_t last_index() const { return first_index_ + static_cast<std::int64_t>(entries_.size()) - 1; }
  bool holds(std::int64_t index) const { return index >= first_index_ && index <= last_index(); }
  const Entry& at(std::int64_t index) const {
    assert(holds(index));
    return entries_[static_cast<std::size_t>(index - first_index_)];
  }
  std::size_t size() const { return entries_.size(); }

  // Forgets every position up to and including `index` (downstream nodes all have them).
  void discard_through(std::int64_t index) {
    while (!entries_.empty() && first_index_ <= index) {
      entries_.pop_front();
      ++first_index_;
    }
  }

  // After installing a snapshot that covers positions up to `index`: the log continues after it.
  void restart_after(std::int64_t index) {
    entries_.clear();
    first_index_ = index + 1;
  }

 private:
  std::size_t max_entries_;
  std::deque<Entry> entries_;
  std::int64_t first_index_ = 1;
};

}  // namespace cs::replication
