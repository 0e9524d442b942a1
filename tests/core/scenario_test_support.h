#pragma once
// What the scenario tests share: loading a built-in scenario by id, and a run of one to its end
// with the run's metrics, as `clusterscope-cli run ID --json` reports them.
#include <QtGlobal>

#include <cstdint>
#include <vector>

#include "scenario/builtin.h"
#include "scenario/run_setup.h"
#include "scenario/scenario.h"
#include "sim/simulation.h"

namespace test {

inline cs::scenario::Scenario builtin(const char* id) {
  const auto* b = cs::scenario::find_builtin(id);
  if (!b) qFatal("no built-in scenario %s", id);
  return cs::scenario::load_scenario(b->json, id);
}

// A node's id by name; a scenario without it stops the test.
inline cs::sim::EndpointId node(const cs::scenario::Scenario& s, const char* name) {
  const cs::sim::EndpointId id = cs::scenario::node_id(s, name);
  if (id == cs::sim::kNoEndpoint) qFatal("scenario %s has no node %s", s.id.c_str(), name);
  return id;
}

struct FinishedRun {
  cs::sim::Simulation sim;
  cs::sim::Metrics metrics;
  FinishedRun(const cs::scenario::Scenario& s, std::uint64_t seed) : sim(cs::scenario::make_world(s, seed)) {
    sim.run_until(s.duration_us);
    metrics = cs::scenario::run_metrics(s, sim.world());
  }
  explicit FinishedRun(const cs::scenario::Scenario& s) : FinishedRun(s, s.seed) {}
  const std::vector<cs::sim::Operation>& ops() const { return sim.world().history().ops(); }
};

}  // namespace test
