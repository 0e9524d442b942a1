#include "architecture/model_params.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace cs::architecture {

using model::between;
using model::number_param;
using model::whole;

std::vector<model::ParamSpec> request_loop_params(std::string_view who) {
  const std::string w(who);
  return {
      {"first_request_ms", 980.0, "when the first " + w + " sends its first request", between(0, 3'600'000)},
      {"stagger_ms", 500.0, "each further " + w + " starts this much later than the one before", between(0, 3'600'000)},
      {"think_time_ms", 400.0, "mean pause of a " + w + " between an answer and its next request",
       between(1, 3'600'000)},
      {"request_timeout_ms", 1000.0, "a " + w + " gives up on an unanswered request after this long",
       between(1, 3'600'000)},
      {"keys", 20.0, "keys 1..keys, chosen uniformly", whole(1, 1'000'000)},
      {"read_fraction", 0.5, "share of requests that are reads", between(0, 1)},
  };
}

RequestLoopConfig request_loop_config(const model::ModelParams& params) {
  RequestLoopConfig c;
  c.first_request_us = ms_param(params, "first_request_ms");
  c.stagger_us = ms_param(params, "stagger_ms");
  c.think_time_us = ms_param(params, "think_time_ms");
  c.timeout_us = ms_param(params, "request_timeout_ms");
  c.keys = static_cast<std::int64_t>(count_param(params, "keys"));
  c.read_fraction = number_param(params, "read_fraction");
  return c;
}

}  // namespace cs::architecture
