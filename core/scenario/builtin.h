#pragma once
// Built-in scenarios: the JSON files of lessons/scenarios/, compiled into the core library.
#include <string_view>
#include <vector>

namespace cs::scenario {

struct BuiltinScenario {
  std::string_view id;
  std::string_view json;
};

const std::vector<BuiltinScenario>& builtin_scenarios();  // sorted by id
const BuiltinScenario* find_builtin(std::string_view id);

}  // namespace cs::scenario
