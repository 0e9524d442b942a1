#pragma once
// The search itself, on the operations of one key (check/linearizability.h prepares them).
#include <cstdint>
#include <string>
#include <vector>

#include "check/linearizability.h"
#include "check/models.h"

namespace cs::check::detail {

// One operation compiled for the search: values are ids in the key's ValueTable.
struct SearchOp {
  std::uint64_t id = 0;
  std::int64_t invoke_time = 0;
  std::int64_t complete_time = 0;  // ignored when info
  OpFunction f = OpFunction::Read;
  bool info = false;    // may or may not take effect; never has to
  std::uint32_t a = 0;  // write/append: argument; read: result; cas: expected
  std::uint32_t b = 0;  // cas: new value
};

struct SearchBudget {
  std::uint64_t max_steps = 0;    // 0: no limit
  std::int64_t deadline_ns = 0;   // on now_ns's scale; only when now_ns is set
  const NowNs* now_ns = nullptr;  // not owned
  std::size_t max_memory_bytes = 0;
  // Look-ahead: a read that completes before any write or cas not yet linearized is invoked must
  // be linearized before all of them, so between now and it the value only grows by appends (or,
  // in a register, stays): a state from which that read's value cannot be reached is a dead end
  // at once, instead of after every order of the operations concurrent with it has been tried.
  bool look_ahead_reads = true;
};

struct SearchResult {
  Verdict verdict = Verdict::Unknown;
  std::vector<std::uint32_t> order;  // indices into the ops (see KeyResult::order)
  std::uint32_t state_after = ValueTable::kNil;
  std::int64_t blocking = -1;        // index, or -1
  std::vector<std::uint32_t> stuck;  // indices
  std::string unknown_reason;
  std::uint64_t steps = 0;
};

// `ops` are sorted by invocation time. Every key starts at nil.
SearchResult search_linearization(const std::vector<SearchOp>& ops, ValueTable& values, const SearchBudget& budget);

}  // namespace cs::check::detail
