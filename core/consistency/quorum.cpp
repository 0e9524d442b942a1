#include "consistency/quorum.h"

#include <algorithm>
#include <cassert>

namespace cs::consistency {

std::string_view to_string(ConsistencyLevel level) {
  switch (level) {
    case ConsistencyLevel::Default: return "DEFAULT";
    case ConsistencyLevel::One: return "ONE";
    case ConsistencyLevel::Quorum: return "QUORUM";
    case ConsistencyLevel::All: return "ALL";
    case ConsistencyLevel::LocalQuorum: return "LOCAL_QUORUM";
  }
  return "?";
}

std::optional<ConsistencyLevel> level_from_name(std::string_view name) {
  for (auto level : {ConsistencyLevel::Default, ConsistencyLevel::One, ConsistencyLevel::Quorum, ConsistencyLevel::All,
                     ConsistencyLevel::LocalQuorum}) {
    if (to_string(level) == name) return level;
  }
  return std::nullopt;
}

ConsistencyLevel level_from_wire(std::uint8_t level) {
  return level <= static_cast<std::uint8_t>(ConsistencyLevel::LocalQuorum) ? static_cast<ConsistencyLevel>(level)
                                                                           : ConsistencyLevel::Default;
}

std::size_t required_answers(ConsistencyLevel level, ReplicaCounts replicas, std::size_t model_default) {
  assert(replicas.local <= replicas.total && replicas.total > 0);
  switch (level) {
    case ConsistencyLevel::Default: return std::clamp<std::size_t>(model_default, 1, replicas.total);
    case ConsistencyLevel::One: return 1;
    case ConsistencyLevel::Quorum: return majority(replicas.total);
    case ConsistencyLevel::All: return replicas.total;
    case ConsistencyLevel::LocalQuorum: return majority(replicas.local);
  }
  return replicas.total;
}

}  // namespace cs::consistency
