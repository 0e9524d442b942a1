#include "check/operation.h"

#include <nlohmann/json.hpp>

namespace cs::check {

std::string_view to_string(OpFunction f) {
  switch (f) {
    case OpFunction::Read: return "read";
    case OpFunction::Write: return "write";
    case OpFunction::Cas: return "cas";
    case OpFunction::Append: return "append";
  }
  return "?";
}

std::string_view to_string(OpOutcome outcome) {
  switch (outcome) {
    case OpOutcome::Ok: return "ok";
    case OpOutcome::Fail: return "fail";
    case OpOutcome::Info: return "info";
  }
  return "?";
}

std::optional<OpFunction> function_from_name(std::string_view name) {
  if (name == "read" || name == "get") return OpFunction::Read;
  if (name == "write" || name == "put") return OpFunction::Write;
  if (name == "cas") return OpFunction::Cas;
  if (name == "append") return OpFunction::Append;
  return std::nullopt;
}

std::string Value::to_string() const {
  switch (kind) {
    case Kind::Nil: return "nil";
    case Kind::Int: return std::to_string(integer);
    case Kind::Text: return nlohmann::json(text).dump();
  }
  return "?";
}

std::string describe(const HistoryOp& op) {
  std::string s = "op " + std::to_string(op.id) + " (process " + std::to_string(op.process);
  if (!op.key.empty()) s += ", key " + op.key;
  if (op.line > 0) s += ", line " + std::to_string(op.line);
  s += "): ";
  s += to_string(op.f);
  switch (op.f) {
    case OpFunction::Read:
      // A read's value is only known when it completed.
      s += op.outcome == OpOutcome::Ok ? " -> " + op.value.to_string() : "";
      break;
    case OpFunction::Write:
    case OpFunction::Append: s += " " + op.value.to_string(); break;
    case OpFunction::Cas: s += " " + op.value.to_string() + " -> " + op.new_value.to_string(); break;
  }
  s += ", ";
  s += to_string(op.outcome);
  return s;
}

OpHistory from_sim_history(const sim::OpLog& ops) {
  OpHistory out;
  out.ops.reserve(ops.size());
  for (const sim::Operation& s : ops) {
    HistoryOp op;
    op.id = s.id;
    op.process = s.client;
    op.key = std::to_string(s.key);
    op.f = s.type == sim::OpType::Read ? OpFunction::Read : OpFunction::Write;
    op.value = s.has_value ? Value::of(s.value) : Value::nil();
    switch (s.status) {
      case sim::OpStatus::Ok: op.outcome = OpOutcome::Ok; break;
      case sim::OpStatus::Fail: op.outcome = OpOutcome::Fail; break;
      case sim::OpStatus::Pending:
      case sim::OpStatus::Info: op.outcome = OpOutcome::Info; break;
    }
    op.invoke_time = s.invoke_us;
    op.complete_time = s.complete_us < 0 ? kNoTime : s.complete_us;
    out.ops.push_back(std::move(op));
  }
  return out;
}

}  // namespace cs::check
