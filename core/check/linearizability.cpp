// Splits the history per key, compiles each key's operations for the search, shares the budget
// among the keys and gathers the verdicts.
#include "check/linearizability.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <stdexcept>
#include <unordered_set>

#include "check/wgl_search.h"

namespace cs::check {

namespace {

// Numeric keys in numeric order ("2" before "10"), then the others as text.
bool key_less(const std::string& a, const std::string& b) {
  std::int64_t x = 0;
  std::int64_t y = 0;
  const bool a_num = !a.empty() && std::from_chars(a.data(), a.data() + a.size(), x).ptr == a.data() + a.size();
  const bool b_num = !b.empty() && std::from_chars(b.data(), b.data() + b.size(), y).ptr == b.data() + b.size();
  if (a_num != b_num) return a_num;
  if (a_num) return x < y;
  return a < b;
}

void validate(const OpHistory& history, Model model) {
  if (const auto problem = unsupported_operation(model, history)) throw std::invalid_argument(problem->message);
  std::unordered_set<std::uint64_t> ids;
  for (const auto& op : history.ops) {
    if (!ids.insert(op.id).second) throw std::invalid_argument(describe(op) + ": the id is used twice");
    if (op.outcome != OpOutcome::Info && (op.complete_time == kNoTime || op.complete_time < op.invoke_time)) {
      throw std::invalid_argument(describe(op) +
                                  ": completed, so it needs a completion time not before its invocation");
    }
  }
}

// Compiles one key's operations. Failed operations did not happen and crashed reads observed
// nothing: neither constrains anything, so both are left out. So is a crashed write (or cas)
// whose value nobody ever observed, when the key has no appends: had it taken effect, the next
// operation to take effect after it could only be another write (nothing reads or expects its
// value), so dropping it changes no other operation's outcome. Timeouts during a partition are
// common in the simulator's histories, and each one left in multiplies the search.
std::vector<detail::SearchOp> compile_key(const std::vector<const HistoryOp*>& ops, ValueTable& values) {
  const bool has_append =
      std::any_of(ops.begin(), ops.end(), [](const HistoryOp* op) { return op->f == OpFunction::Append; });
  std::unordered_set<std::uint32_t> observed;
  for (const HistoryOp* op : ops) {
    if (op->f == OpFunction::Read && op->outcome == OpOutcome::Ok) observed.insert(values.intern(op->value));
    if (op->f == OpFunction::Cas) observed.insert(values.intern(op->value));
  }
  std::vector<detail::SearchOp> out;
  for (const HistoryOp* op : ops) {
    const bool info = op->outcome == OpOutcome::Info;
    if (info && op->f == OpFunction::Read) continue;
    detail::SearchOp s;
    s.id = op->id;
    s.invoke_time = op->invoke_time;
    s.complete_time = op->complete_time;
    s.f = op->f;
    s.info = info;
    s.a = values.intern(op->value);
    s.b = op->f == OpFunction::Cas ? values.intern(op->new_value) : 0;
    const std::uint32_t written = op->f == OpFunction::Cas ? s.b : s.a;
    if (info && !has_append && (op->f == OpFunction::Write || op->f == OpFunction::Cas) && !observed.count(written)) {
      continue;
    }
    out.push_back(s);
  }
  // Operations numbered in invocation order: the memo table's compact sets depend on it.
  std::stable_sort(out.begin(), out.end(), [](const detail::SearchOp& x, const detail::SearchOp& y) {
    return x.invoke_time != y.invoke_time ? x.invoke_time < y.invoke_time : x.id < y.id;
  });
  return out;
}

KeyResult check_key(const std::string& key, const std::vector<const HistoryOp*>& ops, Model model,
                    detail::SearchBudget budget) {
  KeyResult r;
  r.key = key;
  r.operations = ops.size();
  r.completed = static_cast<std::size_t>(
      std::count_if(ops.begin(), ops.end(), [](const HistoryOp* op) { return op->outcome == OpOutcome::Ok; }));
  ValueTable values(model);
  const auto compiled = compile_key(ops, values);
  detail::SearchResult s = detail::search_linearization(compiled, values, budget);
  if (s.verdict == Verdict::NotLinearizable && budget.look_ahead_reads) {
    // The look-ahead ends at an operation whose effect a later read contradicts; the evidence a
    // reader expects is the read that found the wrong value. Searching again without it names
    // that read, when it can within a few times the steps already spent (it explores every order
    // the look-ahead cut short); otherwise the look-ahead's own dead end stands.
    detail::SearchBudget plain = budget;
    plain.look_ahead_reads = false;
    const std::uint64_t cap = std::max<std::uint64_t>(100'000, 4 * s.steps);
    plain.max_steps = budget.max_steps == 0 ? cap : std::min(budget.max_steps, cap);
    detail::SearchResult again = detail::search_linearization(compiled, values, plain);
    again.steps += s.steps;
    if (again.verdict == Verdict::NotLinearizable) {
      s = std::move(again);
    } else {
      s.steps = again.steps;
    }
  }
  r.verdict = s.verdict;
  r.steps = s.steps;
  r.unknown_reason = s.unknown_reason;
  for (const std::uint32_t i : s.order) r.order.push_back(compiled[i].id);
  r.value_after_order = values.at(s.state_after);
  if (s.blocking >= 0) r.blocking_op = compiled[static_cast<std::size_t>(s.blocking)].id;
  for (const std::uint32_t i : s.stuck) r.stuck_ops.push_back(compiled[i].id);
  std::sort(r.stuck_ops.begin(), r.stuck_ops.end());
  return r;
}

}  // namespace

std::string_view to_string(Verdict verdict) {
  switch (verdict) {
    case Verdict::Linearizable: return "linearizable";
    case Verdict::NotLinearizable: return "not linearizable";
    case Verdict::Unknown: return "unknown";
  }
  return "?";
}

std::vector<std::uint64_t> LinearizabilityResult::offending_ops() const {
  std::vector<std::uint64_t> out;
  for (const auto& k : keys) {
    if (k.verdict == Verdict::NotLinearizable) out.insert(out.end(), k.stuck_ops.begin(), k.stuck_ops.end());
  }
  std::sort(out.begin(), out.end());
  return out;
}

LinearizabilityResult check_linearizability(const OpHistory& history, Model model, const CheckBudget& budget) {
  validate(history, model);
  LinearizabilityResult result;
  result.model = model;
  result.operations = history.ops.size();

  std::map<std::string, std::vector<const HistoryOp*>> by_key;
  for (const auto& op : history.ops) {
    if (op.outcome != OpOutcome::Fail) by_key[op.key].push_back(&op);
  }
  // Small keys first: when the budget runs out, as many keys as possible have a verdict.
  std::vector<const std::pair<const std::string, std::vector<const HistoryOp*>>*> order;
  for (const auto& entry : by_key) order.push_back(&entry);
  std::stable_sort(order.begin(), order.end(),
                   [](const auto* a, const auto* b) { return a->second.size() < b->second.size(); });

  const bool timed = budget.max_time_ns != 0 && budget.now_ns;
  const std::int64_t deadline_ns = timed ? budget.now_ns() + budget.max_time_ns : 0;
  for (const auto* entry : order) {
    detail::SearchBudget b;
    b.max_memory_bytes = budget.max_memory_bytes;
    b.look_ahead_reads = budget.look_ahead_reads;
    b.now_ns = timed ? &budget.now_ns : nullptr;
    b.deadline_ns = deadline_ns;
    const char* exhausted = nullptr;
    if (budget.max_steps != 0) {
      if (result.steps >= budget.max_steps) exhausted = "step budget";
      b.max_steps = budget.max_steps - std::min(result.steps, budget.max_steps);
    }
    if (!exhausted && timed && budget.now_ns() >= deadline_ns) exhausted = "time budget";
    KeyResult k;
    if (exhausted) {
      k.key = entry->first;
      k.operations = entry->second.size();
      k.verdict = Verdict::Unknown;
      k.unknown_reason = exhausted;
    } else {
      k = check_key(entry->first, entry->second, model, b);
    }
    result.steps += k.steps;
    result.keys.push_back(std::move(k));
  }
  std::sort(result.keys.begin(), result.keys.end(),
            [](const KeyResult& a, const KeyResult& b) { return key_less(a.key, b.key); });

  const auto any = [&](Verdict v) {
    return std::any_of(result.keys.begin(), result.keys.end(), [v](const KeyResult& k) { return k.verdict == v; });
  };
  result.verdict = any(Verdict::NotLinearizable) ? Verdict::NotLinearizable
                   : any(Verdict::Unknown)       ? Verdict::Unknown
                                                 : Verdict::Linearizable;
  return result;
}

}  // namespace cs::check
