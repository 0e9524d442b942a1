// Shrinking a key that is not linearizable to a minimal witness, and saying why in one sentence.
#include "check/witness.h"

#include <algorithm>
#include <cassert>
#include <cstdio>
#include <optional>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

namespace cs::check {

namespace {

// ---- what a set of operations can produce ------------------------------------------------------

// The kv model reads an integer as its decimal text (as ValueTable does), so values are compared
// after the same step.
Value canonical(const Value& v, Model model) {
  if (model == Model::Kv && v.kind == Value::Kind::Int) return Value::of_text(std::to_string(v.integer));
  return v;
}

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

bool is_producer(const HistoryOp& op) {
  return op.f == OpFunction::Write || op.f == OpFunction::Cas || op.f == OpFunction::Append;
}

// The value a write or cas leaves (an append's depends on the state, so it has none of its own).
const Value& written_value(const HistoryOp& op) { return op.f == OpFunction::Cas ? op.new_value : op.value; }

// An ok read must have seen its value, an ok cas its expected value: what must have been produced.
bool has_requirement(const HistoryOp& op) {
  return op.outcome == OpOutcome::Ok && (op.f == OpFunction::Read || op.f == OpFunction::Cas);
}

// The values some order of a set of operations could produce, ignoring time: a write's value; a
// cas's new value when its expected value can be produced (or is nil, the start); in the kv model
// also a put (or nothing) followed by appends, each append used any number of times. Ignoring time
// and counts keeps this cheap and errs towards "producible": it only has to catch a read left
// without any possible source.
class Producible {
 public:
  Producible(const OpHistory& history, Model model, const std::vector<std::size_t>& ops,
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

  bool can_produce(const Value& value) const {
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

 private:
  // Whether the value is new.
  bool add(const Value& value) {
    const Value v = canonical(value, model_);
    if (v.kind == Value::Kind::Text) put_texts_.insert(v.text);
    return values_.insert(encode(v)).second;
  }

  Model model_;
  std::unordered_set<std::string> values_;     // encoded
  std::unordered_set<std::string> put_texts_;  // kv: texts a put (or cas) leaves
  std::unordered_set<std::string> appends_;    // kv: texts appended
};

bool invocation_less(const OpHistory& history, std::size_t a, std::size_t b) {
  const HistoryOp& x = history.ops[a];
  const HistoryOp& y = history.ops[b];
  return x.invoke_time != y.invoke_time ? x.invoke_time < y.invoke_time : a < b;
}

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

// ---- the sentence ---------------------------------------------------------------------------------

struct Explanation {
  WitnessKind kind = WitnessKind::NoOrder;
  std::size_t blocking = kNoOp;
  std::size_t conflicting = kNoOp;
  std::string sentence;
  std::vector<std::size_t> named;  // every operation the sentence names, in its order
};

// Words for the operations of one witness, in the history's own names and units.
class Words {
 public:
  Words(const OpHistory& history, const std::string& key) : history_(history), key_(key) {}

  std::string who(std::size_t i) const { return history_.process_noun + " " + std::to_string(history_.ops[i].process); }
  std::string at(std::int64_t time) const { return time_text(time, history_.time_unit); }
  // "key 1 = 5", or "5" for a history of one unnamed register.
  std::string subject(const Value& v) const {
    return key_.empty() ? v.to_string() : "key " + key_ + " = " + v.to_string();
  }
  // "the write key 1 = 5", "the cas of key 1 from 4 to 5", "the append of "x" to key cart".
  std::string change(std::size_t i) const {
    const HistoryOp& op = history_.ops[i];
    switch (op.f) {
      case OpFunction::Write:
        return key_.empty() ? "the write of " + op.value.to_string() : "the write " + subject(op.value);
      case OpFunction::Cas: return "the " + cas(i);
      case OpFunction::Append: return "the append of " + op.value.to_string() + on_key(" to");
      case OpFunction::Read: break;
    }
    return "the read";
  }
  // "cas of key 1 from 4 to 5", "cas from 4 to 5".
  std::string cas(std::size_t i) const {
    const HistoryOp& op = history_.ops[i];
    return "cas" + on_key(" of") + " from " + op.value.to_string() + " to " + op.new_value.to_string();
  }
  // What the operation did: "read key 1 = 5", "wrote key 1 = 5", "appended "x" to key cart".
  std::string act(std::size_t i) const {
    const HistoryOp& op = history_.ops[i];
    switch (op.f) {
      case OpFunction::Read: return "read " + subject(op.value);
      case OpFunction::Write: return "wrote " + subject(op.value);
      case OpFunction::Cas: return "did a " + cas(i);
      case OpFunction::Append: return "appended " + op.value.to_string() + on_key(" to");
    }
    return "?";
  }
  std::string key_label() const { return key_.empty() ? "the register" : "key " + key_; }

 private:
  std::string on_key(const char* preposition) const { return key_.empty() ? "" : preposition + (" key " + key_); }
  const OpHistory& history_;
  const std::string& key_;
};

class Explainer {
 public:
  Explainer(const OpHistory& history, Model model, const std::string& key, const std::vector<std::size_t>& ops)
      : h_(history), model_(model), ops_(ops), words_(history, key) {
    for (const std::size_t i : ops_) has_appends_ = has_appends_ || h_.ops[i].f == OpFunction::Append;
  }

  Explanation explain(std::size_t blocking) const;

 private:
  const HistoryOp& op(std::size_t i) const { return h_.ops[i]; }
  bool same(const Value& a, const Value& b) const { return canonical(a, model_) == canonical(b, model_); }
  bool ok_and_done(std::size_t i) const { return op(i).outcome == OpOutcome::Ok && op(i).complete_time != kNoTime; }
  // Completed strictly before the other was invoked (equal times are concurrent).
  bool before(std::size_t a, std::size_t b) const { return ok_and_done(a) && op(a).complete_time < op(b).invoke_time; }
  // The witness's writes and cas that leave `v` (nil: none; the start of the history is not one).
  std::vector<std::size_t> producers(const Value& v) const {
    std::vector<std::size_t> out;
    for (const std::size_t i : ops_) {
      if ((op(i).f == OpFunction::Write || op(i).f == OpFunction::Cas) && same(written_value(op(i)), v)) {
        out.push_back(i);
      }
    }
    return out;
  }
  // Every producer of `old_value` completed before `i` was invoked: once `i` has taken effect, no
  // operation of the witness can bring the old value back.
  bool all_before(const std::vector<std::size_t>& old_producers, std::size_t i) const {
    return std::all_of(old_producers.begin(), old_producers.end(), [&](std::size_t p) { return before(p, i); });
  }
  // The producer of `old_value` that completed last (the one a sentence names), or kNoOp.
  std::size_t last_completed(const std::vector<std::size_t>& list) const {
    std::size_t best = kNoOp;
    for (const std::size_t p : list) {
      if (best == kNoOp || op(p).complete_time > op(best).complete_time) best = p;
    }
    return best;
  }
  // The write of the old value a stale-read sentence names (the last to complete), or kNoOp.
  std::size_t old_source(const Value& v, std::size_t except) const {
    std::vector<std::size_t> list = producers(v);
    std::erase(list, except);
    return v.is_nil() ? kNoOp : last_completed(list);
  }

  std::optional<Explanation> never_written(std::size_t r) const;
  std::optional<Explanation> read_before_write(std::size_t r) const;
  std::optional<Explanation> stale_read(std::size_t r) const;
  std::optional<Explanation> read_goes_back(std::size_t r) const;
  std::optional<Explanation> value_came_back(std::size_t r) const;
  std::optional<Explanation> cas_both_succeeded(std::size_t c) const;
  std::optional<Explanation> lost_append(std::size_t r) const;

  const OpHistory& h_;
  Model model_;
  const std::vector<std::size_t>& ops_;
  Words words_;
  bool has_appends_ = false;
};

std::optional<Explanation> Explainer::never_written(std::size_t r) const {
  const Value& v = op(r).value;
  // Not counting the operation itself: a cas from 1 to 1 does not explain finding 1.
  if (v.is_nil() || Producible(h_, model_, ops_, {r}).can_produce(v)) return std::nullopt;
  if (op(r).f == OpFunction::Cas) {
    return Explanation{WitnessKind::NeverWritten,
                       r,
                       kNoOp,
                       words_.who(r) + "'s " + words_.cas(r) + " succeeded at " + words_.at(op(r).invoke_time) +
                           ", but no operation wrote " + v.to_string() + ".",
                       {r}};
  }
  return Explanation{WitnessKind::NeverWritten,
                     r,
                     kNoOp,
                     words_.who(r) + " read " + words_.subject(v) + " at " + words_.at(op(r).invoke_time) +
                         ", a value that no operation wrote.",
                     {r}};
}

std::optional<Explanation> Explainer::read_before_write(std::size_t r) const {
  const Value& v = op(r).value;
  if (v.is_nil()) return std::nullopt;
  // What could have given the value: its writes; with appends, any put or append at all.
  std::vector<std::size_t> sources;
  for (const std::size_t p : ops_) {
    if (p == r) continue;
    const bool source = has_appends_ ? op(p).f == OpFunction::Write || op(p).f == OpFunction::Append
                                     : is_producer(op(p)) && same(written_value(op(p)), v);
    if (source) sources.push_back(p);
  }
  if (sources.empty() || !std::all_of(sources.begin(), sources.end(), [&](std::size_t p) { return before(r, p); })) {
    return std::nullopt;
  }
  const std::size_t first = *std::min_element(sources.begin(), sources.end(),
                                              [&](std::size_t a, std::size_t b) { return invocation_less(h_, a, b); });
  const std::string what = op(r).f == OpFunction::Cas ? words_.who(r) + "'s " + words_.cas(r) + " succeeded"
                                                      : words_.who(r) + " read " + words_.subject(v);
  return Explanation{WitnessKind::ReadBeforeWrite,
                     r,
                     first,
                     what + ", returning at " + words_.at(op(r).complete_time) + ", before " + words_.change(first) +
                         " began at " + words_.at(op(first).invoke_time) + ".",
                     {r, first}};
}

std::optional<Explanation> Explainer::stale_read(std::size_t r) const {
  const Value& v = op(r).value;
  if (has_appends_) return std::nullopt;
  std::vector<std::size_t> old_producers = producers(v);
  std::erase(old_producers, r);  // a cas from 1 to 1 does not bring 1 back before itself
  // The newest write that completed before the read began and whose value was never to be
  // replaced by the read's again.
  std::size_t newer = kNoOp;
  for (const std::size_t c : ops_) {
    if (c == r || (op(c).f != OpFunction::Write && op(c).f != OpFunction::Cas)) continue;
    if (same(written_value(op(c)), v) || !before(c, r) || !all_before(old_producers, c)) continue;
    if (newer == kNoOp || op(c).complete_time > op(newer).complete_time) newer = c;
  }
  if (newer == kNoOp) return std::nullopt;
  const std::string what = op(r).f == OpFunction::Cas ? words_.who(r) + "'s " + words_.cas(r) + " succeeded"
                                                      : words_.who(r) + " read " + words_.subject(v);
  std::string sentence = what + " at " + words_.at(op(r).invoke_time) + ", after " + words_.change(newer) +
                         " had completed at " + words_.at(op(newer).complete_time);
  std::vector<std::size_t> named{r, newer};
  // Why the value read is the older one (nothing to say for nil, older than any).
  if (const std::size_t old = old_source(v, r); old != kNoOp) {
    sentence += ", which began after " + words_.change(old) + " had completed at " + words_.at(op(old).complete_time);
    named.push_back(old);
  }
  return Explanation{WitnessKind::StaleRead, r, newer, sentence + ".", named};
}

std::optional<Explanation> Explainer::read_goes_back(std::size_t r) const {
  const Value& v = op(r).value;
  if (op(r).f != OpFunction::Read || has_appends_) return std::nullopt;
  const auto old_producers = producers(v);
  // A read that returned a newer value before this one began; newer: every write of it began
  // after every write of the old value had completed.
  std::size_t seen = kNoOp;
  for (const std::size_t c : ops_) {
    if (c == r || op(c).f != OpFunction::Read || op(c).outcome != OpOutcome::Ok) continue;
    if (same(op(c).value, v) || op(c).value.is_nil() || !before(c, r)) continue;
    const auto new_producers = producers(op(c).value);
    if (new_producers.empty()) continue;
    const bool newer = std::all_of(new_producers.begin(), new_producers.end(),
                                   [&](std::size_t p) { return all_before(old_producers, p); });
    if (newer && (seen == kNoOp || op(c).complete_time > op(seen).complete_time)) seen = c;
  }
  if (seen == kNoOp) return std::nullopt;
  std::string sentence = words_.who(r) + " read " + words_.subject(v) + " at " + words_.at(op(r).invoke_time) +
                         ", after " + words_.who(seen) + " had read " + words_.subject(op(seen).value) +
                         ", returning at " + words_.at(op(seen).complete_time);
  std::vector<std::size_t> named{r, seen};
  const std::size_t old_p = last_completed(old_producers);
  if (!v.is_nil() && old_p != kNoOp) {
    const auto new_producers = producers(op(seen).value);
    const std::size_t first_new =
        *std::min_element(new_producers.begin(), new_producers.end(), [&](std::size_t a, std::size_t b) {
          return op(a).invoke_time != op(b).invoke_time ? op(a).invoke_time < op(b).invoke_time : a < b;
        });
    sentence += ", and " + words_.change(first_new) + " began after " + words_.change(old_p) + " had completed at " +
                words_.at(op(old_p).complete_time);
    named.push_back(first_new);
    named.push_back(old_p);
  }
  return Explanation{WitnessKind::ReadGoesBack, r, seen, sentence + ".", named};
}

std::optional<Explanation> Explainer::value_came_back(std::size_t r) const {
  const Value& v = op(r).value;
  if (op(r).f != OpFunction::Read || has_appends_) return std::nullopt;
  // One source of the value: one write of it, or (nil) only the start of the history. Then it can
  // be current during one stretch only, and a read of another value in between ends that stretch.
  const auto sources = producers(v);
  if (sources.size() != (v.is_nil() ? 0u : 1u)) return std::nullopt;
  const auto ok_read = [&](std::size_t i) { return op(i).f == OpFunction::Read && op(i).outcome == OpOutcome::Ok; };
  for (const std::size_t middle : ops_) {
    if (!ok_read(middle) || same(op(middle).value, v) || !before(middle, r)) continue;
    for (const std::size_t first : ops_) {
      if (first == r || !ok_read(first) || !same(op(first).value, v) || !before(first, middle)) continue;
      const std::string source =
          v.is_nil() ? words_.key_label() + " was nil only at the start" : v.to_string() + " was written only once";
      return Explanation{WitnessKind::ValueCameBack,
                         r,
                         middle,
                         words_.who(r) + " read " + words_.subject(v) + " at " + words_.at(op(r).invoke_time) +
                             ", after " + words_.who(middle) + " had read " + words_.subject(op(middle).value) +
                             ", returning at " + words_.at(op(middle).complete_time) + ", and " + words_.who(first) +
                             " had read " + words_.subject(v) + " before that, returning at " +
                             words_.at(op(first).complete_time) + ", but " + source + ".",
                         {r, middle, first}};
    }
  }
  return std::nullopt;
}

std::optional<Explanation> Explainer::cas_both_succeeded(std::size_t c) const {
  if (op(c).f != OpFunction::Cas || op(c).outcome != OpOutcome::Ok) return std::nullopt;
  const Value& expected = op(c).value;
  if (same(op(c).new_value, expected)) return std::nullopt;
  // The expected value had one source: one producer, or (nil) only the start of the history.
  const auto sources = producers(expected);
  if (sources.size() != (expected.is_nil() ? 0u : 1u)) return std::nullopt;
  for (const std::size_t other : ops_) {
    if (other == c || op(other).f != OpFunction::Cas || op(other).outcome != OpOutcome::Ok) continue;
    if (!same(op(other).value, expected) || same(op(other).new_value, expected)) continue;
    // Name them in invocation order; the one that completed later is the one that cannot be placed.
    const std::size_t first = invocation_less(h_, other, c) ? other : c;
    const std::size_t second = first == c ? other : c;
    const bool c_later =
        op(c).complete_time > op(other).complete_time || (op(c).complete_time == op(other).complete_time && c > other);
    const std::string source = expected.is_nil() ? words_.key_label() + " was nil only at the start"
                                                 : expected.to_string() + " was written only once";
    return Explanation{WitnessKind::CasBothSucceeded,
                       c_later ? c : other,
                       c_later ? other : c,
                       words_.who(first) + "'s " + words_.cas(first) + " and " + words_.who(second) + "'s " +
                           words_.cas(second) + " both succeeded (returning at " + words_.at(op(first).complete_time) +
                           " and " + words_.at(op(second).complete_time) + "), but " + source + ".",
                       {first, second}};
  }
  return std::nullopt;
}

std::optional<Explanation> Explainer::lost_append(std::size_t r) const {
  if (op(r).f != OpFunction::Read || !has_appends_) return std::nullopt;
  const Value t = canonical(op(r).value, model_);
  // An append that completed before the read began, after every put: from then on the value
  // always contains its text, and the read's does not.
  std::size_t lost = kNoOp;
  for (const std::size_t a : ops_) {
    if (op(a).f != OpFunction::Append || !before(a, r)) continue;
    const std::string text = canonical(op(a).value, model_).text;
    if (!t.is_nil() && t.text.find(text) != std::string::npos) continue;
    const bool after_every_put = std::all_of(
        ops_.begin(), ops_.end(), [&](std::size_t p) { return op(p).f != OpFunction::Write || before(p, a); });
    if (after_every_put && (lost == kNoOp || op(a).complete_time < op(lost).complete_time)) lost = a;
  }
  if (lost == kNoOp) return std::nullopt;
  return Explanation{WitnessKind::LostAppend,
                     r,
                     lost,
                     words_.who(r) + " read " + words_.subject(op(r).value) + " at " + words_.at(op(r).invoke_time) +
                         ", after " + words_.change(lost) + " had completed at " + words_.at(op(lost).complete_time) +
                         ".",
                     {r, lost}};
}

Explanation Explainer::explain(std::size_t blocking) const {
  // The operation the search could not place is asked first, then every other ok read and cas in
  // invocation order; the first argument that holds is the sentence.
  std::vector<std::size_t> order;
  if (blocking != kNoOp) order.push_back(blocking);
  for (const std::size_t i : ops_) {
    if (i != blocking && has_requirement(op(i))) order.push_back(i);
  }
  for (const std::size_t i : order) {
    if (!has_requirement(op(i))) continue;
    for (const auto& attempt :
         {&Explainer::never_written, &Explainer::read_before_write, &Explainer::stale_read, &Explainer::read_goes_back,
          &Explainer::value_came_back, &Explainer::cas_both_succeeded, &Explainer::lost_append}) {
      if (auto e = (this->*attempt)(i)) return std::move(*e);
    }
  }
  const std::string n = std::to_string(ops_.size());
  if (blocking == kNoOp) {
    return {WitnessKind::NoOrder,
            kNoOp,
            kNoOp,
            "No order of these " + n + " operations on " + words_.key_label() + " is legal.",
            {}};
  }
  return {WitnessKind::NoOrder,
          blocking,
          kNoOp,
          words_.who(blocking) + " " + words_.act(blocking) + " at " + words_.at(op(blocking).invoke_time) +
              ", but no order of these " + n + " operations allows it.",
          {blocking}};
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
  const Explanation e = Explainer(history, model, key, w.ops).explain(blocking);
  w.kind = e.kind;
  w.blocking = e.blocking;
  w.conflicting = e.conflicting;
  w.sentence = e.sentence;
  w.named = e.named;
  return w;
}

std::string seconds_of_us(std::int64_t us) {
  char buf[48];
  // Whole milliseconds read as the rest of the program prints times; finer ones keep every digit,
  // since which of two close events came first is often the point.
  std::snprintf(buf, sizeof buf, us % 1000 == 0 ? "%.3f s" : "%.6f s", static_cast<double>(us) / 1e6);
  return buf;
}

}  // namespace

std::string_view to_string(WitnessKind kind) {
  switch (kind) {
    case WitnessKind::NeverWritten: return "never written";
    case WitnessKind::ReadBeforeWrite: return "read before write";
    case WitnessKind::StaleRead: return "stale read";
    case WitnessKind::ReadGoesBack: return "read goes back";
    case WitnessKind::ValueCameBack: return "value came back";
    case WitnessKind::CasBothSucceeded: return "both cas succeeded";
    case WitnessKind::LostAppend: return "lost append";
    case WitnessKind::NoOrder: return "no order";
  }
  return "?";
}

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

std::string witness_op_line(const OpHistory& history, std::size_t index) {
  const HistoryOp& op = history.ops.at(index);
  std::string s = "op " + std::to_string(op.id) + ": " + history.process_noun + " " + std::to_string(op.process) +
                  ", " + std::string(to_string(op.outcome)) + ", " + std::string(to_string(op.f));
  switch (op.f) {
    case OpFunction::Read:
      if (op.outcome == OpOutcome::Ok) s += " " + op.value.to_string();
      break;
    case OpFunction::Write:
    case OpFunction::Append: s += " " + op.value.to_string(); break;
    case OpFunction::Cas: s += " " + op.value.to_string() + " -> " + op.new_value.to_string(); break;
  }
  s += ", invoked " + time_text(op.invoke_time, history.time_unit);
  if (op.outcome != OpOutcome::Info) {
    s += ", completed " + time_text(op.complete_time, history.time_unit);
  } else if (op.complete_time != kNoTime) {
    s += ", gave up " + time_text(op.complete_time, history.time_unit);
  } else {
    s += ", never completed";
  }
  return s;
}

std::string time_text(std::int64_t time, std::string_view unit) {
  if (time == kNoTime) return "never";
  if (unit == "us") return seconds_of_us(time);
  if (unit == "ns") {
    // Jepsen's clock: whole microseconds read as the simulator's times do, finer ones in full.
    if (time % 1000 == 0) return seconds_of_us(time / 1000);
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.9f s", static_cast<double>(time) / 1e9);
    return buf;
  }
  if (unit == "line") return "line " + std::to_string(time);
  return std::to_string(time) + " " + std::string(unit);
}

}  // namespace cs::check
