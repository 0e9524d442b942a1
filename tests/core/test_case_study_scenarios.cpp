// Lesson 6's case studies and migration, run headless: what each Try-it claims, asserted on the run.
//   uber-geo-sharding             a trip's requests go to its city's shard only; a busy city does
//                                 not slow a quiet one
//   discord-channel-partitioning  a channel read asks one partition; replicas get a message at
//                                 different moments, then agree
//   airbnb-no-double-booking      asynchronous: a confirmed booking is lost in a failover and the
//                                 night is booked twice; synchronous: the second guest is refused
//   blue-green-migration          green takes over with zero lag; the rollback to blue is a switch
//                                 that loses none of green's writes
#include <QtTest>

#include <algorithm>
#include <map>
#include <set>
#include <unordered_set>

#include "failover/failover_node.h"
#include "scenario/builtin.h"
#include "scenario/run_setup.h"
#include "sharding/shard_messages.h"
#include "sharding/shard_model.h"
#include "sim/simulation.h"
#include "test_support.h"

using cs::scenario::Scenario;
using cs::sim::EndpointId;
using cs::sim::millis;
using cs::sim::OpStatus;
using cs::sim::OpType;
using cs::sim::seconds;
using cs::sim::Simulation;
using cs::sim::TimeUs;
namespace sharding = cs::sharding;

using test::builtin;

namespace {

struct Run {
  Simulation sim;
  explicit Run(const Scenario& s, std::uint64_t seed) : sim(cs::scenario::make_world(s, seed)) {}
  explicit Run(const Scenario& s) : Run(s, s.seed) {}
};

using Finished = test::FinishedRun;

std::vector<cs::sim::TraceEvent> sends(const Simulation& sim, std::uint16_t kind) {
  std::vector<cs::sim::TraceEvent> out;
  if (sim.trace().first_index() != 0) qFatal("the trace no longer holds the whole run");
  for (auto i = sim.trace().first_index(); i < sim.trace().total(); ++i) {
    const auto& e = sim.trace().at_index(i);
    if (e.type == cs::sim::TraceType::Send && e.kind == kind) out.push_back(e);
  }
  return out;
}

double metric(const cs::sim::Metrics& m, const char* name) {
  const auto it = m.find(name);
  if (it == m.end()) qFatal("no metric %s", name);
  return it->second;
}

const cs::failover::FailoverNode& failover_node(const Simulation& sim, EndpointId id) {
  const auto* n = dynamic_cast<const cs::failover::FailoverNode*>(sim.world().node(id).protocol.get());
  if (!n) qFatal("node %u does not run the failover model", static_cast<unsigned>(id));
  return *n;
}

std::vector<cs::sim::Operation> console_ops(const cs::sim::World& world) {
  std::vector<cs::sim::Operation> out;
  for (const auto& op : world.history().ops()) {
    if (op.client == world.console_client()) out.push_back(op);
  }
  return out;
}

// Mean latency of the successful operations a node's clients sent, in microseconds.
double mean_latency_us(const cs::sim::World& world, EndpointId node) {
  double total = 0, n = 0;
  for (const auto& op : world.history().ops()) {
    if (op.node != node || op.status != OpStatus::Ok) continue;
    total += static_cast<double>(op.complete_us - op.invoke_us);
    ++n;
  }
  if (n < 10) qFatal("too few operations through node %u", static_cast<unsigned>(node));
  return total / n;
}

}  // namespace

class TestCaseStudyScenarios : public QObject {
  Q_OBJECT

 private slots:
  void uberTripsGoOnlyToTheirCitysShard() {
    const Scenario s = builtin("uber-geo-sharding");
    Finished run(s);
    const auto nodes = sharding::shard_nodes(run.sim.world());
    const sharding::ShardConfig& c = nodes.front()->config();
    QCOMPARE(c.strategy, sharding::Strategy::Geo);
    // Every request an application server sent went to the shard of its own city, once.
    const auto requests = sends(run.sim, sharding::msg::kRequest);
    QVERIFY(requests.size() > 300);
    std::map<EndpointId, std::set<EndpointId>> shards_asked_by;
    for (const auto& e : requests) {
      QVERIFY(c.is_router(e.node));
      QCOMPARE(c.shard_of(e.peer), static_cast<sharding::ShardIndex>(c.region_of_router(e.node)));
      shards_asked_by[e.node].insert(e.peer);
    }
    QCOMPARE(shards_asked_by.size(), std::size_t{3});
    for (const auto& [router, shards] : shards_asked_by) QCOMPARE(shards.size(), std::size_t{1});
    // One shard request per client request: no scatter-gather, no retry elsewhere.
    QCOMPARE(static_cast<double>(requests.size()), metric(run.metrics, "single_shard_queries"));
    QVERIFY(static_cast<double>(requests.size()) >= metric(run.metrics, "ops_ok"));
    QVERIFY(requests.size() <= run.sim.world().history().ops().size());
    // No cross-shard request, no scatter-gather, one partition per read: tests/transcripts/uber-geo-sharding.txt
    // And each city's trips are stored on its shard only.
    for (const sharding::ShardNode* n : nodes) {
      if (!n->is_active_primary()) continue;
      QVERIFY(!n->store().empty());
      for (const auto& [key, row] : n->store())
        QCOMPARE(row.user_id / sharding::kRegionStride, std::int64_t{n->shard()});
    }
    // São Paulo (shard 1) does most of the work and is the hot shard.
    QVERIFY(metric(run.metrics, "shard_1_ops") > 3 * metric(run.metrics, "shard_3_ops"));
    // It is the one hot shard: tests/transcripts/uber-geo-sharding.txt
  }

  void uberBusyCityDoesNotSlowQuietOne() {
    const Scenario s = builtin("uber-geo-sharding");
    Scenario busier = s;
    // Twice as many riders again in São Paulo (n4).
    for (int i = 0; i < 6; ++i) busier.workload.target_nodes.insert(busier.workload.target_nodes.begin(), 3);
    busier.workload.clients += 6;
    Finished normal(s);
    Finished busy(busier);
    QVERIFY(metric(busy.metrics, "shard_1_ops") > 1.6 * metric(normal.metrics, "shard_1_ops"));
    // Lyon's shard served exactly Lyon's requests in both runs, and they took as long.
    for (const Finished* run : {&normal, &busy}) {
      const auto lyon_requests =
          std::count_if(run->sim.world().history().ops().begin(), run->sim.world().history().ops().end(),
                        [](const auto& op) { return op.node == 5 && op.status == OpStatus::Ok; });
      QCOMPARE(metric(run->metrics, "shard_3_ops"), static_cast<double>(lyon_requests));
    }
    const double quiet_ms = metric(normal.metrics, "region_3_ms_mean");
    const double quiet_busy_ms = metric(busy.metrics, "region_3_ms_mean");
    QVERIFY2(std::abs(quiet_busy_ms - quiet_ms) < 1.0, qPrintable(QString("%1 %2").arg(quiet_ms).arg(quiet_busy_ms)));
    QVERIFY(quiet_ms < 15);
    const double lyon_client_us = mean_latency_us(normal.sim.world(), 5);
    QVERIFY(std::abs(mean_latency_us(busy.sim.world(), 5) - lyon_client_us) < 0.1 * lyon_client_us);
  }

  void discordReadsTouchOneChannelPartition() {
    const Scenario s = builtin("discord-channel-partitioning");
    Finished run(s);
    const auto nodes = sharding::shard_nodes(run.sim.world());
    const sharding::ShardConfig& c = nodes.front()->config();
    QCOMPARE(c.replicas, 3u);
    QCOMPARE(c.max_shards, 3u);
    // All messages of one channel are in one partition, and channels spread over all three.
    std::map<std::int64_t, std::set<sharding::ShardIndex>> partitions_of_channel;
    for (const sharding::ShardNode* n : nodes) {
      if (!n->is_active_primary()) continue;
      for (const auto& [key, row] : n->store()) partitions_of_channel[row.user_id].insert(n->shard());
    }
    QVERIFY(partitions_of_channel.size() >= 35);
    std::set<sharding::ShardIndex> used;
    for (const auto& [channel, parts] : partitions_of_channel) {
      QCOMPARE(parts.size(), std::size_t{1});
      used.insert(*parts.begin());
    }
    QCOMPARE(used.size(), std::size_t{3});
    // Each request from the API server went to exactly one partition's primary.
    const auto requests = sends(run.sim, sharding::msg::kRequest);
    std::int64_t reads = 0;
    for (const auto& op : run.sim.world().history().ops()) reads += op.type == OpType::Read ? 1 : 0;
    QVERIFY(reads > 100);
    QCOMPARE(static_cast<double>(requests.size()), metric(run.metrics, "single_shard_queries"));
    QVERIFY(static_cast<double>(requests.size()) >= metric(run.metrics, "ops_ok"));
    QVERIFY(requests.size() <= run.sim.world().history().ops().size());
    for (const auto& e : requests) QVERIFY(c.is_primary(e.peer));
    // One partition per read, none across shards: tests/transcripts/discord-channel-partitioning.txt
  }

  void discordReplicasDifferBrieflyThenAgree() {
    const Scenario s = builtin("discord-channel-partitioning");
    Run run(s);
    const auto nodes = sharding::shard_nodes(run.sim.world());
    const sharding::ShardConfig& c = nodes.front()->config();
    // Every 50 ms while messages are written: note whether a far replica lacks rows its primary
    // has, and check that 200 ms later it has every one of them.
    int diverged = 0;
    std::map<EndpointId, std::vector<sharding::StoreKey>> owed;  // far replica -> rows it must get
    for (TimeUs t = seconds(1); t <= s.workload.stop_us; t += millis(50)) {
      run.sim.run_until(t);
      if (t % millis(200) == 0) {
        for (const auto& [replica, keys] : owed) {
          for (const auto& key : keys) QVERIFY(nodes.at(replica)->store().contains(key));
        }
        owed.clear();
      }
      for (sharding::ShardIndex shard = 0; shard < 3; ++shard) {
        const auto& primary = nodes.at(c.primary_of(shard))->store();
        const EndpointId far = c.secondaries_of(shard).back();
        const auto& copy = nodes.at(far)->store();
        diverged += copy.size() < primary.size() ? 1 : 0;
        if (t % millis(200) == 0) {
          for (const auto& [key, row] : primary) owed[far].push_back(key);
        }
      }
    }
    QVERIFY2(diverged >= 5, qPrintable(QString::number(diverged)));
    run.sim.run_until(s.duration_us);
    const auto metrics = cs::scenario::run_metrics(s, run.sim.world());
    for (const sharding::ShardNode* n : nodes) {
      if (n->shard() == sharding::kNoShard || n->is_primary()) continue;
      QCOMPARE(n->store().size(), nodes.at(c.primary_of(n->shard()))->store().size());
    }
    QCOMPARE(metric(metrics, "converged"), 1.0);
    // The window is the far link's 60 ms, not seconds.
    const double window_ms = metric(metrics, "replica_divergence_ms_max");
    QVERIFY2(window_ms >= 55 && window_ms < 150, qPrintable(QString::number(window_ms)));
    QVERIFY(metric(metrics, "rows_replicated") > 100);
  }

  void airbnbAsyncDoubleBooksSyncRefuses_data() {
    QTest::addColumn<std::uint64_t>("seed");
    for (std::uint64_t seed : {1, 2, 3, 4}) QTest::newRow(qPrintable(QString("seed %1").arg(seed))) << seed;
  }
  void airbnbAsyncDoubleBooksSyncRefuses() {
    QFETCH(std::uint64_t, seed);
    const Scenario s = builtin("airbnb-no-double-booking");
    Finished run(s, seed);
    const auto ops = console_ops(run.sim.world());
    QCOMPARE(ops.size(), std::size_t{4});
    for (const auto& op : ops) QCOMPARE(op.type, OpType::Write);
    // Round 1, asynchronous: both guests of night 7 were told "booked", at two different nodes,
    // the second after the first had been confirmed; both before the 3 s narration.
    QCOMPARE(ops[0].key, std::int64_t{7});
    QCOMPARE(ops[1].key, std::int64_t{7});
    QCOMPARE(ops[0].status, OpStatus::Ok);
    QCOMPARE(ops[1].status, OpStatus::Ok);
    QVERIFY(ops[0].node != ops[1].node);
    QVERIFY(ops[0].complete_us < ops[1].invoke_us && ops[1].complete_us < seconds(3));
    // The first booking never reached n2, which took over and confirmed the second.
    const auto& n2 = failover_node(run.sim, 1);
    QCOMPARE(n2.log().data().at(7), ops[1].value);
    QVERIFY(n2.promotions() >= 1);
    // Round 2, synchronous: the first booking of night 8 survived n2's failure; the second guest,
    // at n3, is refused before the 8 s narration.
    QCOMPARE(ops[2].key, std::int64_t{8});
    QCOMPARE(ops[3].key, std::int64_t{8});
    QCOMPARE(ops[2].status, OpStatus::Ok);
    QCOMPARE(ops[3].status, OpStatus::Fail);
    QVERIFY(ops[3].complete_us < seconds(8));
    const auto& n3 = failover_node(run.sim, 2);
    QVERIFY(n3.is_primary());
    QCOMPARE(n3.log().data().at(8), ops[2].value);
    // One double booking (round 1) and one refused insert (round 2): tests/transcripts/airbnb-no-double-booking.txt
  }

  void airbnbRoundTwoWithoutSyncAlsoDoubleBooks() {
    // The counterfactual: the same second round, replicated asynchronously, books twice too.
    Scenario s = builtin("airbnb-no-double-booking");
    bool changed = false;
    for (auto& a : s.timeline) {
      if (a.type == cs::sim::ActionType::ClientRequest && a.level > 0) {
        a.level = 0;
        changed = true;
      }
    }
    QVERIFY(changed);
    Finished run(s);
    const auto ops = console_ops(run.sim.world());
    QCOMPARE(ops.size(), std::size_t{4});
    QCOMPARE(ops[3].status, OpStatus::Ok);
    QCOMPARE(metric(run.metrics, "double_bookings"), 2.0);
  }

  void blueGreenSwitchesAndRollsBackWithoutLoss() {
    const Scenario s = builtin("blue-green-migration");
    const EndpointId blue = 0, green = 1, pooler = 2;
    Run run(s);
    run.sim.run_until(seconds(2));
    QVERIFY(failover_node(run.sim, blue).is_primary());
    // Blue's changes are already on green, by continuous replication.
    QVERIFY(failover_node(run.sim, green).log().last_index() > 10);
    run.sim.run_until(seconds(3));
    QVERIFY(!failover_node(run.sim, blue).is_primary());
    QVERIFY(failover_node(run.sim, green).is_primary());
    QCOMPARE(failover_node(run.sim, pooler).known_primary(), green);
    QCOMPARE(failover_node(run.sim, blue).known_primary(), green);  // blue kept running, following green
    run.sim.run_until(seconds(7));
    QVERIFY(failover_node(run.sim, blue).is_primary());
    QVERIFY(!failover_node(run.sim, green).is_primary());
    QCOMPARE(failover_node(run.sim, pooler).known_primary(), blue);
    run.sim.run_until(s.duration_us);
    const auto metrics = cs::scenario::run_metrics(s, run.sim.world());

    // Green acknowledged writes while it served, and every one of them is on blue after the rollback.
    const auto& green_acks = failover_node(run.sim, green).ledger().acked_ops();
    QVERIFY(green_acks.size() > 20);
    std::unordered_set<std::uint64_t> on_blue;
    const auto& blue_log = failover_node(run.sim, blue).log();
    for (std::int64_t i = 1; i <= blue_log.last_index(); ++i) on_blue.insert(blue_log.at(i).op_id);
    for (const auto op : green_acks) QVERIFY(on_blue.contains(op));
    QCOMPARE(metric(metrics, "lost_acknowledged_writes"), 0.0);
    QCOMPARE(metric(metrics, "ops_failed"), 0.0);
    QCOMPARE(metric(metrics, "ops_unknown"), 0.0);
    QCOMPARE(metric(metrics, "switchovers"), 2.0);
    QCOMPARE(metric(metrics, "replication_lag_at_switch_entries"), 0.0);
    // A rollback is a switch: well under a second, not a restore.
    const double rollback_ms = metric(metrics, "switchback_ms");
    QVERIFY2(rollback_ms > 0 && rollback_ms < 600, qPrintable(QString::number(rollback_ms)));
    QVERIFY(metric(metrics, "switchover_ms") > 0 && metric(metrics, "switchover_ms") < 600);

    // Green misbehaving is visible: requests in the slow stretch before the rollback take longer.
    double before = 0, slow = 0, n_before = 0, n_slow = 0;
    for (const auto& op : run.sim.world().history().ops()) {
      if (op.status != OpStatus::Ok) continue;
      const double took = static_cast<double>(op.complete_us - op.invoke_us);
      if (op.invoke_us >= seconds(3) && op.invoke_us < millis(5500)) before += took, ++n_before;
      if (op.invoke_us >= millis(5550) && op.invoke_us < millis(6250)) slow += took, ++n_slow;
    }
    QVERIFY(n_before > 10 && n_slow > 2);
    QVERIFY(slow / n_slow > before / n_before + 200'000);
  }
};

QTEST_APPLESS_MAIN(TestCaseStudyScenarios)
#include "test_case_study_scenarios.moc"
