// Single-decree Paxos: one round (paxos-basic), dueling proposers that livelock and the two fixes
// (paxos-dueling), and safety under faults, checked after every event.
#include <QtTest>

#include "consensus/paxos_invariants.h"
#include "consensus/paxos_node.h"
#include "test_support.h"

using namespace cs;
using namespace test;
using sim::millis;
using sim::seconds;

namespace {

const consensus::PaxosNode& paxos(const sim::World& w, sim::EndpointId id) {
  return dynamic_cast<const consensus::PaxosNode&>(*w.node(id).protocol);
}

// Runs to `until` with the Paxos invariants checked after every event.
void run_checked(sim::Simulation& sim, sim::TimeUs until, consensus::PaxosInvariants& inv) {
  while (sim.world().next_event_us() <= until) {
    sim.step();
    inv.check(sim.world());
  }
  sim.run_until(until);
}

std::string describe(const consensus::PaxosInvariants& inv) {
  std::string out;
  for (const auto& v : inv.violations()) out += v + "; ";
  return out;
}

sim::Metrics metrics(const scenario::Scenario& s, const sim::Simulation& sim) {
  return scenario::run_metrics(s, sim.world());
}

}  // namespace

class TestPaxos : public QObject {
  Q_OBJECT

 private slots:
  void oneRoundChoosesTheProposersValue() {
    const auto s = builtin("paxos-basic");
    sim::Simulation sim(scenario::make_world(s, s.seed));
    consensus::PaxosInvariants inv;
    run_checked(sim, millis(1200), inv);
    // Phase 1: a majority has promised, nothing is accepted yet.
    int promised = 0;
    for (sim::EndpointId i = 0; i < 5; ++i) promised += paxos(sim.world(), i).promised() > 0 ? 1 : 0;
    QVERIFY(promised >= 3);
    QVERIFY(!inv.chosen());
    run_checked(sim, s.duration_us, inv);
    QVERIFY2(inv.violations().empty(), describe(inv).c_str());
    auto m = metrics(s, sim);
    QCOMPARE(m["paxos_rounds"], 1.0);  // one round, no retries
    QCOMPARE(m["values_chosen"], 1.0);
    QCOMPARE(m["chosen_value"], 1.0);  // n1's own value: no earlier proposal to carry forward
    QCOMPARE(m["nodes_learned"], 5.0);
    QVERIFY(m["chosen_at_us"] > millis(1600) && m["chosen_at_us"] < millis(2600));  // after two round trips
  }

  void duelingProposersLivelockUntilTheBackoff() {
    const auto s = builtin("paxos-dueling");
    sim::Simulation sim(scenario::make_world(s, s.seed));
    consensus::PaxosInvariants inv;
    run_checked(sim, seconds(8), inv);
    QVERIFY(!inv.chosen());  // eight seconds of dueling: nothing chosen
    auto m = metrics(s, sim);
    QVERIFY(m["paxos_rounds"] > 40);  // yet the proposal numbers kept climbing
    QVERIFY(m["paxos_nacks"] > 40);
    QCOMPARE(m["values_chosen"], 0.0);
    run_checked(sim, s.duration_us, inv);  // from 8 s on, retries wait a random time
    QVERIFY2(inv.violations().empty(), describe(inv).c_str());
    m = metrics(s, sim);
    QCOMPARE(m["values_chosen"], 1.0);
    QCOMPARE(m["nodes_learned"], 5.0);
    QVERIFY(m["chosen_at_us"] > seconds(8) && m["chosen_at_us"] < seconds(11));
  }

  void withoutAFixTheDuelNeverEnds() {
    auto s = builtin("paxos-dueling");
    s.params["fix"] = std::string("none");
    sim::Simulation sim(scenario::make_world(s, s.seed));
    consensus::PaxosInvariants inv;
    run_checked(sim, seconds(30), inv);
    QVERIFY(!inv.chosen());
    QVERIFY(metrics(s, sim)["paxos_rounds"] > 150);
  }

  void aDistinguishedProposerAlsoEndsTheDuel() {
    auto s = builtin("paxos-dueling");
    s.params["fix"] = std::string("distinguished");
    sim::Simulation sim(scenario::make_world(s, s.seed));
    consensus::PaxosInvariants inv;
    run_checked(sim, s.duration_us, inv);
    QVERIFY2(inv.violations().empty(), describe(inv).c_str());
    QVERIFY(inv.chosen().has_value());
    QVERIFY(metrics(s, sim)["chosen_at_us"] > seconds(8));
  }

  void safeUnderCrashesPartitionsAndLoss() {
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
      auto s = builtin("paxos-dueling");
      s.params["fix"] = std::string("backoff");
      s.params["fix_after_ms"] = 0.0;
      s.link_defaults.jitter_us = 40'000;
      s.link_defaults.loss = 0.1;
      s.link_defaults.duplicate = 0.1;
      s.timeline = {at(millis(300), sim::ActionType::Crash, 2),   partition_at(millis(500), {{0, 3}, {1, 2, 4}}),
                    at(millis(900), sim::ActionType::Restart, 2), at(millis(1500), sim::ActionType::Heal),
                    at(millis(1600), sim::ActionType::Crash, 0),  at(seconds(3), sim::ActionType::Restart, 0)};
      sim::Simulation sim(scenario::make_world(s, seed));
      consensus::PaxosInvariants inv;
      run_checked(sim, seconds(14), inv);
      QVERIFY2(inv.violations().empty(), describe(inv).c_str());
      QVERIFY(inv.chosen().has_value());
      // Everyone who learned, learned the same value.
      for (sim::EndpointId i = 0; i < 5; ++i) {
        if (paxos(sim.world(), i).learned()) QCOMPARE(paxos(sim.world(), i).learned_value(), *inv.chosen());
      }
    }
  }

  void checkerCatchesTwoChosenValues() {
    // A proposer that ignored the carry-forward rule: a majority accepts (7, 1), then another
    // majority accepts (8, 2). The checker must object.
    using State = consensus::PaxosNodeState;
    consensus::PaxosInvariants inv;
    std::vector<State> nodes = {{"n1", true, 7, 1, false, 0},
                                {"n2", true, 7, 1, false, 0},
                                {"n3", false, 7, 1, false, 0},
                                {"n4", false, 0, 0, false, 0},
                                {"n5", false, 0, 0, false, 0}};
    QVERIFY(inv.check(nodes));
    QCOMPARE(*inv.chosen(), std::int64_t{1});
    nodes[2] = {"n3", false, 8, 2, false, 0};
    nodes[3] = {"n4", false, 8, 2, false, 0};
    nodes[4] = {"n5", false, 8, 2, true, 2};
    QVERIFY(!inv.check(nodes));
    QVERIFY(QString::fromStdString(describe(inv)).contains("at most one value chosen"));
    QVERIFY(QString::fromStdString(describe(inv)).contains("learners are right"));
  }
};

QTEST_GUILESS_MAIN(TestPaxos)
#include "test_paxos.moc"
