#pragma once
// What the two halves of check/witness.h share, for them alone: witness.cpp finds a witness (what
// a set of operations can produce, and the deletion search), witness_sentences.cpp says why it has
// no legal order (the sentence, and a witness's operations and times in words).
#include <cstddef>
#include <string>
#include <unordered_set>
#include <vector>

#include "check/models.h"
#include "check/operation.h"
#include "check/witness.h"

namespace cs::check::witness_internal {

// The kv model reads an integer as its decimal text (as ValueTable does), so values are compared
// after the same step.
inline Value canonical(const Value& v, Model model) {
  if (model == Model::Kv && v.kind == Value::Kind::Int) return Value::of_text(std::to_string(v.integer));
  return v;
}

inline bool is_producer(const HistoryOp& op) {
  return op.f == OpFunction::Write || op.f == OpFunction::Cas || op.f == OpFunction::Append;
}

// The value a write or cas leaves (an append's depends on the state, so it has none of its own).
inline const Value& written_value(const HistoryOp& op) { return op.f == OpFunction::Cas ? op.new_value : op.value; }

// An ok read must have seen its value, an ok cas its expected value: what must have been produced.
inline bool has_requirement(const HistoryOp& op) {
  return op.outcome == OpOutcome::Ok && (op.f == OpFunction::Read || op.f == OpFunction::Cas);
}

inline bool invocation_less(const OpHistory& history, std::size_t a, std::size_t b) {
  const HistoryOp& x = history.ops[a];
  const HistoryOp& y = history.ops[b];
  return x.invoke_time != y.invoke_time ? x.invoke_time < y.invoke_time : a < b;
}

// The values some order of a set of operations could produce, ignoring time: a write's value; a
// cas's new value when its expected value can be produced (or is nil, the start); in the kv model
// also a put (or nothing) followed by appends, each append used any number of times. Ignoring time
// and counts keeps this cheap and errs towards "producible": it only has to catch a read left
// without any possible source. Defined in witness.cpp.
class Producible {
 public:
  // `ops` (indices) without those in `removed`.
  Producible(const OpHistory& history, Model model, const std::vector<std::size_t>& ops,
             const std::unordered_set<std::size_t>& removed);

  bool can_produce(const Value& value) const;

 private:
  // Whether the value is new.
  bool add(const Value& value);

  Model model_;
  std::unordered_set<std::string> values_;     // encoded
  std::unordered_set<std::string> put_texts_;  // kv: texts a put (or cas) leaves
  std::unordered_set<std::string> appends_;    // kv: texts appended
};

struct Explanation {
  WitnessKind kind = WitnessKind::NoOrder;
  std::size_t blocking = kNoOp;
  std::size_t conflicting = kNoOp;
  std::string sentence;
  std::vector<std::size_t> named;  // every operation the sentence names, in its order
};

// Why the witness `ops` (indices, in invocation order) of `key` has no legal order; `blocking` is
// the operation the search could not place, or kNoOp. Defined in witness_sentences.cpp.
Explanation explain_witness(const OpHistory& history, Model model, const std::string& key,
                            const std::vector<std::size_t>& ops, std::size_t blocking);

}  // namespace cs::check::witness_internal
