#pragma once
// The parameters the architecture models share: the request loop of their user-facing nodes.
#include <cstddef>
#include <string_view>
#include <vector>

#include "architecture/request_loop.h"
#include "model/model_info.h"
#include "model/params.h"

namespace cs::architecture {

using model::count_param;
using model::ms_param;

// The request loop's knobs, with their defaults and help, for a model's parameter list.
std::vector<model::ParamSpec> request_loop_params(std::string_view who);
RequestLoopConfig request_loop_config(const model::ModelParams& params);

}  // namespace cs::architecture
