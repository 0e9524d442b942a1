#pragma once
// Turns a scenario into a World at time 0, ready for a Simulation (which starts it).
#include <cstdint>

#include "scenario/scenario.h"
#include "sim/world.h"

namespace cs::scenario {

sim::World make_world(const Scenario& scenario, std::uint64_t seed, sim::WorldLimits limits = {});

// All metrics of a run: the world's counters, each node's, and the model's run-wide ones.
sim::Metrics run_metrics(const Scenario& scenario, const sim::World& world);

}  // namespace cs::scenario
