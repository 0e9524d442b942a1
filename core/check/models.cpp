#include "check/models.h"

#include <cassert>

namespace cs::check {

namespace {

// A key for the intern map that keeps the integer 5 and the text "5" apart (only the kv model
// merges them, by canonicalizing first).
std::string encode(const Value& v) {
  switch (v.kind) {
    case Value::Kind::Nil: return "n";
    case Value::Kind::Int: return "i" + std::to_string(v.integer);
    case Value::Kind::Text: return "t" + v.text;
  }
  return "?";
}

}  // namespace

std::string_view to_string(Model model) {
  switch (model) {
    case Model::Register: return "register";
    case Model::CasRegister: return "cas-register";
    case Model::Kv: return "kv";
  }
  return "?";
}

std::optional<Model> model_from_name(std::string_view name) {
  if (name == "register") return Model::Register;
  if (name == "cas-register") return Model::CasRegister;
  if (name == "kv") return Model::Kv;
  return std::nullopt;
}

bool supports(Model model, OpFunction f) {
  switch (f) {
    case OpFunction::Read:
    case OpFunction::Write: return true;
    case OpFunction::Cas: return model == Model::CasRegister;
    case OpFunction::Append: return model == Model::Kv;
  }
  return false;
}

Model infer_model(const OpHistory& history) {
  bool cas = false;
  for (const auto& op : history.ops) {
    if (op.f == OpFunction::Append || op.value.kind == Value::Kind::Text) return Model::Kv;
    cas = cas || op.f == OpFunction::Cas;
  }
  return cas ? Model::CasRegister : Model::Register;
}

std::optional<ModelMismatch> unsupported_operation(Model model, const OpHistory& history) {
  for (const auto& op : history.ops) {
    if (!supports(model, op.f)) {
      const std::string hint = op.f == OpFunction::Cas ? "cas-register" : "kv";
      HistoryOp unlined = op;  // the line is reported on its own
      unlined.line = 0;
      return ModelMismatch{describe(unlined) + ": the " + std::string(to_string(model)) + " model has no " +
                               std::string(to_string(op.f)) + " (the " + hint + " model has)",
                           op.line};
    }
  }
  return std::nullopt;
}

ValueTable::ValueTable(Model model) : model_(model) { intern(Value::nil()); }

Value ValueTable::canonical(const Value& value) const {
  // The kv model's values are text; an integer written there is its decimal text.
  if (model_ == Model::Kv && value.kind == Value::Kind::Int) return Value::of_text(std::to_string(value.integer));
  return value;
}

std::uint32_t ValueTable::intern(const Value& value) {
  const Value v = canonical(value);
  std::string key = encode(v);
  const auto it = ids_.find(key);
  if (it != ids_.end()) return it->second;
  const auto id = static_cast<std::uint32_t>(values_.size());
  memory_bytes_ += 2 * key.size() + 64;  // the value, its key and the map node, roughly
  ids_.emplace(std::move(key), id);
  values_.push_back(v);
  return id;
}

std::optional<std::uint32_t> ValueTable::append(std::uint32_t state, std::uint32_t suffix) {
  assert(model_ == Model::Kv && state < values_.size() && suffix < values_.size());
  const std::uint64_t pair = (std::uint64_t{state} << 32) | suffix;
  if (const auto it = appended_.find(pair); it != appended_.end()) return it->second;
  if (values_.size() >= kMaxValues) return std::nullopt;
  const Value& base = values_[state];
  const Value& tail = values_[suffix];
  const std::uint32_t id = intern(Value::of_text((base.is_nil() ? std::string() : base.text) + tail.text));
  appended_.emplace(pair, id);
  memory_bytes_ += 32;
  return id;
}

}  // namespace cs::check
