// `explore`: random fault schedules, the checks per model, the positive run on raft-5 and the
// negative control on split-brain-unfenced (which must find the violation), what every built-in
// scenario declares, regressions (fault schedules that once found a bug), and the CLI's exit
// codes and replay commands. The sweep over every built-in scenario is tests/sweep.
#include <QtTest>

#include <QFileInfo>
#include <QProcess>
#include <map>
#include <set>

#include "check/fault_schedule.h"
#include "explore/explore.h"
#include "scenario/builtin.h"
#include "scenario/demonstrates.h"
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
      qWarning("seed %llu: %s", static_cast<unsigned long long>(f.seed), f.violations.front().text.c_str());
    QVERIFY(result.failures.empty());
  }

  void splitBrainUnfencedIsCaught() {
    // The negative control: it shows the checks can fail. It declares that it breaks one-history,
    // so its violating seeds demonstrate rather than fail.
    explore::ExploreOptions options;
    options.seeds = 100;
    const auto s = builtin("split-brain-unfenced");
    QVERIFY(s.demonstrates.declared && !s.demonstrates.safe);
    const auto result = explore::explore(s, options);
    QVERIFY(result.seeds_demonstrating > 10);
    QVERIFY(result.failures.empty());
    std::uint64_t seed = 0;
    explore::SeedVerdict first;
    for (seed = 1; seed <= 100; ++seed) {
      first = explore::explore_seed(s, seed, explore::default_faults(s));
      if (!first.demonstrated.empty()) break;
    }
    QCOMPARE(first.demonstrated.front().invariant, std::string("one-history"));
    QVERIFY(first.demonstrated.front().text.find("primar") != std::string::npos);
    QVERIFY(!first.schedule.empty());
    // Replaying the seed gives exactly the same verdict.
    const auto again = explore::explore_seed(s, seed, explore::default_faults(s));
    QCOMPARE(again.demonstrated.size(), first.demonstrated.size());
    QCOMPARE(again.demonstrated.front().text, first.demonstrated.front().text);
    QCOMPARE(again.events, first.events);
    QCOMPARE(explore::replay_command("split-brain-unfenced", seed, FaultKinds::all()),
             "clusterscope-cli explore split-brain-unfenced --seeds 1 --first-seed " + std::to_string(seed) +
                 " --faults crash,restart,partition,oneway,loss,dup,delay,pause,skew");
  }

  void protectionsAndConsensusModelsPass() {
    explore::ExploreOptions options;
    options.seeds = 15;
    for (const char* id : {"split-brain-fenced", "split-brain-stonith", "mysql-group-replication", "paxos-basic",
                           "cluster-heartbeat", "quorum-strict", "crdt-cart", "connection-pooling", "backup-321"}) {
      const auto result = explore::explore(builtin(id), options);
      QVERIFY2(result.failures.empty(), id);
    }
  }

  void everyBuiltinScenarioDeclaresAndCanBeExplored() {
    std::vector<std::string> ids;
    std::map<std::string, scenario::Demonstrates> declared;
    for (const auto& b : scenario::builtin_scenarios()) {
      const auto s = builtin(b.id);
      std::string why;
      QVERIFY2(explore::can_explore(s, &why), why.c_str());
      ids.emplace_back(b.id);
      declared[std::string(b.id)] = s.demonstrates;
    }
    const auto lookup = [&](const std::string& id) -> const scenario::Demonstrates* {
      const auto it = declared.find(id);
      return it != declared.end() ? &it->second : nullptr;
    };
    const auto problems = scenario::check_declarations(ids, lookup);
    for (const auto& p : problems) qWarning("%s", p.c_str());
    QVERIFY(problems.empty());
    // The check itself can fail: a missing declaration, and an assumption broken by nothing.
    declared["raft-5"] = {};
    auto& patroni = declared["patroni-style"];
    QVERIFY(!patroni.assumptions.empty());
    patroni.assumptions.front().broken_by = "raft-leader-crash";  // safe: breaks nothing
    const auto found = scenario::check_declarations(ids, lookup);
    QCOMPARE(found.size(), std::size_t{2});
    QVERIFY(found[0].starts_with("patroni-style: /demonstrates/assumptions/0/broken_by"));
    QVERIFY(found[1].starts_with("raft-5: /demonstrates: missing"));
  }

  void aPausedPatroniPrimaryWithoutWatchdogSplitsTheBrain() {
    // Patroni-style tolerates no pause longer than the leader key's TTL: it names the assumption,
    // and patroni-no-watchdog breaks it. The explorer reports the assumption a seed broke.
    const auto safe = builtin("patroni-style");
    QVERIFY(!safe.demonstrates.faults.has(FaultKind::Pause));
    explore::ExploreOptions options;
    options.seeds = 100;
    options.faults = *FaultKinds::parse("pause");
    const auto paused = explore::explore(safe, options);
    QVERIFY(!paused.failures.empty());
    QCOMPARE(paused.failures.front().assumptions_broken.size(), std::size_t{1});
    QCOMPARE(paused.failures.front().assumptions_broken.front().broken_by, std::string("patroni-no-watchdog"));
    options.faults.reset();
    const auto breaker = explore::explore(builtin("patroni-no-watchdog"), options);
    QVERIFY(breaker.seeds_demonstrating >= 1);
  }

  void regressionSchedulesStayFixed() {
    // Fault schedules that once found a bug, replayed. Each comment says what was wrong.
    struct Case {
      const char* scenario;
      const char* faults;
      std::uint64_t seed;
    };
    for (const Case& c : {
             // Sharding: a lost routing announcement left a shard's table stale for ever (rows
             // held but owned by nobody); duplicated inserts made a second row.
             Case{"range-hotspot-timestamps", "loss", 11},
             Case{"range-hotspot-timestamps", "dup", 1},
             Case{"hash-even", "dup", 1},
             // The balancer's unfinished move counted as recovered once its source forgot it.
             Case{"range-hotspot-timestamps", "crash", 1},
             // A timer set on a fast clock for less than a microsecond fired at once, for ever.
             Case{"cap-ap", "skew,loss", 1},
             // Dueling proposers need more than a few rounds of random back-off after a crash.
             Case{"paxos-dueling", "crash", 1},
             // Three candidates stood for ever after the heal: one refused for a low epoch never
             // learned the higher epochs the others had voted in.
             Case{"github-2018", "crash,restart,partition,oneway,loss,dup,delay,skew", 6},
             // An asynchronous replica still catching up over a lossy link when the settling
             // window closed (the drawn loss stays after the heal).
             Case{"async-lag-stale-read", "crash,restart,partition,oneway,loss,dup,delay,pause,skew", 1190},
             // The heartbeat checker measured silence at the clock's current drift, not at the
             // drift the follower's timer was set with.
             Case{"cluster-heartbeat", "crash,restart,partition,oneway,loss,dup,delay,pause,skew", 21},
             // A router on the balancer's node marked a move done in the authoritative table when
             // the source had only handed it off; the source crashed, and the move was never
             // re-dispatched.
             Case{"mod-n-reshuffle", "crash,restart,partition,oneway,loss,dup,delay,pause,skew", 232},
             // Judged at rest before every node had applied the balancer's last announcements.
             Case{"range-hotspot-timestamps", "crash,restart,partition,oneway,loss,dup,delay,pause,skew", 650},
             // A late, duplicated acknowledgement lowered what the balancer knew a node had
             // applied, after its resend timer had stopped: it waited for ever.
             Case{"mod-n-reshuffle", "crash,restart,partition,oneway,loss,dup,delay,pause,skew", 116},
             // A duplicated write applied twice by the primary reverted a newer write.
             Case{"ryw-fixed", "crash,restart,partition,oneway,loss,dup,delay,pause,skew", 2225},
             // A snapshot's versions travelled on by their writer's origin, so a ring stopped them
             // short of nodes that had not seen the changes folded into their version vectors.
             Case{"topology-ring", "crash,restart,partition,oneway,loss,dup,delay,pause,skew", 923},
             Case{"topology-ring", "crash,restart,partition,oneway,loss,dup,delay,pause,skew", 4266},
             // Judged at rest in the middle of a move the probe write's split had started.
             Case{"range-hotspot-timestamps", "crash,restart,partition,oneway,loss,dup,delay,pause,skew", 6204},
         }) {
      const auto verdict = explore::explore_seed(builtin(c.scenario), c.seed, *FaultKinds::parse(c.faults));
      for (const auto& v : verdict.violations) qWarning("%s: %s", c.scenario, v.text.c_str());
      QVERIFY2(!verdict.failed(), c.scenario);
    }
  }

  void cliExitCodesAndReplayLines() {
    if (!QFileInfo::exists(cli_path())) QSKIP("clusterscope-cli is not built next to the tests");
    QProcess ok;
    ok.start(cli_path(), {"explore", "raft-5", "--seeds", "5"});
    QVERIFY(ok.waitForFinished(120'000));
    QCOMPARE(ok.exitCode(), 0);
    QVERIFY(ok.readAllStandardError().contains("seed 5 (5/5), 0 violations"));

    QProcess breaks;
    // A scenario that breaks an invariant on purpose passes when it does break it.
    breaks.start(cli_path(), {"explore", "split-brain-unfenced", "--seeds", "10", "--quiet"});
    QVERIFY(breaks.waitForFinished(120'000));
    QCOMPARE(breaks.exitCode(), 0);

    QProcess bad;
    // A safe scenario under a fault it does not tolerate: exit 1, the broken assumption named.
    bad.start(cli_path(), {"explore", "patroni-style", "--seeds", "40", "--faults", "pause", "--quiet"});
    QVERIFY(bad.waitForFinished(120'000));
    QCOMPARE(bad.exitCode(), 1);
    const QByteArray out = bad.readAllStandardOutput();
    QVERIFY(out.contains("[one-history]"));
    QVERIFY(out.contains("patroni-no-watchdog"));
    QVERIFY(out.contains("replay: clusterscope-cli explore patroni-style --seeds 1 --first-seed "));

    QProcess usage;
    usage.start(cli_path(), {"explore", "raft-5", "--faults", "crash,meteor"});
    QVERIFY(usage.waitForFinished(30'000));
    QCOMPARE(usage.exitCode(), 2);
  }
};

QTEST_GUILESS_MAIN(TestExplore)
#include "test_explore.moc"
