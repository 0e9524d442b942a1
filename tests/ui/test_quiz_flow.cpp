// The learner's path through the window: locked lessons, taking the quiz with the keyboard,
// unlocking the next lesson, progress saved and the last place restored on the next start.
#include <QAbstractButton>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtQml/QQmlExtensionPlugin>
#include <QtTest>

#include "quiz_test_support.h"
#include "window_test_support.h"

#include "progress/course_session.h"
#include "quiz/quiz_widget.h"
#include "shell/course_navigator.h"
#include "shell/lesson_pane.h"
#include "shell/main_window.h"
#include "shell/notice_bar.h"

Q_IMPORT_QML_PLUGIN(ClusterScopePlugin)

using test::answer;

namespace {

cs::ui::AppOptions options(const QTemporaryDir& dir) { return test::window_options(dir, QSize(1400, 900)); }

}  // namespace

class TestQuizFlow : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { test::isolate_settings(); }

  void lessonTwoIsLockedUntilLessonOneIsPassed() {
    QTemporaryDir dir;
    cs::ui::MainWindow w(options(dir));
    QVERIFY(w.courseLoaded());
    QCOMPARE(w.currentLesson(), 0);
    QVERIFY(w.navigator()->itemText(1).endsWith("(locked)"));
    w.showLesson(1);
    QVERIFY(w.lessonPane()->quiz()->isHidden());  // a locked lesson shows why, not its quiz

    w.showLesson(0);
    auto* quiz = w.lessonPane()->quiz();
    QVERIFY(!quiz->submitEnabled());  // nothing answered yet
    answer(w, 1);
    QVERIFY(quiz->submitEnabled());
    quiz->submit();
    auto* result = quiz->findChild<QLabel*>("quizResult");
    QCOMPARE(result->text(), QString::fromUtf8("1 of 3 correct \u2014 not passed yet"));
    QVERIFY(!w.session()->mayOpen(1));

    // Retry: different questions, then pass with 2 of 3.
    const auto first_questions = w.session()->lastQuestions(0);
    quiz->findChild<QPushButton*>("quizRetry")->click();
    for (const auto& asked : quiz->attempt().asked) {
      const auto& id = quiz->quiz().questions[asked.question].id;
      QVERIFY(std::find(first_questions.begin(), first_questions.end(), id) == first_questions.end());
    }
    answer(w, 2);
    quiz->submit();
    QCOMPARE(result->text(), QString::fromUtf8("2 of 3 correct \u2014 passed"));
    QVERIFY(w.session()->mayOpen(1));
    QVERIFY(w.navigator()->itemText(0).startsWith(QString::fromUtf8("\u2713")));
    QVERIFY(w.navigator()->itemText(0).contains("2/3"));
    QVERIFY(!w.navigator()->itemText(1).endsWith("(locked)"));
    QCOMPARE(w.navigator()->progressPercent(), 17);
    QVERIFY(!w.session()->mayOpen(2));  // cannot open lesson 3 before passing lesson 2
  }

  void everyAttemptAsksAQuestionTheSimulationComputes() {
    // Lesson 4 (teacher mode opens it): one of the three questions is drawn from a template, with
    // its own numbers; answering it counts like any other, and the progress file keeps its id.
    QTemporaryDir dir;
    cs::ui::AppOptions o = options(dir);
    o.teacher = true;
    cs::ui::MainWindow w(o);
    w.showLesson(3);
    auto* quiz = w.lessonPane()->quiz();
    const auto computed = [&] {
      QStringList texts;
      for (const auto& asked : quiz->attempt().asked) {
        const auto& q = quiz->quiz().questions[asked.question];
        if (q.id.rfind("template:", 0) == 0) texts << QString::fromStdString(q.text);
      }
      return texts;
    };
    QCOMPARE(computed().size(), 1);
    // The question is on screen, in its group box.
    bool shown = false;
    for (auto* label : quiz->findChildren<QLabel*>()) shown = shown || label->text() == computed().first();
    QVERIFY2(shown, qPrintable(computed().first()));
    answer(w, 3);
    quiz->submit();
    QCOMPARE(quiz->findChild<QLabel*>("quizResult")->text(), QString::fromUtf8("3 of 3 correct \u2014 passed"));
    const QString first = computed().first();
    quiz->findChild<QPushButton*>("quizRetry")->click();
    QCOMPARE(computed().size(), 1);
    QVERIFY(computed().first() != first);  // drawn afresh
  }

  void progressAndPlaceSurviveARestart() {
    QTemporaryDir dir;
    {
      cs::ui::MainWindow w(options(dir));
      answer(w, 3);
      w.lessonPane()->quiz()->submit();
      w.showLesson(1);
      w.show();
      QApplication::processEvents();
      w.lessonPane()->setScrollPosition(300);
      w.close();  // saves the last place
    }
    cs::ui::MainWindow again(options(dir));
    again.show();
    QTRY_COMPARE(again.currentLesson(), 1);
    QTRY_COMPARE(again.lessonPane()->scrollPosition(), 300);
    const auto& lesson = again.session()->progress().lessons.at("01-basics");
    QCOMPARE(lesson.best_correct, 3);
    QCOMPARE(lesson.attempts.size(), std::size_t{1});
    QCOMPARE(lesson.attempts[0].answers.size(), std::size_t{3});
    QVERIFY(again.noticeBar()->text().isEmpty());
  }

  void teacherModeOpensEveryLessonWithoutRecordingPasses() {
    QTemporaryDir dir;
    cs::ui::AppOptions o = options(dir);
    o.teacher = true;
    o.lesson = 5;
    cs::ui::MainWindow w(o);
    QCOMPARE(w.currentLesson(), 4);
    QVERIFY(w.lessonPane()->quiz()->isVisible() || !w.lessonPane()->quiz()->isHidden());
    for (int i = 0; i < 6; ++i) QVERIFY(w.session()->mayOpen(i));
    QVERIFY(w.session()->progress().lessons.empty());
    QCOMPARE(w.navigator()->progressPercent(), 0);
  }

  void passingTheFinalTestCompletesTheCourse() {
    QTemporaryDir dir;
    cs::ui::MainWindow w(options(dir));
    auto summary_label = [&]() -> QLabel* {
      for (auto* l : w.lessonPane()->quiz()->findChildren<QLabel*>()) {
        if (l->text().contains("completed the course")) return l;
      }
      return nullptr;
    };
    for (int lesson = 0; lesson < 6; ++lesson) {
      QVERIFY(w.session()->mayOpen(lesson));
      w.showLesson(lesson);
      QCOMPARE(w.currentLesson(), lesson);
      QVERIFY(!w.session()->courseComplete());
      QVERIFY(summary_label() == nullptr);
      answer(w, static_cast<int>(w.lessonPane()->quiz()->attempt().asked.size()));  // the final test asks 10
      w.lessonPane()->quiz()->submit();
    }
    QVERIFY(w.session()->courseComplete());
    QCOMPARE(w.navigator()->progressPercent(), 100);
    QLabel* summary = summary_label();
    QVERIFY(summary);
    QVERIFY(summary->text().contains("6. Real-World Design and Best Practices: 10 of 10"));
  }

  void damagedProgressShowsANotice() {
    QTemporaryDir dir;
    QFile f(dir.filePath("progress.json"));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\"schemaVersion\": 1, \"format\": \"clusterscope-progress\", \"less");
    f.close();
    cs::ui::MainWindow w(options(dir));
    w.show();
    QVERIFY(w.noticeBar()->text().contains("could not be read"));
  }

  void quizWorksFromTheKeyboard() {
    QTemporaryDir dir;
    cs::ui::MainWindow w(options(dir));
    w.show();
    auto* quiz = w.lessonPane()->quiz();
    const auto radios = quiz->findChildren<QRadioButton*>();
    QCOMPARE(radios.size(), 12);
    for (auto* r : radios) QVERIFY(r->focusPolicy() & Qt::TabFocus);
    // Space on a focused option chooses it.
    for (int q = 0; q < 3; ++q) {
      auto* first = quiz->findChild<QRadioButton*>(QString("q%1o0").arg(q));
      first->setFocus();
      QTest::keyClick(first, Qt::Key_Space);
      QVERIFY(first->isChecked());
    }
    auto* submit = quiz->findChild<QPushButton*>("quizSubmit");
    QVERIFY(submit->isEnabled());
    QVERIFY(submit->focusPolicy() & Qt::TabFocus);
    submit->setFocus();
    QTest::keyClick(submit, Qt::Key_Space);
    QVERIFY(quiz->findChild<QLabel*>("quizResult")->text().contains("of 3 correct"));
    // Kept for people to look at: the quiz after submitting, with its feedback.
    QApplication::processEvents();
    w.lessonPane()->setScrollPosition(1 << 30);  // clamped to the end: the quiz
    QApplication::processEvents();
    QVERIFY(w.grab().save(QCoreApplication::applicationDirPath() + "/quiz_feedback.png"));
  }
};

QTEST_MAIN(TestQuizFlow)
#include "test_quiz_flow.moc"
