// "What if?" in the window (issue 23, section 1): Simulation > Compare a change forks the run into
// a second branch B with one change; both stages play on one clock, the timeline marks where they
// part, the Compare tab lists both branches' metrics; learner actions go to the branch they are
// taken on; a saved run keeps both branches and reopens exactly; the comparison exports as one SVG
// or PNG; the lessons' comparison Try its open one. Exports go to /tmp for a person to look at.
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtQml/QQmlExtensionPlugin>
#include <QtTest>

#include "window_test_support.h"

#include "panels/compare_panel.h"
#include "run/branch_comparison.h"
#include "run/learner_actions.h"
#include "run/run.h"
#include "run/run_controller.h"
#include "shell/classroom_modes.h"
#include "shell/compare_dialog.h"
#include "shell/compare_view.h"
#include "shell/lesson_pane.h"
#include "shell/lesson_view.h"
#include "shell/main_window.h"
#include "shell/run_files.h"
#include "shell/timeline_widget.h"
#include "stage/stage_controller.h"
#include "stage/stage_view.h"

Q_IMPORT_QML_PLUGIN(ClusterScopePlugin)

namespace {

cs::ui::AppOptions window(const QTemporaryDir& dir, const QString& scenario, QSize size = {1600, 1000}) {
  cs::ui::AppOptions o = test::window_options(dir, size);
  o.scenario = scenario;
  return o;
}

const cs::ui::ComparePanel::ShownRow* row(const cs::ui::ComparePanel* panel, const QString& key) {
  static cs::ui::ComparePanel::ShownRow found;
  for (const auto& r : panel->shownRows()) {
    if (r.key == key) {
      found = r;
      return &found;
    }
  }
  return nullptr;
}

}  // namespace

class TestCompareWindow : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { test::isolate_settings(); }

  // The same primary crash, asynchronous (A) and with one replica acknowledgement (B).
  void aComparisonForksTheRunAndBothFollowOneClock() {
    QTemporaryDir dir;
    cs::ui::MainWindow w(window(dir, "auto-failover-async-loss"));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    cs::ui::CompareView* view = w.compareView();
    cs::ui::RunController* a = w.controller()->run();
    a->seekUs(1'000'000);
    auto* tabs = w.findChild<QTabWidget*>("panels");
    QVERIFY(!tabs->isTabVisible(tabs->indexOf(view->panel())));
    QString error;
    QVERIFY2(view->start("replica_acks=1", &error), qPrintable(error));
    cs::ui::BranchComparison* c = view->comparison();
    QVERIFY(c->active());
    QCOMPARE(c->forkUs(), qint64{1'000'000});
    QCOMPARE(c->changeText(), QString("replica_acks = 1"));
    cs::ui::RunController* b = view->branch()->run();
    QCOMPARE(b->timeUs(), a->timeUs());
    QVERIFY(view->stageB() && view->stageB()->isVisible());
    QVERIFY(tabs->isTabVisible(tabs->indexOf(view->panel())));
    QCOMPARE(tabs->currentWidget(), view->panel());

    // Playing A moves B with it, frame by frame.
    a->setSpeed(10);
    for (int i = 0; i < 60; ++i) {
      a->advanceWallMs(200);
      QCOMPARE(b->timeUs(), a->timeUs());
    }
    QVERIFY(a->timeUs() >= 12'000'000);
    QVERIFY(c->divergenceUs());
    const qint64 parted = *c->divergenceUs();
    QVERIFY(parted > 0 && parted <= a->timeUs());
    QVERIFY2(c->divergenceText().contains("trace record"), qPrintable(c->divergenceText()));
    auto* timeline = w.findChild<cs::ui::TimelineWidget*>();
    QCOMPARE(timeline->divergenceMarkUs(), std::optional<qint64>(parted));

    // The metrics differ where the lesson says: A loses acknowledged writes, B none.
    view->panel()->refresh();
    const auto* lost = row(view->panel(), "lost_acknowledged_writes");
    QVERIFY(lost && lost->differs);
    QVERIFY(lost->a.toInt() >= 1);
    QCOMPARE(lost->b, QString("0"));
    QVERIFY(view->panel()->shownRows().front().differs);  // what differs comes first

    // Rewinding takes both back; the place they part does not move.
    a->seekUs(500'000);
    QCOMPARE(b->timeUs(), qint64{500'000});
    QCOMPARE(c->divergenceUs(), std::optional<qint64>(parted));

    // Close: B's stage and the tab go, A stays where it was.
    view->stop();
    QVERIFY(!c->active());
    QVERIFY(!view->stageB()->isVisible());
    QVERIFY(!tabs->isTabVisible(tabs->indexOf(view->panel())));
    QCOMPARE(a->timeUs(), qint64{500'000});
    QVERIFY(!timeline->divergenceMarkUs());
  }

  // A long jump leaves the records to compare behind (each run keeps only its newest trace): the
  // place they part is still the one a step-by-step search finds.
  void aLongJumpFindsTheSameDivergence() {
    QTemporaryDir dir;
    cs::ui::MainWindow w(window(dir, "raft-5"));
    cs::ui::CompareView* view = w.compareView();
    cs::ui::RunController* a = w.controller()->run();
    QString error;
    QVERIFY2(view->start("seed=7", &error), qPrintable(error));
    a->seekUs(1'000'000);
    const auto stepwise = view->comparison()->divergenceUs();
    QVERIFY(stepwise);
    view->stop();
    a->seekUs(0);
    QVERIFY2(view->start("seed=7", &error), qPrintable(error));
    a->seekUs(1'200'000'000);
    QVERIFY(view->branch()->run()->coreRun()->simulation().trace().first_index() > 0);  // records were dropped
    QCOMPARE(view->comparison()->divergenceUs(), stepwise);
    // B, with no panels of its own, keeps fewer checkpoints than A (memory for two long branches).
    const std::size_t kept_a = a->coreRun()->simulation().checkpoint_count();
    const std::size_t kept_b = view->branch()->run()->coreRun()->simulation().checkpoint_count();
    QVERIFY2(kept_a >= 600 && kept_b * 3 < kept_a, qPrintable(QStringLiteral("A %1, B %2").arg(kept_a).arg(kept_b)));
    // and can still be rewound within its last minutes, to the same moment as A.
    a->seekUs(1'100'000'000);
    QCOMPARE(view->branch()->run()->timeUs(), qint64{1'100'000'000});
  }

  void aRefusedChangeSaysWhyAndKeepsTheDialogOpen() {
    QTemporaryDir dir;
    cs::ui::MainWindow w(window(dir, "auto-failover-async-loss"));
    cs::ui::CompareView* view = w.compareView();
    QString error;
    QVERIFY(!view->start("warp=9", &error));
    QVERIFY2(error.contains("warp"), qPrintable(error));
    QVERIFY(!view->comparison()->active());

    cs::ui::CompareDialog dialog(cs::ui::BranchComparison::parameters(*w.controller()->run()), 1, "0.000 s");
    dialog.setStarter([view](const QString& change, QString* why) { return view->start(change, why); });
    dialog.setParameter("replica_acks", "-5");
    QCOMPARE(dialog.change(), QString("replica_acks=-5"));
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Rejected));  // still open
    QVERIFY2(dialog.errorText().contains("replica_acks"), qPrintable(dialog.errorText()));
    // A choice parameter offers another value than today's, as JSON text.
    dialog.setParameter("failover", "manual");
    QCOMPARE(dialog.change(), QString("failover=\"manual\""));
    dialog.setSeed(42);
    QCOMPARE(dialog.change(), QString("seed=42"));
    dialog.choose(2);
    QCOMPARE(dialog.change(), QString("actions"));
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(view->comparison()->active());
  }

  // Only the learner's own actions differ: what is done on B's stage happens in B alone.
  void actionsOnOneBranchStayInIt() {
    QTemporaryDir dir;
    cs::ui::MainWindow w(window(dir, "raft-5"));
    w.show();
    cs::ui::CompareView* view = w.compareView();
    cs::ui::RunController* a = w.controller()->run();
    a->seekUs(3'000'000);
    QString error;
    QVERIFY2(view->start("actions", &error), qPrintable(error));
    cs::ui::RunController* b = view->branch()->run();
    a->seekUs(4'000'000);
    QVERIFY(!view->comparison()->divergenceUs());  // the same run so far
    view->branch()->actions()->crashOrRestart(0);
    QCOMPARE(b->savedRun().actions.size(), std::size_t{1});
    QVERIFY(a->savedRun().actions.empty());
    a->seekUs(6'000'000);
    QVERIFY(view->comparison()->divergenceUs());
    QVERIFY(*view->comparison()->divergenceUs() >= 4'000'000);
    QCOMPARE(a->savedRun().comparison->actions.size(), std::size_t{1});
  }

  // A saved run keeps both branches and reopens exactly: same change, same actions, same traces.
  void aSavedRunReopensWithBothBranches() {
    QTemporaryDir dir;
    const QString path = dir.filePath("compare.clusterscope");
    std::uint64_t hash_a = 0;
    std::uint64_t hash_b = 0;
    {
      cs::ui::MainWindow w(window(dir, "split-brain-fenced"));
      w.show();
      w.controller()->run()->seekUs(2'000'000);
      QString error;
      QVERIFY2(w.compareView()->start("fencing=false", &error), qPrintable(error));
      w.compareView()->branch()->actions()->crashOrRestart(2);
      w.controller()->run()->seekUs(9'000'000);
      hash_a = w.controller()->run()->frame().trace_hash;
      hash_b = w.compareView()->branch()->run()->frame().trace_hash;
      QVERIFY(hash_a != hash_b);
      QVERIFY2(w.runFiles()->saveRunTo(path, &error), qPrintable(error));
    }
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains("\"compare\""));
    cs::ui::MainWindow again(window(dir, path));
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    QCoreApplication::processEvents();
    // Reopened at start, before the window was shown: both stages still get their half.
    QVERIFY(again.compareView()->sideBySide());
    QVERIFY(again.compareView()->stageB()->isVisible());
    QVERIFY(again.compareView()->stageB()->width() >= 360);
    QVERIFY(again.stageWidget()->width() >= 360);
    cs::ui::BranchComparison* c = again.compareView()->comparison();
    QVERIFY(c->active());
    QCOMPARE(c->changeText(), QString("fencing = false"));
    QCOMPARE(c->forkUs(), qint64{2'000'000});
    again.controller()->run()->seekUs(9'000'000);
    QCOMPARE(again.controller()->run()->frame().trace_hash, hash_a);
    QCOMPARE(again.compareView()->branch()->run()->frame().trace_hash, hash_b);
    QCOMPARE(again.compareView()->branch()->run()->savedRun().actions.size(), std::size_t{1});
  }

  void theComparisonExportsAsOnePicture() {
    QTemporaryDir dir;
    cs::ui::MainWindow w(window(dir, "async-lag-stale-read"));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QString error;
    QVERIFY2(w.compareView()->start("mode=sync", &error), qPrintable(error));
    w.controller()->run()->seekUs(6'000'000);
    QCoreApplication::processEvents();
    const QString svg = dir.filePath("compare.svg");
    const QString png = dir.filePath("compare.png");
    QVERIFY2(w.compareView()->exportTo(svg, &error), qPrintable(error));
    QVERIFY2(w.compareView()->exportTo(png, &error), qPrintable(error));
    QFile f(svg);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray text = f.readAll();
    QVERIFY(text.contains("<svg"));
    QVERIFY(text.contains("A: the run as it is"));
    QVERIFY(text.contains("B: mode = sync"));
    QVERIFY(text.contains("They part at"));
    const QImage image(png);
    QCOMPARE(image.size(), QSize(1600, 1000));
    image.save("/tmp/clusterscope-compare-export.png");
    QFile::remove("/tmp/clusterscope-compare-export.svg");
    QFile::copy(svg, "/tmp/clusterscope-compare-export.svg");
    error.clear();
    QVERIFY(!w.compareView()->exportTo(dir.filePath("no-such-folder/x.png"), &error));
    QVERIFY(!error.isEmpty());
  }

  // On a laptop the stage is too narrow for two: one at a time, with A and B to switch.
  void aNarrowStageShowsOneBranchAtATime_data() {
    QTest::addColumn<QSize>("size");
    QTest::addColumn<bool>("projector");
    QTest::newRow("1280x720") << QSize(1280, 720) << false;
    QTest::newRow("1600x1000") << QSize(1600, 1000) << false;
    QTest::newRow("1600x1000 projector") << QSize(1600, 1000) << true;
  }
  void aNarrowStageShowsOneBranchAtATime() {
    QFETCH(QSize, size);
    QFETCH(bool, projector);
    QTemporaryDir dir;
    cs::ui::MainWindow w(window(dir, "split-brain-fenced", size));
    w.classroom()->setProjectorMode(projector);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QString error;
    QVERIFY2(w.compareView()->start("fencing=false", &error), qPrintable(error));
    w.controller()->run()->seekUs(8'000'000);
    QCoreApplication::processEvents();
    cs::ui::CompareView* view = w.compareView();
    auto* show_a = view->findChild<QToolButton*>("compareShowA");
    auto* show_b = view->findChild<QToolButton*>("compareShowB");
    QQuickWidget* stage_a = w.stageWidget();
    QWidget* stage_b = view->stageB();
    const QRect window_rect = w.rect();
    if (view->sideBySide()) {
      QVERIFY(stage_a->isVisible() && stage_b->isVisible());
      QVERIFY(!show_a->isVisible() && !show_b->isVisible());
      QVERIFY(stage_a->width() >= 360 && stage_b->width() >= 360);
    } else {
      QVERIFY(show_a->isVisible() && show_b->isVisible());
      QVERIFY(stage_a->isVisible() && !stage_b->isVisible());
      show_b->click();
      QCoreApplication::processEvents();
      QVERIFY(!stage_a->isVisible() && stage_b->isVisible());
      QCOMPARE(view->shownBranch(), 1);
      show_a->click();
      QVERIFY(stage_a->isVisible() && !stage_b->isVisible());
      show_b->click();
      QCoreApplication::processEvents();
    }
    // Whatever shows lies inside the window, with its caption readable and at least 200 px tall.
    for (QWidget* stage : {static_cast<QWidget*>(stage_a), stage_b}) {
      if (!stage->isVisible()) continue;
      const QRect r(stage->mapTo(&w, QPoint(0, 0)), stage->size());
      QVERIFY2(window_rect.contains(r),
               qPrintable(QString("a stage leaves the window at %1x%2").arg(size.width()).arg(size.height())));
      QVERIFY(stage->height() >= 200);
    }
    for (const char* name : {"compareCaptionA", "compareCaptionB", "compareTitle"}) {
      auto* label = view->findChild<QLabel*>(name);
      if (!label->isVisible()) continue;
      const bool fits = label->wordWrap() ? label->heightForWidth(label->width()) <= label->height() + 1
                                          : label->fontMetrics().horizontalAdvance(label->text()) <= label->width() + 1;
      QVERIFY2(fits, qPrintable(QString("%1 is cut off: %2").arg(name, label->text())));
    }
    // B is drawn as A is: projector mode enlarges both.
    QCOMPARE(view->branch()->theme()->projector(), projector);
    w.renderImage().save(QString("/tmp/clusterscope-compare-%1x%2%3.png")
                             .arg(size.width())
                             .arg(size.height())
                             .arg(projector ? "-projector" : ""));
  }

  // Lessons 2 to 5 each have a Try it that opens a comparison.
  void aComparisonTryItOpensBothBranches() {
    QTemporaryDir dir;
    cs::ui::AppOptions o = test::window_options(dir, {1600, 1000});
    o.teacher = true;
    cs::ui::MainWindow w(o);
    w.show();
    int opened = 0;
    for (int lesson = 1; lesson <= 4; ++lesson) {
      w.showLesson(lesson);
      for (const auto& t : w.course().lessons[static_cast<std::size_t>(lesson)].tryits) {
        if (t.compare.empty()) continue;
        emit w.lessonPane()->view()->tryItActivated(QString::fromStdString(t.id));
        QVERIFY2(w.compareView()->comparison()->active(), t.id.c_str());
        QCOMPARE(w.controller()->run()->scenarioId(), QString::fromStdString(t.scenario));
        QCOMPARE(w.compareView()->branch()->run()->scenarioId(), QString::fromStdString(t.scenario));
        ++opened;
      }
    }
    QVERIFY(opened >= 4);
    // Another lesson's ordinary experiment closes the comparison.
    w.showLesson(0);
    QVERIFY(!w.compareView()->comparison()->active());
  }
};

QTEST_MAIN(TestCompareWindow)
#include "test_compare_window.moc"
