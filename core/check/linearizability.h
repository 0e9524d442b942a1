#pragma once
// Linearizability checking (Herlihy and Wing): could every operation have taken effect at one
// instant between its invocation and its completion, on a single copy of the data, so that each
// read saw the latest write? The search is Wing and Gong's, with Lowe's memoization of
// (linearized set, model state) and his just-in-time linearization, as in Knossos and Porcupine.
// Histories are split per key (check/models.h). A crashed or timed-out operation (Info) may or
// may not have taken effect. A search that runs out of its budget says `unknown`, never a pass.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "check/models.h"
#include "check/operation.h"

namespace cs::check {

enum class Verdict : std::uint8_t { Linearizable, NotLinearizable, Unknown };
std::string_view to_string(Verdict verdict);  // "linearizable", "not linearizable", "unknown"

// Nanoseconds from any fixed start. The core never reads a clock: the caller lends one.
using NowNs = std::function<std::int64_t()>;

// Without a step or time budget a hard history (many crashed operations, all concurrent) can take
// very long, up to the memory budget: interactive callers should lend a clock.
struct CheckBudget {
  std::uint64_t max_steps = 0;   // search steps over the whole history; 0: no limit
  std::int64_t max_time_ns = 0;  // 0: no limit; needs now_ns
  NowNs now_ns;
  // The memo table and the search stack; beyond this the key's verdict is unknown.
  std::size_t max_memory_bytes = std::size_t{1} << 30;
  // Rule out, as soon as they are tried, orders that a later read contradicts (see wgl_search.h).
  // Only a comparison turns it off: the verdict is the same either way.
  bool look_ahead_reads = true;
};

struct KeyResult {
  std::string key;
  Verdict verdict = Verdict::Unknown;
  std::size_t operations = 0;  // checked: completed (ok) and crashed (info); failed ones did not happen
  std::size_t completed = 0;   // of those, ok
  // Linearizable: a legal order of the operations that took effect (a crashed operation missing
  // from it took no effect, or took it after everything else). Otherwise: the longest
  // linearizable prefix the search found.
  std::vector<std::uint64_t> order;
  Value value_after_order;  // the key's value after `order`
  // Not linearizable: after `order`, no operation could come next. blocking_op completed before
  // any legal continuation existed (it had to have taken effect by then); stuck_ops are all the
  // completed operations that were due at that point, none of which the model allows next.
  std::uint64_t blocking_op = 0;  // 0: none
  std::vector<std::uint64_t> stuck_ops;
  std::string unknown_reason;  // "step budget", "time budget", "memory budget"
  std::uint64_t steps = 0;
};

struct LinearizabilityResult {
  Verdict verdict = Verdict::Linearizable;
  Model model = Model::Register;
  std::vector<KeyResult> keys;  // in key order (numeric keys numerically)
  std::size_t operations = 0;   // in the whole history, failed ones included
  std::uint64_t steps = 0;
  // Every stuck operation of every key that is not linearizable, for highlighting.
  std::vector<std::uint64_t> offending_ops() const;
};

// The history's operations must all be ones the model supports (see unsupported_operation) and
// have unique ids; ok and fail operations need a completion time.
LinearizabilityResult check_linearizability(const OpHistory& history, Model model, const CheckBudget& budget = {});

}  // namespace cs::check
