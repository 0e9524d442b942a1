#pragma once
// Reading a model's parameters (complete: the loader fills defaults) in the units the models use,
// and the text parameters that pick one of a few choices. An unknown choice falls back to the
// default so that a run never stops half-built; param_problems() names it, and the tests check
// that every built-in scenario has none.
#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "protocols/registry.h"
#include "sim/time.h"

namespace cs::replication {

inline std::string text_param(const protocols::ModelParams& params, std::string_view name) {
  const auto it = params.find(name);
  return it != params.end() && std::holds_alternative<std::string>(it->second) ? std::get<std::string>(it->second)
                                                                               : std::string();
}

inline bool flag_param(const protocols::ModelParams& params, std::string_view name) {
  const auto it = params.find(name);
  return it != params.end() && std::holds_alternative<bool>(it->second) && std::get<bool>(it->second);
}

inline sim::TimeUs ms_param(const protocols::ModelParams& params, std::string_view name) {
  return static_cast<sim::TimeUs>(std::llround(std::max(0.0, protocols::number_param(params, name)) * 1000.0));
}

inline std::size_t count_param(const protocols::ModelParams& params, std::string_view name) {
  return static_cast<std::size_t>(std::llround(std::max(0.0, protocols::number_param(params, name))));
}

template <class T>
using Choices = std::vector<std::pair<std::string_view, T>>;

template <class T>
std::optional<T> find_choice(const Choices<T>& choices, std::string_view text) {
  for (const auto& [name, value] : choices) {
    if (name == text) return value;
  }
  return std::nullopt;
}

// The parameter's choice; the first one (the default) when the text names none of them.
template <class T>
T choice_param(const protocols::ModelParams& params, std::string_view name, const Choices<T>& choices) {
  return find_choice(choices, text_param(params, name)).value_or(choices.front().second);
}

// "mode: \"fast\" is not one of async, semi-sync, sync", or nothing when the text is a choice.
template <class T>
std::optional<std::string> choice_problem(const protocols::ModelParams& params, std::string_view name,
                                          const Choices<T>& choices) {
  const std::string text = text_param(params, name);
  if (find_choice(choices, text)) return std::nullopt;
  std::string known;
  for (const auto& [choice, value] : choices) known += (known.empty() ? "" : ", ") + std::string(choice);
  return std::string(name) + ": \"" + text + "\" is not one of " + known;
}

}  // namespace cs::replication
