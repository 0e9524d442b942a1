// The checker on the simulator's own histories and on long generated ones: one copy of the data
// behind a lossy network is linearizable (lost requests and lost replies become crashed
// operations); independent copies are not; one corrupted read in 5,000 operations is found.
#include <QtTest>

#include <map>

#include "bench/checker_bench.h"
#include "check/linearizability.h"
#include "sim/simulation.h"

using namespace cs::check;

namespace {

// Each node keeps its own map and answers from it: one node is a single copy of the data; several
// nodes without replication are several unrelated copies.
class LocalRegisterNode final : public cs::sim::Protocol {
 public:
  std::map<std::int64_t, std::int64_t> data;

  std::unique_ptr<cs::sim::Protocol> clone() const override { return std::make_unique<LocalRegisterNode>(*this); }
  void start(cs::sim::NodeContext&) override {}
  void on_message(cs::sim::NodeContext& ctx, const cs::sim::Message& m) override {
    if (m.kind == cs::sim::kind::kClientWrite) {
      data[m.key] = m.value;
      ctx.reply(m, true);
    } else if (m.kind == cs::sim::kind::kClientRead) {
      const auto it = data.find(m.key);
      ctx.reply(m, true, it != data.end(), it != data.end() ? it->second : 0);
    }
  }
  void on_timer(cs::sim::NodeContext&, std::uint16_t) override {}
  void on_crash() override {}
  void on_restart(cs::sim::NodeContext&) override {}
  cs::sim::NodeView view() const override { return {}; }
  cs::sim::MessageClass classify(std::uint16_t) const override { return cs::sim::MessageClass::Client; }
  std::string_view message_name(std::uint16_t) const override { return "client"; }
};

OpHistory run_clients(std::vector<cs::sim::EndpointId> targets) {
  constexpr std::size_t kNodes = 3;
  constexpr std::uint32_t kClients = 4;
  std::vector<cs::sim::NodeSetup> nodes;
  for (std::size_t i = 0; i < kNodes; ++i) {
    nodes.push_back(
        {"n" + std::to_string(i + 1), 0, cs::sim::ClonePtr<cs::sim::Protocol>(std::make_unique<LocalRegisterNode>())});
  }
  cs::sim::LinkParams link;
  link.latency_us = 3'000;
  link.jitter_us = 2'000;
  link.loss = 0.1;  // lost requests never take effect; lost replies took effect: both time out
  cs::sim::WorkloadSpec workload;
  workload.clients = kClients;
  workload.key_count = 3;
  workload.think_time_us = 5'000;
  workload.timeout_us = 40'000;
  workload.target = cs::sim::TargetPolicy::Random;
  workload.target_nodes = std::move(targets);
  cs::sim::Network net(kNodes + kClients + 1, link, 17);
  cs::sim::Simulation sim(cs::sim::World(std::move(nodes), std::move(net), workload, 17));
  sim.run_until(cs::sim::seconds(5));
  return from_sim_history(sim.world().history());
}

}  // namespace

class TestLinearizabilitySim : public QObject {
  Q_OBJECT

 private slots:
  void oneCopyBehindALossyNetworkIsLinearizable() {
    const OpHistory h = run_clients({0});
    QVERIFY(h.ops.size() > 500);
    const auto crashed =
        std::count_if(h.ops.begin(), h.ops.end(), [](const HistoryOp& op) { return op.outcome == OpOutcome::Info; });
    QVERIFY(crashed > 20);
    const auto r = check_linearizability(h, Model::Register);
    QCOMPARE(r.verdict, Verdict::Linearizable);
    QCOMPARE(r.keys.size(), std::size_t{3});
  }

  void independentCopiesAreNotLinearizable() {
    const OpHistory h = run_clients({0, 1, 2});
    const auto r = check_linearizability(h, Model::Register);
    QCOMPARE(r.verdict, Verdict::NotLinearizable);
    QVERIFY(!r.offending_ops().empty());
    for (const auto& k : r.keys) {
      if (k.verdict != Verdict::NotLinearizable) continue;
      QVERIFY(k.blocking_op != 0);
      QVERIFY(std::find(k.stuck_ops.begin(), k.stuck_ops.end(), k.blocking_op) != k.stuck_ops.end());
    }
  }

  void longGeneratedHistoryIsLinearizable() {
    const OpHistory h = cs::bench::linearizable_register_history(5'000, 5, 5, 9);
    const auto r = check_linearizability(h, Model::Register);
    QCOMPARE(r.verdict, Verdict::Linearizable);
    QCOMPARE(r.keys[0].order.size(), std::size_t{5'000});
  }

  void oneCorruptedReadInALongHistoryIsFound() {
    OpHistory h = cs::bench::linearizable_register_history(5'000, 5, 5, 9);
    std::size_t i = 4'000;
    while (h.ops[i].f != OpFunction::Read) ++i;
    h.ops[i].value = Value::of(99);  // never written
    const auto r = check_linearizability(h, Model::Register);
    QCOMPARE(r.verdict, Verdict::NotLinearizable);
    QCOMPARE(r.keys[0].blocking_op, h.ops[i].id);
    QVERIFY(r.keys[0].order.size() >= 3'900);  // the prefix reaches the corrupted read
  }
};

QTEST_APPLESS_MAIN(TestLinearizabilitySim)
#include "test_linearizability_sim.moc"
