#pragma once
// Shared by the replication, leaderless, CRDT and session test suites: load a built-in scenario,
// run it headless, and look inside the result.
#include <QtTest>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "scenario/builtin.h"
#include "scenario/run_setup.h"
#include "scenario/scenario.h"
#include "sim/simulation.h"

namespace test {

inline cs::scenario::Scenario builtin(std::string_view id) {
  const auto* b = cs::scenario::find_builtin(id);
  if (!b) qFatal("no built-in scenario %s", std::string(id).c_str());
  return cs::scenario::load_scenario(b->json, "builtin:" + std::string(id));
}

// Runs the scenario to `until_us` (its whole duration by default).
inline std::unique_ptr<cs::sim::Simulation> run(const cs::scenario::Scenario& s, cs::sim::TimeUs until_us = -1) {
  auto sim = std::make_unique<cs::sim::Simulation>(cs::scenario::make_world(s, s.seed));
  sim->run_until(until_us < 0 ? s.duration_us : until_us);
  return sim;
}

inline cs::sim::EndpointId node(const cs::scenario::Scenario& s, std::string_view name) {
  const auto id = cs::scenario::node_id(s, name);
  if (id == cs::sim::kNoEndpoint) qFatal("no node %s", std::string(name).c_str());
  return id;
}

template <class T>
const T& protocol_of(const cs::sim::World& world, cs::sim::EndpointId id) {
  return dynamic_cast<const T&>(*world.node(id).protocol);
}

// Every trace record of `type` (and message kind, unless kind is 0) still in the trace.
inline std::vector<cs::sim::TraceEvent> events(const cs::sim::Simulation& sim, cs::sim::TraceType type,
                                               std::uint16_t kind = 0) {
  std::vector<cs::sim::TraceEvent> out;
  for (auto i = sim.trace().first_index(); i < sim.trace().total(); ++i) {
    const auto& e = sim.trace().at_index(i);
    if (e.type == type && (kind == 0 || e.kind == kind)) out.push_back(e);
  }
  return out;
}

inline double metric(const cs::scenario::Scenario& s, const cs::sim::Simulation& sim, const std::string& name) {
  const auto metrics = cs::scenario::run_metrics(s, sim.world());
  const auto it = metrics.find(name);
  if (it == metrics.end()) qFatal("no metric %s", name.c_str());
  return it->second;
}

}  // namespace test
