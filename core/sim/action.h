#pragma once
// Faults and user actions. A scenario's timeline and everything a learner does on the stage are
// the same kind of thing: a command applied at a simulated time. User actions live in the run's
// action log, so rewinding (replay) applies them again at the same point.
#include <cstdint>
#include <string_view>
#include <vector>

#include "sim/history.h"
#include "sim/ids.h"
#include "sim/time.h"

namespace cs::sim {

enum class ActionType : std::uint8_t {
  Invalid,        // first, so that an unknown name read from JSON maps here and is rejected
  Crash,          // node
  Restart,        // node
  Pause,          // node (a long GC pause: nothing handled until Resume)
  Resume,         // node
  Isolate,        // node
  Partition,      // groups
  OneWayCut,      // node -> peer
  Heal,           // -
  SlowDown,       // node, value = extra one-way latency in us
  SetClockSkew,   // node, value = skew in us
  SetClockDrift,  // node, value = drift in parts per million
  DropMessage,    // value = message id
  ClientRequest,  // node, op_type, key, value, level
  AddNode,        // node (a spare, or one removed earlier) joins the cluster afresh
  RemoveNode,     // node leaves the cluster, losing its state
};

std::string_view to_string(ActionType type);
ActionType action_type_from_string(std::string_view name);

struct Action {
  TimeUs at_us = 0;
  ActionType type = ActionType::Invalid;
  EndpointId node = kNoEndpoint;
  EndpointId peer = kNoEndpoint;
  std::int64_t value = 0;
  std::vector<std::vector<EndpointId>> groups;
  OpType op_type = OpType::Read;
  std::int64_t key = 0;
  std::uint8_t level = 0;

  bool operator==(const Action&) const = default;
};

}  // namespace cs::sim
