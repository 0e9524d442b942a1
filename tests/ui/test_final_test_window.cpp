// The course's end as a learner meets it in the window: the cumulative final test (10 questions,
// 7 to pass, answers shown only after submitting, a retry that differs), the completion view and
// its PDF, and the spaced review of missed questions across days (the session's clock is injected).
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtQml/QQmlExtensionPlugin>
#include <QtTest>
#include <set>

#include "quiz_test_support.h"
#include "window_test_support.h"

#include "course/final_test.h"
#include "course/question_templates.h"
#include "evaluate/quantity.h"
#include "progress/completion_view.h"
#include "progress/course_session.h"
#include "quiz/quiz_widget.h"
#include "quiz/review_dialog.h"
#include "run/run_controller.h"
#include "shell/course_navigator.h"
#include "shell/lesson_pane.h"
#include "shell/main_window.h"
#include "shell/quiz_flow.h"
#include "stage/stage_controller.h"

Q_IMPORT_QML_PLUGIN(ClusterScopePlugin)

using cs::ui::QuizWidget;

namespace {

cs::ui::AppOptions options(const QTemporaryDir& dir) { return test::window_options(dir, QSize(1280, 720)); }

// Passes lessons 1 to 5 through the window, answering every question right.
void passLessonsBeforeTheFinal(cs::ui::MainWindow& w) {
  for (int lesson = 0; lesson < 5; ++lesson) {
    w.showLesson(lesson);
    QuizWidget* quiz = w.lessonPane()->quiz();
    test::answer(w, static_cast<int>(quiz->attempt().asked.size()));
    quiz->submit();
  }
}

std::vector<std::string> askedIds(const QuizWidget* quiz) {
  std::vector<std::string> ids;
  for (const auto& a : quiz->attempt().asked) ids.push_back(quiz->quiz().questions[a.question].id);
  return ids;
}

int visibleFeedback(const QuizWidget* quiz) {
  int shown = 0;
  for (const QLabel* l : quiz->findChildren<QLabel*>()) {
    if (!l->isHidden() &&
        (l->text().startsWith(QStringLiteral("\u2713")) || l->text().startsWith(QStringLiteral("\u2717")) ||
         l->text().startsWith(QStringLiteral("Your answer"))))
      ++shown;
  }
  return shown;
}

}  // namespace

class TestFinalTestWindow : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { test::isolate_settings(); }

  void theFinalTestIsCumulativeAndCompletesTheCourse() {
    QTemporaryDir dir;
    cs::ui::MainWindow w(options(dir));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    passLessonsBeforeTheFinal(w);
    w.showLesson(5);
    QuizWidget* quiz = w.lessonPane()->quiz();
    QCOMPARE(quiz->mode(), QuizWidget::Mode::FinalTest);
    QCOMPARE(quiz->attempt().asked.size(), std::size_t{cs::course::kFinalQuestions});
    QCOMPARE(quiz->attempt().pass, cs::course::kFinalPass);
    const QString intro = quiz->findChild<QLabel*>("quizIntro")->text();
    QVERIFY2(intro.contains("10 questions") && intro.contains("7 of 10 (70%)"), qPrintable(intro));
    // Questions from every lesson's bank, and three computed by templates.
    std::set<std::string> lessons;
    int computed = 0;
    for (const std::string& id : askedIds(quiz)) {
      if (id.rfind("template:", 0) == 0) {
        ++computed;
      } else {
        lessons.insert(id.substr(0, id.find('/')));
      }
    }
    QCOMPARE(lessons.size(), std::size_t{6});
    QCOMPARE(computed, cs::course::kFinalComputed);

    // Nothing is marked while answering: the answers come after the whole test is submitted.
    test::answer(w, 6);
    QCOMPARE(visibleFeedback(quiz), 0);
    QVERIFY(quiz->submitEnabled());
    const auto first_ids = askedIds(quiz);
    quiz->submit();
    QVERIFY(visibleFeedback(quiz) >= 10 * 4);
    QCOMPARE(quiz->findChild<QLabel*>("quizResult")->text(), QString::fromUtf8("6 of 10 correct — not passed yet"));
    QVERIFY(!w.session()->courseComplete());
    QVERIFY(!w.quizFlow()->completionView());
    // The missed questions joined the review queue, each under its own lesson.
    QCOMPARE(w.session()->progress().review.size(), std::size_t{4});

    // A retry draws another set, then passing with 7 of 10 completes the course.
    quiz->findChild<QPushButton*>("quizRetry")->click();
    QCOMPARE(quiz->mode(), QuizWidget::Mode::FinalTest);
    const auto second_ids = askedIds(quiz);
    QVERIFY(second_ids != first_ids);
    int repeated_bank = 0;
    for (const auto& id : second_ids) {
      if (id.rfind("template:", 0) != 0 && std::find(first_ids.begin(), first_ids.end(), id) != first_ids.end())
        ++repeated_bank;
    }
    QCOMPARE(repeated_bank, 0);
    test::answer(w, 7);
    quiz->submit();
    QCOMPARE(quiz->findChild<QLabel*>("quizResult")->text(), QString::fromUtf8("7 of 10 correct — passed"));
    QVERIFY(w.session()->courseComplete());

    // The completion view opens by itself, with every lesson's score, and exports a PDF.
    cs::ui::CompletionView* view = w.quizFlow()->completionView();
    QVERIFY(view);
    QVERIFY(view->isVisible());
    QVERIFY(view->width() <= 1280 && view->height() <= 720);
    const QString pdf = dir.filePath("certificate.pdf");
    QString error;
    QVERIFY2(view->exportTo(pdf, &error), qPrintable(error));
    QFile file(pdf);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.read(5) == "%PDF-");
    view->close();
    // And the quiz offers it again later.
    auto* again = quiz->findChild<QPushButton*>("quizCompletion");
    QVERIFY(again && !again->isHidden());
    again->click();
    QVERIFY(w.quizFlow()->completionView());
    w.quizFlow()->completionView()->close();
  }

  void aQuestionAboutARunShowsThatMomentOnTheStage() {
    QTemporaryDir dir;
    cs::ui::MainWindow w(options(dir));
    w.showLesson(0);
    // An attempt holding the Raft template, which is answered by running the simulation.
    const cs::course::QuestionTemplate* t = cs::course::find_template("raft-leader-after-crash");
    QVERIFY(t);
    cs::course::MixedAttempt mixed;
    cs::course::DrawnQuestion drawn = cs::course::draw(*t, 42);
    QVERIFY(drawn.moment);
    mixed.quiz.questions.push_back(drawn.question);
    cs::course::AskedQuestion asked;
    for (std::size_t k = 0; k < drawn.question.options.size(); ++k) asked.options.push_back(k);
    mixed.attempt.asked.push_back(asked);
    mixed.attempt.pass = 1;
    mixed.drawn.push_back(drawn);
    QuizWidget* quiz = w.lessonPane()->quiz();
    quiz->startDrawn(mixed, QuizWidget::Mode::LessonQuiz);
    auto* show = quiz->findChild<QPushButton*>("q0moment");
    QVERIFY(show);
    QVERIFY(show->isHidden());  // not before the answer
    test::answer(w, 1);
    quiz->submit();
    QVERIFY(!show->isHidden());
    show->click();
    // The stage holds the template's run at the asked moment: the right answer leads there.
    auto* run = w.controller()->run();
    QCOMPARE(QString::fromStdString(run->scenario().title), QString::fromStdString(drawn.moment->scenario.title));
    QCOMPARE(run->timeUs(), drawn.moment->at_us);
    QVERIFY(!run->playing());
    std::string right;
    for (const auto& o : drawn.question.options) {
      if (o.correct) right = o.text;
    }
    std::string leader = cs::evaluate::value_text(run->evaluate({cs::evaluate::Quantity::Kind::Leader, {}, 0}));
    if (leader == "none") leader = "No node leads";
    QCOMPARE(leader, right);
  }

  void missedQuestionsComeBackForReviewOnLaterDays() {
    QTemporaryDir dir;
    cs::ui::MainWindow w(options(dir));
    QDate today(2026, 12, 4);
    w.session()->setClock([&today] { return today; });
    QPushButton* review = w.navigator()->reviewButton();
    QVERIFY(review->isHidden());  // nothing queued yet

    w.showLesson(0);
    QuizWidget* quiz = w.lessonPane()->quiz();
    test::answer(w, 1);  // two missed
    quiz->submit();
    QCOMPARE(w.session()->progress().review.size(), std::size_t{2});
    QVERIFY(!review->isHidden());
    QCOMPARE(review->text(), QStringLiteral("Review: 0 due"));
    QVERIFY(!review->isEnabled());

    today = today.addDays(1);
    w.session()->setClock([&today] { return today; });
    QCOMPARE(review->text(), QStringLiteral("Review: 2 due"));
    QVERIFY(review->isEnabled());
    review->click();
    cs::ui::ReviewDialog* dialog = w.quizFlow()->reviewDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->quiz()->mode(), QuizWidget::Mode::Review);
    QCOMPARE(dialog->quiz()->attempt().asked.size(), std::size_t{2});
    QVERIFY(dialog->width() <= 1280 && dialog->height() <= 720);
    // Answer both right: they move on to 3 days and nothing is due now.
    for (std::size_t i = 0; i < 2; ++i) {
      const auto& asked = dialog->quiz()->attempt().asked[i];
      for (std::size_t k = 0; k < asked.options.size(); ++k) {
        if (dialog->quiz()->quiz().questions[asked.question].options[asked.options[k]].correct)
          dialog->quiz()->choose(static_cast<int>(i), static_cast<int>(k));
      }
    }
    dialog->quiz()->submit();
    QCOMPARE(dialog->quiz()->findChild<QLabel*>("quizResult")->text(), QStringLiteral("2 of 2 right"));
    QCOMPARE(review->text(), QStringLiteral("Review: 0 due"));
    for (const auto& item : w.session()->progress().review) {
      QCOMPARE(item.interval_days, 3);
      QCOMPARE(QString::fromStdString(item.due), QStringLiteral("2026-12-08"));
    }
    dialog->close();

    // Saved: a new window on the same file sees the rescheduled queue.
    cs::ui::MainWindow next(options(dir));
    next.session()->setClock([] { return QDate(2026, 12, 8); });
    QCOMPARE(next.navigator()->reviewButton()->text(), QStringLiteral("Review: 2 due"));
  }
};

QTEST_MAIN(TestFinalTestWindow)
#include "test_final_test_window.moc"
