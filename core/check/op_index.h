#pragma once
// A simulator history's operations by id, for the checkers' witnesses and their views: the
// operations a witness names by id, found again in the history it came from.
#include <cstdint>
#include <unordered_map>

#include "sim/history.h"

namespace cs::check {

class OpIndex {
 public:
  // Points into `ops`, which must outlive the index.
  explicit OpIndex(const sim::OpLog& ops) {
    for (const sim::Operation& op : ops) by_id_.emplace(op.id, &op);
  }
  // The operation with this id; nullptr when the history has none.
  const sim::Operation* find(std::uint64_t id) const {
    const auto it = by_id_.find(id);
    return it == by_id_.end() ? nullptr : it->second;
  }

 private:
  std::unordered_map<std::uint64_t, const sim::Operation*> by_id_;
};

}  // namespace cs::check
