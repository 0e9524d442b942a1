#pragma once
// The replication and consistency models a scenario can name, for the registry
// (core/protocols/registry.cpp lists them).
#include <string>
#include <string_view>
#include <vector>

#include "protocols/registry.h"

namespace cs::replication {

protocols::ModelInfo single_leader_model();  // "single-leader"
protocols::ModelInfo multi_leader_model();   // "multi-leader"
protocols::ModelInfo leaderless_model();     // "leaderless"
protocols::ModelInfo crdt_model();           // "crdt"

// Text parameters of one of these models that name no known choice, one line each (empty: fine).
std::vector<std::string> param_problems(std::string_view model, const protocols::ModelParams& params);

// The same, per model (each defined beside its model).
std::vector<std::string> single_leader_param_problems(const protocols::ModelParams& params);
std::vector<std::string> multi_leader_param_problems(const protocols::ModelParams& params);
std::vector<std::string> leaderless_param_problems(const protocols::ModelParams& params);
std::vector<std::string> crdt_param_problems(const protocols::ModelParams& params);

}  // namespace cs::replication
