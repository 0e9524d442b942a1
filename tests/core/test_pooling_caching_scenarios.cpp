// Lesson 6's performance scenarios, run headless: what the lesson and its Try-it steps claim.
//   connection-pooling  without a pool, clients beyond max_connections are refused and the rest
//                       queue on the cores; through a pool, requests wait briefly, none fails,
//                       and latency stays steady
//   cache-aside         the hit ratio rises and the database's reads fall; a write that does not
//                       invalidate leaves stale reads until the TTL expires; invalidation removes them
#include <QtTest>

#include <algorithm>
#include <vector>

#include "caching/cache_messages.h"
#include "caching/caching_model.h"
#include "model/params.h"
#include "pooling/cpu_share.h"
#include "pooling/database_node.h"
#include "scenario/builtin.h"
#include "scenario/run_setup.h"
#include "sim/percentile.h"
#include "sim/simulation.h"
#include "test_support.h"

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

using Finished = test::FinishedRun;

double number(const Scenario& s, const char* name) { return cs::model::number_param(s.params, name); }

// Requests sent to `target` and invoked in [from, to).
struct Window {
  std::vector<TimeUs> ok_latencies_us;
  int refused = 0;    // answered with an error
  int timed_out = 0;  // no answer within the client's timeout
};

Window window(const Finished& run, EndpointId target, TimeUs from, TimeUs to) {
  Window w;
  for (const Operation& op : run.ops()) {
    if (op.node != target || op.invoke_us < from || op.invoke_us >= to) continue;
    if (op.status == OpStatus::Ok) w.ok_latencies_us.push_back(op.complete_us - op.invoke_us);
    if (op.status == OpStatus::Fail) ++w.refused;
    if (op.status == OpStatus::Info) ++w.timed_out;
  }
  return w;
}

TimeUs p99(const Window& w) { return cs::sim::percentile_us(w.ok_latencies_us, 99); }

const cs::pooling::DatabaseNode& database(const Finished& run, EndpointId id) {
  const auto* db = dynamic_cast<const cs::pooling::DatabaseNode*>(run.sim.world().node(id).protocol.get());
  if (!db) qFatal("node %u is not a database", id);
  return *db;
}

// Messages of one kind sent in [from, to), from the trace.
std::size_t sends(const Simulation& sim, std::uint16_t kind, TimeUs from, TimeUs to) {
  std::size_t n = 0;
  for (auto i = sim.trace().first_index(); i < sim.trace().total(); ++i) {
    const auto& e = sim.trace().at_index(i);
    if (e.type == cs::sim::TraceType::Send && e.kind == kind && e.time_us >= from && e.time_us < to) ++n;
  }
  return n;
}

// The one write of the cache-aside timeline (sent by the console client).
const Operation& the_write(const Finished& run) {
  const Operation* write = nullptr;
  for (const Operation& op : run.ops()) {
    if (op.type != OpType::Write) continue;
    if (write) qFatal("more than one write");
    write = &op;
  }
  if (!write) qFatal("no write");
  return *write;
}

// Reads of `key` that completed, invoked in [from, to).
std::vector<const Operation*> reads_of(const Finished& run, std::int64_t key, TimeUs from, TimeUs to) {
  std::vector<const Operation*> out;
  for (const Operation& op : run.ops()) {
    if (op.type == OpType::Read && op.key == key && op.status == OpStatus::Ok && op.invoke_us >= from &&
        op.invoke_us < to)
      out.push_back(&op);
  }
  return out;
}

}  // namespace

class TestPoolingCachingScenarios : public QObject {
  Q_OBJECT

 private slots:
  // ---- connection-pooling ----

  void withoutAPoolClientsBeyondTheLimitAreRefusedAndTheRestQueue() {
    const Scenario s = builtin("connection-pooling");
    const EndpointId direct = node(s, "db-direct");
    const double max_connections = number(s, "max_connections");
    // Far more clients than connections: each side alone has twice max_connections.
    QVERIFY(s.workload.clients / 2 >= 2 * max_connections);
    Finished run(s);
    // The clients start at 2 s; the Try-it step at 3 s describes this first second of load.
    const Window before = window(run, direct, 0, seconds(3));
    QVERIFY2(before.refused >= 25, qPrintable(QString::number(before.refused)));  // "refused with errors"
    QVERIFY(before.ok_latencies_us.size() >= 150);
    // Refused because of the limit: the database never held more connections than it allows,
    // and it did reach the limit.
    const auto& db = database(run, direct);
    QCOMPARE(static_cast<double>(db.peak_connections()), max_connections);
    QCOMPARE(db.refused(), static_cast<std::int64_t>(run.metrics["connection_errors_direct"]));
    // "The rest queue up": far more queries ran at once than the database has cores, and the
    // answered ones took many times a query's own cost.
    QVERIFY(static_cast<double>(db.peak_running()) > 2 * number(s, "cores"));
    const double query_ms = number(s, "query_cpu_ms") + number(s, "connect_cpu_ms");
    QVERIFY2(static_cast<double>(p99(before)) / 1000.0 > 4 * query_ms, qPrintable(QString::number(p99(before))));
    // The latency climbs as the running queries pile up: the first answers came far faster than
    // those around 3 s.
    const Window first = window(run, direct, 0, s.workload.start_us + millis(100));
    const Window later = window(run, direct, seconds(3), seconds(4));
    const auto median = [](const Window& w) { return cs::sim::percentile_us(w.ok_latencies_us, 50); };
    QVERIFY(!first.ok_latencies_us.empty());
    QVERIFY2(3 * median(first) < 2 * median(later),
             qPrintable(QString("%1 then %2").arg(median(first)).arg(median(later))));
    // Every request paid for a connection of its own.
    QVERIFY(run.metrics["db_connections_opened_direct"] >= run.metrics["requests_ok_direct"]);
    // The errors keep coming while the overload lasts (the count climbs).
    QVERIFY(window(run, direct, seconds(3), seconds(9)).refused >= 100);
  }

  void throughAPoolRequestsWaitBrieflyNoneFailsAndLatencyStaysSteady() {
    const Scenario s = builtin("connection-pooling");
    const EndpointId pooler = node(s, "pgbouncer");
    const EndpointId direct = node(s, "db-direct");
    const EndpointId pooled_db = node(s, "db-pooled");
    Finished run(s);
    // Errors stay at zero for the whole run.
    const Window all = window(run, pooler, 0, s.duration_us - seconds(1));
    QCOMPARE(all.refused, 0);
    QCOMPARE(all.timed_out, 0);
    QCOMPARE(run.metrics["connection_errors_pooled"], 0.0);
    QVERIFY(all.ok_latencies_us.size() >= 1000);
    // A small, fixed set of server connections, each set up once, within max_connections.
    const double pool_size = number(s, "pool_size");
    QCOMPARE(static_cast<double>(database(run, pooled_db).peak_connections()), pool_size);
    QCOMPARE(run.metrics["db_connections_opened_pooled"], pool_size);
    QVERIFY(pool_size < number(s, "max_connections"));
    // Requests wait briefly: some do wait, and the wait is small next to the latency of the
    // direct side (measured in the pooler).
    QVERIFY(run.metrics["pool_wait_ms_p99"] > 0);
    QVERIFY2(run.metrics["pool_wait_ms_p99"] < 5, qPrintable(QString::number(run.metrics["pool_wait_ms_p99"])));
    // Latency stays steady: each second's p99 is within 25% of every other's.
    TimeUs lowest = cs::sim::kTimeNever, highest = 0;
    for (auto second = s.workload.start_us / seconds(1) + 1; second < 9; ++second) {
      const TimeUs p = p99(window(run, pooler, seconds(second), seconds(second + 1)));
      lowest = std::min(lowest, p);
      highest = std::max(highest, p);
    }
    QVERIFY2(static_cast<double>(highest) <= 1.25 * static_cast<double>(lowest),
             qPrintable(QString("%1..%2 us").arg(lowest).arg(highest)));
    // At 8 s the two setups side by side: the pooled one answers faster and refuses nobody, while
    // the direct one still refuses.
    const Window pooled_late = window(run, pooler, seconds(6), seconds(9));
    const Window direct_late = window(run, direct, seconds(6), seconds(9));
    QCOMPARE(pooled_late.refused, 0);
    QVERIFY(direct_late.refused > 0);
    QVERIFY(3 * p99(pooled_late) < p99(direct_late));
    // And with the same number of clients it serves more requests.
    QVERIFY(run.metrics["requests_ok_pooled"] > 1.5 * run.metrics["requests_ok_direct"]);
  }

  void theDatabaseSlowsAsRunningQueriesGrowPastItsCores() {
    const cs::pooling::CpuShare cpu(4, 0.05);
    QCOMPARE(cpu.speed(1), 1.0);
    QCOMPARE(cpu.speed(4), 1.0);  // one core each
    // Past the cores, the total work done per microsecond falls: contention, not only sharing.
    double previous = 4.0;
    for (std::size_t running = 5; running <= 40; ++running) {
      const double total = cpu.speed(running) * static_cast<double>(running);
      QVERIFY(total < previous);
      previous = total;
    }
    // A job finishes when its work is done at the speed of the moment.
    cs::pooling::CpuShare two(1, 0.0);
    two.add(0, 1, 1000);
    two.add(0, 2, 3000);
    QCOMPARE(two.next_finish_us(), TimeUs{2000});  // half a core each
    QCOMPARE(two.take_finished(2000), std::vector<std::uint64_t>{1});
    QCOMPARE(two.next_finish_us(), TimeUs{4000});  // then the whole core
    QCOMPARE(two.take_finished(4000), std::vector<std::uint64_t>{2});
  }

  // ---- cache-aside ----

  void hitRatioRisesAndDatabaseReadsFall() {
    const Scenario s = builtin("cache-aside");
    Finished run(s);
    const auto apps = cs::caching::app_nodes(run.sim.world());
    QCOMPARE(apps.size(), std::size_t{1});
    const auto& hits = apps[0]->hits_per_second();
    const auto& misses = apps[0]->misses_per_second();
    const auto ratio = [&](std::size_t from, std::size_t to) {
      const double h = static_cast<double>(hits.sum(from, to));
      const double m = static_cast<double>(misses.sum(from, to));
      return h / std::max(1.0, h + m);
    };
    const auto half = static_cast<std::size_t>(s.duration_us / seconds(1) / 2);
    QVERIFY2(ratio(half, 2 * half) > ratio(0, half),
             qPrintable(QString("%1 then %2").arg(ratio(0, half)).arg(ratio(half, 2 * half))));
    // Most of the rise happens while the popular keys land, before the 3 s step.
    QVERIFY2(ratio(0, 1) + 0.15 < ratio(2, 4), qPrintable(QString("%1 then %2").arg(ratio(0, 1)).arg(ratio(2, 4))));
    QVERIFY(run.metrics["cache_hit_ratio"] > 0.7);
    // Every miss, and only a miss, reads the database: its reads per second fall as keys land.
    // (A miss still on its way to the database when the run ends is not yet a read.)
    const double in_flight = run.metrics["cache_misses"] - run.metrics["db_reads"];
    QVERIFY(in_flight >= 0 && in_flight <= s.workload.clients);
    const auto db_reads = [&](int second) {
      return sends(run.sim, cs::caching::kind::kDbRead, seconds(second), seconds(second + 1));
    };
    QVERIFY2(db_reads(0) > db_reads(3) + 15, qPrintable(QString("%1 then %2").arg(db_reads(0)).arg(db_reads(3))));
    QVERIFY(db_reads(1) > db_reads(3));
    QCOMPARE(static_cast<std::int64_t>(db_reads(3)), cs::caching::database(run.sim.world())->reads_per_second().at(3));
  }

  void staleReadsLastFromTheWriteUntilTheTtlExpires() {
    const Scenario s = builtin("cache-aside");
    QCOMPARE(std::get<bool>(s.params.at("invalidate_on_write")), false);
    const TimeUs ttl = static_cast<TimeUs>(number(s, "ttl_ms")) * 1000;
    Finished run(s);
    const Operation& write = the_write(run);
    QCOMPARE(write.status, OpStatus::Ok);
    QVERIFY(write.invoke_us >= seconds(6) && write.complete_us < seconds(6) + millis(100));
    // Reads of the key after the write was acknowledged: the old value from the cache, then,
    // once the entry cached before the write has expired, only the new one.
    int stale = 0;
    TimeUs last_stale = 0;
    for (const Operation* read : reads_of(run, write.key, write.complete_us, s.duration_us)) {
      if (read->value == write.value) continue;
      QCOMPARE(read->value, cs::caching::initial_value(write.key));
      ++stale;
      last_stale = std::max(last_stale, read->invoke_us);
    }
    QVERIFY2(stale >= 10, qPrintable(QString::number(stale)));
    QVERIFY(last_stale < write.invoke_us + ttl);
    const auto fresh_after = reads_of(run, write.key, last_stale + 1, s.duration_us);
    QVERIFY(fresh_after.size() >= 20);
    for (const Operation* read : fresh_after) QCOMPARE(read->value, write.value);
    // By the 10 s step the stale reads have stopped.
    QVERIFY(last_stale < seconds(10));
    // The metrics say the same, and no read before the write was stale.
    QCOMPARE(run.metrics["stale_reads"], static_cast<double>(stale));
    QVERIFY(run.metrics["stale_window_ms"] > 0 && run.metrics["stale_window_ms"] <= static_cast<double>(ttl) / 1000.0);
    QCOMPARE(run.metrics["cache_invalidations"], 0.0);
  }

  void invalidatingOnWriteRemovesTheStaleReads() {
    Scenario s = builtin("cache-aside");
    s.params["invalidate_on_write"] = true;
    Finished run(s);
    const Operation& write = the_write(run);
    QCOMPARE(write.status, OpStatus::Ok);
    QCOMPARE(run.metrics["cache_invalidations"], 1.0);
    QCOMPARE(run.metrics["stale_reads"], 0.0);
    const auto after = reads_of(run, write.key, write.complete_us, s.duration_us);
    QVERIFY(after.size() >= 50);
    for (const Operation* read : after) QCOMPARE(read->value, write.value);
  }
};

QTEST_GUILESS_MAIN(TestPoolingCachingScenarios)
#include "test_pooling_caching_scenarios.moc"
