// Quiz attempts, the progress file format and the unlocking rules (all in the core).
#include <QtTest>

#include <set>

#include "course/progress.h"
#include "course/quiz_session.h"
#include "course/unlocking.h"

using namespace cs::course;

namespace {

Quiz bank(int size, int outline) {
  Quiz q;
  q.draw = 3;
  q.pass = 2;
  for (int i = 0; i < size; ++i) {
    QuizQuestion question;
    question.id = "q" + std::to_string(i);
    question.outline = i < outline;
    question.text = "Question " + std::to_string(i);
    for (int k = 0; k < 4; ++k) question.options.push_back({"option " + std::to_string(k), k == 2, "why"});
    q.questions.push_back(question);
  }
  return q;
}

std::vector<std::string> ids(const Quiz& quiz, const QuizAttempt& a) {
  std::vector<std::string> out;
  for (const auto& asked : a.asked) out.push_back(quiz.questions[asked.question].id);
  return out;
}

// Display positions of the correct options.
std::vector<int> right_answers(const Quiz& quiz, const QuizAttempt& a) {
  std::vector<int> out;
  for (const auto& asked : a.asked) {
    for (std::size_t k = 0; k < asked.options.size(); ++k) {
      if (quiz.questions[asked.question].options[asked.options[k]].correct) out.push_back(static_cast<int>(k));
    }
  }
  return out;
}

Course six_lessons() {
  Course c;
  for (int i = 1; i <= 6; ++i) {
    Lesson lesson;
    lesson.id = "l" + std::to_string(i);
    lesson.title = "Lesson";
    lesson.quiz = bank(6, 3);
    c.lessons.push_back(std::move(lesson));
  }
  return c;
}

Progress with_challenge() {
  Progress p;
  record_attempt(p, "l1", {"2026-11-26T10:00:00Z", {"q0"}, {"a"}, 1, 1, true});
  record_challenge(p, "l2", "lose-an-acked-write", {"2026-12-03T10:00:00Z", 4'200'000, 1});
  p.lessons["l2"].predictions["async-stale-read/2"] = true;
  p.lessons["l2"].predictions["lag/1"] = false;
  p.review.push_back({"l1", "q3", "2026-12-05", 2, 1});
  return p;
}

void pass(Progress& p, const std::string& lesson) { record_attempt(p, lesson, {"t", {}, {}, 3, 3, true}); }

}  // namespace

class TestQuizProgress : public QObject {
  Q_OBJECT

 private slots:
  void firstAttemptAsksTheOutlineQuestions() {
    const Quiz q = bank(8, 3);
    const auto a = draw_attempt(q, {}, 1);
    QCOMPARE(ids(q, a), (std::vector<std::string>{"q0", "q1", "q2"}));
    QCOMPARE(a.pass, 2);
  }

  void retryDrawsDifferentQuestions() {
    const Quiz q = bank(8, 3);
    for (std::uint64_t seed = 0; seed < 50; ++seed) {
      const auto a = draw_attempt(q, {"q0", "q1", "q2"}, seed);
      for (const auto& id : ids(q, a)) QVERIFY(id != "q0" && id != "q1" && id != "q2");
      QCOMPARE(a.asked.size(), std::size_t{3});
    }
  }

  void smallBankRepeatsOnlyWhatItMust() {
    const Quiz q = bank(4, 3);
    const auto a = draw_attempt(q, {"q0", "q1", "q2"}, 3);
    const auto got = ids(q, a);
    QVERIFY(std::find(got.begin(), got.end(), "q3") != got.end());
    QCOMPARE(std::set<std::string>(got.begin(), got.end()).size(), std::size_t{3});
  }

  void optionsAreShuffledPermutations() {
    const Quiz q = bank(6, 3);
    std::set<std::vector<std::size_t>> orders;
    for (std::uint64_t seed = 0; seed < 40; ++seed) {
      const auto a = draw_attempt(q, {}, seed);
      for (const auto& asked : a.asked) {
        auto sorted = asked.options;
        std::sort(sorted.begin(), sorted.end());
        QCOMPARE(sorted, (std::vector<std::size_t>{0, 1, 2, 3}));
      }
      orders.insert(a.asked[0].options);
    }
    QVERIFY(orders.size() > 10);
    QCOMPARE(draw_attempt(q, {}, 7).asked[1].options, draw_attempt(q, {}, 7).asked[1].options);
  }

  void gradingAndTheResultLine() {
    const Quiz q = bank(6, 3);
    const auto a = draw_attempt(q, {}, 11);
    auto answers = right_answers(q, a);
    auto r = grade(q, a, answers);
    QCOMPARE(r.correct, 3);
    QVERIFY(r.passed);
    QCOMPARE(QString::fromStdString(result_line(r)), QString::fromUtf8("3 of 3 correct \u2014 passed"));
    answers[0] = (answers[0] + 1) % 4;
    r = grade(q, a, answers);
    QCOMPARE(QString::fromStdString(result_line(r)), QString::fromUtf8("2 of 3 correct \u2014 passed"));
    answers[1] = -1;
    r = grade(q, a, answers);
    QCOMPARE(r.correct, 1);
    QVERIFY(!r.passed);
    QCOMPARE(QString::fromStdString(result_line(r)), QString::fromUtf8("1 of 3 correct \u2014 not passed yet"));
  }

  void progressRoundTrips() {
    Progress p;
    record_attempt(p, "l1", {"2026-11-26T10:00:00Z", {"q0", "q1", "q2"}, {"a", "", "c \"quoted\""}, 1, 3, false});
    record_attempt(p, "l1", {"2026-11-26T10:05:00Z", {"q3", "q4", "q5"}, {"x", "y", "z"}, 3, 3, true});
    p.last = {"l2", 420, "cluster-heartbeat"};
    const auto parsed = parse_progress(progress_to_json(p));
    QCOMPARE(parsed.status, ProgressParse::Status::Ok);
    QVERIFY(parsed.progress == p);
    QCOMPARE(parsed.progress.lessons.at("l1").best_correct, 3);
    QVERIFY(parsed.progress.lessons.at("l1").passed);
    QCOMPARE(parsed.progress.lessons.at("l1").attempts.size(), std::size_t{2});
  }

  void version2KeepsChallengesPredictionsAndReview() {
    const Progress p = with_challenge();
    const std::string text = progress_to_json(p);
    QVERIFY(text.find("\"schemaVersion\": 2") != std::string::npos);
    const auto parsed = parse_progress(text);
    QCOMPARE(parsed.status, ProgressParse::Status::Ok);
    QVERIFY(parsed.progress == p);
    QCOMPARE(parsed.progress.lessons.at("l2").challenges.at("lose-an-acked-write").actions_used, 1);
    // The first time a challenge was met is kept.
    Progress again = p;
    record_challenge(again, "l2", "lose-an-acked-write", {"2026-12-04T09:00:00Z", 1'000'000, 3});
    QCOMPARE(again.lessons.at("l2").challenges.at("lose-an-acked-write").time, std::string("2026-12-03T10:00:00Z"));
  }

  void aVersion1FileLoadsWithNothingLost() {
    // Written by the previous release: no challenges, predictions or review queue.
    const std::string v1 = R"({
 "schemaVersion": 1, "format": "clusterscope-progress",
 "lessons": {"01-basics": {"bestCorrect": 3, "bestTotal": 3, "passed": true,
   "attempts": [{"time": "2026-11-26T10:00:00Z", "questions": ["q1", "q2", "q3"], "answers": ["a", "b", "c"],
                 "correct": 3, "total": 3, "passed": true}]}},
 "last": {"lesson": "02-replication", "scroll": 1200, "scenario": "raft-5"}
})";
    const auto parsed = parse_progress(v1);
    QCOMPARE(parsed.status, ProgressParse::Status::Ok);
    QCOMPARE(parsed.schema_version, 1);
    const LessonProgress& l = parsed.progress.lessons.at("01-basics");
    QVERIFY(l.passed);
    QCOMPARE(l.attempts.size(), std::size_t{1});
    QCOMPARE(l.attempts[0].answers[2], std::string("c"));
    QVERIFY(l.challenges.empty() && l.predictions.empty() && parsed.progress.review.empty());
    QCOMPARE(parsed.progress.last.scroll, 1200);
    // Written back as version 2, it still holds all of it.
    const auto migrated = parse_progress(progress_to_json(parsed.progress));
    QCOMPARE(migrated.status, ProgressParse::Status::Ok);
    QCOMPARE(migrated.schema_version, 2);
    QVERIFY(migrated.progress == parsed.progress);
  }

  void bestScoreAndPassStick() {
    Progress p;
    record_attempt(p, "l1", {"t", {}, {}, 3, 3, true});
    record_attempt(p, "l1", {"t", {}, {}, 0, 3, false});
    QCOMPARE(p.lessons["l1"].best_correct, 3);
    QVERIFY(p.lessons["l1"].passed);
    for (int i = 0; i < 300; ++i) record_attempt(p, "l1", {"t", {}, {}, 1, 3, false});
    QCOMPARE(p.lessons["l1"].attempts.size(), kMaxAttemptsPerLesson);
  }

  void damagedFilesAreReportedNeverTrusted_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("status");
    Progress p;
    pass(p, "l1");
    const QByteArray good = QByteArray::fromStdString(progress_to_json(p));
    const int corrupt = static_cast<int>(ProgressParse::Status::Corrupt);
    QTest::newRow("empty") << QByteArray() << corrupt;
    QTest::newRow("truncated") << good.left(good.size() / 2) << corrupt;
    QByteArray flipped = good;
    flipped[good.indexOf("bestCorrect") + 2] = static_cast<char>(flipped[good.indexOf("bestCorrect") + 2] ^ 0x20);
    QTest::newRow("bit flipped key") << flipped << corrupt;
    QTest::newRow("not utf-8") << QByteArray("{\"schemaVersion\": 1, \"format\": \"\xff\xfe\"}") << corrupt;
    QTest::newRow("deeply nested") << QByteArray(100000, '[') << corrupt;
    QTest::newRow("nested object") << (QByteArray("{\"schemaVersion\":1,\"x\":") + QByteArray(5000, '{')) << corrupt;
    QTest::newRow("array root") << QByteArray("[1,2]") << corrupt;
    QTest::newRow("version zero") << QByteArray(good).replace("\"schemaVersion\": 2", "\"schemaVersion\": 0")
                                  << corrupt;
    QTest::newRow("negative score") << QByteArray(good).replace("\"bestCorrect\": 3", "\"bestCorrect\": -3") << corrupt;
    QTest::newRow("negative challenge time") << QByteArray::fromStdString(progress_to_json(with_challenge()))
                                                    .replace("\"metAtUs\": 4200000", "\"metAtUs\": -1")
                                             << corrupt;
    QTest::newRow("newer version") << QByteArray(good).replace("\"schemaVersion\": 2", "\"schemaVersion\": 3")
                                   << static_cast<int>(ProgressParse::Status::NewerVersion);
    QTest::newRow("good") << good << static_cast<int>(ProgressParse::Status::Ok);
  }

  void damagedFilesAreReportedNeverTrusted() {
    QFETCH(QByteArray, text);
    QFETCH(int, status);
    const auto parsed = parse_progress(text.toStdString());
    QCOMPARE(static_cast<int>(parsed.status), status);
    if (parsed.status == ProgressParse::Status::Corrupt) QVERIFY(!parsed.error.empty());
  }

  void lessonsUnlockInOrder() {
    const Course c = six_lessons();
    Progress p;
    auto s = lesson_states(c, p, false);
    QCOMPARE(s[0], LessonState::Open);
    QCOMPARE(s[1], LessonState::Locked);
    QVERIFY(!may_open(c, p, false, 2));  // cannot open lesson 3 before passing 2
    pass(p, "l1");
    QVERIFY(may_open(c, p, false, 1));
    QVERIFY(!may_open(c, p, false, 2));
    record_attempt(p, "l2", {"t", {}, {}, 1, 3, false});  // a failed attempt opens nothing
    QVERIFY(!may_open(c, p, false, 2));
    pass(p, "l2");
    s = lesson_states(c, p, false);
    QCOMPARE(s[1], LessonState::Passed);
    QCOMPARE(s[2], LessonState::Open);
    QCOMPARE(s[3], LessonState::Locked);
    QCOMPARE(course_fraction(c, p), 2.0 / 6.0);
    QVERIFY(!course_complete(c, p));
  }

  void teacherModeOpensEverythingAndRecordsNothing() {
    const Course c = six_lessons();
    Progress p;
    for (std::size_t i = 0; i < 6; ++i) QVERIFY(may_open(c, p, true, i));
    const auto s = lesson_states(c, p, true);
    for (auto state : s) QCOMPARE(state, LessonState::Open);
    QVERIFY(p.lessons.empty());
    QCOMPARE(course_fraction(c, p), 0.0);
  }

  void passingTheFinalTestCompletesTheCourse() {
    const Course c = six_lessons();
    Progress p;
    for (int i = 1; i <= 6; ++i) pass(p, "l" + std::to_string(i));
    QVERIFY(course_complete(c, p));
    QCOMPARE(course_fraction(c, p), 1.0);
  }
};

QTEST_APPLESS_MAIN(TestQuizProgress)
#include "test_quiz_progress.moc"
