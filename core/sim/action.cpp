#include "sim/action.h"

#include <array>
#include <utility>

namespace cs::sim {

namespace {
constexpr std::array<std::pair<ActionType, std::string_view>, 16> kNames{{
    {ActionType::Invalid, "invalid"},
    {ActionType::Crash, "crash"},
    {ActionType::Restart, "restart"},
    {ActionType::Pause, "pause"},
    {ActionType::Resume, "resume"},
    {ActionType::Isolate, "isolate"},
    {ActionType::Partition, "partition"},
    {ActionType::OneWayCut, "one-way-cut"},
    {ActionType::Heal, "heal"},
    {ActionType::SlowDown, "slow-down"},
    {ActionType::SetClockSkew, "clock-skew"},
    {ActionType::SetClockDrift, "clock-drift"},
    {ActionType::DropMessage, "drop-message"},
    {ActionType::ClientRequest, "client-request"},
    {ActionType::AddNode, "add-node"},
    {ActionType::RemoveNode, "remove-node"},
}};
}  // namespace

std::string_view to_string(ActionType type) {
  for (const auto& [t, name] : kNames) {
    if (t == type) return name;
  }
  return "invalid";
}

ActionType action_type_from_string(std::string_view name) {
  for (const auto& [t, n] : kNames) {
    if (n == name) return t;
  }
  return ActionType::Invalid;
}

}  // namespace cs::sim
