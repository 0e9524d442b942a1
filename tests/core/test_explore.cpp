// `explore`: random fault schedules, the checks per model, the positive run on raft-5 and the
// negative control on split-brain-unfenced (which must find the violation), and the CLI's exit
// codes and replay commands.
#include <QtTest>

#include <QFileInfo>
#include <QProcess>
#include <set>

#include "check/fault_schedule.h"
#include "explore/explore.h"
#include "test_support.h"

using namespace cs;
using namespace test;
using check::FaultKind;
using check::FaultKinds;

namespace {

check::FaultScheduleSpec spec() {
  check::FaultScheduleSpec s;
  s.node_count = 5;
  s.time_unit_us = 600'000;
  s.start_us = 1'800'000;
  s.fault_phase_us = 12'000'000;
  return s;
}

QString cli_path() { return QStringLiteral(QT_TESTCASE_BUILDDIR "/../app/cli/clusterscope-cli"); }

}  // namespace

class TestExplore : public QObject {
  Q_OBJECT

 private slots:
  void faultKindsParseAndPrint() {
    const auto all = FaultKinds::all();
    QCOMPARE(all.to_string(), std::string("crash,restart,partition,oneway,loss,dup,delay,pause,skew"));
    QCOMPARE(FaultKinds::parse(all.to_string())->to_string(), all.to_string());
    const auto some = FaultKinds::parse("pause,crash");
    QVERIFY(some && some->has(FaultKind::Crash) && some->has(FaultKind::Pause) && !some->has(FaultKind::Loss));
    QCOMPARE(some->to_string(), std::string("crash,pause"));
    QVERIFY(!FaultKinds::parse("crash,meteor"));
  }

  void schedulesAreDeterministicAndHealEverything() {
    const auto a = check::draw_fault_schedule(spec(), FaultKinds::all(), 412);
    const auto b = check::draw_fault_schedule(spec(), FaultKinds::all(), 412);
    const auto c = check::draw_fault_schedule(spec(), FaultKinds::all(), 413);
    QVERIFY(a.actions == b.actions);
    QCOMPARE(a.describe(), b.describe());
    QVERIFY(!(a.actions == c.actions));
    QCOMPARE(a.heal_at_us, spec().start_us + spec().fault_phase_us);
    for (const auto& action : a.actions) QVERIFY(action.at_us >= spec().start_us && action.at_us <= a.heal_at_us);
    // At the heal, every node is resumed and restarted, and the network healed.
    std::set<sim::EndpointId> restarted, resumed;
    int heals = 0;
    for (const auto& action : a.actions) {
      if (action.at_us != a.heal_at_us) continue;
      if (action.type == sim::ActionType::Restart) restarted.insert(action.node);
      if (action.type == sim::ActionType::Resume) resumed.insert(action.node);
      heals += action.type == sim::ActionType::Heal;
    }
    for (sim::EndpointId node = 0; node < 5; ++node) QVERIFY(restarted.count(node) && resumed.count(node));
    QVERIFY(heals >= 1);
    QVERIFY(a.loss > 0 && a.duplicate > 0 && a.reorder > 0);
  }

  void schedulesOnlyUseTheRequestedKinds() {
    for (std::uint64_t seed = 1; seed <= 50; ++seed) {
      const auto s = check::draw_fault_schedule(spec(), *FaultKinds::parse("crash"), seed);
      QCOMPARE(s.loss, 0.0);
      QCOMPARE(s.duplicate, 0.0);
      for (const auto& action : s.actions) {
        if (action.at_us == s.heal_at_us) continue;
        QCOMPARE(action.type, sim::ActionType::Crash);  // no restart before the heal without "restart"
      }
    }
  }

  void raftFiveHoldsEveryInvariantUnderAllFaults() {
    explore::ExploreOptions options;
    options.seeds = 200;
    std::uint64_t last_progress = 0;
    options.progress = [&](std::uint64_t done, std::uint64_t total, std::uint64_t) {
      QCOMPARE(total, std::uint64_t{200});
      last_progress = done;
    };
    const auto result = explore::explore(builtin("raft-5"), options);
    QCOMPARE(result.seeds_run, std::uint64_t{200});
    QCOMPARE(last_progress, std::uint64_t{200});
    QVERIFY(result.events > 200 * 5'000);
    for (const auto& f : result.failures)
      qWarning("seed %llu: %s", static_cast<unsigned long long>(f.seed), f.violations.front().c_str());
    QVERIFY(result.failures.empty());
  }

  void splitBrainUnfencedIsCaught() {
    // The negative control: it shows the checks can fail.
    explore::ExploreOptions options;
    options.seeds = 100;
    std::size_t reported = 0;
    options.on_failure = [&](const explore::SeedVerdict&) { ++reported; };
    const auto s = builtin("split-brain-unfenced");
    const auto result = explore::explore(s, options);
    QVERIFY(result.failures.size() > 10);
    QCOMPARE(reported, result.failures.size());
    QCOMPARE(result.seeds_failed, static_cast<std::uint64_t>(result.failures.size()));
    const auto& first = result.failures.front();
    QVERIFY(QString::fromStdString(first.violations.front()).startsWith("One history:"));
    QVERIFY(!first.schedule.empty());
    // Replaying the seed gives exactly the same verdict.
    const auto again = explore::explore_seed(s, first.seed, FaultKinds::all());
    QVERIFY(again.violations == first.violations);
    QCOMPARE(again.events, first.events);
    QCOMPARE(explore::replay_command("split-brain-unfenced", first.seed, FaultKinds::all()),
             "clusterscope-cli explore split-brain-unfenced --seeds 1 --first-seed " + std::to_string(first.seed) +
                 " --faults crash,restart,partition,oneway,loss,dup,delay,pause,skew");
  }

  void protectionsAndConsensusModelsPass() {
    explore::ExploreOptions options;
    options.seeds = 15;
    for (const char* id : {"split-brain-fenced", "split-brain-stonith", "mysql-group-replication", "paxos-basic"}) {
      const auto result = explore::explore(builtin(id), options);
      QVERIFY2(result.failures.empty(), id);
    }
    std::string why;
    QVERIFY(!explore::can_explore(builtin("cluster-heartbeat"), &why));
    QVERIFY(why.find("heartbeat") != std::string::npos);
  }

  void cliExitCodesAndReplayLines() {
    if (!QFileInfo::exists(cli_path())) QSKIP("clusterscope-cli is not built next to the tests");
    QProcess ok;
    ok.start(cli_path(), {"explore", "raft-5", "--seeds", "5"});
    QVERIFY(ok.waitForFinished(120'000));
    QCOMPARE(ok.exitCode(), 0);
    QVERIFY(ok.readAllStandardError().contains("seed 5 (5/5), 0 violations"));

    QProcess bad;
    // The negative control again, through the command line (100 seeds in-process above).
    bad.start(cli_path(), {"explore", "split-brain-unfenced", "--seeds", "10", "--quiet"});
    QVERIFY(bad.waitForFinished(120'000));
    QCOMPARE(bad.exitCode(), 1);
    const QByteArray out = bad.readAllStandardOutput();
    QVERIFY(out.contains("One history:"));
    QVERIFY(out.contains("replay: clusterscope-cli explore split-brain-unfenced --seeds 1 --first-seed "));

    QProcess usage;
    usage.start(cli_path(), {"explore", "raft-5", "--faults", "crash,meteor"});
    QVERIFY(usage.waitForFinished(30'000));
    QCOMPARE(usage.exitCode(), 2);
  }
};

QTEST_GUILESS_MAIN(TestExplore)
#include "test_explore.moc"
