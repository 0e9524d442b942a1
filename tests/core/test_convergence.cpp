// Convergence: replicas compared key by key; a gossiping max-register that converges once the
// network is whole, and stays diverged while it is cut.
#include <QtTest>

#include "check/convergence.h"
#include "sim/simulation.h"

using namespace cs::check;
using cs::sim::EndpointId;

namespace {

// Each node holds one value per key (its own id * 10 for key 1 at the start) and gossips its
// whole map to everyone every 50 ms; a node keeps the larger value. Converges when connected.
class MaxGossipNode final : public cs::sim::Protocol {
 public:
  static constexpr std::uint16_t kGossip = cs::sim::kind::kFirstProtocolKind;
  std::map<std::int64_t, std::int64_t> values;

  std::unique_ptr<cs::sim::Protocol> clone() const override { return std::make_unique<MaxGossipNode>(*this); }
  void start(cs::sim::NodeContext& ctx) override {
    values[1] = static_cast<std::int64_t>(ctx.self()) * 10;
    ctx.set_timer(0, 50'000);
  }
  void on_message(cs::sim::NodeContext&, const cs::sim::Message& m) override {
    if (m.kind != kGossip) return;
    auto& mine = values[m.key];
    mine = std::max(mine, m.value);
  }
  void on_timer(cs::sim::NodeContext& ctx, std::uint16_t) override {
    for (const auto& [key, value] : values) {
      cs::sim::Message m;
      m.kind = kGossip;
      m.key = key;
      m.value = value;
      ctx.broadcast(m);
    }
    ctx.set_timer(0, 50'000);
  }
  void on_crash() override {}
  void on_restart(cs::sim::NodeContext& ctx) override { ctx.set_timer(0, 50'000); }
  cs::sim::NodeView view() const override { return {}; }
  cs::sim::MessageClass classify(std::uint16_t) const override { return cs::sim::MessageClass::Replication; }
  std::string_view message_name(std::uint16_t) const override { return "gossip"; }
};

cs::sim::World gossip_world(std::vector<cs::sim::Action> timeline) {
  std::vector<cs::sim::NodeSetup> nodes;
  for (int i = 0; i < 4; ++i) {
    nodes.push_back(
        {"n" + std::to_string(i + 1), 0, cs::sim::ClonePtr<cs::sim::Protocol>(std::make_unique<MaxGossipNode>())});
  }
  cs::sim::LinkParams link;
  link.latency_us = 5'000;
  cs::sim::Network net(5, link, 3);
  cs::sim::World w(std::move(nodes), std::move(net), {}, 3);
  w.set_timeline(std::move(timeline));
  return w;
}

std::vector<ReplicaSnapshot> snapshot(const cs::sim::World& w) {
  std::vector<ReplicaSnapshot> out;
  for (EndpointId id = 0; id < w.node_count(); ++id) {
    ReplicaSnapshot s;
    s.name = w.node(id).name;
    s.live = w.node(id).status == cs::sim::NodeStatus::Up;
    for (const auto& [k, v] : dynamic_cast<const MaxGossipNode&>(*w.node(id).protocol).values) s.data[k] = {v};
    out.push_back(std::move(s));
  }
  return out;
}

ReplicaSnapshot replica(std::string name, std::map<std::int64_t, std::vector<std::int64_t>> data, bool live = true) {
  ReplicaSnapshot s;
  s.name = std::move(name);
  s.live = live;
  s.data = std::move(data);
  return s;
}

}  // namespace

class TestConvergence : public QObject {
  Q_OBJECT

 private slots:
  void equalReplicasConverge() {
    const auto r = check_convergence({replica("n1", {{1, {5}}, {2, {1, 2}}}), replica("n2", {{1, {5}}, {2, {1, 2}}})});
    QVERIFY(r.converged);
    QCOMPARE(r.replicas_compared, std::size_t{2});
    QCOMPARE(r.keys_compared, std::size_t{2});
  }

  void differencesAreListedPerKey() {
    const auto r = check_convergence({replica("n1", {{1, {5}}, {2, {1, 2}}, {3, {0}}}),
                                      replica("n2", {{1, {5}}, {2, {2}}}), replica("n3", {{1, {5}}, {2, {1, 2}}})});
    QVERIFY(!r.converged);
    QCOMPARE(r.divergent_keys, std::size_t{2});
    QCOMPARE(r.divergences.size(), std::size_t{2});
    QCOMPARE(r.divergences[0].key, std::int64_t{2});
    QCOMPARE(r.divergences[0].values.size(), std::size_t{3});
    QCOMPARE(r.divergences[0].values[1].first, std::string("n2"));
    QCOMPARE(*r.divergences[0].values[1].second, (std::vector<std::int64_t>{2}));
    QCOMPARE(r.divergences[1].key, std::int64_t{3});
    QVERIFY(!r.divergences[1].values[1].second.has_value());  // n2 lacks key 3
  }

  void crashedReplicasAreLeftOut() {
    const auto r = check_convergence({replica("n1", {{1, {5}}}), replica("n2", {{1, {4}}}, false)});
    QVERIFY(r.converged);
    QCOMPARE(r.replicas_compared, std::size_t{1});
  }

  void reportsAreBounded() {
    std::map<std::int64_t, std::vector<std::int64_t>> a;
    std::map<std::int64_t, std::vector<std::int64_t>> b;
    for (std::int64_t k = 0; k < 100; ++k) {
      a[k] = {k};
      b[k] = {k + 1};
    }
    const auto r = check_convergence({replica("n1", a), replica("n2", b)}, 5);
    QCOMPARE(r.divergent_keys, std::size_t{100});
    QCOMPARE(r.divergences.size(), std::size_t{5});
  }

  void gossipConvergesOnceConnected() {
    cs::sim::Simulation sim(gossip_world({}));
    QVERIFY(!check_convergence(snapshot(sim.world())).converged);  // each starts with its own value
    const auto settled = settle_and_check(sim, snapshot, cs::sim::millis(200), cs::sim::seconds(5));
    QVERIFY(settled.settled);
    QVERIFY(settled.settled_at_us <= cs::sim::seconds(1));
    QVERIFY(settled.convergence.converged);
    QCOMPARE(settled.convergence.replicas_compared, std::size_t{4});
    for (const auto& s : snapshot(sim.world())) QCOMPARE(s.data.at(1), (std::vector<std::int64_t>{30}));
  }

  void aPartitionKeepsReplicasApartUntilHealed() {
    cs::sim::Action cut;
    cut.at_us = 0;
    cut.type = cs::sim::ActionType::Partition;
    cut.groups = {{0, 1}, {2, 3}};
    cs::sim::Action heal;
    heal.at_us = cs::sim::seconds(3);
    heal.type = cs::sim::ActionType::Heal;
    cs::sim::Simulation sim(gossip_world({cut, heal}));
    // Settled (nothing changes any more) but not converged: each side agrees only with itself.
    const auto apart = settle_and_check(sim, snapshot, cs::sim::millis(200), cs::sim::seconds(2));
    QVERIFY(apart.settled);
    QVERIFY(!apart.convergence.converged);
    QCOMPARE(apart.convergence.divergences.size(), std::size_t{1});
    QCOMPARE(*apart.convergence.divergences[0].values[0].second, (std::vector<std::int64_t>{10}));
    QCOMPARE(*apart.convergence.divergences[0].values[3].second, (std::vector<std::int64_t>{30}));
    // After the heal the gossip joins them.
    sim.run_until(cs::sim::seconds(3));
    const auto joined = settle_and_check(sim, snapshot, cs::sim::millis(200), cs::sim::seconds(6));
    QVERIFY(joined.settled);
    QVERIFY(joined.convergence.converged);
  }

  void quiescenceNeedsIdleClientsAndNoDataInFlight() {
    cs::sim::Simulation sim(gossip_world({}));
    sim.run_until(cs::sim::millis(51));  // the first gossip round is on the wire
    QVERIFY(!quiescent(sim.world()));
    sim.run_until(cs::sim::millis(80));  // delivered; the next round is not due yet
    QVERIFY(quiescent(sim.world()));
  }
};

QTEST_APPLESS_MAIN(TestConvergence)
#include "test_convergence.moc"
