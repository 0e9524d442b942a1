// The panels beside the stage and the exports: they show what the run did, and files written
// from them are what the learner saw (and a saved run reopens as it was).
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QQuickWidget>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtQml/QQmlExtensionPlugin>
#include <QtTest>

#include "window_test_support.h"

#include "panels/charts_panel.h"
#include "panels/event_log.h"
#include "panels/history_panel.h"
#include "panels/metrics_panel.h"
#include "panels/sequence_diagram.h"
#include "shell/main_window.h"
#include "shell/narration_panel.h"
#include "shell/run_files.h"
#include "stage/stage_controller.h"

Q_IMPORT_QML_PLUGIN(ClusterScopePlugin)

namespace {
cs::ui::AppOptions options(const QTemporaryDir& dir) { return test::window_options(dir); }
}  // namespace

class TestPanels : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { test::isolate_settings(); }

  void sequenceDiagramDrawsMessagesAndDrops() {
    QTemporaryDir dir;
    cs::ui::MainWindow w(options(dir));
    auto* c = w.controller();
    c->selection()->toggleSelected(0);
    c->partitionSelection();  // n1 alone: its heartbeats are dropped
    c->run()->seekUs(600'000);
    QImage image(800, 400, QImage::Format_ARGB32);
    QPainter p(&image);
    w.sequenceDiagram()->paint(p, image.size());
    p.end();
    const auto drawn = w.sequenceDiagram()->lastDrawn();
    QCOMPARE(drawn.lanes, 5);
    QVERIFY(drawn.arrows > 10);
    QVERIFY(drawn.drops > 4);
    QVERIFY(drawn.labels >= 1);  // the partition fault
  }

  void eventLogFilters() {
    QTemporaryDir dir;
    cs::ui::MainWindow w(options(dir));
    w.controller()->actions()->isolate(2);
    w.controller()->run()->seekUs(800'000);
    cs::ui::EventLog* log = w.eventLog();
    log->model()->refresh();
    QVERIFY(log->model()->rowCount() > 50);
    log->setKindFilter("drop");
    QVERIFY(log->filtered()->rowCount() > 0);
    for (int r = 0; r < log->filtered()->rowCount(); ++r) {
      QCOMPARE(log->filtered()->index(r, cs::ui::EventLogModel::Kind).data().toString(), QString("drop"));
      QVERIFY(log->filtered()->index(r, cs::ui::EventLogModel::Detail).data().toString().contains("isolated"));
    }
    log->setKindFilter("");
    log->setTextFilter("n3");
    for (int r = 0; r < log->filtered()->rowCount(); ++r) {
      const QString node = log->filtered()->index(r, cs::ui::EventLogModel::Node).data().toString();
      const QString peer = log->filtered()->index(r, cs::ui::EventLogModel::Peer).data().toString();
      QVERIFY(node == "n3" || peer == "n3");
    }
  }

  void metricsAndChartsShowTheRun() {
    QTemporaryDir dir;
    cs::ui::MainWindow w(options(dir));
    w.controller()->actions()->sendWrite(0);
    w.controller()->run()->seekUs(3'000'000);
    w.metricsPanel()->refresh();
    QVERIFY(w.metricsPanel()->value("heartbeats_sent").toDouble() >= 20);
    QCOMPARE(w.metricsPanel()->value("ops_ok"), QString("1"));
    QVERIFY(!w.chartsPanel()->built());  // Qt Charts is only loaded when the panel is opened
    w.show();
    w.findChild<QTabWidget*>("panels")->setCurrentWidget(w.chartsPanel());
    QVERIFY(w.chartsPanel()->built());
    w.chartsPanel()->refresh();
    QCOMPARE(w.chartsPanel()->plotted().availability_points, 3);
    QCOMPARE(w.chartsPanel()->plotted().latency_levels, 1);
    QVERIFY(w.grab().save(QCoreApplication::applicationDirPath() + "/panels_charts.png"));
  }

  void exportsWriteWhatTheStageShows() {
    QTemporaryDir dir;
    cs::ui::MainWindow w(options(dir));
    w.show();
    w.controller()->run()->seekUs(1'075'000);
    QString error;
    QVERIFY2(w.runFiles()->exportStageTo(dir.filePath("stage.svg"), &error), qPrintable(error));
    QFile svg(dir.filePath("stage.svg"));
    QVERIFY(svg.open(QIODevice::ReadOnly));
    const QByteArray text = svg.readAll();
    QVERIFY(text.contains("<svg"));
    for (const char* name : {"n1", "n2", "n3", "n4", "n5"}) QVERIFY(text.contains(name));
    QVERIFY(w.runFiles()->exportStageTo(dir.filePath("stage.png"), &error));
    QImage png(dir.filePath("stage.png"));
    QVERIFY(!png.isNull());
    QCOMPARE(png.size(), w.stageWidget()->size() * png.devicePixelRatio());
    QVERIFY(w.runFiles()->exportSequenceTo(dir.filePath("sequence.svg"), &error));
    QVERIFY(w.runFiles()->exportSequenceTo(dir.filePath("sequence.png"), &error));
    QVERIFY(!QImage(dir.filePath("sequence.png")).isNull());
    QVERIFY(!w.runFiles()->exportStageTo("/nonexistent/dir/stage.png", &error));
    QVERIFY(!error.isEmpty());
  }

  void aSavedRunReopensExactlyAsItWas() {
    QTemporaryDir dir;
    quint64 hash = 0;
    {
      cs::ui::MainWindow w(options(dir));
      auto* c = w.controller();
      c->run()->setSeed(9);
      c->run()->seekUs(700'000);
      c->actions()->crashOrRestart(0);
      c->run()->seekUs(1'900'000);
      c->actions()->crashOrRestart(0);
      c->run()->seekUs(4'000'000);
      hash = c->run()->frame().trace_hash;
      QString error;
      QVERIFY2(w.runFiles()->saveRunTo(dir.filePath("run.json"), &error), qPrintable(error));
    }
    cs::ui::AppOptions o = options(dir);
    o.scenario = dir.filePath("run.json");
    cs::ui::MainWindow again(o);
    QCOMPARE(again.controller()->run()->seed(), quint64{9});
    again.controller()->run()->seekUs(4'000'000);
    QCOMPARE(again.controller()->run()->frame().trace_hash, hash);
    QCOMPARE(again.controller()->run()->markers().size(), 2);
  }

  void historyPanelChecksTheRun() {
    QTemporaryDir dir;
    cs::ui::MainWindow w(options(dir));
    auto* c = w.controller();
    // The heartbeat leader keeps the only copy: what clients see is linearizable.
    c->actions()->sendWrite(0);
    c->run()->seekUs(300'000);
    c->actions()->sendRead(0);
    c->run()->seekUs(600'000);
    const auto result = w.historyPanel()->checkNow();
    QCOMPARE(result.verdict, cs::check::Verdict::Linearizable);
    QVERIFY(w.historyPanel()->verdictText().startsWith("Linearizable"));
    QImage image(600, 200, QImage::Format_ARGB32);
    w.historyPanel()->timeline()->render(&image);
    QCOMPARE(w.historyPanel()->timeline()->drawnOperations(), 2);
  }

  void narrationStepsPlayPauseAndHighlight() {
    QTemporaryDir dir;
    cs::ui::MainWindow w(options(dir));
    cs::ui::NarrationPanel* n = w.narration();
    std::vector<cs::course::TryItStep> steps(3);
    steps[0].text = "first";
    steps[0].highlight = {"n1"};
    steps[1].text = "second";
    steps[1].at_us = 1'500'000;
    steps[1].highlight = {"n3"};
    steps[2].text = "third";
    steps[2].at_us = 2'500'000;
    n->setSteps("Watch", steps);
    QCOMPARE(n->currentStep(), 0);
    QVERIFY(w.controller()
                ->scene()
                ->nodes()
                ->data(w.controller()->scene()->nodes()->index(0), cs::ui::NodeListModel::HighlightedRole)
                .toBool());
    n->next();
    QCOMPARE(n->currentStep(), 1);
    QCOMPARE(w.controller()->run()->timeUs(), qint64{1'500'000});
    QVERIFY(!w.controller()->run()->playing());
    QVERIFY(w.controller()
                ->scene()
                ->nodes()
                ->data(w.controller()->scene()->nodes()->index(2), cs::ui::NodeListModel::HighlightedRole)
                .toBool());
    n->next();
    QCOMPARE(w.controller()->run()->timeUs(), qint64{2'500'000});
    QCOMPARE(n->text(), QString("third"));
    n->next();  // no step after the last
    QCOMPARE(n->currentStep(), 2);
    n->previous();
    QCOMPARE(n->currentStep(), 1);
    QCOMPARE(w.controller()->run()->timeUs(), qint64{1'500'000});
  }
};

QTEST_MAIN(TestPanels)
#include "test_panels.moc"
