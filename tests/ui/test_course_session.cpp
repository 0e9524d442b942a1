// The course flow without a window: answer (grade an attempt), record it, unlock the next lesson,
// save; teacher mode opens everything without recording passes; progress survives a new session.
#include <QTemporaryDir>
#include <QtTest>

#include "content/qt_content_source.h"
#include "course/quiz_session.h"
#include "progress/course_session.h"

namespace {

cs::course::Course builtin_course() {
  return cs::course::load_course(cs::ui::QtContentSource(cs::ui::QtContentSource::builtinRoot()));
}

// A graded attempt of lesson `lesson` with `right` of its questions answered correctly.
cs::course::AttemptResult answered(const cs::course::Course& course, int lesson, int right,
                                   cs::course::QuizAttempt* attempt_out) {
  const auto& quiz = course.lessons[static_cast<std::size_t>(lesson)].quiz;
  const cs::course::QuizAttempt attempt = cs::course::draw_attempt(quiz, {}, 42);
  std::vector<int> chosen;
  for (std::size_t i = 0; i < attempt.asked.size(); ++i) {
    const auto& asked = attempt.asked[i];
    for (std::size_t k = 0; k < asked.options.size(); ++k) {
      const bool correct = quiz.questions[asked.question].options[asked.options[k]].correct;
      if (correct == (static_cast<int>(i) < right)) {
        chosen.push_back(static_cast<int>(k));
        break;
      }
    }
  }
  *attempt_out = attempt;
  return cs::course::grade(quiz, attempt, chosen);
}

}  // namespace

class TestCourseSession : public QObject {
  Q_OBJECT

 private slots:
  void passingOpensTheNextLessonAndSaves() {
    QTemporaryDir dir;
    const QString path = dir.filePath("progress.json");
    cs::ui::CourseSession session(builtin_course(), path, false);
    QVERIFY(session.load().isEmpty());
    QVERIFY(session.mayOpen(0) && !session.mayOpen(1));
    QSignalSpy changed(&session, &cs::ui::CourseSession::progressChanged);

    cs::course::QuizAttempt attempt;
    auto result = answered(session.course(), 0, 1, &attempt);
    auto outcome = session.submit(0, session.course().lessons[0].quiz, attempt, result);
    QVERIFY(outcome.saved && !outcome.passed);
    QCOMPARE(outcome.opened_lesson, -1);
    QVERIFY(!session.mayOpen(1));

    result = answered(session.course(), 0, 2, &attempt);  // 2 of 3 pass
    outcome = session.submit(0, session.course().lessons[0].quiz, attempt, result);
    QVERIFY(outcome.saved && outcome.passed);
    QCOMPARE(outcome.opened_lesson, 1);
    QVERIFY(session.mayOpen(1) && !session.mayOpen(2));
    QVERIFY(changed.count() >= 2);

    result = answered(session.course(), 0, 3, &attempt);  // a retake opens nothing new
    QCOMPARE(session.submit(0, session.course().lessons[0].quiz, attempt, result).opened_lesson, -1);

    cs::ui::CourseSession later(builtin_course(), path, false);
    later.load();
    QVERIFY(later.mayOpen(1));
    const auto& record = later.progress().lessons.at("01-basics");
    QCOMPARE(record.attempts.size(), std::size_t{3});
    QCOMPARE(record.best_correct, 3);
  }

  void teacherModeOpensEverythingAndRecordsNothingUnasked() {
    QTemporaryDir dir;
    cs::ui::CourseSession session(builtin_course(), dir.filePath("progress.json"), true);
    session.load();
    for (int i = 0; i < 6; ++i) QVERIFY(session.mayOpen(i));
    QVERIFY(session.progress().lessons.empty());
  }

  void anUnsavableFileSaysWhyAndKeepsTheAttempt() {
    QTemporaryDir dir;
    QFile blocker(dir.filePath("blocker"));  // a file where the progress folder would have to be
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    cs::ui::CourseSession session(builtin_course(), dir.filePath("blocker/progress.json"), false);
    session.load();
    cs::course::QuizAttempt attempt;
    const auto result = answered(session.course(), 0, 3, &attempt);
    const auto outcome = session.submit(0, session.course().lessons[0].quiz, attempt, result);
    QVERIFY(!outcome.saved);
    QVERIFY(!outcome.error.isEmpty());
    QVERIFY(session.mayOpen(1));  // kept in memory: the learner can go on
  }
};

QTEST_GUILESS_MAIN(TestCourseSession)
#include "test_course_session.moc"
