#pragma once
// The consensus models a scenario can name: "raft" and "paxos" (see registry.h for ModelInfo).
#include "consensus/raft_config.h"
#include "protocols/registry.h"

namespace cs::consensus {

protocols::ModelInfo raft_model();
protocols::ModelInfo paxos_model();

// The run-wide metrics of any model built on RaftNode (plain Raft and the presets).
void add_raft_run_metrics(const sim::World& world, sim::Metrics& metrics);

// The Raft knobs shared by plain Raft and the presets, read from a complete params map.
RaftConfig raft_config_from(const protocols::ModelParams& params);

}  // namespace cs::consensus
