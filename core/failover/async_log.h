#pragma once
// One node's copy of the data in the failover models: a log of writes, each tagged (in
// LogEntry::term) with the fencing token of the primary that accepted it, and the key-value map
// the log produces. A primary appends; a replica accepts what the primary ships, after checking
// that the entry before the shipment matches. When a replica (or a deposed primary) meets a newer
// primary whose history differs, its divergent tail is rolled back: removed from the log but kept
// aside, bounded, for reconciliation (like MongoDB's rollback files).
//
// This is deliberately minimal, asynchronous primary/replica log shipping for lesson 5's failover
// scenarios; the full replication engine of lessons 2 and 4 lives in core/replication/.
#include <cstddef>
#include <cstdint>
#include <map>
#include <vector>

#include "sim/chunked_log.h"
#include "sim/message.h"

namespace cs::failover {

class AsyncLog {
 public:
  explicit AsyncLog(std::size_t max_entries = 100'000, std::size_t max_rolled_back = 10'000);

  std::int64_t last_index() const { return static_cast<std::int64_t>(entries_.size()) - 1; }
  std::int64_t last_token() const { return entries_.back().term; }
  std::int64_t token_at(std::int64_t index) const;
  const sim::LogEntry& at(std::int64_t index) const;
  bool full() const { return entries_.size() > max_entries_; }

  void append(const sim::LogEntry& entry);

  struct Accepted {
    bool ok = false;
    std::int64_t match = 0;        // ok: this log now equals the primary's up to here
    std::int64_t hint = 0;         // not ok: where the primary should resume shipping
    std::int64_t rolled_back = 0;  // entries removed because they conflicted
  };
  Accepted accept(std::int64_t prev_index, std::int64_t prev_token, const std::vector<sim::LogEntry>* entries);

  const std::map<std::int64_t, std::int64_t>& data() const { return data_; }
  const std::vector<sim::LogEntry>& rolled_back() const { return rolled_back_; }
  std::int64_t rolled_back_total() const { return rolled_back_total_; }

 private:
  void roll_back_after(std::int64_t index);

  std::size_t max_entries_;
  std::size_t max_rolled_back_;
  sim::ChunkedLog<sim::LogEntry> entries_;  // [0] is an empty sentinel with token 0; shared by copies
  std::map<std::int64_t, std::int64_t> data_;
  std::vector<sim::LogEntry> rolled_back_;
  std::int64_t rolled_back_total_ = 0;
};

}  // namespace cs::failover
