#pragma once
// Shared helpers for the lesson-5 tests (Raft, Paxos, failover, split brain, explore): worlds
// built in code, built-in scenarios, and running with the Raft invariants checked after every event.
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "check/raft_invariants.h"
#include "consensus/raft_node.h"
#include "scenario/builtin.h"
#include "scenario/run_setup.h"
#include "sim/simulation.h"

namespace lesson5 {

struct RaftWorldOptions {
  std::size_t nodes = 5;
  cs::consensus::RaftConfig config{};
  cs::sim::LinkParams link{10'000, 2'000, 0.0, 0.0, 0.0};
  cs::sim::WorkloadSpec workload{};
  std::uint64_t seed = 1;
  std::vector<cs::sim::Action> timeline{};
};

inline cs::sim::World raft_world(const RaftWorldOptions& o) {
  std::vector<cs::sim::NodeSetup> nodes;
  for (std::size_t i = 0; i < o.nodes; ++i) {
    auto protocol = std::make_unique<cs::consensus::RaftNode>(o.config, static_cast<cs::sim::EndpointId>(i), o.nodes);
    nodes.push_back({"n" + std::to_string(i + 1), 0, cs::sim::ClonePtr<cs::sim::Protocol>(std::move(protocol))});
  }
  cs::sim::Network net(o.nodes + o.workload.clients + 1, o.link, o.seed * 977 + 3);
  cs::sim::World w(std::move(nodes), std::move(net), o.workload, o.seed);
  w.set_timeline(o.timeline);
  return w;
}

inline const cs::consensus::RaftNode& raft(const cs::sim::World& w, cs::sim::EndpointId id) {
  return dynamic_cast<const cs::consensus::RaftNode&>(*w.node(id).protocol);
}

inline cs::scenario::Scenario builtin(const std::string& id) {
  const auto* b = cs::scenario::find_builtin(id);
  if (!b) throw std::runtime_error("no built-in scenario " + id);
  return cs::scenario::load_scenario(b->json, "builtin:" + id);
}

inline cs::sim::Action at(cs::sim::TimeUs t, cs::sim::ActionType type,
                          cs::sim::EndpointId node = cs::sim::kNoEndpoint) {
  cs::sim::Action a;
  a.at_us = t;
  a.type = type;
  a.node = node;
  return a;
}

inline cs::sim::Action partition_at(cs::sim::TimeUs t, std::vector<std::vector<cs::sim::EndpointId>> groups) {
  cs::sim::Action a = at(t, cs::sim::ActionType::Partition);
  a.groups = std::move(groups);
  return a;
}

// Runs to `until`, checking the Raft invariants after every single event.
inline void run_checked(cs::sim::Simulation& sim, cs::sim::TimeUs until, cs::check::RaftInvariants& invariants) {
  while (sim.world().next_event_us() <= until) {
    sim.step();
    invariants.check(sim.world());
  }
  sim.run_until(until);
}

inline std::string describe(const cs::check::RaftInvariants& invariants) {
  std::string out;
  for (const auto& v : invariants.violations()) out += v.invariant + ": " + v.detail + "; ";
  return out;
}

inline int leaders(const cs::sim::World& w) {
  int n = 0;
  for (cs::sim::EndpointId i = 0; i < w.node_count(); ++i) {
    if (w.node(i).status != cs::sim::NodeStatus::Crashed && raft(w, i).is_leader()) ++n;
  }
  return n;
}

inline cs::sim::EndpointId leader_of_highest_term(const cs::sim::World& w) {
  cs::sim::EndpointId best = cs::sim::kNoEndpoint;
  for (cs::sim::EndpointId i = 0; i < w.node_count(); ++i) {
    if (w.node(i).status == cs::sim::NodeStatus::Crashed || !raft(w, i).is_leader()) continue;
    if (best == cs::sim::kNoEndpoint || raft(w, i).current_term() > raft(w, best).current_term()) best = i;
  }
  return best;
}

inline int count_ops(const cs::sim::World& w, cs::sim::OpType type, cs::sim::OpStatus status) {
  int n = 0;
  for (const auto& op : w.history().ops()) n += (op.type == type && op.status == status) ? 1 : 0;
  return n;
}

}  // namespace lesson5
