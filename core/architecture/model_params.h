#pragma once
// Reading the parameters the architecture models share: the request loop of their user-facing
// nodes, and counts of nodes per role. The scenario loader checks only types, so values out of
// range are clamped here to what the models can run.
#include <cstddef>
#include <string_view>
#include <vector>

#include "architecture/request_loop.h"
#include "protocols/registry.h"
#include "replication/model_params.h"

namespace cs::architecture {

using replication::ms_param;  // milliseconds to microseconds, negative as 0
// A count in [lo, hi]: rounded, then clamped.
std::size_t count_param(const protocols::ModelParams& params, std::string_view name, std::size_t lo, std::size_t hi);

// The request loop's knobs, with their defaults and help, for a model's parameter list.
std::vector<protocols::ParamSpec> request_loop_params(std::string_view who);
RequestLoopConfig request_loop_config(const protocols::ModelParams& params);

}  // namespace cs::architecture
