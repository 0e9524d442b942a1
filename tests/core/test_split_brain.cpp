// Split brain (lesson 5): a cut between two data centres with no protection, and what prevents it:
// fencing tokens checked by storage, STONITH, a majority quorum, leases with a clock-skew margin.
// Also the GitHub 2018 replay.
#include <QtTest>

#include <set>

#include "failover/failover_node.h"
#include "test_support.h"

using namespace cs;
using namespace test;
using sim::millis;
using sim::seconds;

namespace {

const failover::FailoverNode& fnode(const sim::World& w, sim::EndpointId id) {
  return dynamic_cast<const failover::FailoverNode&>(*w.node(id).protocol);
}

int primaries(const sim::World& w) {
  int n = 0;
  for (sim::EndpointId i = 0; i < w.node_count(); ++i) {
    n += w.node(i).status != sim::NodeStatus::Crashed && fnode(w, i).is_primary() ? 1 : 0;
  }
  return n;
}

// Writes a node acknowledged as primary whose clients heard of it between two (true) times.
std::int64_t acks_between(const sim::World& w, sim::EndpointId id, sim::TimeUs from, sim::TimeUs to) {
  const auto& acked = fnode(w, id).ledger().acked_ops();
  const std::set<std::uint64_t> mine(acked.begin(), acked.end());
  std::int64_t n = 0;
  for (const auto& op : w.history().ops()) {
    n += op.status == sim::OpStatus::Ok && mine.count(op.id) && op.complete_us >= from && op.complete_us < to ? 1 : 0;
  }
  return n;
}

sim::TimeUs first_event(const sim::Simulation& sim, sim::TraceType type, sim::EndpointId node, std::int64_t a) {
  for (auto i = sim.trace().first_index(); i < sim.trace().total(); ++i) {
    const auto& e = sim.trace().at_index(i);
    if (e.type == type && e.node == node && (type == sim::TraceType::Fault ? e.kind == a : e.a == a)) return e.time_us;
  }
  return -1;
}

// Five voters: n1, n2 in one data centre, n3, n4 in another, n5 a witness in a third. The first
// data centre is cut off at 3 s. Lease protection with the given clock skew on n3-n5 and margin.
scenario::Scenario lease_cluster(int skew_ms, int margin_ms) {
  const std::string text = R"({"version": 1, "id": "lease", "title": "Lease", "model": {"type": "failover", "params": {
      "quorum": true, "lease": true, "lease_ms": 4000, "clock_skew_margin_ms": )" +
                           std::to_string(margin_ms) + R"(, "witnesses": "n5", "heartbeat_interval_ms": 200,
      "failure_timeout_ms": 1000}},
    "nodes": [{"name": "n1"}, {"name": "n2"}, {"name": "n3"}, {"name": "n4"}, {"name": "n5"}],
    "network": {"latency_ms": 20, "jitter_ms": 2},
    "workload": {"clients": 4, "think_time_ms": 50, "read_fraction": 0.0, "keys": 10, "target": "sticky",
                 "nodes": ["n1", "n3"], "timeout_ms": 500, "start_s": 0.5},
    "timeline": [
      {"at_s": 0.1, "action": "clock-skew", "node": "n3", "skew_ms": )" +
                           std::to_string(skew_ms) + R"(},
      {"at_s": 0.1, "action": "clock-skew", "node": "n4", "skew_ms": )" +
                           std::to_string(skew_ms) + R"(},
      {"at_s": 0.1, "action": "clock-skew", "node": "n5", "skew_ms": )" +
                           std::to_string(skew_ms) + R"(},
      {"at_s": 3.0, "action": "partition", "groups": [["n1", "n2"], ["n3", "n4", "n5"]]}]})";
  return scenario::load_scenario(text, "lease-test");
}

}  // namespace

class TestSplitBrain : public QObject {
  Q_OBJECT

 private slots:
  void unfencedBothSidesWriteAndMustReconcile() {
    const auto s = builtin("split-brain-unfenced");
    sim::Simulation sim(scenario::make_world(s, s.seed));
    sim.run_until(seconds(8));
    QCOMPARE(primaries(sim.world()), 2);  // n1 and the West's new primary n3
    QVERIFY(fnode(sim.world(), 0).is_primary() && fnode(sim.world(), 2).is_primary());
    const double divergent_at_8 = scenario::run_metrics(s, sim.world())["divergent_writes"];
    sim.run_until(seconds(13));
    auto m = scenario::run_metrics(s, sim.world());
    QVERIFY(m["divergent_writes"] > divergent_at_8 + 20);  // it keeps growing while cut
    // Both sides acknowledged writes while cut off from each other.
    QVERIFY(acks_between(sim.world(), 0, seconds(6), seconds(13)) > 10);
    QVERIFY(acks_between(sim.world(), 2, seconds(6), seconds(13)) > 10);
    sim.run_until(s.duration_us);
    m = scenario::run_metrics(s, sim.world());
    const auto& w = sim.world();
    QVERIFY(m["max_primaries_at_once"] >= 2);
    QVERIFY(m["divergent_writes"] > 0);
    // After healing: one primary, everyone on its history, n1's divergent writes set aside.
    QCOMPARE(primaries(w), 1);
    QVERIFY(fnode(w, 2).is_primary());
    QVERIFY(fnode(w, 0).log().rolled_back_total() > 10);
    for (sim::EndpointId i : {0u, 1u, 3u}) {
      QCOMPARE(fnode(w, i).known_primary(), sim::EndpointId{2});
      QCOMPARE(fnode(w, i).log().last_token(), fnode(w, 2).log().last_token());
    }
    QVERIFY(m["lost_acknowledged_writes"] > 0);  // n1's side, unless someone reconciles by hand
  }

  void fencingTokensMakeStorageRejectTheOldPrimary() {
    const auto s = builtin("split-brain-fenced");
    sim::Simulation sim(scenario::make_world(s, s.seed));
    sim.run_until(seconds(12));
    const auto& w = sim.world();
    QVERIFY(fnode(w, 0).is_primary());  // n1 never noticed it was replaced
    QVERIFY(fnode(w, 2).is_primary());
    QVERIFY(fnode(w, 2).token() > fnode(w, 0).token());
    QCOMPARE(fnode(w, 4).storage_highest_token(), fnode(w, 2).token());
    auto m = scenario::run_metrics(s, w);
    QVERIFY(m["writes_fenced"] > 10);  // n1's writes, rejected by the storage
    QCOMPARE(acks_between(w, 0, seconds(6), seconds(12)), std::int64_t{0});
    QVERIFY(acks_between(w, 2, seconds(6), seconds(12)) > 10);
    sim.run_until(s.duration_us);
    m = scenario::run_metrics(s, sim.world());
    QCOMPARE(m["max_primaries_at_once"], 2.0);
    QCOMPARE(m["divergent_writes"], 0.0);
    QCOMPARE(m["lost_acknowledged_writes"], 0.0);
  }

  void stonithPowersOffTheOldPrimaryBeforePromoting() {
    const auto s = builtin("split-brain-stonith");
    sim::Simulation sim(scenario::make_world(s, s.seed));
    sim.run_until(seconds(10));
    const auto& w = sim.world();
    QCOMPARE(w.node(0).status, sim::NodeStatus::Crashed);  // powered off
    QCOMPARE(w.node(1).status, sim::NodeStatus::Crashed);
    QVERIFY(fnode(w, 2).is_primary());
    const sim::TimeUs off =
        first_event(sim, sim::TraceType::Fault, 0, static_cast<std::int64_t>(sim::ActionType::Crash));
    const sim::TimeUs promoted =
        first_event(sim, sim::TraceType::RoleChange, 2, static_cast<std::int64_t>(sim::Role::Primary));
    QVERIFY(off > seconds(3) && promoted > off);
    QVERIFY(promoted - off >= millis(1000));  // waited for the power-off to be confirmed
    sim.run_until(s.duration_us);
    auto m = scenario::run_metrics(s, sim.world());
    QCOMPARE(m["max_primaries_at_once"], 1.0);  // never two primaries
    QCOMPARE(m["divergent_writes"], 0.0);
    QCOMPARE(m["nodes_powered_off"], 2.0);
    // Brought back, n1 rejoins as a replica of the new primary.
    QVERIFY(!fnode(sim.world(), 0).is_primary());
    QCOMPARE(fnode(sim.world(), 0).known_primary(), sim::EndpointId{2});
  }

  void aMajorityQuorumStopsTheMinoritySideFromPromoting() {
    auto s = builtin("split-brain-unfenced");
    s.params["quorum"] = true;
    sim::Simulation sim(scenario::make_world(s, s.seed));
    sim.run_until(s.duration_us);
    auto m = scenario::run_metrics(s, sim.world());
    // Two against two: neither side has a majority of the four voters, so nobody is promoted.
    QCOMPARE(m["failovers"], 0.0);
    QCOMPARE(m["max_primaries_at_once"], 1.0);
    QCOMPARE(m["divergent_writes"], 0.0);
  }

  void leasesNeedAClockSkewMargin() {
    // Without skew, the old primary's lease runs out before the other side may promote.
    {
      const auto s = lease_cluster(0, 0);
      sim::Simulation sim(scenario::make_world(s, 1));
      sim.run_until(seconds(12));
      auto m = scenario::run_metrics(s, sim.world());
      QCOMPARE(m["failovers"], 1.0);
      QVERIFY(fnode(sim.world(), 2).is_primary() || fnode(sim.world(), 3).is_primary());
      QVERIFY(!fnode(sim.world(), 0).is_primary());  // it stepped down when its lease ran out
      QCOMPARE(m["max_primaries_at_once"], 1.0);
      QCOMPARE(m["divergent_writes"], 0.0);
    }
    // The voters' clocks run 1.5 s ahead of n1's: n1 reads their grants as lasting 1.5 s longer
    // and keeps writing after the new primary has started.
    {
      const auto s = lease_cluster(1500, 0);
      sim::Simulation sim(scenario::make_world(s, 1));
      sim.run_until(seconds(12));
      auto m = scenario::run_metrics(s, sim.world());
      QCOMPARE(m["max_primaries_at_once"], 2.0);
      QVERIFY(m["divergent_writes"] > 0);
    }
    // A margin larger than the skew restores safety.
    {
      const auto s = lease_cluster(1500, 2000);
      sim::Simulation sim(scenario::make_world(s, 1));
      sim.run_until(seconds(12));
      auto m = scenario::run_metrics(s, sim.world());
      QCOMPARE(m["failovers"], 1.0);
      QCOMPARE(m["max_primaries_at_once"], 1.0);
      QCOMPARE(m["divergent_writes"], 0.0);
    }
  }

  void github2018PartitionPromotesInTheOtherDataCentre() {
    const auto s = builtin("github-2018");
    // Real places: Virginia in the East, Oregon in the West.
    QCOMPARE(s.regions.size(), std::size_t{3});
    QVERIFY(s.regions[0].name == "us-east" && s.regions[0].longitude_deg > -80 && s.regions[0].longitude_deg < -75);
    QVERIFY(s.regions[1].name == "us-west" && s.regions[1].longitude_deg < -115);
    // The cut lasts 43 seconds.
    sim::TimeUs cut = -1, healed = -1;
    for (const auto& a : s.timeline) {
      if (a.type == sim::ActionType::Partition) cut = a.at_us;
      if (a.type == sim::ActionType::Heal) healed = a.at_us;
    }
    QCOMPARE(healed - cut, seconds(43));

    sim::Simulation sim(scenario::make_world(s, s.seed));
    sim.run_until(healed - millis(1));
    const auto& w = sim.world();
    sim::EndpointId west_primary = sim::kNoEndpoint;
    for (sim::EndpointId i : {2u, 3u}) west_primary = fnode(w, i).is_primary() ? i : west_primary;
    QVERIFY(west_primary != sim::kNoEndpoint);  // promoted in the West during the cut
    QCOMPARE(s.regions[s.node_regions[west_primary]].name, std::string("us-west"));
    QVERIFY(fnode(w, 0).is_primary());  // while the East primary kept running
    const sim::TimeUs promoted =
        first_event(sim, sim::TraceType::RoleChange, west_primary, static_cast<std::int64_t>(sim::Role::Primary));
    QVERIFY(promoted > cut && promoted < healed);
    // Writes landed on both sides during the cut.
    QVERIFY(acks_between(w, 0, cut, healed) > 20);
    QVERIFY(acks_between(w, west_primary, promoted, healed) > 20);
    sim.run_until(s.duration_us);
    auto m = scenario::run_metrics(s, sim.world());
    QCOMPARE(m["max_primaries_at_once"], 2.0);
    QVERIFY(m["divergent_writes"] > 40);
    QCOMPARE(m["detection_time_us"], 10'000'000.0);
    QVERIFY(fnode(sim.world(), 0).log().rolled_back_total() > 20);  // the East's writes, set aside
    QCOMPARE(primaries(sim.world()), 1);
  }
};

QTEST_GUILESS_MAIN(TestSplitBrain)
#include "test_split_brain.moc"
