// The CRDT cart scenario: replicas change the cart concurrently, exchange state, and end equal
// with every change kept; and the node's other data types on a small run.
#include <QtTest>

#include "replication/crdt_node.h"
#include "test_support.h"

using namespace cs::sim;
using cs::replication::CrdtNode;
using test::builtin;
using test::metric;
using test::protocol_of;
using test::run;

namespace {

bool converged(const World& w) {
  for (EndpointId id = 1; id < w.node_count(); ++id) {
    if (protocol_of<CrdtNode>(w, id).states() != protocol_of<CrdtNode>(w, 0).states()) return false;
  }
  return !protocol_of<CrdtNode>(w, 0).states().empty();
}

}  // namespace

class TestCrdtCart : public QObject {
  Q_OBJECT

 private slots:
  void cartConvergesWithNothingLost() {
    const auto s = builtin("crdt-cart");
    // While clients are busy the replicas differ...
    const auto busy = run(s, seconds(5));
    QVERIFY(!converged(busy->world()));
    // ...and after the last change has been gossiped they are equal.
    const auto sim = run(s);
    const auto& w = sim->world();
    QVERIFY(converged(w));
    QCOMPARE(metric(s, *sim, "conflicts"), 0.0);
    QCOMPARE(metric(s, *sim, "lost_acknowledged_writes"), 0.0);
    QCOMPARE(metric(s, *sim, "ops_failed"), 0.0);
    // Every acknowledged change is kept: an addition's tag is on every replica (live, or retired
    // by a removal that saw it), and a removal stays in the state of the replica that made it.
    int adds = 0, removes = 0;
    for (const auto& op : w.history().ops()) {
      if (op.type != OpType::Write || op.status != OpStatus::Ok) continue;
      QVERIFY(protocol_of<CrdtNode>(w, op.node).holds_write(op.key, op.value));
      if (protocol_of<CrdtNode>(w, op.node).states().at(op.key).set.knows_tag(op.value)) {
        ++adds;
        for (EndpointId id = 0; id < 3; ++id)
          QVERIFY(protocol_of<CrdtNode>(w, id).states().at(op.key).set.knows_tag(op.value));
      } else {
        ++removes;
      }
    }
    QVERIFY(adds > 5 && removes > 0);
    QVERIFY(metric(s, *sim, "state_merges") > 10);
  }

  void countersAndRegistersConvergeToo() {
    for (const char* type : {"g-counter", "pn-counter", "lww-register"}) {
      auto s = builtin("crdt-cart");
      s.params["type"] = std::string(type);
      const auto sim = run(s);
      QVERIFY2(converged(sim->world()), type);
      if (std::string(type) == "g-counter") {
        std::int64_t acknowledged = 0;
        for (const auto& op : sim->world().history().ops()) {
          acknowledged += op.type == OpType::Write && op.status == OpStatus::Ok ? 1 : 0;
        }
        QCOMPARE(protocol_of<CrdtNode>(sim->world(), 0).read_value(1), acknowledged);
      }
    }
  }
};

QTEST_GUILESS_MAIN(TestCrdtCart)
#include "test_crdt_cart.moc"
