#include "sim/history.h"

namespace cs::sim {

std::string_view to_string(OpType type) { return type == OpType::Read ? "read" : "write"; }

std::string_view to_string(OpStatus status) {
  switch (status) {
    case OpStatus::Pending: return "pending";
    case OpStatus::Ok: return "ok";
    case OpStatus::Fail: return "fail";
    case OpStatus::Info: return "info";
  }
  return "?";
}

Operation* History::invoke(const Operation& op) {
  if (ops_.size() >= max_ops_) {
    ++dropped_;
    return nullptr;
  }
  Operation& added = ops_.push_back(op);
  added.id = ops_.size();
  return &added;
}

Operation* History::find(std::uint64_t id) {
  if (id == 0 || id > ops_.size()) return nullptr;
  return &ops_.mutable_at(id - 1);
}

}  // namespace cs::sim
