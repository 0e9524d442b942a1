// Saying why a witness has no legal order, in one sentence in the history's own words, and
// showing a witness's operations and times in words.
#include "check/witness.h"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "check/witness_internal.h"

namespace cs::check {

namespace {

using witness_internal::canonical;
using witness_internal::Explanation;
using witness_internal::has_requirement;
using witness_internal::invocation_less;
using witness_internal::is_producer;
using witness_internal::Producible;
using witness_internal::written_value;

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

std::string seconds_of_us(std::int64_t us) {
  char buf[48];
  // Whole milliseconds read as the rest of the program prints times; finer ones keep every digit,
  // since which of two close events came first is often the point.
  std::snprintf(buf, sizeof buf, us % 1000 == 0 ? "%.3f s" : "%.6f s", static_cast<double>(us) / 1e6);
  return buf;
}

}  // namespace

namespace witness_internal {

Explanation explain_witness(const OpHistory& history, Model model, const std::string& key,
                            const std::vector<std::size_t>& ops, std::size_t blocking) {
  return Explainer(history, model, key, ops).explain(blocking);
}

}  // namespace witness_internal

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
