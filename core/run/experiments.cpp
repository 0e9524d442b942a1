#include "run/experiments.h"

namespace cs::run {

sim::Action slow_down(sim::EndpointId node) {
  sim::Action a;
  a.type = sim::ActionType::SlowDown;
  a.node = node;
  a.value = kSlowDownUs;
  return a;
}

sim::Action skew_clock(sim::EndpointId node, sim::TimeUs current_skew_us) {
  sim::Action a;
  a.type = sim::ActionType::SetClockSkew;
  a.node = node;
  a.value = current_skew_us + kClockSkewStepUs;
  return a;
}

}  // namespace cs::run
