#include "sim/role.h"

namespace cs::sim {

std::string_view to_string(Role role) {
  switch (role) {
    case Role::None: return "none";
    case Role::Follower: return "follower";
    case Role::Candidate: return "candidate";
    case Role::Leader: return "leader";
    case Role::Primary: return "primary";
    case Role::Replica: return "replica";
    case Role::Suspect: return "suspect";
  }
  return "?";
}

std::string_view to_string(NodeStatus status) {
  switch (status) {
    case NodeStatus::Up: return "up";
    case NodeStatus::Crashed: return "crashed";
    case NodeStatus::Paused: return "paused";
    case NodeStatus::Removed: return "removed";
  }
  return "?";
}

}  // namespace cs::sim
