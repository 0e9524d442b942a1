// A newcomer's first minutes: the welcome tour (once), Help's keyboard page, narration that
// follows the run, Undo, a legend of the scenario's own roles and messages, teacher mode for the
// session only, a lesson that brings its own experiment, and the way back from a blanked screen.
#include <QAction>
#include <QLabel>
#include <QScrollBar>
#include <QSettings>
#include <QTemporaryDir>
#include <QtQml/QQmlExtensionPlugin>
#include <QtTest>

#include "window_test_support.h"

#include "panels/node_inspector.h"
#include "progress/course_session.h"
#include "scenario/builtin.h"
#include "shell/classroom_modes.h"
#include "shell/keyboard_help.h"
#include "shell/lesson_pane.h"
#include "shell/main_window.h"
#include "shell/narration_panel.h"
#include "shell/welcome_tour.h"
#include "stage/stage_controller.h"

Q_IMPORT_QML_PLUGIN(ClusterScopePlugin)

namespace {

QStringList legend_labels(cs::ui::StageController* c) {
  QStringList out;
  for (const QVariant& e : c->scene()->legend()) out << e.toMap()["label"].toString();
  return out;
}

}  // namespace

class TestFirstContact : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { test::isolate_settings(); }

  void theFirstRunShowsTheWelcomeOnce() {
    QSettings().remove(cs::ui::MainWindow::kWelcomeSeenKey);
    QTemporaryDir dir;
    {
      cs::ui::MainWindow w(test::window_options(dir, QSize(1280, 720)));
      w.show();
      QVERIFY(QTest::qWaitForWindowExposed(&w));
      QTRY_VERIFY(w.welcomeTour() != nullptr);
      cs::ui::WelcomeTour* tour = w.welcomeTour();
      QCOMPARE(tour->stepCount(), 4);
      // Each step points at a part of the window that is on screen, and the tour covers the window.
      for (int i = 0; i < tour->stepCount(); ++i) {
        QCOMPARE(tour->currentStep(), i);
        QVERIFY2(!tour->targetRect().isEmpty(), qPrintable(tour->stepText()));
        QVERIFY(w.rect().contains(tour->targetRect()));
        if (i + 1 < tour->stepCount()) tour->next();
      }
      QCOMPARE(tour->geometry(), w.rect());
      tour->next();  // Start: the tour ends
      QTRY_VERIFY(w.welcomeTour() == nullptr);
    }
    cs::ui::MainWindow again(test::window_options(dir, QSize(1280, 720)));
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    QCoreApplication::processEvents();
    QVERIFY(again.welcomeTour() == nullptr);
    // Help > Welcome tour brings it back, and Esc closes it.
    again.showWelcome();
    QVERIFY(again.welcomeTour() != nullptr);
    QTest::keyClick(again.welcomeTour(), Qt::Key_Escape);
    QTRY_VERIFY(again.welcomeTour() == nullptr);
  }

  void helpListsEveryKeyAndTheMouse() {
    QTemporaryDir dir;
    cs::ui::MainWindow w(test::window_options(dir));
    const QString html = cs::ui::keyboard_and_mouse_html(w);
    // Every action in the menus with a key is on the page, with its key.
    int checked = 0;
    for (const QAction* a : w.findChildren<QAction*>()) {
      if (a->shortcut().isEmpty() || a->text().isEmpty() || !a->isVisible()) continue;
      if (!a->associatedObjects().isEmpty() && a->associatedObjects().size() == 1 &&
          a->associatedObjects().first() == &w) {
        continue;  // a window-only key (presenter keys), not a menu entry
      }
      QVERIFY2(html.contains(QString(a->text()).remove('&').toHtmlEscaped()), qPrintable(a->text()));
      QVERIFY2(html.contains(a->shortcut().toString(QKeySequence::NativeText).toHtmlEscaped()), qPrintable(a->text()));
      ++checked;
    }
    QVERIFY(checked >= 15);
    QVERIFY(html.contains("Shift+click"));
    QVERIFY(html.contains("Ctrl+Z"));
  }

  void narrationFollowsThePlayingRunAndNextJumpsToItsMoment() {
    QTemporaryDir dir;
    cs::ui::MainWindow w(test::window_options(dir));
    cs::ui::NarrationPanel* n = w.narration();
    std::vector<cs::course::TryItStep> steps(4);
    steps[0].text = "start";
    steps[1].text = "at one second";
    steps[1].at_us = 1'000'000;
    steps[2].text = "no time of its own";
    steps[3].text = "at three seconds";
    steps[3].at_us = 3'000'000;
    n->setSteps("Follow", steps);
    auto* run = w.controller()->run();
    run->setSpeed(1.0);
    run->setPlaying(true);
    run->advanceWallMs(1'200);  // as the frame timer would, playing
    QCOMPARE(n->currentStep(), 1);
    run->advanceWallMs(2'000);
    QCOMPARE(n->currentStep(), 3);  // passed the untimed step: the run is at 3.2 s
    run->setPlaying(false);
    // Dragging back before a step's moment takes the narration back with it.
    run->seekUs(500'000);
    QCOMPARE(n->currentStep(), 0);
    // Next at a later time than the step's moment jumps the run back to it.
    run->seekUs(2'500'000);
    QCOMPARE(n->currentStep(), 1);
    n->next();  // step 2 has no time: the run stays
    QCOMPARE(run->timeUs(), qint64{2'500'000});
    run->seekUs(5'000'000);
    QCOMPARE(n->currentStep(), 3);
    n->previous();  // back to step 2, whose moment is step 1's
    QCOMPARE(n->currentStep(), 2);
    QCOMPARE(run->timeUs(), qint64{1'000'000});
    QVERIFY(!run->playing());
  }

  void undoTakesBackTheLastAction() {
    QTemporaryDir dir;
    cs::ui::MainWindow w(test::window_options(dir));
    auto* c = w.controller();
    QVERIFY(c->run()->loadScenario("cluster-heartbeat", nullptr));
    c->run()->seekUs(1'000'000);
    c->actions()->crashOrRestart(1);
    c->run()->seekUs(2'000'000);
    QCOMPARE(c->scene()->nodes()->items()[1].status, QString("crashed"));
    auto* undo = w.findChild<QAction*>("undoAction");
    QVERIFY(undo);
    QCOMPARE(undo->shortcut(), QKeySequence(QKeySequence::Undo));
    undo->trigger();
    QCOMPARE(c->run()->timeUs(), qint64{2'000'000});
    QCOMPARE(c->scene()->nodes()->items()[1].status, QString("up"));
    QVERIFY(c->run()->savedRun().actions.empty());
    undo->trigger();  // nothing left: says so, changes nothing
    QCOMPARE(c->run()->timeUs(), qint64{2'000'000});
  }

  void doubleClickingANodeLooksInsideIt() {
    QTemporaryDir dir;
    cs::ui::AppOptions o = test::window_options(dir);
    o.size = QSize(1280, 720);
    cs::ui::MainWindow w(o);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    auto* c = w.controller();
    QVERIFY(c->run()->loadScenario("raft-5", nullptr));
    c->run()->seekUs(5'000'000);
    // Double-click the middle of n3's card.
    const auto& nodes = c->scene()->snapshot().nodes;
    const QPointF centre = c->scene()->geometry().card_rect(nodes[2]).center();
    c->selection()->doubleClickAt(centre.x(), centre.y());
    auto* inspector = w.nodeInspector();
    QCOMPARE(w.panels()->currentWidget(), inspector);
    QVERIFY(inspector->isVisible());
    QCOMPARE(inspector->node(), 2);
    const QString text = inspector->text();
    QVERIFY2(text.contains("n3") && text.contains("Its log, newest last") && text.contains("Its data") &&
                 text.contains("Its view of the cluster"),
             qPrintable(text));
    // The newest log entry is the node's own last one, and older ones are counted.
    const auto inside = c->run()->inspect(2);
    QVERIFY(inside.log.not_shown > 0);
    QVERIFY2(text.contains(QString("%1 earlier entries not shown").arg(inside.log.not_shown)), qPrintable(text));
    // It follows the run and the chosen node.
    c->selection()->focusNode(0);
    QCOMPARE(inspector->node(), 0);
    QVERIFY(inspector->text().contains("n1"));
    c->actions()->crashOrRestart(0);
    inspector->refresh();
    QVERIFY2(inspector->text().contains("n1 is down"), qPrintable(inspector->text()));
  }

  void atTheDefaultSpeedMostFramesShowTraffic() {
    // Played at each scenario's own starting speed at 60 frames a second, to its end or for two
    // minutes of screen time: the share of frames that show a message, on the wire or just arrived.
    cs::ui::StageController c;
    QStringList report;
    int busy_scenarios = 0;
    int scenarios = 0;
    for (const auto& b : cs::scenario::builtin_scenarios()) {
      QVERIFY(c.run()->loadScenario(QString::fromUtf8(b.id.data(), static_cast<qsizetype>(b.id.size())), nullptr));
      int on_wire = 0;
      int with_arrivals = 0;
      const double speed = c.run()->speed();
      const int kFrames =
          static_cast<int>(std::min(120.0, static_cast<double>(c.run()->horizonUs()) / 1e6 / speed) * 60);
      for (int i = 0; i < kFrames; ++i) {
        c.run()->advanceWallMs(1000.0 / 60);
        const auto& snapshot = c.scene()->snapshot();
        if (!snapshot.tokens.isEmpty()) ++on_wire;
        if (!snapshot.tokens.isEmpty() || !snapshot.arrivals.isEmpty()) ++with_arrivals;
      }
      ++scenarios;
      if (with_arrivals * 2 >= kFrames) ++busy_scenarios;
      report << QString("%1 %2%->%3%")
                    .arg(QString::fromUtf8(b.id.data(), static_cast<qsizetype>(b.id.size())))
                    .arg(on_wire * 100 / kFrames)
                    .arg(with_arrivals * 100 / kFrames);
    }
    qInfo("%s", qPrintable(report.join("; ")));
    QVERIFY2(busy_scenarios * 100 >= scenarios * 85, qPrintable(report.join("; ")));
  }

  void theLegendShowsTheScenariosOwnRolesAndMessages() {
    QTemporaryDir dir;
    cs::ui::MainWindow w(test::window_options(dir));
    auto* c = w.controller();
    QVERIFY(c->run()->loadScenario("client-server", nullptr));
    c->run()->seekUs(2'000'000);
    QStringList labels = legend_labels(c);
    QVERIFY2(!labels.contains("crashed"), qPrintable(labels.join(", ")));  // nothing has crashed
    QVERIFY2(labels.contains("client request or reply"), qPrintable(labels.join(", ")));
    QVERIFY(c->run()->loadScenario("raft-5", nullptr));
    c->run()->seekUs(3'000'000);
    labels = legend_labels(c);
    QVERIFY2(labels.contains("election message") && labels.contains("replication"), qPrintable(labels.join(", ")));
    QVERIFY2(labels.contains(QString("leader \u2605")) && labels.contains("follower"), qPrintable(labels.join(", ")));
    c->actions()->crashOrRestart(0);
    QVERIFY(legend_labels(c).contains("crashed"));
  }

  void teacherModeLastsOnlyForTheSession() {
    QTemporaryDir dir;
    {
      cs::ui::MainWindow w(test::window_options(dir));
      w.findChild<QAction*>("teacherModeAction")->setChecked(true);
      QVERIFY(w.session()->teacherMode());
      QVERIFY(w.session()->mayOpen(5));
    }
    cs::ui::MainWindow next(test::window_options(dir));
    QVERIFY(!next.session()->teacherMode());
    QVERIFY(!next.session()->mayOpen(5));
    QVERIFY(!QSettings().value("teacherMode", false).toBool());
  }

  void anotherLessonBringsItsOwnExperiment() {
    QTemporaryDir dir;
    cs::ui::MainWindow w(test::window_options(dir));
    w.findChild<QAction*>("teacherModeAction")->setChecked(true);
    const int lessons = static_cast<int>(w.course().lessons.size());
    // Lesson 1 is open at the start; going through the others and back to it loads each one's.
    for (int i = 1; i <= lessons; ++i) {
      const int lesson = i % lessons;
      w.showLesson(lesson);
      const auto& tryits = w.course().lessons[static_cast<std::size_t>(lesson)].tryits;
      QVERIFY(!tryits.empty());
      QCOMPARE(w.controller()->run()->scenarioId(), QString::fromStdString(tryits.front().scenario));
      // The narration is the new scenario's, not the last Try it's steps.
      QVERIFY(w.narration()->text() != QString("stale"));
    }
  }

  void projectorModeKeepsTheReaderAtTheSameWords() {
    QTemporaryDir dir;
    cs::ui::MainWindow w(test::window_options(dir, QSize(1280, 720)));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    cs::ui::LessonPane* pane = w.lessonPane();
    pane->setScrollPosition(pane->verticalScrollBar()->maximum() / 2);
    const int before = pane->readingPosition();
    QVERIFY(before > 500);
    w.classroom()->setProjectorMode(true);
    QCoreApplication::processEvents();
    // The same paragraph at the top: within a line or two of where it was.
    QVERIFY2(std::abs(pane->readingPosition() - before) < 200,
             qPrintable(QString("%1 -> %2").arg(before).arg(pane->readingPosition())));
    w.classroom()->setProjectorMode(false);
    QCoreApplication::processEvents();
    QVERIFY(std::abs(pane->readingPosition() - before) < 200);
  }

  void projectorNarrationIsLargeAndTheBlankScreenSaysHowToReturn() {
    QTemporaryDir dir;
    cs::ui::MainWindow w(test::window_options(dir, QSize(1920, 1080)));
    w.classroom()->setProjectorMode(true);
    const QFont f = w.narration()->findChild<QLabel*>("narrationText")->font();
    QVERIFY2(f.pixelSize() >= 24, qPrintable(QString::number(f.pixelSize())));
    w.classroom()->setProjectorMode(false);
    QVERIFY(w.narration()->findChild<QLabel*>("narrationText")->font().pixelSize() < 24);
    w.classroom()->setBlanked(true);
    auto* hint = w.findChild<QLabel*>("blankHint");
    QVERIFY(hint);
    QVERIFY(hint->text().contains("any key"));
    w.classroom()->setBlanked(false);
  }
};

QTEST_MAIN(TestFirstContact)
#include "test_first_contact.moc"
