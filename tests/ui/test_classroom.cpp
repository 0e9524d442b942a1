// Classroom and accessibility: the spoken description of the cluster, projector contrast,
// presentation mode with presenter keys, blanking, zoom, and keyboard reach.
#include <QAction>
#include <QLabel>
#include <QListWidget>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtQml/QQmlExtensionPlugin>
#include <QtTest>

#include "window_test_support.h"

#include "shell/lesson_pane.h"
#include "shell/lesson_view.h"
#include "shell/main_window.h"
#include "shell/narration_panel.h"
#include "stage/stage_controller.h"
#include "theme/palette.h"

Q_IMPORT_QML_PLUGIN(ClusterScopePlugin)

using cs::ui::StageController;

namespace {
cs::ui::AppOptions options(const QTemporaryDir& dir) { return test::window_options(dir); }
}  // namespace

class TestClassroom : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { test::isolate_settings(); }
  void cleanup() { cs::ui::use_projector_palette(false); }

  void theClusterIsDescribedInWords() {
    StageController c;
    QVERIFY(c.loadScenario("cluster-heartbeat", nullptr));
    c.seekUs(20'000);
    QCOMPARE(c.description(), QString("5 nodes; n1 is leader in term 1; 4 messages in flight."));
    c.toggleSelected(0);
    c.toggleSelected(1);
    c.partitionSelection();
    c.seekUs(1'500'000);
    QVERIFY2(c.description().contains("a partition separates n1 and n2 from n3, n4 and n5"),
             qPrintable(c.description()));
    QVERIFY(c.description().contains("n3, n4 and n5 suspect the leader"));
    c.heal();
    c.crashOrRestart(0);
    c.seekUs(1'600'000);
    QVERIFY2(c.description().startsWith("5 nodes; no leader; n1 crashed"), qPrintable(c.description()));
    c.isolate(3);
    QVERIFY(c.description().contains("n4 cut off from every other node"));
    QSignalSpy changed(&c, &StageController::descriptionChanged);
    c.crashOrRestart(0);
    QVERIFY(changed.count() >= 1);
    QVERIFY(c.description().contains("n1 is leader"));
  }

  void projectorPaletteHasStrongContrast() {
    cs::ui::use_projector_palette(true);
    const cs::ui::StagePalette& p = cs::ui::stage_palette();
    QVERIFY(p.projector);
    using cs::sim::NodeStatus;
    using cs::sim::Role;
    for (Role role :
         {Role::None, Role::Follower, Role::Candidate, Role::Leader, Role::Primary, Role::Replica, Role::Suspect}) {
      for (NodeStatus status : {NodeStatus::Up, NodeStatus::Crashed, NodeStatus::Paused}) {
        const double ratio = cs::ui::contrast_ratio(p.text, p.role(role, status));
        QVERIFY2(ratio >= 7.0, qPrintable(QString("role %1 status %2: %3").arg(int(role)).arg(int(status)).arg(ratio)));
      }
    }
    QVERIFY(cs::ui::contrast_ratio(p.text, p.background) >= 7.0);
    QVERIFY(cs::ui::contrast_ratio(p.link, p.background) >= 4.5);  // lines are large features
    QVERIFY(cs::ui::contrast_ratio(p.cut_link, p.background) >= 4.5);
    QVERIFY(p.line_width >= 4 && p.type_scale > 1.2);
    // The normal palette keeps large text (node names) readable too.
    cs::ui::use_projector_palette(false);
    const cs::ui::StagePalette& n = cs::ui::stage_palette();
    for (Role role : {Role::Follower, Role::Leader, Role::Suspect}) {
      QVERIFY(cs::ui::contrast_ratio(n.text, n.role(role, NodeStatus::Up)) >= 4.5);
    }
    QCOMPARE(cs::ui::contrast_ratio(Qt::black, Qt::white), 21.0);
  }

  void projectorModeScalesTheStageAndText() {
    QTemporaryDir dir;
    cs::ui::AppOptions o = options(dir);
    o.projector = true;
    cs::ui::MainWindow w(o);
    QVERIFY(w.projectorMode());
    QCOMPARE(w.controller()->typeScale(), cs::ui::stage_palette().type_scale);
    QVERIFY(w.controller()->nodes()->items()[0].scale > 1.2);
    const double projected = w.lessonPane()->view()->font().pointSizeF();
    w.setProjectorMode(false);
    QVERIFY(w.lessonPane()->view()->font().pointSizeF() < projected);
    QVERIFY(w.controller()->nodes()->items()[0].scale == 1.0);
  }

  void zoomChangesTheLessonText() {
    QTemporaryDir dir;
    cs::ui::MainWindow w(options(dir));
    const double base = w.lessonPane()->view()->font().pointSizeF();
    w.zoomText(1);
    w.zoomText(1);
    QVERIFY(w.lessonPane()->view()->font().pointSizeF() > base * 1.2);
    w.zoomText(0);
    QCOMPARE(w.lessonPane()->view()->font().pointSizeF(), base);
  }

  void presentationModeAndPresenterKeys() {
    QTemporaryDir dir;
    cs::ui::MainWindow w(options(dir));
    w.show();
    std::vector<cs::course::TryItStep> steps(3);
    steps[0].text = "one";
    steps[1].text = "two";
    steps[1].at_us = 500'000;
    steps[2].text = "three";
    w.narration()->setSteps("Steps", steps);
    w.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&w));  // shortcuts reach only the active window
    w.setPresentationMode(true);
    QVERIFY(w.findChild<QWidget*>("courseNavigator")->isHidden());
    QVERIFY(w.findChild<QWidget*>("panels")->isHidden());
    QVERIFY(!w.findChild<QWidget*>("stage")->isHidden());
    QVERIFY(!w.findChild<QWidget*>("lessonPane")->isHidden());
    // A clicker's Right and Page Down step forward; Left steps back.
    w.findChild<QAction*>("presenterNext")->trigger();
    QCOMPARE(w.narration()->currentStep(), 1);
    QCOMPARE(w.controller()->timeUs(), qint64{500'000});
    QTest::keyClick(&w, Qt::Key_PageDown);
    QCOMPARE(w.narration()->currentStep(), 2);
    w.findChild<QAction*>("presenterPrevious")->trigger();
    QCOMPARE(w.narration()->currentStep(), 1);
    w.setPresentationMode(false);
    QVERIFY(!w.findChild<QWidget*>("courseNavigator")->isHidden());
    QVERIFY(!w.findChild<QAction*>("presenterNext")->isEnabled());
  }

  void blankingTheScreen() {
    QTemporaryDir dir;
    cs::ui::MainWindow w(options(dir));
    w.show();
    w.controller()->setPlaying(true);
    w.setBlanked(true);
    QVERIFY(w.blanked());
    QVERIFY(!w.controller()->playing());
    QTest::keyClick(w.findChild<QWidget*>("blankScreen"), Qt::Key_Space);
    QVERIFY(!w.blanked());
  }

  void tabReachesEveryControl() {
    QTemporaryDir dir;
    cs::ui::MainWindow w(options(dir));
    w.show();
    QSet<QString> reached;
    QWidget* start = w.findChild<QWidget*>("lessonList");
    QWidget* current = start;
    for (int i = 0; i < 400; ++i) {
      current = current->nextInFocusChain();
      if (current == start) break;
      if ((current->focusPolicy() & Qt::TabFocus) && current->isVisibleTo(&w) && !current->objectName().isEmpty()) {
        reached.insert(current->objectName());
      }
    }
    for (const char* name : {"lessonView", "stage", "timeline", "playButton", "stepButton", "resetButton",
                             "speedSlider", "seedBox", "levelBox", "quizSubmit", "q0o0", "narrationNext"}) {
      if (QString(name) == "narrationNext") continue;  // shown only while a Try it runs
      QVERIFY2(reached.contains(name), name);
    }
  }
};

QTEST_MAIN(TestClassroom)
#include "test_classroom.moc"
