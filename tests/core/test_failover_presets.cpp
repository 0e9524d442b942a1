// Presets that mirror real systems (lesson 5): Patroni's leader key with a TTL, a MongoDB replica
// set with priorities and write concern, MySQL Group Replication in single-primary mode.
#include <QtTest>

#include <set>

#include "failover/patroni_node.h"
#include "test_support.h"

using namespace cs;
using namespace test;
using sim::millis;
using sim::seconds;

namespace {

const failover::PatroniNode& patroni(const sim::World& w, sim::EndpointId id) {
  return dynamic_cast<const failover::PatroniNode&>(*w.node(id).protocol);
}

sim::Metrics metrics(const scenario::Scenario& s, const sim::Simulation& sim) {
  return scenario::run_metrics(s, sim.world());
}

std::set<std::uint64_t> acked_writes_before(const sim::World& w, sim::TimeUs t) {
  std::set<std::uint64_t> ids;
  for (const auto& op : w.history().ops()) {
    if (op.type == sim::OpType::Write && op.status == sim::OpStatus::Ok && op.complete_us < t) ids.insert(op.id);
  }
  return ids;
}

}  // namespace

class TestFailoverPresets : public QObject {
  Q_OBJECT

 private slots:
  void patroniLeaderKeyExpiresAndOneReplicaTakesIt() {
    const auto s = builtin("patroni-style");
    const sim::EndpointId dcs = 3;
    sim::Simulation sim(scenario::make_world(s, s.seed));
    sim.run_until(seconds(3));
    QCOMPARE(patroni(sim.world(), dcs).key_holder(), sim::EndpointId{0});
    QVERIFY(patroni(sim.world(), 0).is_primary());
    // n1 crashes at 4 s: nobody renews, and the TTL runs down.
    sim.run_until(seconds(5));
    const sim::TimeUs ttl_at_5 = patroni(sim.world(), dcs).key_ttl_left_us();
    sim.run_until(seconds(7));
    const sim::TimeUs ttl_at_7 = patroni(sim.world(), dcs).key_ttl_left_us();
    QVERIFY(ttl_at_5 > 0 && ttl_at_5 <= seconds(5));
    QVERIFY(ttl_at_7 > 0 && ttl_at_7 < ttl_at_5 - millis(1500));
    QCOMPARE(patroni(sim.world(), dcs).key_holder(), sim::EndpointId{0});  // still n1's: not yet expired
    QCOMPARE(metrics(s, sim)["failovers"], 0.0);
    sim.run_until(s.duration_us);
    const auto& w = sim.world();
    const auto holder = patroni(w, dcs).key_holder();
    QVERIFY(holder == 1 || holder == 2);
    QVERIFY(patroni(w, holder).is_primary());  // exactly the key holder promoted itself
    QCOMPARE(patroni(w, holder == 1 ? 2 : 1).token(), patroni(w, holder).token());  // the other follows it
    auto m = metrics(s, sim);
    QCOMPARE(m["failovers"], 1.0);
    QCOMPARE(m["max_primaries_at_once"], 1.0);
    QCOMPARE(m["divergent_writes"], 0.0);
    // Detection: from n1's last renewal to the key found gone, about a TTL.
    QVERIFY(m["detection_time_us"] >= 6'000'000 && m["detection_time_us"] <= 8'200'000);
  }

  void patroniPrimaryCutOffFromTheStoreDemotesItselfFirst() {
    auto s = builtin("patroni-style");
    sim::Action cut = partition_at(seconds(4), {{0}, {1, 2, 3}});
    s.timeline = {cut};
    sim::Simulation sim(scenario::make_world(s, s.seed));
    sim.run_until(s.duration_us);
    auto m = metrics(s, sim);
    // loop_wait + retry_timeout <= ttl: n1 gives up before its key can expire, so the new
    // primary never overlaps with it.
    QCOMPARE(m["demotions"], 1.0);
    QCOMPARE(m["failovers"], 1.0);
    QCOMPARE(m["max_primaries_at_once"], 1.0);
    QCOMPARE(m["divergent_writes"], 0.0);
    QVERIFY(!patroni(sim.world(), 0).is_primary());
  }

  void mongodbElectsASecondaryAndKeepsMajorityWrites() {
    const auto s = builtin("mongodb-replica-set");
    sim::Simulation sim(scenario::make_world(s, s.seed));
    consensus::RaftInvariants inv;
    run_checked(sim, millis(2999), inv);
    QCOMPARE(leader_of_highest_term(sim.world()), sim::EndpointId{0});  // priority 2 wins the first election
    QCOMPARE(sim.world().node(0).role, sim::Role::Primary);
    const auto acked = acked_writes_before(sim.world(), seconds(3));
    QVERIFY(acked.size() > 5);
    run_checked(sim, seconds(10), inv);
    const auto primary = leader_of_highest_term(sim.world());
    QVERIFY(primary == 1 || primary == 2);
    const auto& log = raft(sim.world(), primary).log();
    std::set<std::uint64_t> in_log;
    for (std::int64_t i = 1; i <= log.last_index(); ++i) in_log.insert(log.at(i).op_id);
    for (auto id : acked) QVERIFY(in_log.count(id));  // majority write concern: nothing lost
    run_checked(sim, s.duration_us, inv);
    QVERIFY2(inv.ok(), describe(inv).c_str());
    // n1 is back: caught up and higher priority, it takes the primary role back.
    QCOMPARE(leader_of_highest_term(sim.world()), sim::EndpointId{0});
    auto m = metrics(s, sim);
    QCOMPARE(m["lost_acknowledged_writes"], 0.0);
    QCOMPARE(m["leaders_elected"], 3.0);
    QVERIFY(m["detection_time_us"] >= 4'000'000 &&
            m["detection_time_us"] <= 4'700'000);  // electionTimeoutMillis + offset
  }

  void mongodbWriteConcernOneLosesWritesOnFailover() {
    auto s = builtin("mongodb-replica-set");
    s.params["write_concern"] = std::string("1");
    // n1 is cut off from the other members but not from its clients, which keep writing to it.
    s.timeline = {partition_at(seconds(3), {{0}, {1, 2}}), at(seconds(14), sim::ActionType::Heal)};
    sim::Simulation sim(scenario::make_world(s, s.seed));
    consensus::RaftInvariants inv(false);  // w:1 acknowledges before commit by design
    run_checked(sim, s.duration_us, inv);
    QVERIFY2(inv.ok(), describe(inv).c_str());
    auto m = metrics(s, sim);
    QVERIFY(m["lost_acknowledged_writes"] > 5);  // rolled back when n1 rejoined
    QVERIFY(m["divergent_writes"] > 5);
    QVERIFY(m["entries_truncated"] > 5);
  }

  void mysqlGroupElectsTheHeaviestMemberAndKeepsCommits() {
    const auto s = builtin("mysql-group-replication");
    sim::Simulation sim(scenario::make_world(s, s.seed));
    consensus::RaftInvariants inv;
    run_checked(sim, millis(2499), inv);
    QCOMPARE(leader_of_highest_term(sim.world()), sim::EndpointId{0});
    const auto acked = acked_writes_before(sim.world(), millis(2500));
    QVERIFY(acked.size() > 3);
    run_checked(sim, s.duration_us, inv);
    QVERIFY2(inv.ok(), describe(inv).c_str());
    QCOMPARE(leader_of_highest_term(sim.world()), sim::EndpointId{1});  // weight 60 beats 50
    const auto& log = raft(sim.world(), 1).log();
    std::set<std::uint64_t> in_log;
    for (std::int64_t i = 1; i <= log.last_index(); ++i) in_log.insert(log.at(i).op_id);
    for (auto id : acked) QVERIFY(in_log.count(id));
    auto m = metrics(s, sim);
    QCOMPARE(m["lost_acknowledged_writes"], 0.0);
    QCOMPARE(m["leaders_elected"], 2.0);
  }

  void mysqlMinorityMemberCannotCommit() {
    auto s = builtin("mysql-group-replication");
    s.timeline = {partition_at(seconds(2), {{0}, {1, 2}})};
    s.workload.target_nodes = {0};  // every client keeps talking to the cut-off primary
    sim::Simulation sim(scenario::make_world(s, s.seed));
    consensus::RaftInvariants inv;
    run_checked(sim, s.duration_us, inv);
    QVERIFY2(inv.ok(), describe(inv).c_str());
    for (const auto& op : sim.world().history().ops()) {
      if (op.type == sim::OpType::Write && op.invoke_us > millis(2100)) QVERIFY(op.status != sim::OpStatus::Ok);
    }
    QVERIFY(leader_of_highest_term(sim.world()) == 1);  // the majority side carried on
  }
};

QTEST_GUILESS_MAIN(TestFailoverPresets)
#include "test_failover_presets.moc"
