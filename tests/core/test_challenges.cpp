// The course's challenges and predictions, read from the lessons folder of the source tree: every
// challenge's recorded solution meets its goal within its rules and its non-solution does not, the
// rules refuse what they should, and every prediction has exactly one option that holds in the
// scenario's default run. Each lesson carries at least two of each.
#include <QtTest>

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "course/challenge.h"
#include "course/course.h"
#include "course/prediction.h"
#include "json/strict_reader.h"
#include "lessons_dir.h"
#include "scenario/run_setup.h"
#include "scenario/scenario.h"

using namespace cs;
using course::Challenge;
using course::ChallengeVerdict;

namespace {

using test::kLessonsDir;

constexpr std::size_t kPerLesson = 2;

const course::Course& the_course() {
  static const course::Course c = course::load_course(course::DirectorySource(kLessonsDir));
  return c;
}

struct LessonChallenge {
  std::string lesson;
  Challenge challenge;
};

const std::vector<LessonChallenge>& all_challenges() {
  static const std::vector<LessonChallenge> all = [] {
    std::vector<LessonChallenge> out;
    for (const course::Lesson& lesson : the_course().lessons) {
      if (lesson.challenges_text.empty()) continue;
      for (Challenge& c : course::load_challenges(lesson.challenges_text, lesson.challenges_path)) {
        out.push_back({lesson.id, std::move(c)});
      }
    }
    return out;
  }();
  return all;
}

const scenario::Scenario& scenario_of(const Challenge& c) {
  const scenario::Scenario* s = course::builtin_scenario(c.scenario);
  if (!s) qFatal("no built-in scenario %s", c.scenario.c_str());
  return *s;
}

// The metric keys a run of this scenario reports at `at_us` (a metric the run does not report would
// silently read as 0, so content must name only these).
std::set<std::string> reported_metrics(const scenario::Scenario& s, sim::TimeUs at_us) {
  const auto sim = scenario::start_run(s, s.seed);
  sim->run_until(at_us);
  std::set<std::string> keys;
  for (const auto& [name, value] : scenario::run_metrics(s, sim->world())) keys.insert(name);
  return keys;
}

// An action type the challenge does not allow.
sim::ActionType forbidden_type(const Challenge& c) {
  for (auto t = static_cast<int>(sim::ActionType::Crash); t <= static_cast<int>(sim::ActionType::RemoveNode); ++t) {
    const auto type = static_cast<sim::ActionType>(t);
    if (!c.allowed.contains(type)) return type;
  }
  return sim::ActionType::Invalid;
}

}  // namespace

class TestChallenges : public QObject {
  Q_OBJECT

 private slots:
  void theCourseHasChallengesInEveryLesson() {
    const course::Course& c = the_course();
    QVERIFY(c.lessons.size() >= 6);
    std::map<std::string, std::size_t> per_lesson;
    std::set<std::string> kinds;
    for (const LessonChallenge& lc : all_challenges()) {
      ++per_lesson[lc.lesson];
      kinds.insert(lc.challenge.kind);
    }
    for (const course::Lesson& lesson : c.lessons) {
      QVERIFY2(per_lesson[lesson.id] >= kPerLesson, (lesson.id + " has fewer than 2 challenges").c_str());
    }
    // Both kinds appear: challenges that ask for a failure and challenges that ask for a protection.
    QVERIFY(kinds.contains("break"));
    QVERIFY(kinds.contains("fix"));
  }

  void everyChallengeIsGradedAsRecorded_data() {
    QTest::addColumn<int>("index");
    for (std::size_t i = 0; i < all_challenges().size(); ++i) {
      const LessonChallenge& lc = all_challenges()[i];
      QTest::newRow((lc.lesson + "/" + lc.challenge.id).c_str()) << static_cast<int>(i);
    }
  }
  void everyChallengeIsGradedAsRecorded() {
    QFETCH(int, index);
    const Challenge& c = all_challenges()[static_cast<std::size_t>(index)].challenge;
    const scenario::Scenario& s = scenario_of(c);
    QVERIFY(!c.goal.empty());
    QVERIFY(!c.explanation.empty());
    QVERIFY(!c.conditions.empty());

    const ChallengeVerdict solved = course::run_challenge(c, s, c.solution);
    QVERIFY2(solved.refused.empty(), solved.refused.c_str());
    QVERIFY(solved.met);
    QVERIFY(solved.met_at_us >= 0 && solved.met_at_us <= c.time_limit_us);
    QVERIFY(solved.actions_used <= c.max_actions);

    const ChallengeVerdict unsolved = course::run_challenge(c, s, c.non_solution);
    QVERIFY2(unsolved.refused.empty(), unsolved.refused.c_str());
    QVERIFY(!unsolved.met);
  }

  // The goals do not hinge on the recorded solution's exact moment or node: other reasonable
  // attempts meet them too (see lessons/README.md, "Writing a good challenge").
  void otherReasonableAttemptsAlsoWork_data() {
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("actions");
    const auto row = [](const char* name, const char* id, const char* actions) {
      QTest::newRow(name) << QString(id) << QString(actions);
    };
    row("server2 late", "leave-clients-unanswered", R"([{"at_s": 9, "action": "crash", "node": "server2"}])");
    row("shard s3 primary", "cut-off-a-shard", R"([{"at_s": 7, "action": "crash", "node": "n7"}])");
    row("crash n1 early", "lose-an-acked-write", R"([{"at_s": 2.1, "action": "crash", "node": "n1"}])");
    row("isolate n1", "lose-an-acked-write", R"([{"at_s": 7, "action": "isolate", "node": "n1"}])");
    row("slow link", "make-a-replica-lag", R"([{"at_s": 5, "action": "slow-down", "node": "n2", "extra_ms": 3000}])");
    row("crash and restart", "make-a-replica-lag",
        R"([{"at_s": 3, "action": "crash", "node": "n3"}, {"at_s": 7, "action": "restart", "node": "n3"}])");
    row("another shard", "slow-scatter-gather",
        R"([{"at_s": 5, "action": "slow-down", "node": "n4", "extra_ms": 300}])");
    row("restart late", "bring-back-the-directory", R"([{"at_s": 12, "action": "restart", "node": "n5"}])");
    row("n1 and n3", "quorum-fails-one-survives",
        R"([{"at_s": 10, "action": "crash", "node": "n1"}, {"at_s": 10.5, "action": "crash", "node": "n3"}])");
    row("n2 slow clock", "skew-a-clock", R"([{"at_s": 6, "action": "clock-skew", "node": "n2", "skew_ms": -500}])");
    row("n1 alone", "cause-a-split-brain",
        R"([{"at_s": 10, "action": "partition", "groups": [["n1"], ["n2", "n3", "n4"]]}])");
    row("lone follower", "keep-one-raft-leader",
        R"([{"at_s": 8, "action": "partition", "groups": [["n4"], ["n1", "n2", "n3", "n5"]]}])");
    row("heal late", "heal-before-failover", R"([{"at_s": 15, "action": "heal"}])");
    row("n1 alone", "fencing-holds", R"([{"at_s": 6, "action": "partition", "groups": [["n1"], ["n2", "n3", "n4"]]}])");
  }
  void otherReasonableAttemptsAlsoWork() {
    QFETCH(QString, id);
    QFETCH(QString, actions);
    const Challenge* c = nullptr;
    for (const LessonChallenge& lc : all_challenges()) {
      if (lc.challenge.id == id.toStdString()) c = &lc.challenge;
    }
    QVERIFY2(c, qPrintable(id));
    const scenario::Scenario& s = scenario_of(*c);
    const json::Json list = json::parse_text(actions.toStdString());
    std::vector<sim::Action> attempt;
    for (std::size_t i = 0; i < list.size(); ++i) {
      attempt.push_back(scenario::read_action_json(list[i], "/" + std::to_string(i), s));
    }
    const ChallengeVerdict v = course::run_challenge(*c, s, attempt);
    QVERIFY2(v.refused.empty(), v.refused.c_str());
    QVERIFY(v.met);
  }

  // Every metric a goal or its watch list names is one the scenario's run reports.
  void challengesNameOnlyReportedMetrics() {
    for (const LessonChallenge& lc : all_challenges()) {
      const Challenge& c = lc.challenge;
      const scenario::Scenario run = course::challenge_scenario(c, scenario_of(c));
      const std::set<std::string> keys = reported_metrics(run, c.time_limit_us);
      std::vector<evaluate::Quantity> named;
      for (const evaluate::Condition& k : c.conditions) named.push_back(k.quantity);
      for (const course::ChallengeWatch& w : c.watch) named.push_back(w.quantity);
      for (const evaluate::Quantity& q : named) {
        if (q.kind != evaluate::Quantity::Kind::Metric) continue;
        QVERIFY2(keys.contains(q.name), (c.id + ": the run reports no metric " + q.name).c_str());
      }
    }
  }

  void anActionNotAllowedIsRefused() {
    for (const LessonChallenge& lc : all_challenges()) {
      const Challenge& c = lc.challenge;
      sim::Action a;
      a.at_us = 500'000;
      a.type = forbidden_type(c);
      QVERIFY(a.type != sim::ActionType::Invalid);
      QVERIFY(!course::refuse_action(c, a, 0).empty());
      const ChallengeVerdict v = course::run_challenge(c, scenario_of(c), {a});
      QVERIFY2(!v.refused.empty(), c.id.c_str());
      QVERIFY(v.refused.find("does not allow") != std::string::npos);
      QVERIFY(!v.met);
      QCOMPARE(v.actions_used, 0);
    }
  }

  void actionsOverTheLimitAreRefused() {
    for (const LessonChallenge& lc : all_challenges()) {
      const Challenge& c = lc.challenge;
      // The non-solution's first action (allowed, and harmless) once more than the limit allows,
      // all within the first moments of the run.
      QVERIFY2(!c.non_solution.empty() || !c.solution.empty(), c.id.c_str());
      sim::Action a = c.non_solution.empty() ? c.solution.front() : c.non_solution.front();
      QVERIFY(c.allowed.contains(a.type));
      QVERIFY(course::refuse_action(c, a, c.max_actions - 1).empty());
      QVERIFY(!course::refuse_action(c, a, c.max_actions).empty());
      std::vector<sim::Action> too_many;
      for (int i = 0; i <= c.max_actions; ++i) {
        a.at_us = 500'000 + i * 10'000;
        too_many.push_back(a);
      }
      const ChallengeVerdict v = course::run_challenge(c, scenario_of(c), too_many);
      QVERIFY2(!v.refused.empty(), c.id.c_str());
      QVERIFY2(v.refused.find("actions are used") != std::string::npos, v.refused.c_str());
      QCOMPARE(v.actions_used, c.max_actions);
      QVERIFY(!v.met);
    }
  }

  void anActionAfterTheTimeLimitIsRefused() {
    const Challenge& c = all_challenges().front().challenge;
    sim::Action a = c.solution.front();
    a.at_us = c.time_limit_us + 1'000'000;
    QVERIFY(!course::refuse_action(c, a, 0).empty());
    const ChallengeVerdict v = course::run_challenge(c, scenario_of(c), {a});
    QVERIFY(!v.met);
    QVERIFY2(v.refused.find("time limit") != std::string::npos, v.refused.c_str());
  }

  // Each prediction: exactly one option holds at its moment in the scenario's default run (the run
  // the learner sees while the prediction is open), and every lesson asks at least two.
  void everyPredictionHasExactlyOneAnswer() {
    std::size_t total = 0;
    for (const course::Lesson& lesson : the_course().lessons) {
      std::size_t asked = 0;
      for (const course::TryIt& t : lesson.tryits) {
        const scenario::Scenario* s = course::builtin_scenario(t.scenario);
        QVERIFY2(s, t.scenario.c_str());
        std::unique_ptr<sim::Simulation> run;
        for (const course::TryItStep& step : t.steps) {
          if (step.predict_json.empty()) continue;
          const course::Prediction p = course::load_prediction(step, *s, lesson.id + "/tryit.json");
          QVERIFY(p.options.size() >= 2 && p.options.size() <= 4);
          QVERIFY(!p.question.empty() && !p.explanation.empty());
          if (!run) run = scenario::start_run(*s, s->seed);
          run->run_until(p.at_us);
          const course::PredictionAnswer a = course::answer_prediction(p, *run, *s);
          const std::string where =
              lesson.id + "/" + t.id + ": " + p.question + " (value " + evaluate::value_text(a.value) + ")";
          QVERIFY2(a.matching.size() == 1, where.c_str());
          if (p.quantity.kind == evaluate::Quantity::Kind::Metric) {
            bool reported = false;
            for (const auto& [name, value] : scenario::run_metrics(*s, run->world()))
              reported |= name == p.quantity.name;
            QVERIFY2(reported, (where + ": no metric " + p.quantity.name).c_str());
          }
          ++asked;
        }
      }
      QVERIFY2(asked >= kPerLesson, (lesson.id + " asks fewer than 2 predictions").c_str());
      total += asked;
    }
    QVERIFY(total >= kPerLesson * the_course().lessons.size());
  }
};

QTEST_APPLESS_MAIN(TestChallenges)
#include "test_challenges.moc"
