#pragma once
// A command's SCENARIO_ID|FILE argument: a built-in scenario id, else a file to read.
#include <string>

#include "scenario/scenario.h"

namespace cs::cli {

// Throws UsageError when it is neither; ScenarioError when the scenario is malformed.
scenario::Scenario load_scenario_argument(const std::string& id_or_file);

}  // namespace cs::cli
