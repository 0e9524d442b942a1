// CAP in motion: the same partition under QUORUM (CP: the minority side refuses, nothing stale)
// and under ONE (AP: both sides answer and diverge, then converge after the heal).
#include <QtTest>

#include <set>

#include "replication/leaderless.h"
#include "test_support.h"

using namespace cs::sim;
using cs::replication::LeaderlessNode;
using test::builtin;
using test::metric;
using test::node;
using test::protocol_of;
using test::run;

namespace {

constexpr TimeUs kPartitionUs = seconds(4);
constexpr TimeUs kHealUs = seconds(11);

bool during_partition(const Operation& op) { return op.invoke_us >= kPartitionUs && op.invoke_us < kHealUs; }

std::int64_t value_on(const World& w, EndpointId id, std::int64_t key) {
  const auto& data = protocol_of<LeaderlessNode>(w, id).data();
  const auto it = data.find(key);
  return it == data.end() ? -1 : it->second.value();
}

}  // namespace

class TestLeaderlessCap : public QObject {
  Q_OBJECT

 private slots:
  void scenariosMatchTheTest() {
    for (const char* id : {"cap-cp", "cap-ap"}) {
      const auto s = builtin(id);
      QCOMPARE(s.timeline.size(), std::size_t{2});
      QCOMPARE(s.timeline[0].at_us, kPartitionUs);
      QCOMPARE(s.timeline[0].type, ActionType::Partition);
      QCOMPARE(s.timeline[1].at_us, kHealUs);
      QCOMPARE(s.timeline[1].type, ActionType::Heal);
    }
  }

  void consistentSideRefusesTheMinority() {
    const auto s = builtin("cap-cp");
    const auto sim = run(s);
    const EndpointId n3 = node(s, "n3");
    int refused_on_minority = 0, ok_on_majority = 0, ok_on_minority_during = 0;
    for (const auto& op : sim->world().history().ops()) {
      if (op.status == OpStatus::Fail) {
        // Refusals come only from the minority side, and only while it is cut off.
        QCOMPARE(op.node, n3);
        QVERIFY(during_partition(op));
        refused_on_minority += op.type == OpType::Write ? 1 : 0;
      }
      if (op.node != n3 && during_partition(op)) {
        QVERIFY2(op.status == OpStatus::Ok, "the majority side keeps working");
        ++ok_on_majority;
      }
      if (op.node == n3 && during_partition(op) && op.status == OpStatus::Ok) ++ok_on_minority_during;
    }
    QVERIFY(refused_on_minority > 0);
    QVERIFY(ok_on_majority > 10);
    QCOMPARE(ok_on_minority_during, 0);
    QVERIFY(metric(s, *sim, "ops_failed") > 0);
    QCOMPARE(metric(s, *sim, "stale_reads"), 0.0);
  }

  void availableSideDivergesThenConverges() {
    const auto s = builtin("cap-ap");
    // Just before the heal: both sides have accepted writes to the key and disagree.
    const auto split = run(s, kHealUs - 1);
    const auto& w = split->world();
    const EndpointId n1 = node(s, "n1"), n2 = node(s, "n2"), n3 = node(s, "n3");
    QCOMPARE(value_on(w, n1, 1), value_on(w, n2, 1));
    QVERIFY(value_on(w, n3, 1) != value_on(w, n1, 1));
    int writes_on_each_side[2] = {0, 0};
    for (const auto& op : w.history().ops()) {
      if (op.type == OpType::Write && op.status == OpStatus::Ok && during_partition(op)) {
        ++writes_on_each_side[op.node == n3 ? 1 : 0];
      }
    }
    QVERIFY(writes_on_each_side[0] > 0 && writes_on_each_side[1] > 0);
    // The whole run: nothing refused, stale reads during the split, and one value everywhere at
    // the end, delivered in part by hinted handoff.
    const auto sim = run(s);
    QCOMPARE(metric(s, *sim, "ops_failed"), 0.0);
    QVERIFY(metric(s, *sim, "stale_reads") > 0);
    QVERIFY(metric(s, *sim, "hints_delivered") > 0);
    const auto& end = sim->world();
    QCOMPARE(value_on(end, n1, 1), value_on(end, n3, 1));
    QCOMPARE(value_on(end, n2, 1), value_on(end, n3, 1));
  }

  void hintedHandoffAloneHealsTheSplit() {
    // With no writes after the heal, only the replayed hints can bring n3 and the others together.
    auto s = builtin("cap-ap");
    s.workload.stop_us = kHealUs;
    s.params["read_repair"] = false;
    const auto sim = run(s);
    const auto& w = sim->world();
    QCOMPARE(value_on(w, node(s, "n1"), 1), value_on(w, node(s, "n3"), 1));
    for (EndpointId id = 0; id < 3; ++id) QCOMPARE(protocol_of<LeaderlessNode>(w, id).hint_count(), std::size_t{0});
    auto no_hints = s;
    no_hints.params["hinted_handoff"] = false;
    const auto stuck = run(no_hints);
    QVERIFY(value_on(stuck->world(), node(s, "n1"), 1) != value_on(stuck->world(), node(s, "n3"), 1));
  }
};

QTEST_GUILESS_MAIN(TestLeaderlessCap)
#include "test_leaderless_cap.moc"
