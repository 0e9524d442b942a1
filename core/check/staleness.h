#pragma once
// Stale reads, found in a history alone. A read is stale when it returns a value older than a
// write that had been acknowledged before the read was invoked. "Older" is judged from the
// history, so that no read a single up-to-date copy could have given is ever flagged: the value
// returned was written by a write that completed before the newer write even started (or the
// read returned nil although a write had been acknowledged). A value whose write timed out or
// failed has no known place in time, so a read of it is never called stale.
// Values are unique per run (the simulator's clients make them so), which is how a read's value
// is traced back to the write that produced it. The session-guarantee detectors reuse
// WriteIndex and older_than.
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "sim/history.h"

namespace cs::check {

// Which write produced which value, per key.
class WriteIndex {
 public:
  explicit WriteIndex(const sim::OpLog& ops);
  // The write that put `value` into `key`; nullptr when no recorded write did.
  const sim::Operation* source_of(std::int64_t key, std::int64_t value) const;
  // The source of what an (Ok) read returned; nullptr for nil or an unknown value.
  const sim::Operation* source_of_read(const sim::Operation& read) const;

 private:
  std::map<std::pair<std::int64_t, std::int64_t>, const sim::Operation*> by_key_value_;
};

// Real-time order: `a` completed successfully strictly before `b` was invoked.
bool precedes(const sim::Operation& a, const sim::Operation& b);

// Whether the Ok read `read` returned a state older than `write` (both on the same key): nil, or
// the value of a write that precedes `write`.
bool older_than(const WriteIndex& writes, const sim::Operation& read, const sim::Operation& write);

struct StaleRead {
  std::uint64_t read_id = 0;
  std::uint64_t newer_write_id = 0;  // an acknowledged write the read should have reflected
  std::string reason;                // one sentence, for people
};

// Every stale read of the history, in the order of the history.
std::vector<StaleRead> find_stale_reads(const sim::OpLog& ops);

// "2.345 s": simulated time as the checkers' messages print it.
std::string seconds_text(sim::TimeUs time_us);
// "7000004", or "nil" for a read that found nothing.
std::string value_text(const sim::Operation& op);

}  // namespace cs::check
