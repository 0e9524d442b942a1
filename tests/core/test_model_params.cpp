// Model parameters: every number states its range, every choice its values; the loader refuses a
// value outside them (and what a model's own check finds) with the file and JSON path, for a scenario
// and for a saved run alike; and no value a file can hold makes a run spin at one instant.
#include <QtTest>

#include <nlohmann/json.hpp>

#include <set>
#include <string>

#include "catalogue/catalogue.h"
#include "model/params.h"
#include "scenario/builtin.h"
#include "scenario/run_setup.h"
#include "scenario/scenario.h"
#include "sim/simulation.h"

using namespace cs;

namespace {

// A built-in scenario's JSON with one model parameter replaced.
std::string edited(const char* id, const std::string& param, const nlohmann::json& value) {
  nlohmann::json j = nlohmann::json::parse(scenario::find_builtin(id)->json);
  j["model"]["params"][param] = value;
  return j.dump(2);
}

QString load_error(const std::string& text, const std::string& file) {
  try {
    scenario::load_scenario(text, file);
  } catch (const scenario::ScenarioError& e) {
    return QString::fromStdString(e.what());
  }
  return {};
}

// The first built-in scenario of each model: where each model's parameters are tried.
std::map<std::string, scenario::Scenario> one_scenario_per_model() {
  std::map<std::string, scenario::Scenario> out;
  for (const auto& b : scenario::builtin_scenarios()) {
    scenario::Scenario s = scenario::load_scenario(b.json, std::string(b.id));
    out.emplace(s.model, std::move(s));
  }
  return out;
}

}  // namespace

class TestModelParams : public QObject {
  Q_OBJECT

 private slots:
  void everyParameterStatesWhatItAccepts() {
    for (const model::ModelInfo& m : catalogue::models()) {
      std::set<std::string> names;
      for (const model::ParamSpec& spec : m.params) {
        const std::string where = m.type + "/" + spec.name;
        QVERIFY2(names.insert(spec.name).second, ("duplicate parameter " + where).c_str());
        QVERIFY2(!spec.help.empty(), where.c_str());
        if (const double* v = std::get_if<double>(&spec.default_value)) {
          QVERIFY2(spec.range.has_value(), ("no range: " + where).c_str());
          const model::Range& r = *spec.range;
          QVERIFY2(r.min <= r.max, where.c_str());
          QVERIFY2((r.or_none && *v == -1) || (*v >= r.min && *v <= r.max),
                   ("default outside range: " + where).c_str());
        } else if (const std::string* t = std::get_if<std::string>(&spec.default_value)) {
          QVERIFY2(spec.choices.empty() || std::count(spec.choices.begin(), spec.choices.end(), *t) == 1,
                   ("default is not a choice: " + where).c_str());
        }
      }
    }
  }

  void everyBuiltinScenarioPassesItsModelsCheck() {
    for (const auto& b : scenario::builtin_scenarios()) {
      const scenario::Scenario s = scenario::load_scenario(b.json, std::string(b.id));
      const auto problems = model::param_problems(*catalogue::find_model(s.model), s.params, s.node_names.size());
      QVERIFY2(problems.empty(), (s.id + ": " + (problems.empty() ? "" : problems.front().message)).c_str());
    }
  }

  void refusedAtLoad_data() {
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("param");
    QTest::addColumn<QString>("value");  // JSON
    QTest::addColumn<QString>("message");
    // The two hand-edited copies of raft-5.json that once hung or were accepted.
    QTest::newRow("heartbeat 0") << "raft-5"
                                 << "heartbeat_interval_ms"
                                 << "0"
                                 << "/model/params/heartbeat_interval_ms: 0 is outside 1 to 60000";
    QTest::newRow("heartbeat -5") << "raft-5"
                                  << "heartbeat_interval_ms"
                                  << "-5"
                                  << "/model/params/heartbeat_interval_ms: -5 is outside 1 to 60000";
    QTest::newRow("timeout min above max")
        << "raft-5"
        << "election_timeout_min_ms"
        << "900"
        << "/model/params/election_timeout_min_ms: 900 is greater than election_timeout_max_ms (600)";
    QTest::newRow("not whole") << "intro-cluster"
                               << "replicas"
                               << "2.5"
                               << "/model/params/replicas: 2.5 is not a whole number";
    QTest::newRow("unknown choice") << "semi-sync"
                                    << "mode"
                                    << "\"eventually\""
                                    << "/model/params/mode: \"eventually\" is not one of async, semi-sync, sync";
    QTest::newRow("node beyond the last") << "split-brain-fenced"
                                          << "initial_primary"
                                          << "\"n9\""
                                          << "/model/params/initial_primary: \"n9\" is not a node: give n1 to n5";
    QTest::newRow("more replicas than nodes") << "intro-cluster"
                                              << "replicas"
                                              << "10"
                                              << "/model/params/replicas: is more than the data nodes (9 data nodes)";
    QTest::newRow("no server left") << "client-server"
                                    << "client_nodes"
                                    << "6"
                                    << "/model/params/client_nodes: leaves no node to be a server";
    QTest::newRow("none is -1, not -0.5") << "planned-switchover"
                                          << "switchover_at_ms"
                                          << "-0.5"
                                          << "/model/params/switchover_at_ms: -0.5 is outside 0 to 86400000 (or -1";
    QTest::newRow("restore at 0 MB/s") << "backup-321"
                                       << "offsite_restore_mb_per_s"
                                       << "0"
                                       << "/model/params/offsite_restore_mb_per_s: 0 is outside 1 to 100000";
    QTest::newRow("weights") << "mongodb-replica-set"
                             << "priorities"
                             << "\"2,x,1\""
                             << "/model/params/priorities: \"x\" is not a whole number from 0 to 1000";
    // A NaN passes every "< lo" and "> hi" test: a list must refuse it as not a number (found by
    // fuzz_scenario_params: converting it to int was undefined behaviour).
    QTest::newRow("weight nan") << "mongodb-replica-set"
                                << "priorities"
                                << "\"2,nan,1\""
                                << "/model/params/priorities: \"nan\" is not a whole number from 0 to 1000";
    QTest::newRow("weight inf") << "mongodb-replica-set"
                                << "priorities"
                                << "\"inf,1\""
                                << "/model/params/priorities: \"inf\" is not a whole number from 0 to 1000";
  }

  void refusedAtLoad() {
    QFETCH(QString, id);
    QFETCH(QString, param);
    QFETCH(QString, value);
    QFETCH(QString, message);
    const std::string text =
        edited(id.toStdString().c_str(), param.toStdString(), nlohmann::json::parse(value.toStdString()));
    const QString error = load_error(text, "copies/" + id.toStdString() + ".json");
    QVERIFY2(error.startsWith("copies/" + id + ".json: " + message), qPrintable(error));
  }

  void aSavedRunWithARefusedParameterNamesIt() {
    scenario::Scenario s = scenario::load_scenario(scenario::find_builtin("raft-5")->json, "raft-5");
    sim::Action crash;
    crash.type = sim::ActionType::Crash;
    crash.node = 1;
    crash.at_us = 2'000'000;
    s.actions.push_back(crash);
    s.params["heartbeat_interval_ms"] = 0.0;  // as an older version might have saved it
    const QString error = load_error(scenario::save_scenario(s), "runs/mine.clusterscope");
    QVERIFY2(error.startsWith("runs/mine.clusterscope: /model/params/heartbeat_interval_ms: 0 is outside"),
             qPrintable(error));
  }

  // Every number at the ends of its range (the others at their defaults), on a scenario of its model:
  // the run must get through a simulated second without spinning at one instant.
  void noValueInRangeMakesARunSpin() {
    for (const auto& [type, base] : one_scenario_per_model()) {
      const model::ModelInfo& info = *catalogue::find_model(type);
      for (const model::ParamSpec& spec : info.params) {
        if (!spec.range) continue;
        for (const double v : {spec.range->min, spec.range->max}) {
          scenario::Scenario s = base;
          s.params[spec.name] = v;
          if (!model::param_problems(info, s.params, s.node_names.size()).empty()) continue;  // refused at load
          s.timeline.clear();
          const auto run = scenario::start_run(s, 1);
          constexpr sim::TimeUs kUntilUs = 1'000'000;
          constexpr int kMaxEvents = 2'000'000;
          int events = 0;
          while (run->now_us() < kUntilUs && run->step() && ++events < kMaxEvents) {
          }
          const std::string where = type + "/" + spec.name + " = " + std::to_string(v) + " stopped at " +
                                    std::to_string(run->now_us()) + " us after " + std::to_string(events) + " events";
          QVERIFY2(events < kMaxEvents, where.c_str());
        }
      }
    }
  }
};

QTEST_GUILESS_MAIN(TestModelParams)
#include "test_model_params.moc"
