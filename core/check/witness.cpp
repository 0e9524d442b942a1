// Shrinking a key that is not linearizable to a minimal witness (witness_sentences.cpp then says
// why it is one).
#include "check/witness.h"

#include <algorithm>
#include <cassert>
#include <optional>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

#include "check/witness_internal.h"

namespace cs::check {

namespace {

// Keeps the integer 5 and the text "5" apart (canonical() has already merged them where the
// model does).
std::string encode(const Value& v) {
  switch (v.kind) {
    case Value::Kind::Nil: return "n";
    case Value::Kind::Int: return "i" + std::to_string(v.integer);
    case Value::Kind::Text: return "t" + v.text;
  }
  return "?";
}

}  // namespace

// ---- what a set of operations can produce ------------------------------------------------------

namespace witness_internal {

Producible::Producible(const OpHistory& history, Model model, const std::vector<std::size_t>& ops,
                       const std::unordered_set<std::size_t>& removed)
    : model_(model) {
  // A cas can only take effect on its expected value: each value that becomes producible
  // releases the cas waiting for it (linear in the operations; a chain of cas is followed).
  std::unordered_map<std::string, std::vector<const HistoryOp*>> cas_waiting;  // by encoded expected value
  std::vector<std::string> fresh{encode(Value::nil())};
  for (const std::size_t i : ops) {
    if (removed.count(i)) continue;
    const HistoryOp& op = history.ops[i];
    if (op.f == OpFunction::Append) {
      appends_.insert(canonical(op.value, model).text);
    } else if (op.f == OpFunction::Cas) {
      cas_waiting[encode(canonical(op.value, model))].push_back(&op);
    } else if (op.f == OpFunction::Write) {
      if (add(op.value)) fresh.push_back(encode(canonical(op.value, model)));
    }
  }
  while (!fresh.empty()) {
    const std::string value = std::move(fresh.back());
    fresh.pop_back();
    const auto it = cas_waiting.find(value);
    if (it == cas_waiting.end()) continue;
    for (const HistoryOp* c : it->second) {
      if (add(c->new_value)) fresh.push_back(encode(canonical(c->new_value, model)));
    }
    cas_waiting.erase(it);
  }
}

bool Producible::can_produce(const Value& value) const {
  const Value v = canonical(value, model_);
  if (v.is_nil() || values_.count(encode(v))) return true;
  if (appends_.empty() || v.kind != Value::Kind::Text) return false;
  const std::string& t = v.text;
  if (t.empty()) return appends_.count(std::string());
  // reach[i]: some state whose text is t's first i characters can be produced. Position 0 is
  // the absent key (or an empty put); appends then extend it.
  std::vector<bool> reach(t.size() + 1, false);
  reach[0] = true;
  for (const std::string& p : put_texts_) {
    if (p.size() <= t.size() && t.compare(0, p.size(), p) == 0) reach[p.size()] = true;
  }
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (!reach[i]) continue;
    for (const std::string& a : appends_) {
      if (!a.empty() && a.size() <= t.size() - i && t.compare(i, a.size(), a) == 0) reach[i + a.size()] = true;
    }
  }
  return reach[t.size()];
}

bool Producible::add(const Value& value) {
  const Value v = canonical(value, model_);
  if (v.kind == Value::Kind::Text) put_texts_.insert(v.text);
  return values_.insert(encode(v)).second;
}

}  // namespace witness_internal

namespace {

using witness_internal::has_requirement;
using witness_internal::invocation_less;
using witness_internal::Producible;

// `ops` without `group` and without the requirements that only the group could meet. A read that
// nothing could explain before the removal (a value never written) is the history's own problem
// and stays.
std::vector<std::size_t> remove_group(const OpHistory& history, Model model, const std::vector<std::size_t>& ops,
                                      const std::vector<std::size_t>& group) {
  std::unordered_set<std::size_t> removed(group.begin(), group.end());
  const Producible before(history, model, ops, {});
  std::vector<std::size_t> candidates;  // requirements met before the removal
  for (const std::size_t i : ops) {
    if (!removed.count(i) && has_requirement(history.ops[i]) && before.can_produce(history.ops[i].value)) {
      candidates.push_back(i);
    }
  }
  // A removed cas produced a value too, so removals can cascade; each round removes at least one
  // operation or ends, so there are at most |ops| rounds.
  bool changed = true;
  while (changed) {
    changed = false;
    const Producible after(history, model, ops, removed);
    for (const std::size_t i : candidates) {
      if (!removed.count(i) && !after.can_produce(history.ops[i].value)) {
        removed.insert(i);
        changed = true;
      }
    }
  }
  std::vector<std::size_t> rest;
  rest.reserve(ops.size());
  for (const std::size_t i : ops) {
    if (!removed.count(i)) rest.push_back(i);
  }
  return rest;
}

// ---- the search ----------------------------------------------------------------------------------

class Shrinker {
 public:
  // steps_left: nullopt for no limit (a shared budget can be down to 0).
  Shrinker(const OpHistory& history, Model model, const WitnessBudget& budget, std::optional<std::uint64_t> steps_left,
           std::int64_t deadline_ns)
      : history_(history), model_(model), budget_(budget), steps_left_(steps_left), deadline_ns_(deadline_ns) {}

  enum class Outcome : std::uint8_t { Violation, NoViolation, Undecided, OutOfBudget };

  // Checks `ops` as a history of their own; on a violation, remembers its blocking operation.
  Outcome check(const std::vector<std::size_t>& ops);

  // Deletion from `start` (known not linearizable) down to a minimal set, or until the budget ends.
  std::vector<std::size_t> shrink(std::vector<std::size_t> start);

  std::uint64_t steps() const { return steps_; }
  std::size_t checks() const { return checks_; }
  // Empty when the witness is minimal.
  const std::string& exhausted_reason() const {
    return exhausted_reason_.empty() ? undecided_reason_ : exhausted_reason_;
  }
  std::uint64_t last_blocking_id() const { return last_blocking_id_; }
  void set_last_blocking_id(std::uint64_t id) { last_blocking_id_ = id; }

 private:
  bool timed() const { return budget_.max_time_ns != 0 && budget_.now_ns; }

  const OpHistory& history_;
  Model model_;
  const WitnessBudget& budget_;
  std::optional<std::uint64_t> steps_left_;
  std::int64_t deadline_ns_;
  std::uint64_t steps_ = 0;
  std::size_t checks_ = 0;
  std::string exhausted_reason_;  // the search stopped: the whole budget is spent
  std::string undecided_reason_;  // a check of the final set could not decide
  std::uint64_t last_blocking_id_ = 0;
};

Shrinker::Outcome Shrinker::check(const std::vector<std::size_t>& ops) {
  if (steps_left_ && steps_ >= *steps_left_) {
    exhausted_reason_ = "step budget";
    return Outcome::OutOfBudget;
  }
  // A check of operations that never completed takes no search step, so steps alone would not
  // bound how many checks there are.
  if (budget_.max_checks != 0 && checks_ >= budget_.max_checks) {
    exhausted_reason_ = "check budget";
    return Outcome::OutOfBudget;
  }
  CheckBudget b;
  b.max_memory_bytes = budget_.max_memory_bytes;
  const std::uint64_t cap = budget_.max_steps_per_check;  // 0: none
  // The tighter of the two limits. Which one bound this check decides what an unknown verdict
  // means below: the whole budget spent, or only this one history too hard.
  const bool total_binds = steps_left_ && (cap == 0 || *steps_left_ - steps_ <= cap);
  b.max_steps = total_binds ? *steps_left_ - steps_ : cap;
  if (timed()) {
    const std::int64_t now = budget_.now_ns();
    if (now >= deadline_ns_) {
      exhausted_reason_ = "time budget";
      return Outcome::OutOfBudget;
    }
    b.max_time_ns = deadline_ns_ - now;
    b.now_ns = budget_.now_ns;
  }
  const LinearizabilityResult r = check_linearizability(sub_history(history_, ops), model_, b);
  steps_ += r.steps;
  ++checks_;
  // The sub-history holds one key's operations (or none: then it is linearizable).
  assert(r.keys.size() <= 1);
  switch (r.verdict) {
    case Verdict::NotLinearizable: last_blocking_id_ = r.keys.front().blocking_op; return Outcome::Violation;
    case Verdict::Linearizable: return Outcome::NoViolation;
    case Verdict::Unknown: break;
  }
  const std::string& reason = r.keys.front().unknown_reason;
  if (reason == "time budget" || (reason == "step budget" && total_binds)) {
    exhausted_reason_ = reason;
    return Outcome::OutOfBudget;
  }
  // Too hard for one check (its step cap, or the memory): this removal stays untried.
  undecided_reason_ = reason;
  return Outcome::Undecided;
}

std::vector<std::size_t> Shrinker::shrink(std::vector<std::size_t> set) {
  // Chunks of half the set, then quarters, ... down to single operations, then single operations
  // again until a whole pass removes nothing: only that last pass proves the set minimal, since a
  // removal can make an operation removable that was not before (kv appends, repeated values).
  std::size_t chunk = std::max<std::size_t>(1, set.size() / 2);
  while (true) {
    bool removed_any = false;
    undecided_reason_.clear();  // only the final pass's undecided checks matter
    std::size_t at = 0;
    while (at < set.size()) {
      const std::size_t end = std::min(set.size(), at + chunk);
      const std::vector<std::size_t> group(set.begin() + static_cast<std::ptrdiff_t>(at),
                                           set.begin() + static_cast<std::ptrdiff_t>(end));
      std::vector<std::size_t> rest = remove_group(history_, model_, set, group);
      // Nothing left is linearizable: no need to ask.
      const Outcome outcome = rest.empty() ? Outcome::NoViolation : check(rest);
      if (outcome == Outcome::OutOfBudget) return set;
      if (outcome == Outcome::Violation) {
        // The next chunk has moved into place `at`.
        assert(rest.size() < set.size());
        set = std::move(rest);
        removed_any = true;
        continue;
      }
      at = end;
    }
    if (chunk == 1 && !removed_any) return set;
    chunk = std::max<std::size_t>(1, std::min(chunk / 2, set.size() / 2));
  }
}

// The operations of one key that can matter: failed ones did not happen, and a crashed read
// observed nothing (the checker leaves both out too).
std::vector<std::size_t> key_operations(const OpHistory& history, const std::string& key) {
  std::vector<std::size_t> ops;
  for (std::size_t i = 0; i < history.ops.size(); ++i) {
    const HistoryOp& op = history.ops[i];
    if (op.key != key || op.outcome == OpOutcome::Fail) continue;
    if (op.outcome == OpOutcome::Info && op.f == OpFunction::Read) continue;
    ops.push_back(i);
  }
  std::sort(ops.begin(), ops.end(), [&](std::size_t a, std::size_t b) { return invocation_less(history, a, b); });
  return ops;
}

// `known_blocking_id`: the blocking operation of the check that found the whole key not
// linearizable; 0 when no such check was made, and then this makes it (and refuses a linearizable
// key).
Witness witness_of_key(const OpHistory& history, Model model, const std::string& key, const WitnessBudget& budget,
                       std::optional<std::uint64_t> steps_left, std::int64_t deadline_ns,
                       std::uint64_t known_blocking_id) {
  Witness w;
  w.key = key;
  const std::vector<std::size_t> start = key_operations(history, key);
  Shrinker shrinker(history, model, budget, steps_left, deadline_ns);
  bool violation = known_blocking_id != 0;
  if (violation) {
    shrinker.set_last_blocking_id(known_blocking_id);
  } else {
    const Shrinker::Outcome whole = shrinker.check(start);
    if (whole == Shrinker::Outcome::NoViolation) {
      throw std::invalid_argument((key.empty() ? std::string("the register") : "key " + key) + " is linearizable");
    }
    violation = whole == Shrinker::Outcome::Violation;
  }
  // Unknown whether the whole key is linearizable: nothing to shrink, and the sentence can only
  // say what the budget allowed.
  w.ops = violation ? shrinker.shrink(start) : start;
  w.steps = shrinker.steps();
  w.checks = shrinker.checks();
  w.exhausted_reason = shrinker.exhausted_reason();
  w.budget_exhausted = !w.exhausted_reason.empty();
  assert(violation || w.budget_exhausted);

  std::size_t blocking = kNoOp;
  for (const std::size_t i : w.ops) {
    if (history.ops[i].id == shrinker.last_blocking_id() && shrinker.last_blocking_id() != 0) blocking = i;
  }
  const witness_internal::Explanation e = witness_internal::explain_witness(history, model, key, w.ops, blocking);
  w.kind = e.kind;
  w.blocking = e.blocking;
  w.conflicting = e.conflicting;
  w.sentence = e.sentence;
  w.named = e.named;
  return w;
}

}  // namespace

Witness find_witness(const OpHistory& history, Model model, const std::string& key, const WitnessBudget& budget) {
  const bool timed = budget.max_time_ns != 0 && budget.now_ns;
  const std::int64_t deadline_ns = timed ? budget.now_ns() + budget.max_time_ns : 0;
  const auto steps = budget.max_steps == 0 ? std::nullopt : std::optional<std::uint64_t>(budget.max_steps);
  return witness_of_key(history, model, key, budget, steps, deadline_ns, 0);
}

std::vector<Witness> find_witnesses(const OpHistory& history, const LinearizabilityResult& result,
                                    const WitnessBudget& budget, std::size_t max_keys) {
  const bool timed = budget.max_time_ns != 0 && budget.now_ns;
  const std::int64_t deadline_ns = timed ? budget.now_ns() + budget.max_time_ns : 0;
  std::vector<Witness> out;
  std::uint64_t spent = 0;
  for (const KeyResult& k : result.keys) {
    if (k.verdict != Verdict::NotLinearizable) continue;
    if (out.size() == max_keys) break;
    std::optional<std::uint64_t> left;
    if (budget.max_steps != 0) left = budget.max_steps - std::min(spent, budget.max_steps);
    out.push_back(witness_of_key(history, result.model, k.key, budget, left, deadline_ns, k.blocking_op));
    spent += out.back().steps;
  }
  return out;
}

std::vector<std::size_t> remove_with_dependents(const OpHistory& history, Model model,
                                                const std::vector<std::size_t>& ops, std::size_t victim) {
  std::vector<std::size_t> rest = remove_group(history, model, ops, {victim});
  std::sort(rest.begin(), rest.end(), [&](std::size_t a, std::size_t b) { return invocation_less(history, a, b); });
  return rest;
}

OpHistory sub_history(const OpHistory& history, const std::vector<std::size_t>& ops) {
  OpHistory out;
  out.time_unit = history.time_unit;
  out.process_noun = history.process_noun;
  out.model_name = history.model_name;
  out.ops.reserve(ops.size());
  for (const std::size_t i : ops) out.ops.push_back(history.ops.at(i));
  return out;
}

}  // namespace cs::check
