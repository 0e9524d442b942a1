#pragma once
// The one set of readers for a model's parameters, in the units the models use. Parameters reach a
// model complete (the loader fills defaults) and checked (the loader refuses a value outside the
// range its ParamSpec states, and whatever the model's `check` finds), so the readers convert and
// assert; they never clamp. Text parameters that pick one of a few choices declare those choices in
// their ParamSpec (choice_names), so an unknown choice is refused at load as well.
#include <cassert>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/model_info.h"
#include "sim/ids.h"
#include "sim/time.h"

namespace cs::model {

double number_param(const ModelParams& params, std::string_view name);
bool flag_param(const ModelParams& params, std::string_view name);
std::string text_param(const ModelParams& params, std::string_view name);
// Milliseconds, as the files give them, in whole microseconds.
sim::TimeUs ms_param(const ModelParams& params, std::string_view name);
// A time whose range is none_or_between: -1 (none) stays -1, anything else as ms_param.
sim::TimeUs ms_or_none_param(const ModelParams& params, std::string_view name);
// A whole, non-negative number (its range says so): a count, a size, a node index.
std::size_t count_param(const ModelParams& params, std::string_view name);
// "1,3,5" -> {1, 3, 5}; an empty text gives none. An item that is not a finite number ("x",
// "nan", "inf") is left out, so that a range check on what is left cannot be passed by a NaN.
std::vector<double> number_list(std::string_view text);

template <class T>
using Choices = std::vector<std::pair<std::string_view, T>>;

template <class T>
std::optional<T> find_choice(const Choices<T>& choices, std::string_view text) {
  for (const auto& [name, value] : choices) {
    if (name == text) return value;
  }
  return std::nullopt;
}

// The names of the choices, for a ParamSpec's `choices`.
template <class T>
std::vector<std::string> choice_names(const Choices<T>& choices) {
  std::vector<std::string> names;
  for (const auto& [name, value] : choices) names.emplace_back(name);
  return names;
}

// The parameter's choice. The loader has refused any text that is not one of them.
template <class T>
T choice_param(const ModelParams& params, std::string_view name, const Choices<T>& choices) {
  const std::optional<T> found = find_choice(choices, text_param(params, name));
  assert(found && "the loader checks choices against the ParamSpec");
  return found ? *found : choices.front().second;
}

// Adds a problem when the parameter `low` is greater than `high` (e.g. a timeout range).
void require_order(const ModelParams& params, std::string_view low, std::string_view high,
                   std::vector<ParamProblem>& problems);
// Adds a problem when a node-index parameter names no node of the scenario.
void require_node_index(const ModelParams& params, std::string_view name, std::size_t node_count,
                        std::vector<ParamProblem>& problems);

// Range, choice and `check` problems of complete parameters: what the loader refuses.
std::vector<ParamProblem> param_problems(const ModelInfo& model, const ModelParams& params, std::size_t node_count);

}  // namespace cs::model
