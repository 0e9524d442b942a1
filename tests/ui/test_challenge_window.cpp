// A challenge played through the window the way a learner plays it: the link in the lesson opens
// the goal panel, the stage's keys and clicks act (within the rules, an undo counting as one),
// the panel says when the goal is met, and the result is saved with the progress.
#include <QAction>
#include <QDir>
#include <QFile>
#include <QPushButton>
#include <QQuickWidget>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QtQml/QQmlExtensionPlugin>
#include <QtTest>
#include <functional>

#include "window_test_support.h"

#include "course/progress.h"
#include "progress/course_session.h"
#include "run/challenge_session.h"
#include "run/run_controller.h"
#include "shell/challenge_panel.h"
#include "shell/course_navigator.h"
#include "shell/lesson_pane.h"
#include "shell/lesson_view.h"
#include "shell/main_window.h"
#include "shell/narration_panel.h"
#include "shell/notice_bar.h"
#include "stage/stage_controller.h"

Q_IMPORT_QML_PLUGIN(ClusterScopePlugin)

namespace {

// A learner who has passed lesson 1, so lesson 2 is open without teacher mode.
void write_lesson1_passed(const QString& path) {
  cs::course::Progress p;
  cs::course::record_attempt(p, "01-basics", {"2026-12-01T10:00:00Z", {"q1", "q2", "q3"}, {"a", "b", "c"}, 3, 3, true});
  QFile f(path);
  QVERIFY(f.open(QIODevice::WriteOnly));
  f.write(QByteArray::fromStdString(cs::course::progress_to_json(p)));
}

void click_node(cs::ui::MainWindow& w, int node) {
  auto* c = w.controller();
  const QPointF centre = c->scene()->geometry().card_rect(c->scene()->snapshot().nodes[node]).center();
  c->selection()->clickAt(centre.x(), centre.y(), false, false);
}

void press(cs::ui::MainWindow& w, Qt::Key key) {
  // The Node menu's keys work while the stage has focus.
  w.stageWidget()->setFocus();
  QTest::keyClick(w.stageWidget(), key);
}

// The options for a learner's window at 1280x720 who has passed lesson 1.
cs::ui::AppOptions learner_options(const QTemporaryDir& dir) {
  cs::ui::AppOptions o = test::window_options(dir, QSize(1280, 720));
  write_lesson1_passed(o.progress_file);
  return o;
}

}  // namespace

class TestChallengeWindow : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { test::isolate_settings(); }

  void aLearnerMeetsTheGoalWithTheStagesOwnActions() {
    QTemporaryDir dir;
    const cs::ui::AppOptions o = learner_options(dir);
    cs::ui::MainWindow w(o);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.showLesson(1);
    QVERIFY(w.lessonPane()->view()->toPlainText().contains("Challenge: Lose a write the cluster confirmed"));
    emit w.lessonPane()->view()->anchorClicked(QUrl("challenge:lose-an-acked-write"));
    auto* session = w.challengeSession();
    auto* panel = w.challengePanel();
    QVERIFY(session->active());
    QVERIFY(panel->isVisible());
    QVERIFY(!w.narration()->isVisible());
    QVERIFY2(panel->statusText().contains("Actions used: 0 of 3"), qPrintable(panel->text()));
    auto* run = w.controller()->run();
    QVERIFY(run->scenario().timeline.empty());  // the learner's actions are the only faults

    // Not allowed here: a partition. Refused, and not counted.
    run->seekUs(2'000'000);
    click_node(w, 0);
    press(w, Qt::Key_Return);
    click_node(w, 1);
    press(w, Qt::Key_Return);
    press(w, Qt::Key_G);
    QVERIFY2(run->lastActionText().contains("does not allow"), qPrintable(run->lastActionText()));
    QCOMPARE(session->actionsUsed(), 0);
    QVERIFY(run->savedRun().actions.empty());

    // Crash the primary n1 a little after 4 s, take it back (an undo counts), crash it again.
    run->seekUs(4'100'000);
    click_node(w, 0);
    QCOMPARE(w.controller()->selection()->focusedNode(), 0);
    press(w, Qt::Key_C);
    QCOMPARE(session->actionsUsed(), 1);
    w.findChild<QAction*>("undoAction")->trigger();
    QCOMPARE(session->actionsUsed(), 2);
    QVERIFY(run->savedRun().actions.empty());
    press(w, Qt::Key_C);
    QCOMPARE(session->actionsUsed(), 3);
    QVERIFY2(panel->statusText().contains("3 of 3"), qPrintable(panel->text()));
    // A fourth action is over the limit.
    click_node(w, 2);
    press(w, Qt::Key_C);
    QVERIFY2(run->lastActionText().contains("used all 3"), qPrintable(run->lastActionText()));
    QCOMPARE(session->actionsUsed(), 3);

    // Play on until the goal panel says the goal is met: the run pauses there.
    run->setPlaying(false);
    for (int i = 0; i < 600 && session->status() == cs::ui::ChallengeSession::Status::Playing; ++i) {
      run->seekUs(run->timeUs() + 50'000);
    }
    QCOMPARE(session->status(), cs::ui::ChallengeSession::Status::Met);
    QVERIFY(!run->playing());
    QVERIFY2(panel->statusText().contains("Goal met at"), qPrintable(panel->text()));
    QVERIFY2(panel->text().contains("Acknowledged writes lost: "), qPrintable(panel->text()));
    // Saved with the progress, and the lesson list counts it.
    const auto& record = w.session()->progress().lessons.at("02-replication").challenges.at("lose-an-acked-write");
    QCOMPARE(record.actions_used, 3);
    QCOMPARE(record.met_at_us, session->metAtUs());
    QFile saved(o.progress_file);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    QVERIFY(saved.readAll().contains("lose-an-acked-write"));
    QVERIFY2(w.navigator()->itemText(1).contains("challenges 1/2"), qPrintable(w.navigator()->itemText(1)));

    // Start again: a fresh run and no action used; Leave brings the narration back.
    panel->findChild<QPushButton*>("challengeRestart")->click();
    QCOMPARE(session->actionsUsed(), 0);
    QCOMPARE(run->timeUs(), qint64{0});
    panel->findChild<QPushButton*>("challengeLeave")->click();
    QVERIFY(!session->active());
    QVERIFY(!panel->isVisible());
    QVERIFY(w.narration()->isVisible());
    // Without the challenge every action is allowed again.
    press(w, Qt::Key_G);
    QVERIFY(!run->lastActionText().contains("does not allow"));
  }

  void aPredictionIsAskedBeforeTheMomentAndJudgedByTheRun() {
    QTemporaryDir dir;
    const cs::ui::AppOptions o = learner_options(dir);
    cs::ui::MainWindow w(o);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.showLesson(1);
    emit w.lessonPane()->view()->tryItActivated("async-stale-read");
    auto* narration = w.narration();
    auto* run = w.controller()->run();
    const int stage_height = w.stageWidget()->height();
    // Step 2 is a prediction: Next asks it instead of playing to 3 s.
    narration->next();
    QCOMPARE(narration->currentStep(), 1);
    narration->next();
    QCOMPARE(narration->openPrediction(), 2);
    QVERIFY(run->timeUs() < 3'000'000);
    QCOMPARE(narration->predictionOptions().size(), 2);
    QVERIFY2(narration->text().contains("Does every read from a replica return it?"), qPrintable(narration->text()));
    // While it is open, the run cannot be changed and Next waits for an answer.
    QVERIFY(!narration->findChild<QPushButton*>("narrationNext")->isEnabled());
    run->setSeed(99);
    QCOMPARE(run->seed(), quint64{1});
    w.controller()->actions()->crashOrRestart(0);
    QVERIFY(run->savedRun().actions.empty());
    // Playing on to the moment does not give the answer away: the question stays.
    run->seekUs(3'500'000);
    QCOMPARE(narration->openPrediction(), 2);
    QVERIFY(run->timeUs() < 3'000'000);
    QCOMPARE(w.stageWidget()->height(), stage_height);
    // The learner answers "yes" (the intuition that fails); the run plays to 3 s and says why not.
    narration->findChild<QPushButton*>("predictionOption0")->click();
    QCOMPARE(narration->openPrediction(), -1);
    QCOMPARE(run->timeUs(), qint64{3'000'000});
    const double stale =
        std::get<double>(run->evaluate(cs::evaluate::Quantity{cs::evaluate::Quantity::Kind::Metric, "stale_reads", 0}));
    QVERIFY(stale >= 1);
    QVERIFY2(narration->text().contains("Not this time.") &&
                 narration->text().contains(QString("the value is %1").arg(stale)),
             qPrintable(narration->text()));
    QCOMPARE(w.stageWidget()->height(), stage_height);
    // Recorded with the progress; the run can be changed again.
    QVERIFY(!w.session()->progress().lessons.at("02-replication").predictions.at("async-stale-read/3"));
    w.controller()->actions()->crashOrRestart(0);
    QCOMPARE(run->savedRun().actions.size(), std::size_t{1});
  }

  void brokenContentFromALessonsFolderSaysSoAndLosesNothing() {
    QTemporaryDir dir;
    // A copy of the course with a broken challenges.json and a prediction that names no option.
    const QString lessons = dir.filePath("lessons");
    QVERIFY(QDir().mkpath(lessons));
    const QDir source(QStringLiteral(QT_TESTCASE_SOURCEDIR "/../lessons"));
    const std::function<void(const QString&, const QString&)> copy = [&](const QString& from, const QString& to) {
      QDir().mkpath(to);
      for (const QFileInfo& f : QDir(from).entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot)) {
        if (f.isDir()) {
          copy(f.filePath(), to + "/" + f.fileName());
        } else {
          QFile::copy(f.filePath(), to + "/" + f.fileName());
        }
      }
    };
    copy(source.path(), lessons);
    const auto rewrite = [](const QString& path, const QByteArray& from, const QByteArray& to) {
      QFile f(path);
      QVERIFY(f.open(QIODevice::ReadOnly));
      QByteArray text = f.readAll();
      f.close();
      QVERIFY(text.contains(from));
      text.replace(from, to);
      QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
      f.write(text);
    };
    rewrite(lessons + "/02-replication/challenges.json", "\"kind\": \"break\"", "\"kind\": \"smash\"");
    rewrite(lessons + "/02-replication/tryit.json", "\"quantity\": { \"metric\": \"stale_reads\" }",
            "\"quantity\": { \"metric\": \"stale_reads\", \"leader\": true }");
    cs::ui::AppOptions o = test::window_options(dir, QSize(1280, 720));
    o.lessons_dir = lessons;
    write_lesson1_passed(o.progress_file);
    QFile before(o.progress_file);
    QVERIFY(before.open(QIODevice::ReadOnly));
    const QByteArray saved = before.readAll();
    {
      cs::ui::MainWindow w(o);
      w.show();
      QVERIFY(QTest::qWaitForWindowExposed(&w));
      const QString notice = w.noticeBar()->text();
      QVERIFY2(notice.contains("02-replication/challenges.json") || notice.contains("02-replication/tryit.json"),
               qPrintable(notice));
      // The lesson still opens and reads; its Try it runs with the broken prediction as a plain step.
      w.showLesson(1);
      QVERIFY(w.lessonPane()->view()->toPlainText().contains("Replication"));
      emit w.lessonPane()->view()->tryItActivated("async-stale-read");
      w.narration()->next();
      w.narration()->next();
      QCOMPARE(w.narration()->openPrediction(), -1);
    }
    // Nothing the learner had is lost (the last place may have moved on).
    QFile after(o.progress_file);
    QVERIFY(after.open(QIODevice::ReadOnly));
    const auto was = cs::course::parse_progress(saved.toStdString());
    const auto is = cs::course::parse_progress(after.readAll().toStdString());
    QCOMPARE(is.status, cs::course::ProgressParse::Status::Ok);
    QVERIFY(is.progress.lessons == was.progress.lessons);
  }

  void theTeacherCanPlayARecordedSolution() {
    QTemporaryDir dir;
    cs::ui::AppOptions o = test::window_options(dir, QSize(1280, 720));
    o.teacher = true;
    cs::ui::MainWindow w(o);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.showLesson(4);
    w.openChallenge("cause-a-split-brain");
    auto* solution = w.challengePanel()->findChild<QPushButton*>("challengeSolution");
    QVERIFY(solution->isVisible());
    solution->click();
    auto* run = w.controller()->run();
    QVERIFY(!run->savedRun().actions.empty());
    run->setPlaying(false);
    for (int i = 0; i < 600 && w.challengeSession()->status() == cs::ui::ChallengeSession::Status::Playing; ++i) {
      run->seekUs(run->timeUs() + 50'000);
    }
    QCOMPARE(w.challengeSession()->status(), cs::ui::ChallengeSession::Status::Met);
    QVERIFY2(w.challengePanel()->statusText().contains("recorded solution met the goal"),
             qPrintable(w.challengePanel()->text()));
    // A demonstration is not the learner's work: nothing recorded.
    const auto& lessons = w.session()->progress().lessons;
    QVERIFY(!lessons.contains("05-failover") || lessons.at("05-failover").challenges.empty());
  }
};

QTEST_MAIN(TestChallengeWindow)
#include "test_challenge_window.moc"
