#pragma once
#include <cstdint>
#include <string_view>

namespace cs::sim {

// Roles a node can show on the stage. Protocols pick the ones that fit them.
enum class Role : std::uint8_t {
  None,
  Follower,
  Candidate,
  Leader,
  Primary,
  Replica,
  Suspect,  // a follower that has stopped hearing from its leader
};

std::string_view to_string(Role role);

enum class NodeStatus : std::uint8_t { Up, Crashed, Paused };

std::string_view to_string(NodeStatus status);

}  // namespace cs::sim
