// "Hide my results" for projecting (issue 25, section 2): with a learner's progress in the window
// (a passed quiz, a challenge met, a question due for review) and every result view open, turning
// the switch on leaves no score, verdict, answer mark, challenge result or solution anywhere on the
// screen, a quiz answered meanwhile is recorded all the same, and turning it off brings them back.
// Projector mode offers the switch once.
#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QQuickWidget>
#include <QSettings>
#include <QTemporaryDir>
#include <QTextEdit>
#include <QtQml/QQmlExtensionPlugin>
#include <QtTest>

#include "quiz_test_support.h"
#include "window_test_support.h"

#include "course/progress.h"
#include "progress/completion_view.h"
#include "progress/course_session.h"
#include "progress/results_privacy.h"
#include "quiz/quiz_widget.h"
#include "quiz/review_dialog.h"
#include "run/challenge_session.h"
#include "run/run_controller.h"
#include "shell/challenge_panel.h"
#include "shell/classroom_modes.h"
#include "shell/course_navigator.h"
#include "shell/lesson_pane.h"
#include "shell/main_window.h"
#include "shell/projector_tools.h"
#include "shell/quiz_flow.h"
#include "stage/stage_controller.h"

Q_IMPORT_QML_PLUGIN(ClusterScopePlugin)

namespace {

// Lesson 1 passed with 3 of 3, lesson 2's first challenge met, lesson 1's q4 due for review.
void write_progress(const QString& path) {
  cs::course::Progress p;
  cs::course::record_attempt(p, "01-basics", {"2026-12-01T10:00:00Z", {"q1", "q2", "q3"}, {"a", "b", "c"}, 3, 3, true});
  cs::course::record_challenge(p, "02-replication", "lose-an-acked-write", {"2026-12-01T11:00:00Z", 4'200'000, 1});
  p.review.push_back({"01-basics", "q4", "2020-01-02", 1, 0});  // long due
  QFile f(path);
  QVERIFY(f.open(QIODevice::WriteOnly));
  f.write(QByteArray::fromStdString(cs::course::progress_to_json(p)));
}

// The window's File > Print quiz sheet and View > Hide my results (main_window.cpp makes them).
cs::ui::ProjectorTools* tools(cs::ui::MainWindow& w) { return w.findChild<cs::ui::ProjectorTools*>(); }

// Everything the open windows say: labels, buttons, group boxes, list rows, progress bars and
// documents, with their tooltips and accessible names, for every widget that is on the screen.
QStringList screen_texts() {
  QStringList out;
  for (QWidget* top : QApplication::topLevelWidgets()) {
    if (!top->isVisible()) continue;
    QList<QWidget*> widgets = top->findChildren<QWidget*>();
    widgets.prepend(top);
    for (QWidget* w : widgets) {
      if (!w->isVisible()) continue;
      out << w->toolTip() << w->accessibleName() << w->windowTitle();
      if (auto* l = qobject_cast<QLabel*>(w)) out << l->text();
      if (auto* b = qobject_cast<QAbstractButton*>(w)) out << b->text();
      if (auto* g = qobject_cast<QGroupBox*>(w)) out << g->title();
      if (auto* p = qobject_cast<QProgressBar*>(w)) out << p->text();
      // The lesson's own text is the course, not the learner's results.
      auto* t = qobject_cast<QTextEdit*>(w);
      if (t && t->objectName() != QLatin1String("lessonView")) out << t->toPlainText();
      if (auto* list = qobject_cast<QListWidget*>(w)) {
        for (int i = 0; i < list->count(); ++i) {
          out << list->item(i)->text() << list->item(i)->toolTip()
              << list->item(i)->data(Qt::AccessibleTextRole).toString();
        }
      }
    }
  }
  out.removeAll(QString());
  return out;
}

// The texts on the screen that contain any of `results`.
QStringList shown(const QStringList& results) {
  QStringList out;
  for (const QString& text : screen_texts()) {
    for (const QString& r : results) {
      if (text.contains(r)) out << QStringLiteral("\"%1\" in \"%2\"").arg(r, text.left(160));
    }
  }
  return out;
}

// CS_HIDE_RESULTS_OUTPUT=DIR keeps pictures of the window there, to look at by eye.
void keep_for_review(cs::ui::MainWindow& w, const char* name) {
  const QString dir = qEnvironmentVariable("CS_HIDE_RESULTS_OUTPUT");
  if (dir.isEmpty()) return;
  QTest::qWait(100);  // the lesson pane fits the quiz's new height on the next turn of the event loop
  w.renderImage().save(QDir(dir).filePath(QLatin1String(name)));
}

bool on_screen(const QString& text) {
  const QStringList texts = screen_texts();
  return std::any_of(texts.begin(), texts.end(), [&](const QString& t) { return t.contains(text); });
}

// Plays lesson 2's challenge as a learner would: the primary crashes a little after 4 s, and the
// run goes on until the asynchronous cluster has lost an acknowledged write.
void meet_challenge(cs::ui::MainWindow& w) {
  w.openChallenge("lose-an-acked-write");
  auto* run = w.controller()->run();
  auto* c = w.controller();
  run->seekUs(4'100'000);
  const QPointF centre = c->scene()->geometry().card_rect(c->scene()->snapshot().nodes[0]).center();
  c->selection()->clickAt(centre.x(), centre.y(), false, false);
  w.stageWidget()->setFocus();
  QTest::keyClick(w.stageWidget(), Qt::Key_C);
  run->setPlaying(false);
  for (int i = 0; i < 600 && w.challengeSession()->status() == cs::ui::ChallengeSession::Status::Playing; ++i) {
    run->seekUs(run->timeUs() + 50'000);
  }
}

}  // namespace

class TestHideResults : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { test::isolate_settings(); }
  void cleanup() { cs::ui::ResultsPrivacy::instance()->setHidden(false); }

  void everyResultViewHidesItsResultsAndShowsThemAgain() {
    QTemporaryDir dir;
    cs::ui::AppOptions o = test::window_options(dir, QSize(1400, 950));
    write_progress(o.progress_file);
    cs::ui::MainWindow w(o);
    QVERIFY2(tools(w), "the window makes no ProjectorTools (main_window.cpp)");
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QAction* hide = w.findChild<QAction*>("hideResultsAction");
    QVERIFY(hide && hide->isCheckable() && !hide->isChecked());

    // Every result view open: the lesson list, lesson 2's quiz answered (1 of 3), its challenge
    // met, the review of lesson 1's missed question, the course summary.
    w.showLesson(1);
    auto* quiz = w.lessonPane()->quiz();
    test::answer(w, 1);
    quiz->submit();
    meet_challenge(w);
    QCOMPARE(w.challengeSession()->status(), cs::ui::ChallengeSession::Status::Met);
    const QString explanation = QString::fromStdString(w.challengeSession()->challenge().explanation);
    w.quizFlow()->openReview();
    w.quizFlow()->showCompletion();
    QVERIFY(QTest::qWaitForWindowExposed(w.quizFlow()->reviewDialog()));
    QVERIFY(QTest::qWaitForWindowExposed(w.quizFlow()->completionView()));
    auto* review_quiz = w.quizFlow()->reviewDialog()->quiz();
    const auto& asked = review_quiz->quiz().questions[review_quiz->attempt().asked.at(0).question];
    const QString review_question = QString::fromStdString(asked.text);
    QString lesson2_explanation;  // a feedback note of the answered quiz
    for (auto* l : quiz->findChildren<QLabel*>()) {
      if (l->isVisible() && l->text().startsWith(QString::fromUtf8("Your answer: "))) lesson2_explanation = l->text();
    }
    QVERIFY(!lesson2_explanation.isEmpty());

    const QStringList results = {QStringLiteral("best 3/3"),       QStringLiteral("best score"),
                                 QStringLiteral("challenges 1/2"), QStringLiteral("lessons passed"),
                                 QStringLiteral("Review: 1 due"),  QStringLiteral("due for review"),
                                 QStringLiteral("1 of 3 correct"), QStringLiteral("Your answer:"),
                                 QStringLiteral("Goal met"),       explanation.left(40),
                                 QStringLiteral("3 of 3"),         QStringLiteral("Challenges met"),
                                 QStringLiteral("Final test: "),   review_question,
                                 QString::fromUtf8("\u2713"),      QString::fromUtf8("\u2717"),
                                 lesson2_explanation.mid(15, 40)};
    // Shown while the switch is off: each view shows its own.
    QStringList missing;
    for (const QString& r :
         {QStringLiteral("best 3/3"), QStringLiteral("challenges 1/2"), QStringLiteral("1 of 6 lessons passed"),
          QStringLiteral("Review: 1 due"), QStringLiteral("1 of 3 correct"), QStringLiteral("Your answer:"),
          QStringLiteral("Goal met"), QStringLiteral("Challenges met"), review_question}) {
      if (!on_screen(r)) missing << r;
    }
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(" | ")));
    keep_for_review(w, "results-shown.png");

    hide->trigger();
    QVERIFY(cs::ui::ResultsPrivacy::instance()->hidden());
    QVERIFY(QSettings().value("projector/hideResults").toBool());  // until the teacher turns it off
    QVERIFY2(shown(results).isEmpty(), qPrintable(shown(results).join("\n")));
    // Each view says why its results are gone.
    QCOMPARE(quiz->findChild<QLabel*>("quizResult")->text(), QStringLiteral("Results are hidden"));
    QVERIFY(w.navigator()->findChild<QLabel*>("resultsHiddenNote")->isVisible());
    QVERIFY(!w.navigator()->reviewButton()->isVisible());
    QVERIFY2(w.challengePanel()->statusText().contains("Results are hidden"), qPrintable(w.challengePanel()->text()));
    QVERIFY(w.quizFlow()->reviewDialog()->findChild<QLabel*>("reviewHidden")->isVisible());
    QVERIFY(w.quizFlow()->completionView()->findChild<QTextEdit*>()->toPlainText().contains("Results are hidden"));
    QVERIFY(!w.quizFlow()->completionView()->findChild<QPushButton*>("completionExportPdf")->isEnabled());
    // The lessons are still listed, and the quiz's questions are still there to answer.
    QVERIFY(w.navigator()->itemText(1).startsWith("2. "));
    QVERIFY(quiz->findChild<QPushButton*>("quizRetry")->isVisible());

    // A quiz answered while results are hidden is recorded, but its score is not shown.
    quiz->findChild<QPushButton*>("quizRetry")->click();
    test::answer(w, 3);
    quiz->submit();
    const auto& lesson2 = w.session()->progress().lessons.at("02-replication");
    QCOMPARE(lesson2.best_correct, 3);
    QVERIFY(lesson2.passed);
    QCOMPARE(quiz->findChild<QLabel*>("quizResult")->text(), QStringLiteral("Results are hidden"));
    const QStringList after = results + QStringList{QStringLiteral("3 of 3 correct"), QStringLiteral("is open now")};
    QVERIFY2(shown(after).isEmpty(), qPrintable(shown(after).join("\n")));
    QVERIFY(!quiz->findChild<QPushButton*>("quizNextLesson")->isVisible());
    keep_for_review(w, "results-hidden.png");

    // Off again: every view shows its results, including the ones recorded meanwhile.
    hide->trigger();
    QVERIFY(!cs::ui::ResultsPrivacy::instance()->hidden());
    QVERIFY(!QSettings().value("projector/hideResults").toBool());
    missing.clear();
    for (const QString& r :
         {QStringLiteral("best 3/3"), QStringLiteral("challenges 1/2"), QStringLiteral("2 of 6 lessons passed"),
          QStringLiteral("Review: 1 due"), QStringLiteral("3 of 3 correct"), QStringLiteral("Your answer:"),
          QStringLiteral("Goal met"), QStringLiteral("Challenges met"), review_question}) {
      if (!on_screen(r)) missing << r;
    }
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(" | ")));
    QVERIFY(quiz->findChild<QPushButton*>("quizNextLesson")->isVisible());
    QVERIFY(w.quizFlow()->completionView()->findChild<QPushButton*>("completionExportPdf")->isEnabled());
    w.quizFlow()->reviewDialog()->close();
    w.quizFlow()->completionView()->close();
  }

  void aSolutionIsHiddenWithTheResults() {
    QTemporaryDir dir;
    cs::ui::AppOptions o = test::window_options(dir, QSize(1280, 720));
    o.teacher = true;
    cs::ui::MainWindow w(o);
    QVERIFY2(tools(w), "the window makes no ProjectorTools (main_window.cpp)");
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.showLesson(4);
    w.openChallenge("cause-a-split-brain");
    auto* solution = w.challengePanel()->findChild<QPushButton*>("challengeSolution");
    QVERIFY(solution->isVisible());
    cs::ui::ResultsPrivacy::instance()->setHidden(true);
    QVERIFY(w.findChild<QAction*>("hideResultsAction")->isChecked());  // the menu follows the switch
    QVERIFY(!solution->isVisible());
    w.challengeSession()->showSolution();  // refused: no recorded actions played
    QVERIFY(w.controller()->run()->savedRun().actions.empty());
    cs::ui::ResultsPrivacy::instance()->setHidden(false);
    QVERIFY(solution->isVisible());
  }

  void projectorModeOffersToHideResultsOnce() {
    QTemporaryDir dir;
    cs::ui::MainWindow w(test::window_options(dir));
    QVERIFY2(tools(w), "the window makes no ProjectorTools (main_window.cpp)");
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QAction* projector = w.findChild<QAction*>("projectorAction");
    projector->trigger();  // on, from the menu
    QMessageBox* offer = tools(w)->offer();
    QVERIFY(offer);
    QTRY_VERIFY(offer->isVisible());
    QVERIFY(!cs::ui::ResultsPrivacy::instance()->hidden());  // nothing hidden before the answer
    offer->findChild<QPushButton*>("hideResultsYes")->click();
    QVERIFY(cs::ui::ResultsPrivacy::instance()->hidden());
    QVERIFY(w.findChild<QAction*>("hideResultsAction")->isChecked());
    QTRY_VERIFY(!tools(w)->offer());

    // Shown again and projector mode switched off and on: not asked a second time.
    cs::ui::ResultsPrivacy::instance()->setHidden(false);
    projector->trigger();
    projector->trigger();
    QVERIFY(!tools(w)->offer());
    projector->trigger();
    QVERIFY(!w.classroom()->projectorMode());

    // "Do not ask again" is remembered for the next windows.
    cs::ui::MainWindow again(test::window_options(dir));
    QVERIFY2(tools(again), "the window makes no ProjectorTools (main_window.cpp)");
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    again.findChild<QAction*>("projectorAction")->trigger();
    QMessageBox* second = tools(again)->offer();
    QVERIFY(second);
    second->checkBox()->setChecked(true);
    second->findChild<QPushButton*>("hideResultsNo")->click();
    QVERIFY(!cs::ui::ResultsPrivacy::instance()->hidden());
    QVERIFY(!QSettings().value(cs::ui::ProjectorTools::kOfferKey, true).toBool());
    again.classroom()->setProjectorMode(false);
    QSettings().remove(cs::ui::ProjectorTools::kOfferKey);
  }
};

QTEST_MAIN(TestHideResults)
#include "test_hide_results.moc"
