#pragma once
// Shared by the linearizability tests: a compact way to write a history by hand, and a check that
// a verdict's evidence really is what it claims (an order the model allows, in real-time order).
#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "check/linearizability.h"

namespace test {

using cs::check::HistoryOp;
using cs::check::kNoTime;
using cs::check::OpFunction;
using cs::check::OpHistory;
using cs::check::OpOutcome;
using cs::check::Value;

// Times: [invoke, complete]; complete = kNoTime (or outcome Info) for a crashed operation.
class HistoryBuilder {
 public:
  HistoryBuilder& write(std::int64_t process, Value v, std::int64_t t0, std::int64_t t1, OpOutcome o = OpOutcome::Ok,
                        std::string key = "") {
    return add(process, OpFunction::Write, std::move(v), Value::nil(), t0, t1, o, std::move(key));
  }
  HistoryBuilder& read(std::int64_t process, Value v, std::int64_t t0, std::int64_t t1, OpOutcome o = OpOutcome::Ok,
                       std::string key = "") {
    return add(process, OpFunction::Read, std::move(v), Value::nil(), t0, t1, o, std::move(key));
  }
  HistoryBuilder& cas(std::int64_t process, Value expected, Value next, std::int64_t t0, std::int64_t t1,
                      OpOutcome o = OpOutcome::Ok, std::string key = "") {
    return add(process, OpFunction::Cas, std::move(expected), std::move(next), t0, t1, o, std::move(key));
  }
  HistoryBuilder& append(std::int64_t process, Value v, std::int64_t t0, std::int64_t t1, OpOutcome o = OpOutcome::Ok,
                         std::string key = "") {
    return add(process, OpFunction::Append, std::move(v), Value::nil(), t0, t1, o, std::move(key));
  }
  // A crashed operation: invoked, never completed.
  HistoryBuilder& crashed_write(std::int64_t process, Value v, std::int64_t t0, std::string key = "") {
    return write(process, std::move(v), t0, kNoTime, OpOutcome::Info, std::move(key));
  }
  const OpHistory& history() const { return h_; }

 private:
  HistoryBuilder& add(std::int64_t process, OpFunction f, Value a, Value b, std::int64_t t0, std::int64_t t1,
                      OpOutcome o, std::string key) {
    HistoryOp op;
    op.id = h_.ops.size() + 1;
    op.process = process;
    op.key = std::move(key);
    op.f = f;
    op.value = std::move(a);
    op.new_value = std::move(b);
    op.outcome = o;
    op.invoke_time = t0;
    op.complete_time = t1;
    h_.ops.push_back(std::move(op));
    return *this;
  }
  OpHistory h_;
};

inline Value v(std::int64_t x) { return Value::of(x); }
inline Value text(const char* s) { return Value::of_text(s); }
inline Value nil() { return Value::nil(); }

// The reference semantics, written independently of the checker's: one step of `op` on a key's
// value; nullopt when the model forbids it.
inline std::optional<Value> reference_step(cs::check::Model model, const HistoryOp& op, const Value& state) {
  const auto as_text = [&](const Value& x) {
    if (model == cs::check::Model::Kv && x.kind == Value::Kind::Int) return Value::of_text(std::to_string(x.integer));
    return x;
  };
  const Value s = as_text(state);
  switch (op.f) {
    case OpFunction::Read:
      if (op.outcome == OpOutcome::Info || s == as_text(op.value)) return s;
      return std::nullopt;
    case OpFunction::Write: return as_text(op.value);
    case OpFunction::Cas:
      if (s == as_text(op.value)) return as_text(op.new_value);
      return std::nullopt;
    case OpFunction::Append: return Value::of_text((s.is_nil() ? "" : s.text) + as_text(op.value).text);
  }
  return std::nullopt;
}

inline bool precedes(const HistoryOp& a, const HistoryOp& b) {
  return a.outcome != OpOutcome::Info && a.complete_time != kNoTime && a.complete_time < b.invoke_time;
}

// Checks that `order` (ids) is a legal sequential run of the model on one key, each operation at
// most once, none failed, and never placing an operation before one that really preceded it
// unless that one is placed too. With `complete`, every ok operation of the key must be in it.
// Returns "" when fine, else what is wrong.
inline std::string verify_order(const OpHistory& h, cs::check::Model model, const std::string& key,
                                const std::vector<std::uint64_t>& order, bool complete, Value* final_value = nullptr) {
  std::map<std::uint64_t, const HistoryOp*> by_id;
  for (const auto& op : h.ops) by_id[op.id] = &op;
  std::set<std::uint64_t> placed;
  Value state = Value::nil();
  for (const std::uint64_t id : order) {
    if (!by_id.count(id)) return "unknown id " + std::to_string(id);
    const HistoryOp& op = *by_id[id];
    if (op.key != key) return "op " + std::to_string(id) + " is of another key";
    if (op.outcome == OpOutcome::Fail) return "failed op " + std::to_string(id) + " placed";
    if (!placed.insert(id).second) return "op " + std::to_string(id) + " placed twice";
    for (const auto& other : h.ops) {
      if (other.key == key && other.outcome == OpOutcome::Ok && precedes(other, op) && !placed.count(other.id)) {
        return "op " + std::to_string(id) + " placed before op " + std::to_string(other.id) + ", which preceded it";
      }
    }
    const auto next = reference_step(model, op, state);
    if (!next) return "op " + std::to_string(id) + " is not legal after the ops before it";
    state = *next;
  }
  if (complete) {
    for (const auto& op : h.ops) {
      if (op.key == key && op.outcome == OpOutcome::Ok && !placed.count(op.id)) {
        return "ok op " + std::to_string(op.id) + " missing from the order";
      }
    }
  }
  if (final_value) *final_value = state;
  return "";
}

}  // namespace test
