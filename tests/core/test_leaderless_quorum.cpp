// Leaderless replication: strict and weak quorums, Cassandra's consistency levels side by side,
// and LOCAL_QUORUM across two datacentres.
#include <QtTest>

#include "replication/leaderless.h"
#include "test_support.h"

using namespace cs::sim;
using cs::consistency::ConsistencyLevel;
using cs::replication::LeaderlessConfig;
using cs::replication::LeaderlessNode;
using test::builtin;
using test::metric;
using test::node;
using test::protocol_of;
using test::run;

namespace {

bool replicas_equal(const World& w) {
  const auto& first = protocol_of<LeaderlessNode>(w, 0).data();
  for (EndpointId id = 1; id < w.node_count(); ++id) {
    if (protocol_of<LeaderlessNode>(w, id).data() != first) return false;
  }
  return !first.empty();
}

}  // namespace

class TestLeaderlessQuorum : public QObject {
  Q_OBJECT

 private slots:
  void placementPerDatacentre() {
    LeaderlessConfig config;
    config.replication_factor = 3;
    config.datacenters = 2;
    for (std::int64_t key = 1; key <= 50; ++key) {
      const auto replicas = LeaderlessNode::replicas_of(key, config, 8);
      QCOMPARE(replicas.size(), std::size_t{6});
      int first_dc = 0;
      for (EndpointId r : replicas) first_dc += LeaderlessNode::datacenter_of(r, config, 8) == 0 ? 1 : 0;
      QCOMPARE(first_dc, 3);
    }
    config.session_levels = {ConsistencyLevel::One, ConsistencyLevel::All};
    QCOMPARE(LeaderlessNode::level_for(config, 8, 8, 0), ConsistencyLevel::One);
    QCOMPARE(LeaderlessNode::level_for(config, 8, 9, 0), ConsistencyLevel::All);
    QCOMPARE(LeaderlessNode::level_for(config, 8, 9, 2), ConsistencyLevel::Quorum);  // the request's own wins
  }

  void strictQuorumNeverReadsStale() {
    const auto s = builtin("quorum-strict");
    const auto sim = run(s);
    QCOMPARE(metric(s, *sim, "stale_reads"), 0.0);
    QCOMPARE(metric(s, *sim, "ops_failed"), 0.0);
    QVERIFY(metric(s, *sim, "ops_ok") > 150);
    QVERIFY(replicas_equal(sim->world()));
  }

  void weakQuorumReadsStale() {
    const auto s = builtin("quorum-weak");
    const auto sim = run(s);
    QVERIFY(metric(s, *sim, "stale_reads") > 0);
    QCOMPARE(metric(s, *sim, "ops_failed"), 0.0);  // no node failed: the staleness is the quorum's
    // The strict scenario's workload and network, only R and W differ.
    QCOMPARE(s.workload.clients, builtin("quorum-strict").workload.clients);
    QCOMPARE(s.links.size(), builtin("quorum-strict").links.size());
  }

  void levelsSideBySide() {
    const auto s = builtin("cassandra-levels");
    // Before n3 crashes (at 8 s): latency grows from ONE to QUORUM to ALL.
    auto healthy = s;
    healthy.timeline.clear();
    const auto before = run(healthy, seconds(8));
    const double one = metric(healthy, *before, "one_p50_write_latency_us");
    const double quorum = metric(healthy, *before, "quorum_p50_write_latency_us");
    const double all = metric(healthy, *before, "all_p50_write_latency_us");
    QVERIFY2(one > 0 && one < quorum && quorum < all, qPrintable(QString("%1 %2 %3").arg(one).arg(quorum).arg(all)));
    QCOMPARE(metric(healthy, *before, "ops_failed"), 0.0);
    // After the crash, only ALL fails.
    const auto sim = run(s);
    QCOMPARE(metric(s, *sim, "one_ops_failed"), 0.0);
    QCOMPARE(metric(s, *sim, "quorum_ops_failed"), 0.0);
    QVERIFY(metric(s, *sim, "all_ops_failed") > 10);
    QVERIFY(metric(s, *sim, "one_ops_ok") > metric(healthy, *before, "one_ops_ok"));
    QVERIFY(metric(s, *sim, "quorum_ops_ok") > metric(healthy, *before, "quorum_ops_ok"));
    for (const auto& op : sim->world().history().ops()) {
      if (op.status == OpStatus::Fail) QVERIFY(op.invoke_us >= seconds(8));
    }
  }

  void localQuorumStaysInTheDatacentre() {
    const auto s = builtin("local-quorum-2dc");
    const auto sim = run(s);
    // Dublin to Virginia is about 5,500 km: 28 ms of fibre each way, plus overheads.
    const double local = metric(s, *sim, "p50_write_latency_us");
    QVERIFY2(local < 60'000, qPrintable(QString::number(local)));
    QCOMPARE(metric(s, *sim, "ops_failed"), 0.0);
    auto plain = s;
    plain.workload.level = static_cast<std::uint8_t>(ConsistencyLevel::Quorum);
    const auto quorum_sim = run(plain);
    const double quorum = metric(plain, *quorum_sim, "p50_write_latency_us");
    QVERIFY2(quorum > local + 50'000, qPrintable(QString("%1 vs %2").arg(quorum).arg(local)));
    // Nobody waited for Virginia, but Virginia has every write.
    QVERIFY(replicas_equal(sim->world()));
    QCOMPARE(protocol_of<LeaderlessNode>(sim->world(), node(s, "n6")).data(),
             protocol_of<LeaderlessNode>(sim->world(), node(s, "n1")).data());
  }
};

QTEST_GUILESS_MAIN(TestLeaderlessQuorum)
#include "test_leaderless_quorum.moc"
