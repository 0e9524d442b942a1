#include "architecture/model_params.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace cs::architecture {

using protocols::number_param;

std::size_t count_param(const protocols::ModelParams& params, std::string_view name, std::size_t lo, std::size_t hi) {
  const double v = number_param(params, name);
  if (!std::isfinite(v) || v < static_cast<double>(lo)) return lo;
  return std::min(hi, static_cast<std::size_t>(std::llround(v)));
}

std::vector<protocols::ParamSpec> request_loop_params(std::string_view who) {
  const std::string w(who);
  return {
      {"first_request_ms", 980.0, "when the first " + w + " sends its first request"},
      {"stagger_ms", 500.0, "each further " + w + " starts this much later than the one before"},
      {"think_time_ms", 400.0, "mean pause of a " + w + " between an answer and its next request"},
      {"request_timeout_ms", 1000.0, "a " + w + " gives up on an unanswered request after this long"},
      {"keys", 20.0, "keys 1..keys, chosen uniformly"},
      {"read_fraction", 0.5, "share of requests that are reads"},
  };
}

RequestLoopConfig request_loop_config(const protocols::ModelParams& params) {
  RequestLoopConfig c;
  c.first_request_us = ms_param(params, "first_request_ms");
  c.stagger_us = ms_param(params, "stagger_ms");
  c.think_time_us = std::max<sim::TimeUs>(1'000, ms_param(params, "think_time_ms"));
  c.timeout_us = std::max<sim::TimeUs>(1'000, ms_param(params, "request_timeout_ms"));
  c.keys = static_cast<std::int64_t>(count_param(params, "keys", 1, 1'000'000));
  c.read_fraction = std::clamp(number_param(params, "read_fraction"), 0.0, 1.0);
  return c;
}

}  // namespace cs::architecture
