// The "multi-leader" model: parameters, construction and what the stage draws.
#include "model/params.h"
#include "replication/models.h"
#include "replication/multi_leader.h"
#include "replication/replication_checkers.h"
#include "replication/run_metrics.h"

namespace cs::replication {

using model::between;
using model::choice_param;
using model::Choices;
using model::count_param;
using model::flag_param;
using model::ms_param;
using model::text_param;
using model::whole;

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

MultiLeaderConfig config_from(const model::ModelParams& p) {
  MultiLeaderConfig c;
  c.topology = choice_param(p, "topology", topologies());
  c.leaders = count_param(p, "leaders");
  c.resolution = choice_param(p, "resolution", resolutions());
  c.data = choice_param(p, "data", data_kinds());
  c.heartbeat_interval_us = ms_param(p, "heartbeat_interval_ms");
  c.max_cart_items = count_param(p, "max_cart_items");
  return c;
}

}  // namespace

model::ModelInfo multi_leader_model() {
  model::ModelInfo info{
      "multi-leader",
      "Several leaders accept writes and pass them on asynchronously; conflicts are detected and resolved.",
      {
          {"topology", std::string("mesh"), "how changes travel: mesh, ring, star (through n1) or chain",
           model::choice_names(topologies())},
          {"leaders", 0.0, "how many nodes accept writes (the first ones); 0: all of them", whole(0, 200)},
          {"resolution", std::string("last-write-wins"),
           "what a conflict keeps: last-write-wins (the higher timestamp) or siblings (both, merged on read)",
           model::choice_names(resolutions())},
          {"data", std::string("register"), "what a key holds: register (a write replaces it) or cart (adds an item)",
           model::choice_names(data_kinds())},
          {"heartbeat_interval_ms", 1000.0, "empty batches on idle links; also the resend check", between(1, 60'000)},
          {"max_cart_items", 64.0, "a cart this full refuses more items", whole(1, 10'000)},
      },
      [](const model::ModelParams& p, sim::EndpointId self, std::size_t n) -> std::unique_ptr<sim::Protocol> {
        return std::make_unique<MultiLeaderNode>(config_from(p), self, n);
      },
      [](const sim::World& world, const model::ModelParams&, sim::Metrics& metrics) {
        add_replication_run_metrics(world, metrics);
      },
      [](const sim::World& world, const model::ModelParams& p) {
        const MultiLeaderConfig config = config_from(p);
        model::ModelViewData data;
        data.edges = replication_edges(config.topology, MultiLeaderNode::origins(config, world.node_count()),
                                       world.node_count());
        return data;
      },
      [](const model::ModelParams& p, std::size_t n) {
        std::vector<model::ParamProblem> problems;
        if (count_param(p, "leaders") > n) {
          problems.push_back({"leaders", "is more than the scenario's " + std::to_string(n) + " nodes"});
        }
        return problems;
      },
  };
  info.invariants = multi_leader_invariant_list();
  info.make_checker = make_multi_leader_checker;
  info.lost_writes = [](const sim::World& world, const model::ModelParams&) { return lost_acknowledged_writes(world); };
  return info;
}

}  // namespace cs::replication
