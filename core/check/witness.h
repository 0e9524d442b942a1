#pragma once
// The smallest reason a key is not linearizable: a witness is a set of the key's operations that
// has no legal order, from which no operation can be removed without the rest gaining one. It is
// found by deletion (Zeller's delta debugging: chunks first, then single operations, until a whole
// pass removes nothing), asking the linearizability checker about each smaller history. One
// sentence then says why in the history's own words: "client 6 read key 1 = 1 at 4.200 s, after
// the write key 1 = 2 had completed at 3.900 s; ...".
//
// Removing a write must not invent a violation: a read of the value that only that write produced
// would be left reading a value nobody wrote, which no history allows, for a reason the original
// history does not have. So an operation is removed together with its dependents: the ok reads
// (and ok cas) whose value the remaining operations can no longer produce (remove_with_dependents).
// Minimal means: removing any one operation this way leaves a linearizable history.
//
// Deterministic: the search is bounded by steps (the same history and budget give the same
// witness on every machine). A wall-clock budget may be added; when it is the one that runs out,
// the result depends on the machine's speed, and says so.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "check/linearizability.h"
#include "check/models.h"
#include "check/operation.h"

namespace cs::check {

inline constexpr std::size_t kNoOp = static_cast<std::size_t>(-1);

// Which sentence explains the witness. Each is a complete argument about the witness's operations:
//   NeverWritten     a read (or cas) found a value that no operation wrote
//   ReadBeforeWrite  a read (or cas) returned before any write of its value had begun
//   StaleRead        a read (or cas) found a value that a write, completed before it began, had
//                    replaced for good (every write of the old value had completed before it)
//   ReadGoesBack     the same, shown by a read that had already returned the newer value
//   ValueCameBack    reads returned a value, then another, then the first again, which was
//                    written only once
//   CasBothSucceeded two cas found the same value, which was written only once
//   LostAppend       a read missed an append that had completed before the read began
//   NoOrder          none of the above: the operation that cannot be placed, and no more
enum class WitnessKind : std::uint8_t {
  NeverWritten,
  ReadBeforeWrite,
  StaleRead,
  ReadGoesBack,
  ValueCameBack,
  CasBothSucceeded,
  LostAppend,
  NoOrder
};
std::string_view to_string(WitnessKind kind);  // "never written", "read before write", ...

struct WitnessBudget {
  // Search steps over every check of one witness search: the deterministic budget.
  std::uint64_t max_steps = 50'000'000;
  // Steps of one check. A smaller history that needs more cannot be shown not linearizable, so
  // its operations stay in the witness (and the witness is reported as possibly not minimal).
  std::uint64_t max_steps_per_check = 5'000'000;
  std::size_t max_checks = 100'000;  // smaller histories checked; 0: no limit
  std::int64_t max_time_ns = 0;      // 0: no limit; needs now_ns
  NowNs now_ns;
  std::size_t max_memory_bytes = std::size_t{256} << 20;  // per check
};

struct Witness {
  std::string key;
  std::vector<std::size_t> ops;  // indices into the OpHistory's ops, in invocation order
  WitnessKind kind = WitnessKind::NoOrder;
  std::size_t blocking = kNoOp;     // index of the operation that cannot be placed
  std::size_t conflicting = kNoOp;  // index of the operation it conflicts with, if one
  std::string sentence;             // one sentence, in English, with the history's names and times
  std::vector<std::size_t> named;   // indices of every operation the sentence names, in its order
  // A budget ran out (or one check could not decide): `ops` has no legal order all the same, but
  // an operation in it might be removable. Otherwise `ops` is minimal.
  bool budget_exhausted = false;
  std::string exhausted_reason;  // "step budget", "check budget", "time budget", "memory budget"
  std::uint64_t steps = 0;       // search steps spent, all checks together
  std::size_t checks = 0;        // smaller histories checked
};

// The witness of one key (the history must be one check_linearizability accepts under `model`).
// Checks the whole key first, within the budget: throws std::invalid_argument if it is
// linearizable; if the budget cannot tell, the witness is the whole key, marked exhausted.
Witness find_witness(const OpHistory& history, Model model, const std::string& key, const WitnessBudget& budget = {});

// One witness for each of the first max_keys keys that `result` (check_linearizability of this
// history) found not linearizable, in its key order, without checking them again; the budget is
// shared (a later key gets what the earlier ones left).
std::vector<Witness> find_witnesses(const OpHistory& history, const LinearizabilityResult& result,
                                    const WitnessBudget& budget = {}, std::size_t max_keys = 10);

// `ops` (indices) without `victim` and without what cannot stand without it: ok reads and ok cas
// whose value the remaining operations could produce before and cannot now (in the kv model, a
// value is produced by a put followed by any appends). In invocation order.
std::vector<std::size_t> remove_with_dependents(const OpHistory& history, Model model,
                                                const std::vector<std::size_t>& ops, std::size_t victim);

// The history with only `ops` (indices), in that order; time unit and names carried over.
OpHistory sub_history(const OpHistory& history, const std::vector<std::size_t>& ops);

// One operation of a witness on one line: "client 6, ok, read, 5000001, invoked 0.020 s,
// completed 0.022 s" (a crashed one: "never completed").
std::string witness_op_line(const OpHistory& history, std::size_t index);

// A time in the history's unit, for people: microseconds and nanoseconds as seconds ("4.200 s",
// "0.000060 s", "0.000000120 s"), line numbers as "line 7", anything else as "12 ms".
std::string time_text(std::int64_t time, std::string_view unit);

}  // namespace cs::check
