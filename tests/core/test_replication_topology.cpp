// Replication topologies: which links changes really travel, how many hops they take, the lag
// that builds up along a chain, and the edges the stage is given to draw.
#include <QtTest>

#include <set>

#include "catalogue/catalogue.h"
#include "replication/multi_leader.h"
#include "replication/single_leader.h"
#include "replication/topology.h"
#include "test_support.h"

using namespace cs::sim;
using cs::replication::MultiLeaderNode;
using cs::replication::SingleLeaderNode;
using cs::replication::Topology;
using test::builtin;
using test::events;
using test::node;
using test::protocol_of;
using test::run;

namespace {

using Edges = std::set<std::pair<EndpointId, EndpointId>>;

// The (from, to) pairs that carried replication batches, as the trace recorded the sends.
Edges shipping_links(const Simulation& sim, std::uint16_t kind) {
  Edges out;
  for (const auto& e : events(sim, TraceType::Send, kind)) out.insert({e.node, e.peer});
  return out;
}

Edges drawn_edges(const cs::scenario::Scenario& s, const World& world) {
  const auto* model = cs::catalogue::find_model(s.model);
  const auto data = model->view_data(world, s.params);
  return {data.edges.begin(), data.edges.end()};
}

bool multi_leader_converged(const World& w) {
  const auto& first = protocol_of<MultiLeaderNode>(w, 0).store().keys();
  for (EndpointId id = 1; id < w.node_count(); ++id) {
    const auto& other = protocol_of<MultiLeaderNode>(w, id).store().keys();
    if (other.size() != first.size()) return false;
    for (const auto& [key, slot] : first) {
      const auto it = other.find(key);
      if (it == other.end() || it->second.versions() != slot.versions()) return false;
    }
  }
  return !first.empty();
}

}  // namespace

class TestReplicationTopology : public QObject {
  Q_OBJECT

 private slots:
  void nextHopsReachEveryNodeOnce() {
    for (auto topology : {Topology::Star, Topology::Ring, Topology::Mesh}) {
      for (EndpointId origin = 0; origin < 5; ++origin) {
        std::multiset<EndpointId> reached;
        std::vector<EndpointId> frontier{origin};
        while (!frontier.empty()) {
          const EndpointId at = frontier.back();
          frontier.pop_back();
          for (EndpointId to : cs::replication::next_hops(topology, at, origin, 5)) {
            reached.insert(to);
            frontier.push_back(to);
          }
        }
        QCOMPARE(reached.size(), std::size_t{4});
        QCOMPARE(std::set<EndpointId>(reached.begin(), reached.end()).size(), std::size_t{4});
        QVERIFY(!reached.count(origin));
      }
    }
  }

  void chainLagGrowsAlongTheChain() {
    const auto s = builtin("chain-lag");
    const auto sim = run(s);
    const auto& w = sim->world();
    const double lag2 = protocol_of<SingleLeaderNode>(w, node(s, "n2")).mean_lag_us();
    const double lag3 = protocol_of<SingleLeaderNode>(w, node(s, "n3")).mean_lag_us();
    const double lag4 = protocol_of<SingleLeaderNode>(w, node(s, "n4")).mean_lag_us();
    // Each hop adds about one link latency (60 ms).
    QVERIFY2(lag2 > 40'000 && lag3 > lag2 + 40'000 && lag4 > lag3 + 40'000,
             qPrintable(QString("%1 %2 %3").arg(lag2).arg(lag3).arg(lag4)));
    const Edges chain{{0, 1}, {1, 2}, {2, 3}};
    QCOMPARE(shipping_links(*sim, SingleLeaderNode::kShip), chain);
    QCOMPARE(drawn_edges(s, w), chain);
    for (EndpointId id = 1; id < 4; ++id) {
      QCOMPARE(protocol_of<SingleLeaderNode>(w, id).data(), protocol_of<SingleLeaderNode>(w, 0).data());
    }
  }

  void starSendsEverythingFromTheCentre() {
    const auto s = builtin("topology-star");
    const auto sim = run(s);
    const auto& w = sim->world();
    const Edges star{{0, 1}, {0, 2}, {0, 3}, {0, 4}};
    QCOMPARE(shipping_links(*sim, SingleLeaderNode::kShip), star);
    QCOMPARE(drawn_edges(s, w), star);
    QVERIFY(protocol_of<SingleLeaderNode>(w, 0).applied_index() > 10);
    for (EndpointId id = 1; id < 5; ++id) {
      QCOMPARE(protocol_of<SingleLeaderNode>(w, id).data(), protocol_of<SingleLeaderNode>(w, 0).data());
      QCOMPARE(protocol_of<SingleLeaderNode>(w, id).applied_index(),
               protocol_of<SingleLeaderNode>(w, 0).applied_index());
    }
  }

  void ringPassesChangesHopByHop() {
    const auto s = builtin("topology-ring");
    const auto sim = run(s);
    const auto& w = sim->world();
    const Edges ring{{0, 1}, {1, 2}, {2, 3}, {3, 0}};
    QCOMPARE(shipping_links(*sim, MultiLeaderNode::kShip), ring);
    QCOMPARE(drawn_edges(s, w), ring);
    // A change reaches the node just before its origin after n - 1 = 3 hops, and never more.
    std::int32_t max_hops = 0;
    for (EndpointId id = 0; id < 4; ++id)
      max_hops = std::max(max_hops, protocol_of<MultiLeaderNode>(w, id).max_hops_seen());
    QCOMPARE(max_hops, 3);
    QVERIFY(multi_leader_converged(w));
  }

  void meshSendsDirectlyToEveryone() {
    const auto s = builtin("topology-mesh");
    const auto sim = run(s);
    const auto& w = sim->world();
    Edges all;
    for (EndpointId a = 0; a < 4; ++a) {
      for (EndpointId b = 0; b < 4; ++b) {
        if (a != b) all.insert({a, b});
      }
    }
    QCOMPARE(shipping_links(*sim, MultiLeaderNode::kShip), all);  // n x (n - 1) = 12 links
    QCOMPARE(drawn_edges(s, w), all);
    for (EndpointId id = 0; id < 4; ++id) QCOMPARE(protocol_of<MultiLeaderNode>(w, id).max_hops_seen(), 1);
    QVERIFY(multi_leader_converged(w));
  }
};

QTEST_GUILESS_MAIN(TestReplicationTopology)
#include "test_replication_topology.moc"
