#pragma once
// Turns a scenario into a World at time 0, ready for a Simulation (which starts it).
#include <cstdint>

#include "scenario/scenario.h"
#include "sim/simulation.h"
#include "sim/world.h"

#include <memory>
#include <vector>

namespace cs::scenario {

sim::World make_world(const Scenario& scenario, std::uint64_t seed, sim::WorldLimits limits = {});

// A run of the scenario: its world, with the scenario's recorded learner actions (if any) replayed.
std::unique_ptr<sim::Simulation> start_run(const Scenario& scenario, std::uint64_t seed,
                                           sim::SimulationLimits limits = {});

// All metrics of a run: the world's counters, each node's, the model's run-wide ones, and the round trips
// between the regions (region_metrics.h).
sim::Metrics run_metrics(const Scenario& scenario, const sim::World& world);

// The acknowledged writes the run's authoritative data no longer holds, by operation id in the
// history's order: exactly those its metric lost_acknowledged_writes counts (the model's
// ModelInfo::lost_writes). Empty for a model that does not say which they are.
std::vector<std::uint64_t> lost_writes(const Scenario& scenario, const sim::World& world);

}  // namespace cs::scenario
