// The whole window, offscreen: the course is listed, lesson text rendered, and the stage really
// draws the cluster: each node's colour is found at the position the layout computed.
#include <QQuickWidget>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtQml/QQmlExtensionPlugin>
#include <QtTest>

#include "window_test_support.h"

#include "course/course.h"
#include "shell/lesson_pane.h"
#include "shell/lesson_view.h"
#include "shell/main_window.h"
#include "shell/narration_panel.h"
#include "stage/stage_controller.h"
#include "stage/stage_snapshot.h"
#include "theme/palette.h"

Q_IMPORT_QML_PLUGIN(ClusterScopePlugin)

namespace {

bool close_to(QColor a, QColor b, int tolerance = 12) {
  return std::abs(a.red() - b.red()) <= tolerance && std::abs(a.green() - b.green()) <= tolerance &&
         std::abs(a.blue() - b.blue()) <= tolerance;
}

}  // namespace

class TestMainWindow : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { test::isolate_settings(); }

  void listsTheLessonsAndShowsLessonOne() {
    QTemporaryDir dir;
    cs::ui::AppOptions o;
    o.progress_file = dir.filePath("progress.json");
    cs::ui::MainWindow w(o);
    QVERIFY(w.courseLoaded());
    QCOMPARE(w.course().lessons.size(), std::size_t{6});
    QCOMPARE(w.currentLesson(), 0);
    auto* view = w.findChild<QWidget*>("lessonView");
    QVERIFY(view);
    auto* navigator = w.findChild<QWidget*>("lessonList");
    QVERIFY(navigator);
  }

  void lessonOptionOpensThatLesson() {
    QTemporaryDir dir;
    cs::ui::AppOptions o;
    o.lesson = 3;
    o.teacher = true;  // lesson 3 is locked for a new learner
    o.progress_file = dir.filePath("progress.json");
    {
      cs::ui::MainWindow w(o);
      QCOMPARE(w.currentLesson(), 2);
    }
    // Asked for on the command line, the lesson starts on its own first experiment; with a
    // scenario asked for too, that scenario stays.
    o.lesson_asked = true;
    {
      cs::ui::MainWindow w(o);
      const auto& lesson3 = w.course().lessons[2];
      QVERIFY(!lesson3.tryits.empty());
      QVERIFY(lesson3.tryits.front().scenario != "cluster-heartbeat");  // not the default scenario
      QCOMPARE(w.controller()->run()->scenarioId(), QString::fromStdString(lesson3.tryits.front().scenario));
    }
    o.scenario = "raft-5";
    cs::ui::MainWindow w(o);
    QCOMPARE(w.controller()->run()->scenarioId(), QString("raft-5"));
  }

  void everyTryItLinkOpensItsScenarioAndSteps() {
    // The links as a learner clicks them: every lesson's Try it entries, through the lesson view.
    QTemporaryDir dir;
    cs::ui::AppOptions o;
    o.teacher = true;
    o.progress_file = dir.filePath("progress.json");
    cs::ui::MainWindow w(o);
    auto* view = w.lessonPane()->view();
    int opened = 0;
    for (int lesson = 0; lesson < static_cast<int>(w.course().lessons.size()); ++lesson) {
      w.showLesson(lesson);
      for (const auto& tryit : w.course().lessons[static_cast<std::size_t>(lesson)].tryits) {
        w.controller()->run()->loadScenario("cluster-heartbeat", nullptr);  // start elsewhere each time
        emit view->tryItActivated(QString::fromStdString(tryit.id));
        const QString where = QString::fromStdString(tryit.id);
        QCOMPARE(w.controller()->run()->scenarioId(), QString::fromStdString(tryit.scenario));
        QVERIFY2(w.narration()->stepCount() == static_cast<int>(tryit.steps.size()), qPrintable(where));
        QCOMPARE(w.narration()->currentStep(), 0);
        QVERIFY2(w.narration()->text().contains(QString::fromStdString(tryit.steps.front().text).left(30)),
                 qPrintable(where));
        ++opened;
      }
    }
    QVERIFY2(opened >= 40, qPrintable(QString::number(opened)));  // every lesson has several
  }

  void brokenLessonsDirIsReportedNotFatal() {
    QTemporaryDir dir;
    cs::ui::AppOptions o;
    o.progress_file = dir.filePath("progress.json");
    o.lessons_dir = QDir::tempPath() + "/clusterscope-no-such-dir";
    cs::ui::MainWindow w(o);
    QVERIFY(!w.courseLoaded());
    QVERIFY(w.controller()->run()->hasRun());  // the stage still runs
  }

  void stageDrawsEveryNodeWhereTheLayoutPutsIt() {
    QTemporaryDir dir;
    cs::ui::AppOptions o;
    o.progress_file = dir.filePath("progress.json");
    o.size = QSize(1400, 900);
    cs::ui::MainWindow w(o);
    w.show();
    w.controller()->run()->seekUs(2'000'000);
    QApplication::processEvents();
    QQuickWidget* stage = w.stageWidget();
    const QImage image = stage->grabFramebuffer();
    QVERIFY(!image.isNull());
    const qreal dpr = image.devicePixelRatio();
    const auto& nodes = w.controller()->scene()->nodes()->items();
    QCOMPARE(nodes.size(), 5);
    const auto layout = cs::ui::circle_layout(5);
    for (int i = 0; i < nodes.size(); ++i) {
      QCOMPARE(nodes[i].x, layout[i].x());
      // Sample inside the card where the stage's geometry puts it, left of centre, away from the
      // name and role text.
      const QRectF card = w.controller()->scene()->geometry().card_rect(nodes[i]);
      const QPoint p(static_cast<int>((card.left() + card.width() * 0.12) * dpr),
                     static_cast<int>(card.center().y() * dpr));
      const QColor seen = image.pixelColor(p);
      QVERIFY2(close_to(seen, nodes[i].color), qPrintable(QString("%1 at %2,%3: expected %4, saw %5")
                                                              .arg(nodes[i].name)
                                                              .arg(p.x())
                                                              .arg(p.y())
                                                              .arg(nodes[i].color.name(), seen.name())));
    }
    // The leader's colour differs from a follower's, and the background is not a node colour.
    QVERIFY(!close_to(nodes[0].color, nodes[1].color));
    const QColor corner =
        image.pixelColor(static_cast<int>(stage->width() * dpr) / 2, static_cast<int>(stage->height() * dpr) / 2);
    QVERIFY(!close_to(corner, nodes[0].color) && !close_to(corner, nodes[1].color));
  }
};

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
