// The one evaluator of run quantities: reading quantities and conditions (with their errors), their
// values in real runs, and the challenge runner's rules (allowed actions, the limit, the goal).
#include <QtTest>

#include "course/challenge.h"
#include "evaluate/condition.h"
#include "test_support.h"

using namespace cs;

namespace {

evaluate::Quantity quantity(const char* text, const scenario::Scenario& s) {
  return evaluate::read_quantity(json::parse_text(text), "/q", s);
}

evaluate::Condition condition(const char* text, const scenario::Scenario& s) {
  const json::Json j = json::parse_text(text);
  json::ObjectReader r(j, "/c");
  evaluate::Condition c = evaluate::read_condition(r, s);
  r.finish();
  return c;
}

sim::Action action(sim::TimeUs at_us, sim::ActionType type, sim::EndpointId node = sim::kNoEndpoint) {
  sim::Action a;
  a.at_us = at_us;
  a.type = type;
  a.node = node;
  return a;
}

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const json::JsonError& e) {
    return e.what();
  }
  return {};
}

course::Challenge raft_partition_challenge() {
  course::Challenge c;
  c.id = "minority-without-leader";
  c.kind = "fix";
  c.scenario = "raft-5";
  c.keep_timeline = false;
  c.title = "t";
  c.goal = "g";
  c.allowed = {sim::ActionType::Partition, sim::ActionType::Heal};
  c.max_actions = 2;
  c.time_limit_us = sim::seconds(10);
  return c;
}

}  // namespace

class TestEvaluate : public QObject {
  Q_OBJECT

 private slots:
  void quantitiesNameExactlyOneThingAndKnownNodes() {
    const auto s = test::builtin("raft-5");
    QCOMPARE(quantity(R"({"metric": "leaders_elected"})", s).kind, evaluate::Quantity::Kind::Metric);
    QCOMPARE(quantity(R"({"role": "n3"})", s).name, std::string("n3"));
    QVERIFY(error_of([&] {
              quantity(R"({"role": "n9"})", s);
            }).find("/q/role: the scenario \"raft-5\" has no node \"n9\"") != std::string::npos);
    QVERIFY(error_of([&] { quantity(R"({"leader": true, "metric": "x"})", s); }).find("exactly one") !=
            std::string::npos);
    QVERIFY(error_of([&] { quantity(R"({"leader": false})", s); }).find("expected true") != std::string::npos);
    QVERIFY(error_of([&] { quantity(R"({"colour": 1})", s); }).find("exactly one") != std::string::npos);
    QVERIFY(!error_of([&] { condition(R"({"quantity": {"leader": true}})", s); }).empty());
    QVERIFY(!error_of([&] { condition(R"({"quantity": {"leader": true}, "equals": 1, "at_least": 1})", s); }).empty());
  }

  void valuesComeFromTheRun() {
    const auto s = test::builtin("raft-5");
    auto sim = test::run(s, sim::seconds(5));
    // The leader is the node whose card says so, and only one node leads.
    const evaluate::Value leader = evaluate::evaluate(quantity(R"({"leader": true})", s), *sim, s);
    const auto id = scenario::node_id(s, std::get<std::string>(leader));
    QVERIFY(id != sim::kNoEndpoint);
    QCOMPARE(sim->world().node_view(id).role, sim::Role::Leader);
    QCOMPARE(std::get<double>(evaluate::evaluate(quantity(R"({"leaders_now": true})", s), *sim, s)), 1.0);
    QCOMPARE(std::get<std::string>(evaluate::evaluate(quantity(R"({"status": "n1"})", s), *sim, s)), std::string("up"));
    // Acknowledged writes agree with the history.
    double acked = 0;
    const auto& ops = sim->world().history().ops();
    for (std::size_t i = 0; i < ops.size(); ++i) {
      if (ops[i].type == sim::OpType::Write && ops[i].status == sim::OpStatus::Ok) ++acked;
    }
    QVERIFY(acked > 0);
    QCOMPARE(std::get<double>(evaluate::evaluate(quantity(R"({"acked_writes": true})", s), *sim, s)), acked);
    // A leader crashed: none leads until the others elect one.
    sim->act(action(sim->now_us(), sim::ActionType::Crash, id));
    QCOMPARE(std::get<std::string>(evaluate::evaluate(quantity(R"({"leader": true})", s), *sim, s)),
             std::string("none"));
  }

  void conditionsCompareNumbersTextsAndRanges() {
    const auto s = test::builtin("raft-5");
    const auto near_three = condition(R"({"quantity": {"leaders_now": true}, "equals": 3, "tolerance": 0.5})", s);
    QVERIFY(evaluate::holds(near_three, evaluate::Value(3.4)));
    QVERIFY(!evaluate::holds(near_three, evaluate::Value(3.6)));
    QVERIFY(!evaluate::holds(near_three, evaluate::Value(std::string("3"))));
    const auto named = condition(R"({"quantity": {"leader": true}, "equals": "n2"})", s);
    QVERIFY(evaluate::holds(named, evaluate::Value(std::string("n2"))));
    QVERIFY(!evaluate::holds(named, evaluate::Value(std::string("none"))));
    const auto range = condition(R"({"quantity": {"leaders_now": true}, "at_least": 1, "at_most": 2})", s);
    QVERIFY(evaluate::holds(range, evaluate::Value(1.0)) && evaluate::holds(range, evaluate::Value(2.0)));
    QVERIFY(!evaluate::holds(range, evaluate::Value(0.0)) && !evaluate::holds(range, evaluate::Value(2.5)));
  }

  void aChallengeIsGradedByItsGoalAndItsRules() {
    const auto s = test::builtin("raft-5");
    course::Challenge c = raft_partition_challenge();
    // Goal: two nodes cut off from three, and still exactly one leader (on the majority side).
    c.conditions.push_back(condition(R"({"quantity": {"leaders_now": true}, "equals": 1})", s));
    c.conditions.push_back(condition(R"({"quantity": {"status": "n1"}, "equals": "up"})", s));
    // Met at once: the goal holds in the default run as soon as a leader is elected.
    const auto idle = course::run_challenge(c, s, {});
    QVERIFY(idle.met);
    QCOMPARE(idle.actions_used, 0);
    // Actions outside the rules are refused, and say why.
    c.conditions = {condition(R"({"quantity": {"leaders_now": true}, "equals": 7})", s)};  // never
    const sim::Action crash = action(sim::seconds(1), sim::ActionType::Crash, 0);
    QVERIFY(course::run_challenge(c, s, {crash}).refused.find("does not allow \"crash\"") != std::string::npos);
    const sim::Action heal = action(sim::seconds(1), sim::ActionType::Heal);
    const auto three = course::run_challenge(c, s, {heal, heal, heal});
    QVERIFY2(three.refused.find("all 2 actions are used") != std::string::npos, three.refused.c_str());
    const auto two = course::run_challenge(c, s, {heal, heal});
    QVERIFY(!two.met && two.refused.empty());
    QCOMPARE(two.actions_used, 2);
  }
};

QTEST_APPLESS_MAIN(TestEvaluate)
#include "test_evaluate.moc"
