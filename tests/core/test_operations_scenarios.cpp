// Lesson 6's operations scenarios, run headless: what the lesson and its Try it steps claim,
// asserted on the run.
//   multi-region-latency  round trips follow great-circle distance at 5 us/km each way; a write
//                         committed in its region takes a millisecond or two, a synchronous one
//                         waits at least the round trip to the farthest replica's city
//   backup-321            a disk failure leaves 2 of the 3 copies, a site fire only the off-site
//                         one; restoring it takes size / bandwidth and loses the writes since it
//                         was taken; without the off-site copy nothing survives the fire
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <map>

#include "backup/backup_node.h"
#include "replication/single_leader.h"
#include "scenario/builtin.h"
#include "scenario/run_setup.h"
#include "sim/network.h"
#include "sim/simulation.h"
#include "test_support.h"

using cs::backup::BackupNode;
using cs::backup::CopyKind;
using cs::replication::CommitLevel;
using cs::replication::SingleLeaderNode;
using cs::scenario::Scenario;
using cs::sim::EndpointId;
using cs::sim::millis;
using cs::sim::Operation;
using cs::sim::OpStatus;
using cs::sim::OpType;
using cs::sim::seconds;
using cs::sim::Simulation;
using cs::sim::TimeUs;

using test::builtin;
using test::node;

namespace {

cs::sim::Metrics metrics_at(const Scenario& s, Simulation& sim, TimeUs t) {
  sim.run_until(t);
  return cs::scenario::run_metrics(s, sim.world());
}

const cs::sim::Region& region(const Scenario& s, const std::string& name) {
  for (const auto& r : s.regions) {
    if (r.name == name) return r;
  }
  qFatal("no region %s", name.c_str());
}

std::vector<Operation> writes_at_level(const Simulation& sim, CommitLevel level) {
  std::vector<Operation> out;
  for (const auto& op : sim.world().history().ops()) {
    if (op.type == OpType::Write && op.level == static_cast<std::uint8_t>(level)) out.push_back(op);
  }
  return out;
}

const BackupNode& backup_node(const Simulation& sim, EndpointId id) {
  const auto* n = dynamic_cast<const BackupNode*>(sim.world().node(id).protocol.get());
  if (!n) qFatal("node %u does not run the backup model", static_cast<unsigned>(id));
  return *n;
}

// Which copies of the data exist: production's live data and each backup's copy.
std::map<CopyKind, bool> copies(const Simulation& sim) {
  std::map<CopyKind, bool> out;
  for (EndpointId id = 0; id < sim.world().node_count(); ++id) {
    const BackupNode& n = backup_node(sim, id);
    out[n.kind()] = out[n.kind()] || n.holds_copy();
  }
  return out;
}

}  // namespace

class TestOperationsScenarios : public QObject {
  Q_OBJECT

 private slots:
  // The lesson's table of city pairs: distance, and the fibre round trip at 10 us per km. The
  // kernel's great-circle distance must agree with the stated distances, and the round trip at
  // 5 us/km each way with the stated times.
  void lessonCityPairs_data() {
    QTest::addColumn<double>("lat1");
    QTest::addColumn<double>("lon1");
    QTest::addColumn<double>("lat2");
    QTest::addColumn<double>("lon2");
    QTest::addColumn<double>("stated_km");
    QTest::addColumn<double>("stated_rtt_ms");
    QTest::newRow("London-Frankfurt") << 51.507 << -0.128 << 50.110 << 8.682 << 640.0 << 6.0;
    QTest::newRow("San Francisco-New York") << 37.775 << -122.419 << 40.713 << -74.006 << 4100.0 << 41.0;
    QTest::newRow("New York-London") << 40.713 << -74.006 << 51.507 << -0.128 << 5600.0 << 56.0;
    QTest::newRow("Frankfurt-Singapore") << 50.110 << 8.682 << 1.352 << 103.820 << 10300.0 << 103.0;
    QTest::newRow("London-Sydney") << 51.507 << -0.128 << -33.869 << 151.209 << 17000.0 << 170.0;
  }
  void lessonCityPairs() {
    QFETCH(double, lat1);
    QFETCH(double, lon1);
    QFETCH(double, lat2);
    QFETCH(double, lon2);
    QFETCH(double, stated_km);
    QFETCH(double, stated_rtt_ms);
    const double km = cs::sim::great_circle_km({"a", lat1, lon1}, {"b", lat2, lon2});
    QVERIFY2(std::abs(km - stated_km) <= 0.02 * stated_km, qPrintable(QString::number(km)));
    const double rtt_ms = 2.0 * km * cs::sim::kFibreMicrosPerKm / 1000.0;
    QVERIFY2(std::abs(rtt_ms - stated_rtt_ms) <= 1.0, qPrintable(QString::number(rtt_ms)));
  }

  void roundTripsFollowDistance() {
    const Scenario s = builtin("multi-region-latency");
    Simulation sim(cs::scenario::make_world(s, s.seed));
    const auto m = metrics_at(s, sim, s.duration_us);
    const TimeUs base_us = s.link_defaults.latency_us;
    const TimeUs overhead_us = s.region_overhead_us;
    const std::vector<std::pair<std::string, std::string>> pairs = {
        {"london", "frankfurt"}, {"london", "new_york"}, {"frankfurt", "new_york"}};
    for (const auto& [a, b] : pairs) {
      const std::string name = "rtt_ms." + a + "-" + b;
      QVERIFY2(m.count(name), name.c_str());
      const double km = cs::sim::great_circle_km(region(s, a), region(s, b));
      // Each way: the link's own latency, the fibre distance, and the routing overhead.
      const double expected_ms = 2.0 * (static_cast<double>(base_us + overhead_us) + km * 5.0) / 1000.0;
      QVERIFY2(std::abs(m.at(name) - expected_ms) < 0.01,
               qPrintable(QString("%1 %2").arg(m.at(name)).arg(expected_ms)));
    }
    // The lesson's figures, as this scenario's network reproduces them (its overhead on top).
    QVERIFY(m.at("rtt_ms.london-frankfurt") > 6.0 && m.at("rtt_ms.london-frankfurt") < 6.0 + 5.0);
    QVERIFY(m.at("rtt_ms.london-new_york") > 56.0 && m.at("rtt_ms.london-new_york") < 56.0 + 5.0);
  }

  void localWritesAreFastSyncWritesPayTheRoundTrip() {
    const Scenario s = builtin("multi-region-latency");
    Simulation sim(cs::scenario::make_world(s, s.seed));
    const auto m = metrics_at(s, sim, s.duration_us);
    const double farthest_rtt_ms = m.at("rtt_ms.london-new_york");
    QVERIFY(farthest_rtt_ms > m.at("rtt_ms.london-frankfurt"));

    // Local writes (semi-sync: the London standby confirms), from the workload before 3 s.
    const auto local = writes_at_level(sim, CommitLevel::SemiSync);
    QVERIFY2(local.size() >= 10, qPrintable(QString::number(local.size())));
    bool one_at_1s = false;
    for (const auto& op : local) {
      QCOMPARE(op.status, OpStatus::Ok);
      QVERIFY(op.invoke_us < seconds(3));
      // "long before a message could cross to another region and back"
      QVERIFY2(op.complete_us - op.invoke_us < millis(5), qPrintable(QString::number(op.complete_us - op.invoke_us)));
      one_at_1s = one_at_1s || (op.invoke_us >= seconds(1) && op.invoke_us < millis(1300));
    }
    QVERIFY(one_at_1s);  // the first narration step has a local write to watch

    // Synchronous writes, from the timeline: the first at 3 s, every one at least the round trip
    // to New York, and each answered only after New York's acknowledgement reached the primary.
    const auto sync = writes_at_level(sim, CommitLevel::Sync);
    QCOMPARE(sync.size(), std::size_t{7});
    QCOMPARE(sync.front().invoke_us, seconds(3));
    const EndpointId primary = node(s, "london-1");
    const EndpointId new_york = node(s, "new-york");
    for (const auto& op : sync) {
      QCOMPARE(op.status, OpStatus::Ok);
      const double latency_ms = static_cast<double>(op.complete_us - op.invoke_us) / 1000.0;
      QVERIFY2(latency_ms >= farthest_rtt_ms, qPrintable(QString("%1 < %2").arg(latency_ms).arg(farthest_rtt_ms)));
      QVERIFY(latency_ms < farthest_rtt_ms + 10.0);
      bool acked = false;
      for (auto i = sim.trace().first_index(); i < sim.trace().total(); ++i) {
        const auto& e = sim.trace().at_index(i);
        acked = acked ||
                (e.type == cs::sim::TraceType::Deliver && e.kind == SingleLeaderNode::kShipAck && e.node == primary &&
                 e.peer == new_york && e.time_us > op.invoke_us && e.time_us <= op.complete_us);
      }
      QVERIFY(acked);
    }

    // The metrics the lesson can quote: a millisecond or two locally, a round trip across.
    const double local_ms = m.at("local_write_ms_p50");
    const double cross_ms = m.at("cross_region_write_ms_p50");
    QVERIFY2(local_ms >= 0.5 && local_ms <= 2.0, qPrintable(QString::number(local_ms)));
    QVERIFY(cross_ms >= farthest_rtt_ms);
    QVERIFY(cross_ms > 20 * local_ms);
  }

  void aWaitingSyncWriteDoesNotHoldUpLocalOnes() {
    // Local writes go on while the synchronous ones wait for New York: each write waits only for
    // the confirmations its own level needs.
    Scenario s = builtin("multi-region-latency");
    s.workload.stop_us = seconds(7);
    s.workload.clients = 3;
    Simulation sim(cs::scenario::make_world(s, s.seed));
    sim.run_until(s.duration_us);
    int during_sync = 0;
    for (const auto& op : writes_at_level(sim, CommitLevel::SemiSync)) {
      QCOMPARE(op.status, OpStatus::Ok);
      QVERIFY(op.complete_us - op.invoke_us < millis(5));
      for (const auto& sync : writes_at_level(sim, CommitLevel::Sync)) {
        if (op.invoke_us > sync.invoke_us && op.complete_us < sync.complete_us) {
          ++during_sync;
          break;
        }
      }
    }
    QVERIFY2(during_sync >= 3, qPrintable(QString::number(during_sync)));
  }

  void copiesSurvivingGrowingDisasters() {
    const Scenario s = builtin("backup-321");
    QCOMPARE(s.narration.size(), std::size_t{4});
    QCOMPARE(*s.narration[1].at_us, seconds(3));
    QCOMPARE(*s.narration[2].at_us, seconds(6));
    QCOMPARE(*s.narration[3].at_us, seconds(10));
    Simulation sim(cs::scenario::make_world(s, s.seed));
    const EndpointId prod = node(s, "prod");
    const EndpointId onsite = node(s, "backup-onsite");

    // Before anything happens: three copies.
    QCOMPARE(metrics_at(s, sim, seconds(2) + millis(300))["copies_surviving"], 3.0);
    // 3 s: the disk failure took production; the on-site and off-site copies survive.
    auto m = metrics_at(s, sim, seconds(3));
    QCOMPARE(m["copies_surviving"], 2.0);
    QCOMPARE(sim.world().node(prod).status, cs::sim::NodeStatus::Crashed);
    auto have = copies(sim);
    QVERIFY(!have[CopyKind::Production] && have[CopyKind::OnSite] && have[CopyKind::OffSite]);
    // The on-site copy brings production back; the fire at 5.7 s then takes the whole site.
    QCOMPARE(metrics_at(s, sim, millis(5600))["copies_surviving"], 3.0);
    m = metrics_at(s, sim, seconds(6));
    QCOMPARE(m["copies_surviving"], 1.0);
    QCOMPARE(sim.world().node(onsite).status, cs::sim::NodeStatus::Crashed);
    have = copies(sim);
    QVERIFY(!have[CopyKind::Production] && !have[CopyKind::OnSite] && have[CopyKind::OffSite]);
    const auto offsite_copy = backup_node(sim, node(s, "backup-offsite")).copy();
    QVERIFY(offsite_copy);
    const std::string offsite_label =
        cs::sim::render_english(sim.world().node_view(node(s, "backup-offsite")).detail, s.node_names);
    QVERIFY2(offsite_label.find("off site") != std::string::npos, offsite_label.c_str());
    // Halfway through the restore, the stage says where the data is coming from.
    sim.run_until(seconds(8));
    const std::string prod_label = cs::sim::render_english(sim.world().node_view(prod).detail, s.node_names);
    QVERIFY2(prod_label.find("restoring from the off-site copy") != std::string::npos, prod_label.c_str());

    // 10 s: production was restored from the off-site copy, in data size / bandwidth.
    m = metrics_at(s, sim, seconds(10));
    const auto& restores = backup_node(sim, prod).restores();
    QCOMPARE(restores.size(), std::size_t{2});
    QCOMPARE(restores[0].source, CopyKind::OnSite);
    QCOMPARE(restores[1].source, CopyKind::OffSite);
    const double data_mb = std::get<double>(s.params.at("data_mb"));
    const double onsite_s = data_mb / std::get<double>(s.params.at("onsite_restore_mb_per_s"));
    const double offsite_s = data_mb / std::get<double>(s.params.at("offsite_restore_mb_per_s"));
    QVERIFY(offsite_s > onsite_s);
    // A few network round trips (the request, the offer) come on top of the transfer.
    QVERIFY2(m["restore_time_s.onsite_copy"] >= onsite_s && m["restore_time_s.onsite_copy"] < onsite_s + 0.02,
             qPrintable(QString::number(m["restore_time_s.onsite_copy"])));
    QVERIFY2(m["restore_time_s.offsite_copy"] >= offsite_s && m["restore_time_s.offsite_copy"] < offsite_s + 0.05,
             qPrintable(QString::number(m["restore_time_s.offsite_copy"])));
    QCOMPARE(m["restore_time_s"], m["restore_time_s.offsite_copy"]);
    QVERIFY(restores[1].finished_us < seconds(10));
    QCOMPARE(m["copies_surviving"], 2.0);  // production again, and the off-site copy

    // The service was down from the fire until the restore finished.
    for (const auto& op : sim.world().history().ops()) {
      if (op.status == OpStatus::Ok) QVERIFY(op.complete_us < millis(5700) || op.invoke_us >= restores[1].finished_us);
    }
    // The off-site copy is older than the on-site one was, so the fire lost more: every write
    // acknowledged after the copy was taken is gone, the last one before the fire included.
    QVERIFY(m["data_loss_s.offsite_copy"] > m["data_loss_s.onsite_copy"]);
    QVERIFY(m["data_loss_s.offsite_copy"] > 1.0);
    QVERIFY(m["writes_lost.offsite_copy"] > 5);
    const Operation* last_before_fire = nullptr;
    for (const auto& op : sim.world().history().ops()) {
      if (op.type == OpType::Write && op.status == OpStatus::Ok && op.complete_us < millis(5700))
        last_before_fire = &op;
    }
    QVERIFY(last_before_fire && last_before_fire->invoke_us > offsite_copy->taken_us);
    QVERIFY(!offsite_copy->data.count(last_before_fire->key) ||
            offsite_copy->data.at(last_before_fire->key) != last_before_fire->value);
  }

  void withoutAnOffSiteCopyNothingSurvivesTheFire() {
    Scenario s = builtin("backup-321");
    s.params["offsite_copy"] = false;
    Simulation sim(cs::scenario::make_world(s, s.seed));
    QCOMPARE(metrics_at(s, sim, seconds(3))["copies_surviving"], 1.0);  // only the on-site backup
    QCOMPARE(metrics_at(s, sim, seconds(6))["copies_surviving"], 0.0);
    const auto m = metrics_at(s, sim, s.duration_us);
    QCOMPARE(m.at("copies_surviving"), 0.0);
    QCOMPARE(m.at("restore_pending"), 1.0);     // the new server waits for a copy that no longer exists
    QCOMPARE(m.at("restores_completed"), 1.0);  // only the one after the disk failure
    QVERIFY(!m.count("restore_time_s.offsite_copy"));
    for (const auto& op : sim.world().history().ops()) {
      if (op.status == OpStatus::Ok) QVERIFY(op.complete_us < millis(5700));
    }
  }

  void twoTerabytesAtTwoHundredMegabytesPerSecond() {
    // The lesson: "2 TB at 200 MB/s takes about 10,000 seconds, nearly three hours".
    Scenario s = builtin("backup-321");
    s.params["data_mb"] = 2'000'000.0;
    s.workload.stop_us = seconds(5);
    Simulation sim(cs::scenario::make_world(s, s.seed));
    const auto m = metrics_at(s, sim, seconds(10'100));
    QCOMPARE(m.at("restores_completed"), 1.0);  // the on-site restore was cut short by the fire
    QVERIFY2(std::abs(m.at("restore_time_s.offsite_copy") - 10'000.0) < 0.1,
             qPrintable(QString::number(m.at("restore_time_s.offsite_copy"))));
  }
};

QTEST_APPLESS_MAIN(TestOperationsScenarios)
#include "test_operations_scenarios.moc"
