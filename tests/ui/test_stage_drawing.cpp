// How the stage draws: the token model's row updates, the renderer chosen without a GPU, and that
// what the software renderer paints on screen shows every message and the sharding views.
#include <QAbstractItemModelTester>
#include <QPaintEvent>
#include <QQuickItem>
#include <QQuickWidget>
#include <QQuickWindow>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtQml/QQmlExtensionPlugin>
#include <QtTest>
#include <algorithm>

#include "window_test_support.h"

#include "shell/main_window.h"
#include "shell/scene_graph_backend.h"
#include "stage/shard_layers.h"
#include "stage/stage_controller.h"
#include "stage/token_list_model.h"

Q_IMPORT_QML_PLUGIN(ClusterScopePlugin)

namespace {

QVector<cs::ui::TokenItem> tokens_with_ids(const std::vector<quint64>& ids, int frame) {
  QVector<cs::ui::TokenItem> out;
  for (quint64 id : ids) {
    cs::ui::TokenItem t;
    t.id = id;
    t.messageClass = QStringLiteral("heartbeat");
    t.x = static_cast<double>((id * 7 + static_cast<quint64>(frame)) % 100) / 100.0;
    t.y = 0.5;
    out.push_back(t);
  }
  return out;
}

// Every pixel of `image` in a small square around `p` (device pixels).
bool has_colour_near(const QImage& image, QPointF p, QColor colour, int reach) {
  for (int dy = -reach; dy <= reach; ++dy) {
    for (int dx = -reach; dx <= reach; ++dx) {
      const QPoint q = (p + QPointF(dx, dy)).toPoint();
      if (!image.rect().contains(q)) continue;
      const QColor c = image.pixelColor(q);
      if (std::abs(c.red() - colour.red()) + std::abs(c.green() - colour.green()) + std::abs(c.blue() - colour.blue()) <
          30) {
        return true;
      }
    }
  }
  return false;
}

// The window shown at a laptop's size with the heartbeat cluster on its stage.
bool show_heartbeat(cs::ui::MainWindow& w) {
  w.show();
  return QTest::qWaitForWindowExposed(&w) && w.controller()->run()->loadScenario("cluster-heartbeat", nullptr);
}

// Goes to `time_us` and waits for the stage to render it (the widget renders on its own timer).
bool seek_and_render(cs::ui::MainWindow& w, qint64 time_us) {
  QSignalSpy rendered(w.stageWidget()->quickWindow(), &QQuickWindow::afterRendering);
  w.controller()->run()->seekUs(time_us);
  return rendered.wait(5000);
}

}  // namespace

class TestStageDrawing : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { test::isolate_settings(); }  // no first-run tour over the stage
  void theTokenModelKeepsItsRowsConsistentThroughAnyChange() {
    // Random frames: old messages leave (mostly from the front), new ones come (with higher ids),
    // some leave from the middle. The tester checks every signal against the rows; the rows must
    // end as the frame's list.
    cs::ui::TokenListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QRandomGenerator random(7);
    std::vector<quint64> ids;
    quint64 next_id = 1;
    for (int frame = 0; frame < 400; ++frame) {
      std::vector<quint64> kept;
      for (quint64 id : ids) {
        const bool old = id + 40 < next_id;
        if (!(old && random.bounded(3) != 0) && random.bounded(20) != 0) kept.push_back(id);
      }
      const int arriving = static_cast<int>(random.bounded(12));
      for (int i = 0; i < arriving; ++i) kept.push_back(next_id++);
      if (frame % 97 == 0) kept.clear();  // a seek far away: everything changes at once
      ids = kept;
      const auto next = tokens_with_ids(ids, frame);
      model.update(next);
      QCOMPARE(model.rowCount(), static_cast<int>(next.size()));
      for (int i = 0; i < next.size(); ++i) {
        QCOMPARE(model.items()[i].id, next[i].id);
        QCOMPARE(model.items()[i].x, next[i].x);
      }
    }
  }

  void aSoftwareRasteriserIsRecognised() {
    QVERIFY(cs::ui::is_software_rasteriser("llvmpipe (LLVM 15.0.6, 256 bits)"));
    QVERIFY(cs::ui::is_software_rasteriser("softpipe"));
    QVERIFY(cs::ui::is_software_rasteriser("Software Rasterizer"));
    QVERIFY(!cs::ui::is_software_rasteriser("Mesa Intel(R) UHD Graphics 620 (KBL GT2)"));
    QVERIFY(!cs::ui::is_software_rasteriser("AMD Radeon RX 6600 (radeonsi, navi23, LLVM 15.0.6)"));
    QVERIFY(!cs::ui::is_software_rasteriser(""));
    // Offscreen (as here) Qt Quick draws in software, and nothing is probed.
    QCOMPARE(cs::ui::choose_scene_graph_backend(), QStringLiteral("software (offscreen)"));
    qputenv("QT_QUICK_BACKEND", "software");
    QCOMPARE(cs::ui::choose_scene_graph_backend(), QStringLiteral("as the environment asks"));
    qunsetenv("QT_QUICK_BACKEND");
  }

  void everyMessageInFlightIsPaintedOnScreen() {
    // The window as it is shown (the partial repaints of the software renderer, not a grab): at
    // several moments, each message's colour is found where the scene puts it.
    QTemporaryDir dir;
    cs::ui::MainWindow w(test::window_options(dir, QSize(1280, 720)));
    QVERIFY(show_heartbeat(w));
    auto* c = w.controller();
    int checked = 0;
    for (qint64 t = 200'000; t <= 2'000'000; t += 150'000) {
      QVERIFY(seek_and_render(w, t));
      const QImage image = w.stageWidget()->grab().toImage();  // what the window holds now
      const double dpr = image.devicePixelRatio();
      const auto& g = c->scene()->geometry();
      for (const auto& token : c->scene()->tokens()->items()) {
        const QPointF p = g.to_pixels(token.x, token.y) * dpr;
        QVERIFY2(has_colour_near(image, p, token.color, static_cast<int>(4 * dpr)),
                 qPrintable(QStringLiteral("message %1 at %2 s not painted").arg(token.id).arg(t / 1e6)));
        ++checked;
      }
    }
    QVERIFY2(checked >= 20, qPrintable(QString::number(checked)));
  }

  void aFrameWithMessagesIsRepaintedAsOneRectangle() {
    // With messages on the stage the frame is repainted as one rectangle: a region of several (the
    // messages' box and the ticking clock) took Qt's raster engine off its fast image copies, for
    // the stage and again for the frame into the window.
    QTemporaryDir dir;
    cs::ui::MainWindow w(test::window_options(dir, QSize(1280, 720)));
    QVERIFY(show_heartbeat(w));
    struct PaintRegions : QObject {
      QRegion last;
      bool eventFilter(QObject*, QEvent* e) override {
        if (e->type() == QEvent::Paint) last = static_cast<QPaintEvent*>(e)->region();
        return false;
      }
    } regions;
    w.stageWidget()->installEventFilter(&regions);
    int with_messages = 0;
    for (qint64 t = 300'000; t <= 1'500'000; t += 16'000) {
      regions.last = QRegion();
      QVERIFY(seek_and_render(w, t));
      QTRY_VERIFY(!regions.last.isEmpty());  // the paint follows the render
      if (w.controller()->scene()->tokens()->items().isEmpty()) continue;
      ++with_messages;
      QVERIFY2(regions.last.rectCount() == 1,
               qPrintable(QStringLiteral("at %1 s: %2").arg(t / 1e6).arg(QDebug::toString(regions.last))));
      QCOMPARE(regions.last.boundingRect(), w.stageWidget()->rect());
    }
    QVERIFY2(with_messages >= 20, qPrintable(QString::number(with_messages)));
  }

  void theRingIsPaintedWhenTheStageShowsIt() {
    QTemporaryDir dir;
    cs::ui::MainWindow w(test::window_options(dir, QSize(1280, 720)));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    auto* shards = w.stageWidget()->rootObject()->findChild<cs::ui::ShardLayer*>();
    QVERIFY(shards);
    QVERIFY(w.controller()->run()->loadScenario("cluster-heartbeat", nullptr));
    w.stageWidget()->grabFramebuffer();
    const int hidden = shards->paintCount();
    QVERIFY(w.controller()->run()->loadScenario("consistent-hash-add-node", nullptr));
    QCOMPARE(w.controller()->scene()->viewKind(), QStringLiteral("ring"));
    w.controller()->run()->seekUs(3'000'000);
    w.stageWidget()->grabFramebuffer();
    QVERIFY(shards->paintCount() > hidden);
  }
};

QTEST_MAIN(TestStageDrawing)
#include "test_stage_drawing.moc"
