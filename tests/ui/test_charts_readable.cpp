// The Charts tab must be readable in the strip it gets below the stage (about 550x170 px on a
// laptop, 850x260 px at a desk): plots tall enough to read, no axis label cut to "…", value axes
// that hold all of their data, and no empty frame for a chart with nothing to plot.
#include <QAbstractBarSeries>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QGraphicsView>
#include <QLabel>
#include <QSplitter>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QValueAxis>
#include <QXYSeries>
#include <QtQml/QQmlExtensionPlugin>
#include <QtTest>

#include "window_test_support.h"

#include "panels/charts_panel.h"
#include "run/run_controller.h"
#include "shell/main_window.h"
#include "stage/stage_controller.h"

Q_IMPORT_QML_PLUGIN(ClusterScopePlugin)

namespace {

using Chart = cs::ui::ChartsPanel::Chart;
constexpr Chart kCharts[] = {Chart::Availability, Chart::Latency, Chart::Lag, Chart::Shards};

const char* name_of(Chart chart) {
  switch (chart) {
    case Chart::Availability: return "availability";
    case Chart::Latency: return "latency";
    case Chart::Lag: return "lag";
    case Chart::Shards: return "shards";
  }
  return "?";
}

// The panel alone, on its own run, at the size the strip below the stage gives it.
struct Panel {
  cs::ui::RunController run;
  cs::ui::ChartsPanel panel{&run};

  Panel(const QString& scenario, qint64 at_us, QSize size, double font_scale = 1.0) {
    if (font_scale != 1.0) {  // a larger system font
      QFont larger = panel.font();
      larger.setPointSizeF(larger.pointSizeF() * font_scale);
      panel.setFont(larger);
    }
    QString error;
    if (!run.loadScenario(scenario, &error)) qFatal("%s", qPrintable(error));
    run.seekUs(at_us);
    panel.resize(size);
    panel.show();
    settle();
  }
  void show(Chart chart) {
    panel.showChart(chart);
    settle();
  }
  void seek(qint64 at_us) {
    run.seekUs(at_us);
    panel.refresh();
    settle();
  }
  // Lets the widgets and the charts' own layouts run (they lay out on posted events).
  static void settle() {
    for (int i = 0; i < 4; ++i) {
      QCoreApplication::sendPostedEvents();
      QCoreApplication::processEvents();
    }
  }
};

QValueAxis* value_axis(QChart* chart, Qt::Orientation orientation) {
  for (QAbstractAxis* axis : chart->axes(orientation)) {
    if (auto* values = qobject_cast<QValueAxis*>(axis)) return values;
  }
  return nullptr;
}

// The largest x and y over the chart's series (bars count as y).
QPointF data_max(QChart* chart) {
  QPointF most(0, 0);
  for (QAbstractSeries* series : chart->series()) {
    if (auto* xy = qobject_cast<QXYSeries*>(series)) {
      for (const QPointF& p : xy->points()) most = QPointF(std::max(most.x(), p.x()), std::max(most.y(), p.y()));
    } else if (auto* bars = qobject_cast<QAbstractBarSeries*>(series)) {
      for (QBarSet* set : bars->barSets()) {
        for (int i = 0; i < set->count(); ++i) most.setY(std::max(most.y(), set->at(i)));
      }
    }
  }
  return most;
}

// The texts Qt Charts drew for the chart (axis labels and titles), as they stand in its scene.
QList<QGraphicsTextItem*> drawn_items(QChart* chart) {
  QList<QGraphicsTextItem*> items;
  for (QGraphicsItem* item : chart->scene()->items()) {
    auto* text = dynamic_cast<QGraphicsTextItem*>(item);
    if (text && text->isVisible() && !text->toPlainText().isEmpty()) items << text;
  }
  return items;
}

QStringList drawn_texts(QChart* chart) {
  QStringList texts;
  for (QGraphicsTextItem* item : drawn_items(chart)) texts << item->toPlainText();
  return texts;
}

// The numeric labels drawn left of the plot (the value axis) and below it (a time axis).
std::pair<int, int> numbers_drawn(QChart* chart) {
  const QRectF plot = chart->mapRectToScene(chart->plotArea());
  int left = 0, below = 0;
  for (QGraphicsTextItem* item : drawn_items(chart)) {
    bool number = false;
    chart->locale().toDouble(item->toPlainText(), &number);
    if (!number) continue;
    const QRectF box = item->sceneBoundingRect();
    if (box.right() <= plot.left() + 1) ++left;
    if (box.top() >= plot.bottom() - 1) ++below;
  }
  return {left, below};
}

// What makes a shown chart readable, checked on what it drew.
void verify_readable(Panel& p, Chart which, int min_plot_height, int min_plot_width = 200) {
  const QByteArray what = QByteArray(name_of(which)) + " at " + QByteArray::number(p.panel.width()) + "x" +
                          QByteArray::number(p.panel.height());
  QChart* chart = p.panel.chart(which);
  QVERIFY2(chart && chart->isVisible(), what);
  QVERIFY2(!chart->legend()->isVisible(), what);  // the legend is beside the plot, not in it
  const QRectF plot = chart->plotArea();
  QVERIFY2(plot.height() >= min_plot_height, what + " plot height " + QByteArray::number(plot.height()));
  QVERIFY2(plot.width() >= min_plot_width, what + " plot width " + QByteArray::number(plot.width()));

  // The value axis holds the data with headroom, and a time axis reaches the newest point.
  const QPointF most = data_max(chart);
  QValueAxis* y = value_axis(chart, Qt::Vertical);
  QVERIFY2(y, what);
  QVERIFY2(y->max() >= most.y(),
           what + " y max " + QByteArray::number(y->max()) + " < " + QByteArray::number(most.y()));
  QVERIFY2(y->max() >= most.y() * 1.1 - 1e-9, what);
  QCOMPARE(y->min(), 0.0);
  if (QValueAxis* x = value_axis(chart, Qt::Horizontal)) {
    QVERIFY2(x->max() >= most.x() - 1e-9, what);
    QCOMPARE(x->min(), 0.0);
  }

  // No label or title is cut, and each axis still shows at least two of its labels.
  const QStringList texts = drawn_texts(chart);
  for (const QString& text : texts) {
    QVERIFY2(!text.contains(QChar(0x2026)) && !text.contains("..."), what + " cut label: " + text.toUtf8());
  }
  const auto [value_labels, time_labels] = numbers_drawn(chart);
  QVERIFY2(value_labels >= 2, what + " value labels: " + QByteArray::number(value_labels));
  if (value_axis(chart, Qt::Horizontal))
    QVERIFY2(time_labels >= 2, what + " time labels: " + QByteArray::number(time_labels));
  // Each axis has its title; one too long for a low plot is named in the notes beside it.
  const QString notes = p.panel.findChild<QLabel*>("chartNotes")->text();
  for (QAbstractAxis* axis : chart->axes()) {
    QVERIFY2(axis->isTitleVisible() ? texts.contains(axis->titleText()) : notes.contains(axis->titleText()),
             what + " title " + axis->titleText().toUtf8());
  }
  if (auto* categories = qobject_cast<QBarCategoryAxis*>(chart->axes(Qt::Horizontal).value(0))) {
    for (const QString& category : categories->categories())
      QVERIFY2(texts.contains(category), what + " " + category.toUtf8());
  }
}

// Where a test leaves its picture of the panel, beside the test binary, to look at.
QString png_path(const QString& scenario, const char* chart, QSize size) {
  const QString name = QString(QTest::currentDataTag()).replace(' ', '_');
  return QStringLiteral("%1/charts_%2_%3_%4x%5.png")
      .arg(QCoreApplication::applicationDirPath(), name.isEmpty() ? scenario : name, QString::fromLatin1(chart))
      .arg(size.width())
      .arg(size.height());
}

}  // namespace

class TestChartsReadable : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { test::isolate_settings(); }

  void lagChartsHoldTheirDataAndKeepTheirLabels_data() {
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<int>("minPlotHeight");
    QTest::addColumn<double>("fontScale");
    QTest::newRow("chain-lag laptop") << "chain-lag" << QSize(550, 170) << 100 << 1.0;
    QTest::newRow("chain-lag low strip") << "chain-lag" << QSize(630, 108) << 60 << 1.0;
    QTest::newRow("chain-lag desk") << "chain-lag" << QSize(850, 260) << 180 << 1.0;
    QTest::newRow("chain-lag desk large font") << "chain-lag" << QSize(850, 260) << 150 << 1.4;
    QTest::newRow("async-lag-stale-read laptop") << "async-lag-stale-read" << QSize(550, 170) << 100 << 1.0;
    QTest::newRow("planned-switchover laptop") << "planned-switchover" << QSize(550, 170) << 100 << 1.0;
  }

  void lagChartsHoldTheirDataAndKeepTheirLabels() {
    QFETCH(QString, scenario);
    QFETCH(QSize, size);
    QFETCH(int, minPlotHeight);
    QFETCH(double, fontScale);
    Panel p(scenario, 4'000'000, size, fontScale);
    QVERIFY(p.panel.built());
    for (Chart chart : {Chart::Availability, Chart::Latency, Chart::Lag}) {
      QVERIFY2(p.panel.hasData(chart), name_of(chart));
      p.show(chart);
      QCOMPARE(p.panel.shownChart(), chart);
      verify_readable(p, chart, minPlotHeight);
      if (QTest::currentTestFailed()) return;
      QVERIFY(p.panel.grab().save(png_path(scenario, name_of(chart), size)));
    }
    // As the run goes on the lag grows: the axes follow the data.
    QChart* lag = p.panel.chart(Chart::Lag);
    const double earlier_end = value_axis(lag, Qt::Horizontal)->max();
    p.seek(9'000'000);
    verify_readable(p, Chart::Lag, minPlotHeight);
    QVERIFY(value_axis(lag, Qt::Horizontal)->max() > earlier_end);
    QCOMPARE(value_axis(lag, Qt::Horizontal)->max(), 9.0);  // the time axis ends now
    QVERIFY(p.panel.grab().save(png_path(scenario, "lag_later", size)));
  }

  // Bar charts: category names that do not fit are numbered on the axis and named beside it.
  void barChartsKeepTheirLabels_data() {
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<double>("fontScale");
    for (const char* scenario :
         {"uber-geo-sharding", "mod-n-reshuffle", "vertical-partitioning", "multi-region-latency"}) {
      QTest::newRow(QByteArray(scenario) + " laptop") << QString(scenario) << QSize(550, 170) << 1.0;
      QTest::newRow(QByteArray(scenario) + " desk") << QString(scenario) << QSize(850, 260) << 1.0;
    }
    // Names too long for their share of the axis at this size: they must be numbered.
    QTest::newRow("uber-geo-sharding laptop large font") << "uber-geo-sharding" << QSize(550, 170) << 1.4;
    QTest::newRow("vertical-partitioning narrow") << "vertical-partitioning" << QSize(420, 170) << 1.0;
  }

  void barChartsKeepTheirLabels() {
    QFETCH(QString, scenario);
    QFETCH(QSize, size);
    QFETCH(double, fontScale);
    Panel p(scenario, 6'000'000, size, fontScale);
    for (Chart chart : {Chart::Latency, Chart::Shards}) {
      if (!p.panel.hasData(chart)) continue;
      p.show(chart);
      verify_readable(p, chart, fontScale > 1 ? 80 : size.height() - 70, size.width() > 500 ? 200 : 150);
      if (QTest::currentTestFailed()) return;
      auto* categories = qobject_cast<QBarCategoryAxis*>(p.panel.chart(chart)->axes(Qt::Horizontal).value(0));
      QVERIFY(categories);
      const QString notes = p.panel.findChild<QLabel*>("chartNotes")->text();
      if (categories->categories().value(0) == "1") {
        // Numbered: the notes beside the chart say which is which.
        QVERIFY2(notes.contains("<b>1</b>"), qPrintable(notes));
      }
      QVERIFY(p.panel.grab().save(png_path(scenario, name_of(chart), size)));
    }
    QVERIFY(p.panel.hasData(Chart::Shards) || scenario == "multi-region-latency");
  }

  void wideEnoughBarsShowTheirNames() {
    Panel p("uber-geo-sharding", 6'000'000, QSize(850, 260));
    p.show(Chart::Shards);
    auto* categories = qobject_cast<QBarCategoryAxis*>(p.panel.chart(Chart::Shards)->axes(Qt::Horizontal).value(0));
    QCOMPARE(categories->categories(), (QStringList{"São Paulo", "Chicago", "Lyon"}));
  }

  void aChartWithNothingToPlotSaysWhy() {
    Panel p("cluster-heartbeat", 4'000'000, QSize(550, 170));
    QVERIFY(!p.panel.hasData(Chart::Shards));
    QVERIFY(!p.panel.hasData(Chart::Lag));
    QVERIFY(!p.panel.hasData(Chart::Availability));  // heartbeats only: no client operations
    auto* reason = p.panel.findChild<QLabel*>("chartEmptyReason");
    QVERIFY(reason);
    for (Chart chart : kCharts) {
      if (p.panel.hasData(chart)) continue;
      p.show(chart);
      QVERIFY2(!p.panel.chart(chart)->scene()->views().value(0)->isVisible(), name_of(chart));
      QVERIFY(reason->isVisible());
      QCOMPARE(reason->text(), p.panel.emptyReason(chart));
      QVERIFY(!reason->text().isEmpty());
    }
    p.show(Chart::Shards);
    QVERIFY(reason->text().contains("no shards"));
    QVERIFY(p.panel.grab().save(QCoreApplication::applicationDirPath() + "/charts_no_shards_550x170.png"));

    // Once there is data, the chart takes the explanation's place.
    Panel sharded("hash-even", 4'000'000, QSize(550, 170));
    sharded.show(Chart::Shards);
    QVERIFY(sharded.panel.hasData(Chart::Shards));
    QVERIFY(sharded.panel.chart(Chart::Shards)->isVisible());
    QVERIFY(!sharded.panel.findChild<QLabel*>("chartEmptyReason")->isVisible());
    QCOMPARE(sharded.panel.plotted().shard_bars, 4);
  }

  void beforeTheFirstSampleEveryChartExplains() {
    Panel p("chain-lag", 0, QSize(550, 170));
    for (Chart chart : {Chart::Availability, Chart::Latency, Chart::Lag}) {
      QVERIFY2(!p.panel.hasData(chart), name_of(chart));
      QVERIFY(!p.panel.emptyReason(chart).isEmpty());
    }
    QVERIFY(p.panel.emptyReason(Chart::Lag).contains("not started"));
  }

  // Opening the tab must not make the strip below the stage taller for good.
  void openingTheChartsKeepsTheStripSmall_data() {
    QTest::addColumn<QSize>("size");
    QTest::newRow("laptop") << QSize(1280, 720);
    QTest::newRow("minimum") << QSize(1024, 640);
    QTest::newRow("desk") << QSize(1600, 1000);
  }

  void openingTheChartsKeepsTheStripSmall() {
    QFETCH(QSize, size);
    QTemporaryDir dir;
    cs::ui::MainWindow w(test::window_options(dir, size));
    QString error;
    QVERIFY2(w.controller()->run()->loadScenario("chain-lag", &error), qPrintable(error));
    w.controller()->run()->seekUs(4'000'000);
    w.show();
    Panel::settle();
    auto* tabs = w.findChild<QTabWidget*>("panels");
    const int height_before = tabs->height();
    const int minimum_before = tabs->minimumSizeHint().height();
    tabs->setCurrentWidget(w.chartsPanel());
    Panel::settle();
    QVERIFY(w.chartsPanel()->built());
    QVERIFY2(w.chartsPanel()->minimumSizeHint().height() <= 120,
             qPrintable(QString::number(w.chartsPanel()->minimumSizeHint().height())));
    QVERIFY(w.chartsPanel()->minimumSize().height() <= 120);
    QVERIFY2(tabs->minimumSizeHint().height() <= std::max(minimum_before, 120 + tabs->tabBar()->sizeHint().height()),
             qPrintable(QString::number(tabs->minimumSizeHint().height())));
    QCOMPARE(tabs->height(), height_before);
    if (tabs->height() == 0) return;  // the window gave the strip no room at all: nothing to read
    // And it is readable where it is.
    w.chartsPanel()->showChart(Chart::Lag);
    Panel::settle();
    QVERIFY(w.grab().save(QStringLiteral("%1/charts_window_%2x%3.png")
                              .arg(QCoreApplication::applicationDirPath())
                              .arg(size.width())
                              .arg(size.height())));
    QChart* lag = w.chartsPanel()->chart(Chart::Lag);
    QVERIFY(lag->isVisible());
    QVERIFY(value_axis(lag, Qt::Vertical)->max() >= data_max(lag).y());
    for (const QString& text : drawn_texts(lag)) {
      QVERIFY2(!text.contains(QChar(0x2026)) && !text.contains("..."), qPrintable(text));
    }
    for (QAbstractAxis* axis : lag->axes()) {
      const QString notes = w.chartsPanel()->findChild<QLabel*>("chartNotes")->text();
      QVERIFY(axis->isTitleVisible() || notes.contains(axis->titleText()));
    }
  }
};

QTEST_MAIN(TestChartsReadable)
#include "test_charts_readable.moc"
