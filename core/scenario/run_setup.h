#pragma once
// Turns a scenario into a started World at time 0, ready for a Simulation.
#include <cstdint>

#include "scenario/scenario.h"
#include "sim/world.h"

namespace cs::scenario {

sim::World make_world(const Scenario& scenario, std::uint64_t seed, sim::WorldLimits limits = {});

}  // namespace cs::scenario
