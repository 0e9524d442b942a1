// Scenario files: strict loading with errors that name the file and the JSON path, and a writer
// whose output loads back to the same scenario.
#include <QtTest>

#include "scenario/builtin.h"
#include "scenario/run_setup.h"
#include "scenario/scenario.h"
#include "sim/simulation.h"

using namespace cs::scenario;

namespace {

std::string minimal(const std::string& extra = "") {
  return R"({"version": 1, "id": "t", "title": "T", "model": {"type": "heartbeat"},
             "nodes": [{"name": "a"}, {"name": "b"}, {"name": "c"}])" +
         extra + "}";
}

QString load_error(const std::string& text) {
  try {
    load_scenario(text, "dir/test.json");
  } catch (const ScenarioError& e) {
    return QString::fromStdString(e.what());
  }
  return {};
}

}  // namespace

class TestScenario : public QObject {
  Q_OBJECT

 private slots:
  void minimalLoadsWithDefaults() {
    const Scenario s = load_scenario(minimal(), "x");
    QCOMPARE(s.node_names.size(), std::size_t{3});
    QCOMPARE(std::get<double>(s.params.at("heartbeat_interval_ms")), 150.0);
    QCOMPARE(s.view.kind, std::string("cluster"));
  }

  void errorsNameFileAndPath_data() {
    QTest::addColumn<QString>("extra");
    QTest::addColumn<QString>("expected");
    QTest::newRow("unknown key") << R"(, "colour": 1)"
                                 << "dir/test.json: /colour: unknown key";
    QTest::newRow("bad type") << R"(, "network": {"loss": "high"})"
                              << "dir/test.json: /network/loss: expected a number";
    QTest::newRow("probability") << R"(, "network": {"loss": 2})"
                                 << "/network/loss: a probability must be between 0 and 1";
    QTest::newRow("unknown node") << R"(, "timeline": [{"at_s": 1, "action": "crash", "node": "z"}])"
                                  << "/timeline/0/node: no node named \"z\"";
    QTest::newRow("unknown action") << R"(, "timeline": [{"action": "explode", "node": "a"}])"
                                    << "/timeline/0/action: unknown action \"explode\"";
    QTest::newRow("typo in action") << R"(, "timeline": [{"action": "crash", "node": "a", "att_s": 1}])"
                                    << "/timeline/0/att_s: unknown key";
    QTest::newRow("one group") << R"(, "timeline": [{"action": "partition", "groups": [["a"]]}])"
                               << "/timeline/0/groups: a partition needs at least two groups";
    QTest::newRow("node twice") << R"(, "timeline": [{"action": "partition", "groups": [["a"], ["a", "b"]]}])"
                                << "/timeline/0/groups/1/0: node is already in a group";
    QTest::newRow("negative time") << R"(, "duration_s": -1)"
                                   << "/duration_s: time must be between";
    QTest::newRow("bad view") << R"(, "view": {"kind": "hologram"})"
                              << "/view/kind: unknown view";
    QTest::newRow("both units") << R"(, "network": {"latency_ms": 1, "latency_s": 1})"
                                << "give one of latency_s, latency_ms or latency_us";
    // Found by fuzz_course: a number beyond a double's range was an uncaught exception.
    QTest::newRow("number overflow") << R"(, "duration_s": 449e999)"
                                     << "dir/test.json: /: number overflow parsing '449e999'";
    QTest::newRow("demonstrates neither") << R"(, "demonstrates": {"faults": ["crash"]})"
                                          << "/demonstrates: give either \"safe\": true or \"breaks\"";
    QTest::newRow("fault left out") << R"(, "demonstrates": {"safe": true, "faults": ["crash"]})"
                                    << "/demonstrates/faults: leaves out \"restart\"";
  }

  void errorsNameFileAndPath() {
    QFETCH(QString, extra);
    QFETCH(QString, expected);
    const QString error = load_error(minimal(extra.toStdString()));
    QVERIFY2(error.contains(expected), qPrintable(error));
  }

  void modelErrors() {
    QVERIFY(
        load_error(R"({"version": 1, "id": "t", "title": "T", "model": {"type": "nope"}, "nodes": [{"name": "a"}]})")
            .contains("/model/type: unknown model \"nope\""));
    QVERIFY(
        load_error(
            R"({"version": 1, "id": "t", "title": "T", "model": {"type": "heartbeat", "params": {"speed": 1}}, "nodes": [{"name": "a"}]})")
            .contains("/model/params/speed: unknown key"));
    QVERIFY(load_error(R"({"version": 2, "id": "t"})").contains("/version: unsupported version 2"));
    QVERIFY(load_error("{\n\"version\": 1,\n oops").contains("dir/test.json: line 3"));
    QVERIFY(
        load_error(
            R"({"version": 1, "id": "t", "title": "T", "model": {"type": "heartbeat"}, "nodes": [{"name": "a"}, {"name": "a"}]})")
            .contains("/nodes/1/name: duplicate node"));
  }

  void saveThenLoadIsIdentical() {
    const std::string text = minimal(R"(,
      "regions": [{"name": "east", "latitude": 40.7, "longitude": -74.0}, {"name": "west", "latitude": 37.8, "longitude": -122.4}],
      "network": {"latency_ms": 1.5, "jitter_ms": 0.25, "loss": 0.01, "links": [{"from": "a", "to": "b", "latency_ms": 9}]},
      "workload": {"clients": 2, "keys": 4, "distribution": "zipf", "nodes": ["a"], "region": "west"},
      "timeline": [{"at_s": 1.25, "action": "partition", "groups": [["a"], ["b", "c"]]},
                   {"at_s": 2.000001, "action": "heal"},
                   {"at_ms": 2500, "action": "slow-down", "node": "b", "extra_ms": 30},
                   {"at_s": 3, "action": "clock-skew", "node": "c", "skew_ms": -12.5},
                   {"at_s": 4, "action": "client-request", "node": "a", "op": "write", "key": 3, "level": 2}],
      "narration": [{"text": "first"}, {"at_s": 1.5, "text": "second", "highlight": ["b"]}],
      "seed": 99, "duration_s": 12.5)");
    std::string fixed = text;
    // nodes need regions when the scenario has regions
    const auto pos = fixed.find(R"([{"name": "a"}, {"name": "b"}, {"name": "c"}])");
    fixed.replace(
        pos, 45,
        R"([{"name": "a", "region": "east"}, {"name": "b", "region": "east"}, {"name": "c", "region": "west"}])");
    const Scenario a = load_scenario(fixed, "a");
    const Scenario b = load_scenario(save_scenario(a), "b");
    QCOMPARE(save_scenario(b), save_scenario(a));
    QCOMPARE(b.timeline, a.timeline);
    QCOMPARE(b.timeline[1].at_us, cs::sim::TimeUs{2'000'001});
    QCOMPARE(b.seed, std::uint64_t{99});
    QCOMPARE(b.link_defaults.jitter_us, cs::sim::TimeUs{250});
    QCOMPARE(b.links.size(), std::size_t{1});
    QCOMPARE(b.client_region, std::uint32_t{1});
    cs::sim::Simulation ra(make_world(a, 5));
    cs::sim::Simulation rb(make_world(b, 5));
    ra.run_until(cs::sim::seconds(6));
    rb.run_until(cs::sim::seconds(6));
    QCOMPARE(ra.trace_hash(), rb.trace_hash());
  }

  void aSavedRunReopensExactly() {
    // A run with learner actions, one of them taken right after stepping onto an event, so that
    // other events share its instant: the saved file must replay them in the same order.
    const Scenario s = load_scenario(find_builtin("cluster-heartbeat")->json, "builtin");
    auto run = start_run(s, 4);
    run->run_until(cs::sim::millis(400));
    cs::sim::Action crash;
    crash.type = cs::sim::ActionType::Crash;
    crash.node = 0;
    run->act(crash);
    run->run_until(cs::sim::millis(1234));
    while (run->now_us() < cs::sim::millis(1300)) run->step();
    cs::sim::Action restart;
    restart.type = cs::sim::ActionType::Restart;
    restart.node = 0;
    run->act(restart);
    cs::sim::Action cut;
    cut.type = cs::sim::ActionType::Partition;
    cut.groups = {{0, 1}, {2, 3, 4}};
    run->run_until(cs::sim::millis(2000) + 17);
    run->act(cut);
    run->run_until(cs::sim::seconds(5));

    Scenario saved = s;
    saved.seed = 4;
    saved.actions = run->actions();
    const Scenario reopened = load_scenario(save_scenario(saved), "saved.json");
    QCOMPARE(reopened.actions, run->actions());
    auto again = start_run(reopened, reopened.seed);
    again->run_until(cs::sim::seconds(5));
    QCOMPARE(again->trace_hash(), run->trace_hash());
    QCOMPARE(again->actions().size(), std::size_t{3});
  }

  void nodesJoinAndLeaveTheCluster() {
    // c is a spare: outside the cluster until it is added at 1 s; b leaves at 2 s.
    const Scenario s = load_scenario(R"({"version": 1, "id": "t", "title": "T", "model": {"type": "heartbeat"},
        "nodes": [{"name": "a"}, {"name": "b"}, {"name": "c", "spare": true}],
        "timeline": [{"at_s": 1, "action": "add-node", "node": "c"}, {"at_s": 2, "action": "remove-node", "node": "b"}],
        "duration_s": 4})",
                                     "members.json");
    QCOMPARE(s.node_spares, (std::vector<bool>{false, false, true}));
    const Scenario again = load_scenario(save_scenario(s), "again.json");
    QCOMPARE(again.node_spares, s.node_spares);
    QCOMPARE(again.timeline, s.timeline);

    cs::sim::Simulation run(make_world(s, 3));
    using cs::sim::NodeStatus;
    const auto delivered_to = [&](cs::sim::EndpointId node, cs::sim::TimeUs from, cs::sim::TimeUs to) {
      int n = 0;
      for (auto i = run.trace().first_index(); i < run.trace().total(); ++i) {
        const auto& e = run.trace().at_index(i);
        if (e.type == cs::sim::TraceType::Deliver && e.node == node && e.time_us >= from && e.time_us < to) ++n;
      }
      return n;
    };
    run.run_until(cs::sim::millis(990));
    QCOMPARE(run.world().node(2).status, NodeStatus::Removed);
    QCOMPARE(run.world().node(2).role, cs::sim::Role::None);
    QCOMPARE(delivered_to(2, 0, cs::sim::millis(990)), 0);  // the leader's heartbeats to it are dropped
    run.run_until(cs::sim::millis(1990));
    QCOMPARE(run.world().node(2).status, NodeStatus::Up);
    QCOMPARE(run.world().node(2).role, cs::sim::Role::Follower);  // started afresh, hears the leader
    QVERIFY(delivered_to(2, cs::sim::seconds(1), cs::sim::millis(1990)) > 0);
    QVERIFY(delivered_to(1, cs::sim::seconds(1), cs::sim::millis(1990)) > 0);
    run.run_until(cs::sim::seconds(4));
    QCOMPARE(run.world().node(1).status, NodeStatus::Removed);
    QCOMPARE(delivered_to(1, cs::sim::millis(2100), cs::sim::seconds(4)), 0);
    // A restart does not bring a removed node back; only adding it does.
    cs::sim::Action restart;
    restart.type = cs::sim::ActionType::Restart;
    restart.node = 1;
    run.act(restart);
    QCOMPARE(run.world().node(1).status, NodeStatus::Removed);
    cs::sim::Action add;
    add.type = cs::sim::ActionType::AddNode;
    add.node = 1;
    run.act(add);
    QCOMPARE(run.world().node(1).status, NodeStatus::Up);
    // Rewinding before the join replays the membership changes exactly.
    const auto hash = run.trace_hash();
    run.seek(cs::sim::millis(500));
    QCOMPARE(run.world().node(2).status, NodeStatus::Removed);
    run.run_until(cs::sim::seconds(4));
    QCOMPARE(run.trace_hash(), hash);
  }

  void everyBuiltinLoadsAndRuns() {
    QVERIFY(!builtin_scenarios().empty());
    for (const auto& b : builtin_scenarios()) {
      const Scenario s = load_scenario(b.json, std::string(b.id));
      QCOMPARE(s.id, std::string(b.id));
      cs::sim::Simulation sim(make_world(s, s.seed));
      sim.run_until(cs::sim::seconds(2));
      QVERIFY2(sim.world().events_processed() > 0, b.id.data());
    }
  }
};

QTEST_APPLESS_MAIN(TestScenario)
#include "test_scenario.moc"
