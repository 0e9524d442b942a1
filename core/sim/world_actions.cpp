// Faults and learner actions applied to the World. Each one is recorded in the trace first, so
// the timeline can mark it and a replay can be compared with the original.
#include <cassert>

#include "sim/world.h"

namespace cs::sim {

void World::apply(const Action& a) {
  const bool needs_node = a.type != ActionType::Heal && a.type != ActionType::Partition &&
                          a.type != ActionType::DropMessage && a.type != ActionType::Invalid;
  assert(!needs_node || is_node(a.node));
  if (needs_node && !is_node(a.node)) return;
  record({.type = TraceType::Fault,
          .kind = static_cast<std::uint16_t>(a.type),
          .node = a.node,
          .peer = a.peer,
          .a = a.value,
          .b = a.key});
  switch (a.type) {
    case ActionType::Invalid: assert(false && "invalid action"); break;
    case ActionType::Crash: crash(a.node); break;
    case ActionType::Restart: restart(a.node); break;
    case ActionType::AddNode: add_node(a.node); break;
    case ActionType::RemoveNode: remove_node(a.node); break;
    case ActionType::Pause: pause(a.node); break;
    case ActionType::Resume: resume(a.node); break;
    case ActionType::Isolate: network_.isolate(a.node); break;
    case ActionType::Partition: network_.partition(a.groups); break;
    case ActionType::OneWayCut: network_.cut_one_way(a.node, a.peer); break;
    case ActionType::Heal: network_.heal(); break;
    case ActionType::SlowDown: network_.set_extra_latency(a.node, a.value); break;
    case ActionType::SetClockSkew: nodes_[a.node].clock_skew_us = a.value; break;
    case ActionType::SetClockDrift: nodes_[a.node].clock_drift_ppm = a.value; break;
    case ActionType::DropMessage: drop_in_flight(static_cast<std::uint64_t>(a.value)); break;
    case ActionType::ClientRequest: {
      ClientState& console = client_state(console_client_);
      if (console.pending_op == 0) issue(console, a.node, a.op_type, a.key, a.level);
      break;
    }
  }
}

}  // namespace cs::sim
