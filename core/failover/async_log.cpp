#include "failover/async_log.h"

#include <cassert>

namespace cs::failover {

AsyncLog::AsyncLog(std::size_t max_entries, std::size_t max_rolled_back)
    : max_entries_(max_entries), max_rolled_back_(max_rolled_back) {
  entries_.push_back({});
}

std::int64_t AsyncLog::token_at(std::int64_t index) const { return at(index).term; }

const sim::LogEntry& AsyncLog::at(std::int64_t index) const {
  assert(index >= 0 && index <= last_index());
  return entries_[static_cast<std::size_t>(index)];
}

void AsyncLog::append(const sim::LogEntry& entry) {
  assert(!full());
  entries_.push_back(entry);
  data_[entry.key] = entry.value;
}

void AsyncLog::roll_back_after(std::int64_t index) {
  for (std::int64_t i = index + 1; i <= last_index(); ++i) {
    ++rolled_back_total_;
    if (rolled_back_.size() < max_rolled_back_) rolled_back_.push_back(entries_[static_cast<std::size_t>(i)]);
  }
  entries_.truncate(static_cast<std::size_t>(index) + 1);
  // The map is derived from the log: replay what is left (a rollback is rare and a log is bounded).
  data_.clear();
  for (std::size_t i = 1; i < entries_.size(); ++i) data_[entries_[i].key] = entries_[i].value;
}

AsyncLog::Accepted AsyncLog::accept(std::int64_t prev_index, std::int64_t prev_token,
                                    const std::vector<sim::LogEntry>* entries) {
  Accepted result;
  if (prev_index > last_index()) {
    result.hint = last_index() + 1;
    return result;
  }
  if (token_at(prev_index) != prev_token) {
    // Our history forks at or before prev_index: skip back over the whole run of entries written
    // under the conflicting token, in one step.
    std::int64_t first = prev_index;
    while (first > 1 && token_at(first - 1) == token_at(prev_index)) --first;
    result.hint = first;
    return result;
  }
  std::int64_t index = prev_index;
  if (entries) {
    for (const sim::LogEntry& e : *entries) {
      const std::int64_t at_index = index + 1;
      if (at_index <= last_index()) {
        if (token_at(at_index) == e.term && at(at_index).op_id == e.op_id) {
          index = at_index;
          continue;
        }
        result.rolled_back += last_index() - index;
        roll_back_after(index);
      }
      if (full()) break;
      append(e);
      index = at_index;
    }
  }
  result.ok = true;
  result.match = index;
  return result;
}

}  // namespace cs::failover
