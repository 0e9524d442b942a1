// The "multi-leader" model: parameters, construction and what the stage draws.
#include "replication/model_params.h"
#include "replication/models.h"
#include "replication/multi_leader.h"
#include "replication/run_metrics.h"

namespace cs::replication {

namespace {

const Choices<Topology>& topologies() {
  static const Choices<Topology> c = {
      {"mesh", Topology::Mesh}, {"ring", Topology::Ring}, {"star", Topology::Star}, {"chain", Topology::Chain}};
  return c;
}
const Choices<Resolution>& resolutions() {
  static const Choices<Resolution> c = {{"last-write-wins", Resolution::LastWriteWins},
                                        {"siblings", Resolution::Siblings}};
  return c;
}
const Choices<DataKind>& data_kinds() {
  static const Choices<DataKind> c = {{"register", DataKind::Register}, {"cart", DataKind::Cart}};
  return c;
}

MultiLeaderConfig config_from(const protocols::ModelParams& p) {
  MultiLeaderConfig c;
  c.topology = choice_param(p, "topology", topologies());
  c.leaders = count_param(p, "leaders");
  c.resolution = choice_param(p, "resolution", resolutions());
  c.data = choice_param(p, "data", data_kinds());
  c.heartbeat_interval_us = std::max<sim::TimeUs>(1'000, ms_param(p, "heartbeat_interval_ms"));
  c.max_cart_items = std::max<std::size_t>(1, count_param(p, "max_cart_items"));
  return c;
}

}  // namespace

std::vector<std::string> multi_leader_param_problems(const protocols::ModelParams& p) {
  std::vector<std::string> problems;
  for (auto problem : {choice_problem(p, "topology", topologies()), choice_problem(p, "resolution", resolutions()),
                       choice_problem(p, "data", data_kinds())}) {
    if (problem) problems.push_back(*problem);
  }
  return problems;
}

protocols::ModelInfo multi_leader_model() {
  return {
      "multi-leader",
      "Several leaders accept writes and pass them on asynchronously; conflicts are detected and resolved.",
      {
          {"topology", std::string("mesh"), "how changes travel: mesh, ring, star (through n1) or chain"},
          {"leaders", 0.0, "how many nodes accept writes (the first ones); 0: all of them"},
          {"resolution", std::string("last-write-wins"),
           "what a conflict keeps: last-write-wins (the higher timestamp) or siblings (both, merged on read)"},
          {"data", std::string("register"), "what a key holds: register (a write replaces it) or cart (adds an item)"},
          {"heartbeat_interval_ms", 1000.0, "empty batches on idle links; also the resend check"},
          {"max_cart_items", 64.0, "a cart this full refuses more items"},
      },
      [](const protocols::ModelParams& p, sim::EndpointId self, std::size_t n) -> std::unique_ptr<sim::Protocol> {
        return std::make_unique<MultiLeaderNode>(config_from(p), self, n);
      },
      [](const sim::World& world, const protocols::ModelParams&, sim::Metrics& metrics) {
        add_replication_run_metrics(world, metrics);
      },
      [](const sim::World& world, const protocols::ModelParams& p) {
        const MultiLeaderConfig config = config_from(p);
        protocols::ModelViewData data;
        data.edges = replication_edges(config.topology, MultiLeaderNode::origins(config, world.node_count()),
                                       world.node_count());
        return data;
      },
  };
}

}  // namespace cs::replication
