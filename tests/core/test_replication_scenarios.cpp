// Every built-in scenario of the replication and consistency lessons: it loads, its parameters are
// all known choices, it has the shape the stage needs, it is deterministic, and rewinding (which
// copies the protocols into checkpoints) replays it exactly.
#include <QtTest>

#include <algorithm>

#include "catalogue/catalogue.h"
#include "model/params.h"
#include "test_support.h"

using namespace cs::sim;

namespace {

const char* const kScenarios[] = {"async-lag-stale-read",
                                  "sync-no-stale",
                                  "semi-sync",
                                  "ryw-violation",
                                  "ryw-fixed",
                                  "monotonic-violation",
                                  "monotonic-fixed",
                                  "chain-lag",
                                  "topology-star",
                                  "topology-ring",
                                  "topology-mesh",
                                  "multi-master-conflict",
                                  "quorum-strict",
                                  "quorum-weak",
                                  "cassandra-levels",
                                  "local-quorum-2dc",
                                  "lww-lost-update",
                                  "vv-siblings",
                                  "crdt-cart",
                                  "cap-cp",
                                  "cap-ap"};

}  // namespace

class TestReplicationScenarios : public QObject {
  Q_OBJECT

 private:
  static std::vector<cs::model::ParamProblem> params_problems(const cs::scenario::Scenario& s) {
    return cs::model::param_problems(*cs::catalogue::find_model(s.model), s.params, s.node_names.size());
  }

 private slots:
  void shapeAndParameters_data() {
    QTest::addColumn<QString>("id");
    for (const char* id : kScenarios) QTest::newRow(id) << QString(id);
  }

  void shapeAndParameters() {
    QFETCH(QString, id);
    const auto s = test::builtin(id.toStdString());
    const auto problems = params_problems(s);
    QVERIFY2(problems.empty(), problems.empty() ? "" : problems.front().message.c_str());
    QVERIFY(s.node_names.size() >= 3 && s.node_names.size() <= 7);
    QVERIFY(s.narration.size() >= 3 && s.narration.size() <= 6);
    QVERIFY(!s.description.empty());
    QVERIFY(s.view.speed >= 0.1 && s.view.speed <= 0.5);
    for (std::size_t i = 0; i < s.node_names.size(); ++i) QCOMPARE(s.node_names[i], "n" + std::to_string(i + 1));
    const auto metrics = cs::scenario::run_metrics(s, test::run(s, seconds(1))->world());
    for (const char* name :
         {"stale_reads", "ops_ok", "ops_failed", "lost_acknowledged_writes", "max_replication_lag_us",
          "p50_write_latency_us", "p99_write_latency_us", "conflicts", "siblings"}) {
      QVERIFY2(metrics.count(name), name);
    }
  }

  void deterministicAndRewindable_data() { shapeAndParameters_data(); }

  void deterministicAndRewindable() {
    QFETCH(QString, id);
    const auto s = test::builtin(id.toStdString());
    const auto straight = test::run(s);
    const auto again = test::run(s);
    QCOMPARE(again->trace_hash(), straight->trace_hash());
    Simulation wandering(cs::scenario::make_world(s, s.seed));
    wandering.run_until(s.duration_us / 2);
    wandering.seek(s.duration_us / 5);
    wandering.run_until(s.duration_us);
    QCOMPARE(wandering.trace_hash(), straight->trace_hash());
    QCOMPARE(cs::scenario::run_metrics(s, wandering.world()), cs::scenario::run_metrics(s, straight->world()));
  }

  void unknownChoicesAreReported() {
    auto s = test::builtin("semi-sync");
    s.params["mode"] = std::string("eventually");
    const auto problems = params_problems(s);
    QCOMPARE(problems.size(), std::size_t{1});
    QVERIFY(problems.front().message.find("async, semi-sync, sync") != std::string::npos);
    auto l = test::builtin("cassandra-levels");
    l.params["session_levels"] = std::string("ONE,TWO");
    QCOMPARE(params_problems(l).size(), std::size_t{1});
  }
};

QTEST_GUILESS_MAIN(TestReplicationScenarios)
#include "test_replication_scenarios.moc"
