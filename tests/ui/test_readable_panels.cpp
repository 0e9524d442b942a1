// The Metrics and History panels read for a beginner: metrics under human names with units, and
// a history whose bars explain themselves (legend, tooltips) under a verdict in plain words.
#include <QFontMetrics>
#include <QHeaderView>
#include <QHelpEvent>
#include <QLabel>
#include <QRegularExpression>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QToolTip>
#include <QtQml/QQmlExtensionPlugin>
#include <QtTest>
#include <set>

#include "window_test_support.h"

#include "panels/history_panel.h"
#include "panels/metrics_panel.h"
#include "scenario/builtin.h"
#include "scenario/run_setup.h"
#include "scenario/scenario.h"
#include "shell/main_window.h"
#include "sim/simulation.h"
#include "stage/stage_controller.h"

Q_IMPORT_QML_PLUGIN(ClusterScopePlugin)

namespace {

// The key says the metric is a time: a unit word among its parts ("p99_write_latency_us",
// "rtt_ms.eu-us", "restore_time_s.offsite_copy"), except "last_s", which means "in the last second".
bool is_time_key(const QString& key) {
  const QStringList parts = key.section(QLatin1Char('.'), 0, 0).split(QLatin1Char('_'));
  for (int i = 0; i < parts.size(); ++i) {
    if (parts[i] == QLatin1String("us") || parts[i] == QLatin1String("ms")) return true;
    if (parts[i] == QLatin1String("s") && i == parts.size() - 1 && (i == 0 || parts[i - 1] != QLatin1String("last")))
      return true;
  }
  return false;
}

bool shows_time_unit(const QString& value) {
  static const QRegularExpression time(QStringLiteral("^-?[0-9][0-9,]*(\\.[0-9]+)? (ms|s)$"));
  return time.match(value).hasMatch() || value == QLatin1String("not yet");
}

// Names of places and consistency levels are proper names, shown as the stage and the level
// selector spell them ("new_york", "LOCAL_QUORUM"); the rest of a metric's name is words.
QString without_proper_names(QString name, const std::vector<std::string>& regions) {
  for (const auto& r : regions) name.remove(QString::fromStdString(r));
  name.remove(QStringLiteral("LOCAL_QUORUM"));
  return name;
}

cs::ui::AppOptions laptop(const QTemporaryDir& dir, const char* scenario) {
  cs::ui::AppOptions o = test::window_options(dir, {1280, 720});
  o.scenario = QString::fromLatin1(scenario);
  return o;
}

// The verdicts wrap, and the panel scrolls rather than squeeze them: each label is as tall as
// its text needs at its width. (Only layout requests are handled here, as the event loop would.)
void verdictsAreNotCut(cs::ui::HistoryPanel* panel) {
  QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
  for (const char* name : {"historyPlainVerdict", "historyVerdict"}) {
    const auto* label = panel->findChild<QLabel*>(name);
    QVERIFY(label->isVisible());
    QVERIFY2(label->height() >= label->heightForWidth(label->width()), name);
  }
}

// Every row of the table: a name of words, a unit on every time, and nothing cut at the panel's
// width (names wrap inside their rows, values fit their column). Returns how many times it saw.
int rowsReadWell(cs::ui::MetricsPanel* panel, const std::vector<std::string>& regions) {
  int times = 0;
  for (const QString& key : panel->keys()) {
    const QString name = without_proper_names(panel->shownName(key), regions);
    if (name.contains('_')) {
      qWarning() << key << "shows as" << panel->shownName(key);
      return -1;
    }
    if (is_time_key(key)) {
      ++times;
      if (!shows_time_unit(panel->shownValue(key))) {
        qWarning() << key << "=" << panel->shownValue(key);
        return -1;
      }
    }
  }
  const auto* table = panel->findChild<QTableWidget*>("metricsTable");
  if (!table->isVisible()) return -1;
  const QFontMetrics metrics(table->font());
  for (int r = 0; r < table->rowCount(); ++r) {
    const QTableWidgetItem* name = table->item(r, 0);
    const QTableWidgetItem* value = table->item(r, 1);
    if (!name->toolTip().contains(name->data(Qt::UserRole).toString()) || value->toolTip().isEmpty()) return -1;
    const int name_width = table->columnWidth(0) - 8;
    const QRect needed = metrics.boundingRect(QRect(0, 0, name_width, 10'000), Qt::TextWordWrap, name->text());
    const bool fits =
        needed.height() <= table->rowHeight(r) && metrics.horizontalAdvance(value->text()) <= table->columnWidth(1);
    if (!fits) {
      qWarning() << "cut:" << name->text() << value->text();
      return -1;
    }
  }
  return times;
}

QString out_path(const char* name) { return QCoreApplication::applicationDirPath() + "/" + name; }

}  // namespace

class TestReadablePanels : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { test::isolate_settings(); }

  void formatsTimesCountsAndShares() {
    using cs::ui::MetricsPanel;
    QCOMPARE(MetricsPanel::describe("lost_acknowledged_writes", 3).name, QString("Acknowledged writes lost"));
    QCOMPARE(MetricsPanel::describe("p50_write_latency_us", 12'500).value, QString("12.5 ms"));
    QCOMPARE(MetricsPanel::describe("unavailable_us", 1'200'000).value, QString("1.20 s"));
    QCOMPARE(MetricsPanel::describe("stale_window_ms", 250).value, QString("250 ms"));
    QCOMPARE(MetricsPanel::describe("restore_time_s", 42).value, QString("42.0 s"));
    QCOMPARE(MetricsPanel::describe("messages_sent", 1'234'567).value, QString("1,234,567"));
    QCOMPARE(MetricsPanel::describe("cache_hit_ratio", 0.875).value, QString("87.5 %"));
    QCOMPARE(MetricsPanel::describe("converged", 1).value, QString("yes"));
    QCOMPARE(MetricsPanel::describe("chosen_at_us", -1).value, QString("not yet"));
    // Keys built from parts: per level, per pooled side, per copy, per region pair.
    QCOMPARE(MetricsPanel::describe("quorum_p99_write_latency_us", 3000).name,
             QString("Write time, 99th percentile, level QUORUM"));
    QCOMPARE(MetricsPanel::describe("latency_ms_p50_pooled", 2).name,
             QString("Median request time (through the pooler)"));
    QCOMPARE(MetricsPanel::describe("writes_lost.offsite_copy", 7).name,
             QString("Writes lost (from the off-site copy)"));
    QCOMPARE(MetricsPanel::describe("rtt_ms.eu-west-us-east", 80, {"eu-west", "us-east"}).name,
             QString("Round trip eu-west \u2194 us-east"));
    // A key nobody named yet still reads as words, with its unit.
    const cs::ui::MetricText unknown = MetricsPanel::describe("queue_wait_us_p99", 4500);
    QVERIFY(!unknown.named);
    QCOMPARE(unknown.name, QString("Queue wait (99th percentile)"));
    QCOMPARE(unknown.value, QString("4.50 ms"));
  }

  void everyMetricTheCoreReportsHasAName() {
    // Every built-in scenario, run to its end: each key the core reports must have a name (not
    // one derived from the key), and every time a unit.
    QStringList unnamed;
    QStringList unreadable;
    std::set<std::string> seen;
    for (const auto& b : cs::scenario::builtin_scenarios()) {
      const auto s = cs::scenario::load_scenario(b.json, std::string(b.id));
      cs::sim::Simulation run(cs::scenario::make_world(s, s.seed));
      run.run_until(s.duration_us);
      std::vector<std::string> regions;
      for (const auto& r : s.regions) regions.push_back(r.name);
      for (const auto& [key, value] : cs::scenario::run_metrics(s, run.world())) {
        seen.insert(key);
        const cs::ui::MetricText text = cs::ui::MetricsPanel::describe(key, value, regions);
        const QString where = QString::fromStdString(key) + " (" + QString::fromUtf8(b.id.data(), b.id.size()) + ")";
        if (!text.named) unnamed << where;
        if (without_proper_names(text.name, regions).contains('_')) unreadable << where + ": " + text.name;
        if (is_time_key(QString::fromStdString(key)) && !shows_time_unit(text.value))
          unreadable << where + ": " + text.value;
      }
    }
    QVERIFY(seen.size() > 150);
    QVERIFY2(unnamed.isEmpty(), qPrintable("name these in ui/panels/metrics_panel.cpp: " + unnamed.join("; ")));
    QVERIFY2(unreadable.isEmpty(), qPrintable(unreadable.join("; ")));
  }

  void metricsTableShowsNamesAndUnits() {
    QTemporaryDir dir;
    cs::ui::MainWindow w(laptop(dir, "async-lag-stale-read"));
    w.show();
    w.controller()->run()->seekUs(25'000'000);  // the end: over a thousand events
    w.findChild<QTabWidget*>("panels")->setCurrentWidget(w.metricsPanel());
    cs::ui::MetricsPanel* panel = w.metricsPanel();
    panel->refresh();
    const QStringList keys = panel->keys();
    QVERIFY(keys.contains("lost_acknowledged_writes"));
    QVERIFY(keys.contains("p50_write_latency_us"));
    QVERIFY(rowsReadWell(panel, {}) >= 3);
    QCOMPARE(panel->shownName("lost_acknowledged_writes"), QString("Acknowledged writes lost"));
    // The raw numbers are still there for whoever compares them, and the key is in the tooltip.
    const double p50_us = panel->value("p50_write_latency_us").toDouble();
    QVERIFY(p50_us > 0);
    QCOMPARE(panel->shownValue("p50_write_latency_us"),
             cs::ui::MetricsPanel::describe("p50_write_latency_us", p50_us).value);
    QVERIFY(panel->value("events").toDouble() >= 1000);
    QVERIFY(panel->shownValue("events").contains(','));  // 1,234: thousands are grouped

    QVERIFY(w.grab().save(out_path("readable_metrics_window.png")));
    QVERIFY(panel->grab().save(out_path("readable_metrics_panel.png")));

    // Models with long names, round trips between regions, and restores timed in seconds.
    for (const char* id : {"connection-pooling", "multi-region-latency", "backup-321", "cassandra-levels"}) {
      QString error;
      QVERIFY2(w.controller()->run()->loadScenario(id, &error), qPrintable(error));
      w.controller()->run()->seekUs(w.controller()->run()->horizonUs());
      panel->refresh();
      std::vector<std::string> regions;
      for (const auto& r : w.controller()->run()->scenario().regions) regions.push_back(r.name);
      QVERIFY2(rowsReadWell(panel, regions) >= 1, id);
    }
    QVERIFY(panel->grab().save(out_path("readable_metrics_panel_levels.png")));
  }

  void historyBarsHaveTooltipsAndTheVerdictIsPlain() {
    QTemporaryDir dir;
    cs::ui::MainWindow w(laptop(dir, "raft-5"));
    w.show();
    cs::ui::HistoryPanel* panel = w.historyPanel();
    w.findChild<QTabWidget*>("panels")->setCurrentWidget(panel);
    w.controller()->run()->seekUs(6'000'000);
    cs::ui::HistoryLegend* legend = panel->legend();
    QVERIFY(panel->plainVerdictText().startsWith("Not checked yet"));
    QVERIFY(legend->isVisible() && legend->height() > 0);
    const QStringList plain_legend = legend->entries();
    for (const char* entry : {"write", "read", "failed (no effect)", "outcome unknown", "no answer yet"})
      QVERIFY2(plain_legend.contains(entry), entry);

    // A linearizable run: Raft reads and writes through its leader.
    auto result = panel->checkNow();
    QCOMPARE(result.verdict, cs::check::Verdict::Linearizable);
    QVERIFY(panel->verdictText().startsWith("Linearizable"));
    const QString linearizable = panel->plainVerdictText();
    QVERIFY(linearizable.startsWith("Every read returned a value that a single copy"));
    QCOMPARE(legend->entries(), plain_legend);

    // Every bar tells what it was; the tooltip at a bar's position names its operation.
    cs::ui::HistoryTimeline* timeline = panel->timeline();
    QVERIFY(timeline->isVisible());
    const auto bars = timeline->bars();
    QVERIFY(bars.size() > 10);
    int reads = 0, writes = 0;
    for (const auto& bar : bars) {
      const QString tip = timeline->toolTipAt(bar.rect.center().toPoint());
      const bool write = bar.op.type == cs::sim::OpType::Write;
      (write ? writes : reads) += 1;
      QVERIFY2(tip.startsWith(write ? "Write of the value" : "Read of key"), qPrintable(tip));
      QVERIFY(tip.contains(QString("key %1").arg(bar.op.key)));
      QVERIFY(tip.contains(" ms"));
      QVERIFY(tip.contains("Outcome: "));
    }
    QVERIFY(reads > 0 && writes > 0);
    QVERIFY(timeline->toolTipAt(QPoint(2, timeline->height() - 2)).isEmpty());  // the axis: no bar
    // A real tooltip event shows the same text.
    const QPoint at = bars.front().rect.center().toPoint();
    QHelpEvent help(QEvent::ToolTip, at, timeline->mapToGlobal(at));
    QCoreApplication::sendEvent(timeline, &help);
    QCOMPARE(QToolTip::text(), timeline->toolTipAt(at));
    QToolTip::hideText();
    verdictsAreNotCut(panel);
    QVERIFY(w.grab().save(out_path("readable_history_linearizable.png")));

    // A run that is not: an asynchronous follower answers reads before the leader's writes reach it.
    QString error;
    QVERIFY2(w.controller()->run()->loadScenario("async-lag-stale-read", &error), qPrintable(error));
    QVERIFY(panel->plainVerdictText().startsWith("Not checked yet"));  // a new run, not checked yet
    w.controller()->run()->seekUs(6'000'000);
    result = panel->checkNow();
    QCOMPARE(result.verdict, cs::check::Verdict::NotLinearizable);
    const QString stale = panel->plainVerdictText();
    QVERIFY(stale != linearizable);
    QVERIFY(stale.startsWith("Some read saw a value no single copy could have shown"));
    QVERIFY(stale.contains("For example, client"));
    QVERIFY(panel->verdictText().startsWith("Not linearizable"));
    // The legend now explains the mark on the offending operations, and their tooltips carry it.
    QCOMPARE(legend->entries().size(), plain_legend.size() + 1);
    QVERIFY(legend->entries().contains("no single copy could explain it"));
    const auto offending = result.offending_ops();
    QVERIFY(!offending.empty());
    bool found = false;
    for (const auto& bar : timeline->bars()) {
      if (bar.op.id != offending.front()) continue;
      found = true;
      QVERIFY(timeline->toolTipAt(bar.rect.center().toPoint()).contains("\u2717 No single copy"));
    }
    QVERIFY(found);
    verdictsAreNotCut(panel);
    QVERIFY(w.grab().save(out_path("readable_history_stale.png")));
    QVERIFY(panel->grab().save(out_path("readable_history_panel.png")));
    // The same run in a panel with room (a desk screen, or the splitter dragged up).
    cs::ui::HistoryPanel roomy(w.controller()->run());
    roomy.resize(900, 380);
    roomy.show();
    roomy.checkNow();
    verdictsAreNotCut(&roomy);
    QVERIFY(roomy.grab().save(out_path("readable_history_roomy.png")));
  }
};

QTEST_MAIN(TestReadablePanels)
#include "test_readable_panels.moc"
