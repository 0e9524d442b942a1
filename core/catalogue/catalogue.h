#pragma once
// The catalogue of models: every model a scenario can name, in one list. It sits above all the
// models (it includes each of them), so nothing below it may include it.
#include <string_view>
#include <vector>

#include "model/model_info.h"

namespace cs::catalogue {

const std::vector<model::ModelInfo>& models();
const model::ModelInfo* find_model(std::string_view type);

}  // namespace cs::catalogue
