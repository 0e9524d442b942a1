// "What if?" in the core: a second branch of a run with one change, where the two part, and their
// metrics side by side. The asynchronous failover that loses acknowledged writes, run again with a
// replica acknowledgement, loses none.
#include <QtTest>
#include <nlohmann/json.hpp>

#include "run/compare.h"
#include "scenario/run_setup.h"
#include "test_support.h"

using namespace cs;

namespace {

std::unique_ptr<sim::Simulation> run_to(const scenario::Scenario& s, std::uint64_t seed, sim::TimeUs until_us) {
  sim::SimulationLimits limits;
  limits.trace_budget_bytes = std::size_t{64} << 20;
  auto run = scenario::start_run(s, seed, limits);
  run->run_until(until_us);
  return run;
}

double metric(const std::vector<run::MetricDiff>& rows, const std::string& name, bool second) {
  for (const auto& r : rows) {
    if (r.name == name) return (second ? r.b : r.a).value_or(-1);
  }
  return -2;
}

}  // namespace

class TestCompare : public QObject {
  Q_OBJECT

 private slots:
  void changesAreRead() {
    std::string error;
    auto c = run::parse_change("replica_acks=1", &error);
    QVERIFY(c && c->kind == run::Change::Kind::Param && c->param == "replica_acks" && c->value_json == "1");
    c = run::parse_change("failover=manual", &error);
    QVERIFY(c && c->value_json == "\"manual\"");
    QCOMPARE(c->value_text(), std::string("manual"));
    QCOMPARE(run::parse_change("replica_acks=1", &error)->value_text(), std::string("1"));
    c = run::parse_change("fencing=true", &error);
    QVERIFY(c && c->value_json == "true");
    c = run::parse_change("seed=7", &error);
    QVERIFY(c && c->kind == run::Change::Kind::Seed && c->seed == 7);
    QCOMPARE(c->to_string(), std::string("seed=7"));
    QVERIFY(!run::parse_change("seed=soon", &error));
    QVERIFY(!run::parse_change("=3", &error));
    QVERIFY(!run::parse_change("fencing", &error));
    QVERIFY(!error.empty());
  }

  void aReplicaAcknowledgementSavesTheWritesAsyncFailoverLoses() {
    const auto s = test::builtin("auto-failover-async-loss");
    std::uint64_t seed = s.seed;
    const auto change = *run::parse_change("replica_acks=1", nullptr);
    const scenario::Scenario b = run::apply_change(s, change, seed);
    QCOMPARE(seed, s.seed);
    const auto ra = run_to(s, s.seed, s.duration_us);
    const auto rb = run_to(b, seed, s.duration_us);
    const auto rows = run::metric_diffs(scenario::run_metrics(s, ra->world()), scenario::run_metrics(b, rb->world()));
    QVERIFY(metric(rows, "lost_acknowledged_writes", false) > 0);
    QCOMPARE(metric(rows, "lost_acknowledged_writes", true), 0.0);
    // They part at the first trace record that differs, and agree on every record before it.
    const auto d = run::first_divergence(ra->trace(), rb->trace());
    QVERIFY(d);
    QVERIFY(d->a && d->b);
    for (std::uint64_t i = 0; i < d->index; ++i) {
      QCOMPARE(ra->trace().at_index(i).time_us, rb->trace().at_index(i).time_us);
      QCOMPARE(ra->trace().at_index(i).type, rb->trace().at_index(i).type);
      QCOMPARE(ra->trace().at_index(i).msg_id, rb->trace().at_index(i).msg_id);
    }
    QVERIFY(d->a->type != d->b->type || d->a->time_us != d->b->time_us || d->a->node != d->b->node ||
            d->a->peer != d->b->peer || d->a->kind != d->b->kind || d->a->a != d->b->a || d->a->b != d->b->b ||
            d->a->msg_id != d->b->msg_id || d->a->reason != d->b->reason);
  }

  void noChangeMeansNoDivergenceAndAnotherSeedDoes() {
    const auto s = test::builtin("raft-5");
    std::uint64_t seed = s.seed;
    const auto same = run::apply_change(
        s,
        *run::parse_change("election_timeout_min_ms=" + std::to_string(static_cast<int>(
                                                            std::get<double>(s.params.at("election_timeout_min_ms")))),
                           nullptr),
        seed);
    const auto ra = run_to(s, s.seed, 3'000'000);
    const auto rb = run_to(same, seed, 3'000'000);
    QVERIFY(!run::first_divergence(ra->trace(), rb->trace()));
    for (const auto& row :
         run::metric_diffs(scenario::run_metrics(s, ra->world()), scenario::run_metrics(same, rb->world())))
      QVERIFY2(!row.differs(), row.name.c_str());

    std::uint64_t other = s.seed;
    const auto reseeded = run::apply_change(s, *run::parse_change("seed=99", nullptr), other);
    QCOMPARE(other, std::uint64_t{99});
    const auto rc = run_to(reseeded, other, 3'000'000);
    QVERIFY(run::first_divergence(ra->trace(), rc->trace()));
    // A branch that has run further parts from a shorter one where the shorter ends.
    const auto longer = run_to(s, s.seed, 4'000'000);
    const auto d = run::first_divergence(ra->trace(), longer->trace());
    QVERIFY(d && !d->a && d->b);
    QCOMPARE(d->index, ra->trace().total());
  }

  void aSearchThatGoesOnFindsTheSameDivergence() {
    const auto s = test::builtin("raft-5");
    std::uint64_t other = s.seed;
    const auto reseeded = run::apply_change(s, *run::parse_change("seed=99", nullptr), other);
    const auto whole =
        run::first_divergence(run_to(s, s.seed, 3'000'000)->trace(), run_to(reseeded, other, 3'000'000)->trace());
    QVERIFY(whole);
    // Step by step, as the window searches while both branches play: each search starts where the
    // last one found them agreeing, and the first difference is the one a whole search finds.
    sim::SimulationLimits limits;
    limits.trace_budget_bytes = std::size_t{64} << 20;
    const auto a = scenario::start_run(s, s.seed, limits);
    const auto b = scenario::start_run(reseeded, other, limits);
    std::uint64_t agreed = 0;
    std::optional<run::Divergence> found;
    for (sim::TimeUs t = 100'000; t <= 3'000'000 && !found; t += 100'000) {
      a->run_until(t);
      b->run_until(t);
      const std::uint64_t before = agreed;
      found = run::first_divergence(a->trace(), b->trace(), agreed, &agreed);
      if (!found) QVERIFY(agreed >= before);
    }
    QVERIFY(found);
    QCOMPARE(found->index, whole->index);
    QCOMPARE(found->a_us, whole->a_us);
  }

  void actionsOnlyChangesNothingButTheLearnersActions() {
    const auto s = test::builtin("raft-5");
    std::string error;
    const auto c = run::parse_change("actions", &error);
    QVERIFY(c && c->kind == run::Change::Kind::Actions);
    QCOMPARE(c->to_string(), std::string("actions"));
    std::uint64_t seed = s.seed;
    const auto same = run::apply_change(s, *c, seed);
    QCOMPARE(seed, s.seed);
    QCOMPARE(scenario::save_scenario(same), scenario::save_scenario(s));
    QVERIFY(!run::parse_change("action", &error));
    QVERIFY(error.find("actions") != std::string::npos);
  }

  void aSavedRunKeepsItsSecondBranch() {
    auto s = test::builtin("split-brain-unfenced");
    scenario::Comparison branch;
    branch.change = "fencing=true";
    branch.fork_us = 2'345'678;
    sim::Action crash;
    crash.type = sim::ActionType::Crash;
    crash.at_us = 3'000'001;
    crash.node = 1;
    branch.actions.push_back(crash);
    s.comparison = branch;
    const auto text = scenario::save_scenario(s);
    const auto back = scenario::load_scenario(text, "saved");
    QVERIFY(back.comparison);
    QVERIFY(*back.comparison == branch);
    QCOMPARE(scenario::save_scenario(back), text);
    // A branch with no change named is refused, naming the place.
    auto doc = nlohmann::json::parse(text);
    doc["compare"]["change"] = "";
    try {
      scenario::load_scenario(doc.dump(), "bad.clusterscope");
      QFAIL("an empty change was taken");
    } catch (const scenario::ScenarioError& e) {
      QVERIFY2(std::string(e.what()).find("/compare/change") != std::string::npos, e.what());
    }
  }

  void unknownOrRefusedParametersAreRefusedByName() {
    const auto s = test::builtin("auto-failover-async-loss");
    std::uint64_t seed = s.seed;
    QVERIFY_THROWS_EXCEPTION(scenario::ScenarioError,
                             run::apply_change(s, *run::parse_change("warp=9", nullptr), seed));
    try {
      run::apply_change(s, *run::parse_change("replica_acks=-5", nullptr), seed);
      QFAIL("a value out of range was taken");
    } catch (const scenario::ScenarioError& e) {
      QVERIFY2(std::string(e.what()).find("replica_acks") != std::string::npos, e.what());
    }
  }
};

QTEST_APPLESS_MAIN(TestCompare)
#include "test_compare.moc"
