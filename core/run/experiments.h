#pragma once
// The experiments a learner can run on the stage, with the sizes the simulation gives them: how
// much a "slow down" adds to every message of a node, how far a "skew clock" moves its clock. The
// window builds its menus and its messages from these, so they say what the run does.
#include <cstdint>

#include "sim/action.h"
#include "sim/time.h"

namespace cs::run {

inline constexpr sim::TimeUs kSlowDownUs = 200'000;       // extra one-way latency to and from the node
inline constexpr sim::TimeUs kClockSkewStepUs = 500'000;  // each skew moves the node's clock ahead by this

// The action that slows `node` down by kSlowDownUs.
sim::Action slow_down(sim::EndpointId node);
// The action that moves `node`'s clock, now `current_skew_us` ahead, a further kClockSkewStepUs.
sim::Action skew_clock(sim::EndpointId node, sim::TimeUs current_skew_us);

}  // namespace cs::run
