// The timeline as a minimap of the whole run: event density drawn along it, and going to a time or
// an event number from the keyboard (Simulation > Go to time or event, Ctrl+G).
#include <QAction>
#include <QTemporaryDir>
#include <QtQml/QQmlExtensionPlugin>
#include <QtTest>

#include "window_test_support.h"

#include "run/run_controller.h"
#include "shell/go_to_moment.h"
#include "shell/main_window.h"
#include "shell/timeline_widget.h"
#include "stage/stage_controller.h"

Q_IMPORT_QML_PLUGIN(ClusterScopePlugin)

using cs::ui::GoToTarget;

class TestTimelineMinimap : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { test::isolate_settings(); }

  void timesAndEventNumbersAreRead() {
    using K = GoToTarget::Kind;
    const auto check = [](const char* text, K kind, qint64 time_us, quint64 event) {
      const GoToTarget t = cs::ui::parseGoTo(QString::fromUtf8(text));
      QCOMPARE(t.kind, kind);
      if (kind == K::Time) QCOMPARE(t.time_us, time_us);
      if (kind == K::Event) QCOMPARE(t.event, event);
    };
    check("12.5", K::Time, 12'500'000, 0);
    check(" 12,5 s ", K::Time, 12'500'000, 0);
    check("1:05", K::Time, 65'000'000, 0);
    check("0", K::Time, 0, 0);
    check("#1200", K::Event, 0, 1199);
    check("event 7", K::Event, 0, 6);
    check("Ereignis 3", K::Event, 0, 2);
    check("#0", K::Invalid, 0, 0);
    check("soon", K::Invalid, 0, 0);
    check("-3", K::Invalid, 0, 0);
    check("", K::Invalid, 0, 0);
  }

  void theTimelineShowsWhereTheRunWasBusyAndGoesToAnEvent() {
    QTemporaryDir dir;
    cs::ui::MainWindow w(test::window_options(dir, QSize(1280, 720)));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    cs::ui::RunController* run = w.controller()->run();
    QVERIFY(run->loadScenario(QStringLiteral("raft-leader-crash"), nullptr));
    auto* timeline = w.findChild<cs::ui::TimelineWidget*>("timeline");
    QVERIFY(timeline);
    const QImage before = timeline->grab().toImage();
    run->seekUs(run->horizonUs());  // the whole run, sampled
    const auto density = run->eventDensity(40);
    QVERIFY(std::count_if(density.begin(), density.end(), [](std::uint32_t n) { return n > 0; }) >= 30);
    // Drawn: the bar's bottom row now has the density's colour where it had the base colour.
    run->seekUs(0);
    const QImage after = timeline->grab().toImage();
    const QColor bars = timeline->palette().mid().color();
    const int row = timeline->xFor(0) >= 0 ? after.height() - 14 : 0;
    int coloured = 0;
    for (int x = timeline->xFor(0) + 2; x < timeline->xFor(run->horizonUs()) - 2; ++x) {
      if (after.pixelColor(x, row).rgb() == bars.rgb() && before.pixelColor(x, row).rgb() != bars.rgb()) ++coloured;
    }
    QVERIFY2(coloured > timeline->width() / 3, qPrintable(QString::number(coloured)));

    // Going to an event number lands on that event's time; an event not yet run is refused.
    const auto at = run->timeOfEvent(499);
    QVERIFY(at);
    QString why;
    QVERIFY(cs::ui::GoToMoment::apply(run, cs::ui::parseGoTo("#500"), &why));
    QCOMPARE(run->timeUs(), *at);
    QVERIFY(cs::ui::GoToMoment::apply(run, cs::ui::parseGoTo("2.5"), &why));
    QCOMPARE(run->timeUs(), qint64{2'500'000});
    QVERIFY(!cs::ui::GoToMoment::apply(run, cs::ui::parseGoTo("#999999999"), &why));
    QVERIFY(why.contains("has not happened yet"));
    QVERIFY(!cs::ui::GoToMoment::apply(run, cs::ui::parseGoTo("later"), &why));
    // The menu offers it with Ctrl+G.
    bool found = false;
    for (QAction* a : w.findChildren<QAction*>()) {
      if (a->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_G)) found = true;
    }
    QVERIFY(found);
  }
};

QTEST_MAIN(TestTimelineMinimap)
#include "test_timeline_minimap.moc"
