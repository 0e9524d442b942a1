// The "crdt" model: parameters and construction.
#include "model/params.h"
#include "replication/crdt_node.h"
#include "replication/models.h"
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

const Choices<CrdtType>& types() {
  static const Choices<CrdtType> c = {{"or-set", CrdtType::ORSet},
                                      {"g-counter", CrdtType::GCounter},
                                      {"pn-counter", CrdtType::PNCounter},
                                      {"lww-register", CrdtType::LwwRegister}};
  return c;
}

CrdtConfig config_from(const model::ModelParams& p) {
  CrdtConfig c;
  c.type = choice_param(p, "type", types());
  c.gossip_interval_us = ms_param(p, "gossip_interval_ms");
  c.full_sync_every = count_param(p, "full_sync_every");
  c.products = static_cast<std::int64_t>(count_param(p, "products"));
  return c;
}

}  // namespace

model::ModelInfo crdt_model() {
  model::ModelInfo info{
      "crdt",
      "Every node accepts every update and gossips its state; merges are conflict-free.",
      {
          {"type", std::string("or-set"),
           "the data type: or-set (a cart; a write toggles a product), g-counter, pn-counter or lww-register",
           model::choice_names(types())},
          {"gossip_interval_ms", 500.0, "how often a node sends the state of the keys it changed", between(1, 600'000)},
          {"full_sync_every", 4.0, "every this many rounds a node sends all its keys (repairs lost messages)",
           whole(1, 10'000)},
          {"products", 8.0, "or-set: how many different products a cart can hold", whole(1, 1'000)},
      },
      [](const model::ModelParams& p, sim::EndpointId self, std::size_t n) -> std::unique_ptr<sim::Protocol> {
        return std::make_unique<CrdtNode>(config_from(p), self, n);
      },
      [](const sim::World& world, const model::ModelParams&, sim::Metrics& metrics) {
        add_replication_run_metrics(world, metrics);
      },
      nullptr,  // state goes to every other node: the stage's default "every pair" edges
  };
  info.invariants = crdt_invariant_list();
  info.make_checker = make_crdt_checker;
  info.lost_writes = [](const sim::World& world, const model::ModelParams&) { return lost_acknowledged_writes(world); };
  return info;
}

}  // namespace cs::replication
