// Failure detection and failover (lesson 5): heartbeats with false suspicion, TCP and query
// checks, automatic failover losing asynchronous writes, manual failover, a planned switchover
// with nothing lost, and monitoring with the course's alert thresholds.
#include <QtTest>

#include "failover/failover_node.h"
#include "failover/monitoring.h"
#include "test_support.h"

using namespace cs;
using namespace test;
using sim::millis;
using sim::seconds;

namespace {

// A three-node failover cluster (n1 primary) with the given model params and timeline (JSON).
scenario::Scenario cluster(const std::string& params, const std::string& timeline = "[]", int clients = 3,
                           const std::string& targets = R"(["n1", "n2", "n3"])") {
  const std::string text = R"({"version": 1, "id": "t", "title": "T", "model": {"type": "failover", "params": {)" +
                           params + R"(}}, "nodes": [{"name": "n1"}, {"name": "n2"}, {"name": "n3"}],
      "network": {"latency_ms": 20, "jitter_ms": 2},
      "workload": {"clients": )" +
                           std::to_string(clients) + R"(, "think_time_ms": 100, "read_fraction": 0.2, "keys": 10,
                   "target": "random", "nodes": )" +
                           targets + R"(, "timeout_ms": 1000, "start_s": 0.5},
      "timeline": )" + timeline +
                           "}";
  return scenario::load_scenario(text, "test");
}

const failover::FailoverNode& fnode(const sim::World& w, sim::EndpointId id) {
  return dynamic_cast<const failover::FailoverNode&>(*w.node(id).protocol);
}

// True time of the first role change of `node` to `role` at or after `from` (-1 if none).
sim::TimeUs first_role(const sim::Simulation& sim, sim::EndpointId node, sim::Role role, sim::TimeUs from = 0) {
  for (auto i = sim.trace().first_index(); i < sim.trace().total(); ++i) {
    const auto& e = sim.trace().at_index(i);
    if (e.type == sim::TraceType::RoleChange && e.node == node && e.a == static_cast<std::int64_t>(role) &&
        e.time_us >= from) {
      return e.time_us;
    }
  }
  return -1;
}

sim::Metrics run(const scenario::Scenario& s, sim::Simulation& sim, sim::TimeUs until) {
  sim.run_until(until);
  return scenario::run_metrics(s, sim.world());
}

}  // namespace

class TestFailover : public QObject {
  Q_OBJECT

 private slots:
  void heartbeatsDetectACrashAfterTheTimeout() {
    const auto s = cluster(R"("failover": "none", "heartbeat_interval_ms": 200, "failure_timeout_ms": 1000)",
                           R"([{"at_s": 2.0, "action": "crash", "node": "n1"}])");
    sim::Simulation sim(scenario::make_world(s, 1));
    run(s, sim, seconds(6));
    for (sim::EndpointId replica : {1u, 2u}) {
      const sim::TimeUs suspected = first_role(sim, replica, sim::Role::Suspect);
      // The last heartbeat left at most one interval before the crash; silence for the timeout.
      QVERIFY2(
          suspected >= seconds(2) + millis(1000) - millis(200) && suspected <= seconds(2) + millis(1000) + millis(50),
          qPrintable(QString::number(suspected)));
      QVERIFY(fnode(sim.world(), replica).suspicions() == 1);
      QCOMPARE(fnode(sim.world(), replica).false_suspicions(), std::int64_t{0});
    }
    // Mode "none": nobody is promoted; writes simply fail.
    QCOMPARE(sim.world().metrics()["failovers"], 0.0);
  }

  void aPauseOrADelayCausesFalseSuspicion() {
    for (const char* fault :
         {R"([{"at_s": 2.0, "action": "pause", "node": "n1"}, {"at_s": 4.0, "action": "resume", "node": "n1"}])",
          R"([{"at_s": 2.0, "action": "slow-down", "node": "n1", "extra_ms": 1500},
                                  {"at_s": 4.0, "action": "slow-down", "node": "n1", "extra_ms": 0}])"}) {
      const auto s = cluster(R"("failover": "none", "heartbeat_interval_ms": 200, "failure_timeout_ms": 1000)", fault);
      sim::Simulation sim(scenario::make_world(s, 1));
      run(s, sim, seconds(8));
      // n1 never failed, yet both replicas suspected it, and later heard from it again.
      QCOMPARE(sim.world().metrics()["suspicions"], 2.0);
      QCOMPARE(sim.world().metrics()["false_suspicions"], 2.0);
      QVERIFY(!fnode(sim.world(), 1).suspecting());
    }
  }

  void aTcpCheckMissesAHungServerButATestQueryCatchesIt() {
    const std::string common =
        R"("failover": "none", "check_interval_ms": 500, "check_timeout_ms": 250, "failed_checks": 3, "disk_full_at_ms": 2000)";
    const auto tcp = cluster(R"("detector": "tcp", )" + common);
    sim::Simulation a(scenario::make_world(tcp, 1));
    auto m = run(tcp, a, seconds(10));
    QCOMPARE(m["suspicions"], 0.0);  // the port still answers
    QVERIFY(m["writes_hung"] > 10);  // but every write hangs on the full disk
    QCOMPARE(m["monitor_failed_health_checks"], 0.0);

    const auto query = cluster(R"("detector": "query", )" + common);
    sim::Simulation b(scenario::make_world(query, 1));
    m = run(query, b, seconds(10));
    QCOMPARE(m["suspicions"], 2.0);
    QVERIFY(m["failed_health_checks"] >= 6);  // three in a row on each replica
    for (sim::EndpointId replica : {1u, 2u}) {
      const sim::TimeUs suspected = first_role(b, replica, sim::Role::Suspect);
      // Three failed checks, 500 ms apart, each declared failed 250 ms after it was sent.
      QVERIFY(suspected > seconds(2) + millis(1000) && suspected < seconds(2) + millis(2300));
    }
  }

  void aTcpCheckDetectsACrashAfterThreeFailures() {
    const auto s = cluster(
        R"("detector": "tcp", "failover": "none", "check_interval_ms": 500, "check_timeout_ms": 250, "failed_checks": 3)",
        R"([{"at_s": 2.0, "action": "crash", "node": "n1"}])");
    sim::Simulation sim(scenario::make_world(s, 1));
    auto m = run(s, sim, seconds(6));
    QCOMPARE(m["suspicions"], 2.0);
    QCOMPARE(m["false_suspicions"], 0.0);
    for (sim::EndpointId replica : {1u, 2u}) {
      const sim::TimeUs suspected = first_role(sim, replica, sim::Role::Suspect);
      QVERIFY(suspected > seconds(2) + millis(1000) && suspected < seconds(2) + millis(2300));
    }
  }

  void aReplicaCutOffForLongerThanTenSecondsRaisesTheLagAlert() {
    const auto s = cluster(R"("failover": "none", "heartbeat_interval_ms": 200, "failure_timeout_ms": 1000)",
                           R"([{"at_s": 1.0, "action": "one-way-cut", "from": "n1", "to": "n3"}])");
    sim::Simulation sim(scenario::make_world(s, 1));
    sim.run_until(seconds(9));
    QVERIFY(fnode(sim.world(), 2).replication_lag_us() > seconds(7));
    QVERIFY(fnode(sim.world(), 1).replication_lag_us() < millis(500));
    auto fires = [&] {
      for (const auto& a : failover::alerts(failover::snapshot(sim.world()))) {
        if (a.metric == "replication_lag") return true;
      }
      return false;
    };
    QVERIFY(!fires());
    sim.run_until(seconds(13));
    QVERIFY(fires());
    QVERIFY(scenario::run_metrics(s, sim.world())["monitor_replication_lag_us"] > 10'000'000);
  }

  void automaticFailoverLosesAsynchronousWrites() {
    const auto s = builtin("auto-failover-async-loss");
    sim::Simulation sim(scenario::make_world(s, s.seed));
    sim.run_until(seconds(4));
    const auto& before = sim.world();
    const auto primary_log = fnode(before, 0).log().last_index();
    std::int64_t best_replica = 0;
    for (sim::EndpointId r : {1u, 2u, 3u}) best_replica = std::max(best_replica, fnode(before, r).log().last_index());
    QVERIFY(primary_log > best_replica);  // acknowledged writes that no replica has yet
    auto m = run(s, sim, s.duration_us);
    const auto& w = sim.world();
    sim::EndpointId promoted = sim::kNoEndpoint;
    for (sim::EndpointId r : {1u, 2u, 3u}) promoted = fnode(w, r).is_primary() ? r : promoted;
    QVERIFY(promoted != sim::kNoEndpoint);
    QCOMPARE(m["lost_acknowledged_writes"], static_cast<double>(primary_log - best_replica));
    QVERIFY(m["lost_acknowledged_writes"] > 0);
    QCOMPARE(m["failovers"], 1.0);
    QCOMPARE(m["detection_time_us"], 1'500'000.0);  // from the last heartbeat heard to suspicion
    QVERIFY(m["failover_time_us"] < 1'000'000);
    QVERIFY(m["unavailable_us"] < 3'000'000);  // seconds, with nobody paged
    QCOMPARE(m["max_primaries_at_once"], 1.0);
  }

  void manualFailoverWaitsForTheOperator() {
    const auto s = builtin("manual-failover");
    sim::Simulation sim(scenario::make_world(s, s.seed));
    auto m = run(s, sim, seconds(8));
    QCOMPARE(m["failovers"], 0.0);  // replicas suspect n1 but wait
    QVERIFY(fnode(sim.world(), 1).suspecting());
    m = run(s, sim, s.duration_us);
    QCOMPARE(m["failovers"], 1.0);
    QVERIFY(fnode(sim.world(), 1).is_primary());  // the operator's choice
    const sim::TimeUs promoted = first_role(sim, 1, sim::Role::Primary);
    QVERIFY(promoted >= seconds(2) + millis(1000) + millis(6000) - millis(200) && promoted <= seconds(9) + millis(100));
    QCOMPARE(m["failover_time_us"], 6'000'000.0);  // the operator's delay
    QVERIFY(m["unavailable_us"] >= 6'000'000);     // all of it downtime
    QVERIFY(m["ops_failed"] > 10);
  }

  void plannedSwitchoverLosesNothing() {
    const auto s = builtin("planned-switchover");
    sim::Simulation sim(scenario::make_world(s, s.seed));
    sim.run_until(seconds(2));
    // n2 runs behind on its slow link (400 ms one way), n3 does not.
    QVERIFY(fnode(sim.world(), 1).replication_lag_us() > millis(400));
    QVERIFY(fnode(sim.world(), 2).replication_lag_us() < millis(300));
    auto m = run(s, sim, s.duration_us);
    const auto& w = sim.world();
    QVERIFY(fnode(w, 1).is_primary());
    QVERIFY(!fnode(w, 0).is_primary());
    QCOMPARE(fnode(w, 0).known_primary(), sim::EndpointId{1});
    QCOMPARE(m["lost_acknowledged_writes"], 0.0);
    QCOMPARE(m["max_primaries_at_once"], 1.0);
    QCOMPARE(m["ops_failed"], 0.0);  // held writes went to the new primary
    const sim::TimeUs swapped = first_role(sim, 1, sim::Role::Primary);
    QVERIFY(swapped > seconds(2) && swapped < millis(3500));
    QVERIFY(m["failover_time_us"] > 0 && m["failover_time_us"] < 1'500'000);  // drain and catch up
  }

  void aLaggingReplicaIsNotPromoted() {
    // n2 was down for 4 s and is still catching up (64 entries per round trip on a slow link) when
    // n1 fails; n3 may never be promoted. Without a lag limit n2 takes over and drops what it
    // lacks; with one, the cluster waits instead.
    const std::string timeline = R"([{"at_s": 1.0, "action": "crash", "node": "n2"},
                                      {"at_s": 5.0, "action": "slow-down", "node": "n2", "extra_ms": 400},
                                      {"at_s": 5.0, "action": "restart", "node": "n2"},
                                      {"at_s": 5.9, "action": "crash", "node": "n1"}])";
    const std::string common = R"("heartbeat_interval_ms": 200, "failure_timeout_ms": 1000, "not_promotable": "n3")";
    const std::string targets = R"(["n1", "n3"])";
    const auto reckless = cluster(common, timeline, 6, targets);
    sim::Simulation a(scenario::make_world(reckless, 1));
    auto m = run(reckless, a, seconds(12));
    QVERIFY(fnode(a.world(), 1).is_primary());
    QVERIFY(m["lost_acknowledged_writes"] > 20);

    const auto careful = cluster(common + R"(, "max_lag_entries": 5)", timeline, 6, targets);
    sim::Simulation b(scenario::make_world(careful, 1));
    m = run(careful, b, seconds(12));
    QVERIFY(!fnode(b.world(), 1).is_primary());
    QCOMPARE(m["failovers"], 0.0);
    QVERIFY(fnode(b.world(), 1).replication_lag_entries() > 5);
  }

  void monitoringAlertsAtTheCoursesThresholds() {
    failover::MonitoringSnapshot s;
    s.max_connections = 100;
    s.observed_us = seconds(60);
    QVERIFY(failover::alerts(s).empty());
    const auto fires = [](const failover::MonitoringSnapshot& snap, const std::string& metric) {
      for (const auto& a : failover::alerts(snap)) {
        if (a.metric == metric) return true;
      }
      return false;
    };
    auto t = s;
    t.replication_lag_us = seconds(10);
    QVERIFY(!fires(t, "replication_lag"));
    t.replication_lag_us = seconds(10) + 1;
    QVERIFY(fires(t, "replication_lag"));
    t = s;
    t.failed_health_checks = 1;
    QVERIFY(fires(t, "health_check"));
    t = s;
    t.connections = 80;
    QVERIFY(!fires(t, "connections"));
    t.connections = 81;
    QVERIFY(fires(t, "connections"));
    t = s;
    t.failovers = 1;
    QVERIFY(!fires(t, "failover_count"));
    t.failovers = 2;
    QVERIFY(fires(t, "failover_count"));
    t.observed_us = 4 * failover::kWeekUs;  // two in four weeks: fine
    QVERIFY(!fires(t, "failover_count"));
    t = s;
    t.recovery_time_us = 5 * 60 * sim::kMicrosPerSecond;
    QVERIFY(!fires(t, "recovery_time"));
    t.recovery_time_us += 1;
    QVERIFY(fires(t, "recovery_time"));

    // And from a real run: the manual failover failed health checks and took seconds to recover.
    const auto manual = builtin("manual-failover");
    sim::Simulation sim(scenario::make_world(manual, manual.seed));
    sim.run_until(manual.duration_us);
    const auto snap = failover::snapshot(sim.world());
    QVERIFY(snap.failed_health_checks > 0);
    QCOMPARE(snap.failovers, std::int64_t{1});
    QVERIFY(snap.recovery_time_us > seconds(6) && snap.recovery_time_us < seconds(8));
    QVERIFY(snap.connections > 0 && snap.connections <= 4);
    QVERIFY(fires(snap, "health_check") && !fires(snap, "recovery_time"));
  }
};

QTEST_GUILESS_MAIN(TestFailover)
#include "test_failover.moc"
