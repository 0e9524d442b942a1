#pragma once
// The consensus models a scenario can name: "raft" and "paxos" (see model/model_info.h).
#include "consensus/raft_config.h"
#include "model/model_info.h"

namespace cs::consensus {

model::ModelInfo raft_model();
model::ModelInfo paxos_model();

// The run-wide metrics of any model built on RaftNode (plain Raft and the presets).
void add_raft_run_metrics(const sim::World& world, sim::Metrics& metrics);
// The acknowledged writes the authoritative log no longer holds: what the metric
// lost_acknowledged_writes counts (model_info.h's lost_writes hook).
std::vector<std::uint64_t> raft_lost_writes(const sim::World& world);

// The Raft knobs shared by plain Raft and the presets: their specs, the check that the election
// timeout's range is in order, and the config read from a complete params map.
std::vector<model::ParamSpec> raft_params();
void check_raft_params(const model::ModelParams& params, std::vector<model::ParamProblem>& problems);
RaftConfig raft_config_from(const model::ModelParams& params);

}  // namespace cs::consensus
