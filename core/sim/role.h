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

// Removed: not a member of the cluster (a spare not yet added, or a node taken out). It has no
// state, runs nothing and receives nothing until it is added, when it starts afresh.
enum class NodeStatus : std::uint8_t { Up, Crashed, Paused, Removed };

std::string_view to_string(NodeStatus status);
// Neither running nor holding messages: crashed or removed.
inline bool is_down(NodeStatus status) { return status == NodeStatus::Crashed || status == NodeStatus::Removed; }

}  // namespace cs::sim
