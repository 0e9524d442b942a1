#include "model/params.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace cs::model {

namespace {

// As a person writes it: 100000, 0.5, -1 (no exponent for whole numbers a file would hold).
std::string number_text(double v) {
  if (std::isfinite(v) && v == std::floor(v) && std::abs(v) < 1e15) return std::to_string(static_cast<long long>(v));
  char buf[32];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  return ec == std::errc() ? std::string(buf, end) : std::to_string(v);
}

std::optional<ParamProblem> range_problem(const ParamSpec& spec, double v) {
  assert(spec.range && "every number parameter states its range");
  if (!spec.range) return std::nullopt;
  const Range& r = *spec.range;
  if (r.or_none && v == -1) return std::nullopt;
  if (!std::isfinite(v) || v < r.min || v > r.max) {
    return ParamProblem{spec.name, number_text(v) + " is outside " + number_text(r.min) + " to " + number_text(r.max) +
                                       (r.or_none ? " (or -1 for none)" : "")};
  }
  if (r.whole && v != std::floor(v)) return ParamProblem{spec.name, number_text(v) + " is not a whole number"};
  return std::nullopt;
}

std::optional<ParamProblem> choice_problem(const ParamSpec& spec, const std::string& text) {
  if (spec.choices.empty() || std::find(spec.choices.begin(), spec.choices.end(), text) != spec.choices.end()) {
    return std::nullopt;
  }
  std::string known;
  for (const auto& c : spec.choices) known += (known.empty() ? "" : ", ") + c;
  return ParamProblem{spec.name, "\"" + text + "\" is not one of " + known};
}

}  // namespace

double number_param(const ModelParams& params, std::string_view name) {
  const auto it = params.find(name);
  assert(it != params.end() && std::holds_alternative<double>(it->second));
  return std::get<double>(it->second);
}

bool flag_param(const ModelParams& params, std::string_view name) {
  const auto it = params.find(name);
  assert(it != params.end() && std::holds_alternative<bool>(it->second));
  return std::get<bool>(it->second);
}

std::string text_param(const ModelParams& params, std::string_view name) {
  const auto it = params.find(name);
  assert(it != params.end() && std::holds_alternative<std::string>(it->second));
  return std::get<std::string>(it->second);
}

sim::TimeUs ms_param(const ModelParams& params, std::string_view name) {
  const double ms = number_param(params, name);
  assert(ms >= 0 && ms <= 9.0e12);
  return static_cast<sim::TimeUs>(std::llround(ms * 1000.0));
}

sim::TimeUs ms_or_none_param(const ModelParams& params, std::string_view name) {
  return number_param(params, name) == -1 ? -1 : ms_param(params, name);
}

std::size_t count_param(const ModelParams& params, std::string_view name) {
  const double v = number_param(params, name);
  assert(v >= 0 && v == std::floor(v));
  return static_cast<std::size_t>(v);
}

std::vector<double> number_list(std::string_view text) {
  std::vector<double> out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(',', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view item = text.substr(start, end - start);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    double v = 0;
    const auto [ptr, ec] = std::from_chars(item.data(), item.data() + item.size(), v);
    if (!item.empty() && ec == std::errc() && ptr == item.data() + item.size() && std::isfinite(v)) out.push_back(v);
    start = end + 1;
  }
  return out;
}

void require_order(const ModelParams& params, std::string_view low, std::string_view high,
                   std::vector<ParamProblem>& problems) {
  const double lo = number_param(params, low);
  const double hi = number_param(params, high);
  if (lo > hi) {
    problems.push_back(
        {std::string(low), number_text(lo) + " is greater than " + std::string(high) + " (" + number_text(hi) + ")"});
  }
}

void require_node_index(const ModelParams& params, std::string_view name, std::size_t node_count,
                        std::vector<ParamProblem>& problems) {
  const double v = number_param(params, name);
  if (v >= static_cast<double>(node_count)) {
    problems.push_back({std::string(name), "node index " + number_text(v) +
                                               " is beyond the last node (the scenario has " +
                                               std::to_string(node_count) + ", counted from 0)"});
  }
}

std::vector<ParamProblem> param_problems(const ModelInfo& model, const ModelParams& params, std::size_t node_count) {
  std::vector<ParamProblem> problems;
  for (const ParamSpec& spec : model.params) {
    const auto it = params.find(spec.name);
    assert(it != params.end());
    std::optional<ParamProblem> p;
    if (const double* v = std::get_if<double>(&it->second)) {
      p = range_problem(spec, *v);
    } else if (const std::string* t = std::get_if<std::string>(&it->second)) {
      p = choice_problem(spec, *t);
    }
    if (p) problems.push_back(std::move(*p));
  }
  // Cross-parameter checks assume every value is in range on its own.
  if (problems.empty() && model.check) {
    for (auto& p : model.check(params, node_count)) problems.push_back(std::move(p));
  }
  return problems;
}

}  // namespace cs::model
