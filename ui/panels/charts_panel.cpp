#include "panels/charts_panel.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QGridLayout>
#include <QLineSeries>
#include <QValueAxis>
#include <algorithm>

#include "run/run_controller.h"
#include "theme/palette.h"

namespace cs::ui {

struct ChartsPanel::Charts {
  QChart* availability;
  QChart* latency;
  QChart* lag;
  QChart* shards;
};

namespace {

QChartView* chart_view(QChart* chart, const QString& title, QWidget* parent) {
  // The theme first: it resets colours, and the series set their own pens later.
  chart->setTheme(stage_palette().dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
  chart->setTitle(title);
  chart->legend()->setAlignment(Qt::AlignBottom);
  chart->setMargins(QMargins(4, 4, 4, 4));
  auto* view = new QChartView(chart, parent);
  view->setRenderHint(QPainter::Antialiasing);
  view->setMinimumSize(240, 150);
  view->setAccessibleName(title);
  view->show();  // children created after their parent is shown start hidden
  return view;
}

void reset_axes(QChart* chart) {
  for (QAbstractAxis* axis : chart->axes()) {
    chart->removeAxis(axis);
    delete axis;
  }
}

}  // namespace

ChartsPanel::ChartsPanel(RunController* run, QWidget* parent) : QWidget(parent), run_(run) {
  setObjectName("chartsPanel");
  refresh_.setSingleShot(true);
  refresh_.setInterval(400);
  connect(&refresh_, &QTimer::timeout, this, &ChartsPanel::refresh);
  connect(run_, &RunController::timeChanged, this, [this] {
    if (built() && isVisible() && !refresh_.isActive()) refresh_.start();
  });
}

ChartsPanel::~ChartsPanel() { delete charts_; }

void ChartsPanel::showEvent(QShowEvent* event) {
  QWidget::showEvent(event);
  if (!built()) build();
  refresh();
}

void ChartsPanel::build() {
  charts_ = new Charts{new QChart, new QChart, new QChart, new QChart};
  auto* grid = new QGridLayout(this);
  grid->setContentsMargins(2, 2, 2, 2);
  grid->addWidget(chart_view(charts_->availability, tr("Operations per second"), this), 0, 0);
  grid->addWidget(chart_view(charts_->latency, tr("Write latency by consistency level (ms)"), this), 0, 1);
  grid->addWidget(chart_view(charts_->lag, tr("Replication lag per replica (ms)"), this), 1, 0);
  grid->addWidget(chart_view(charts_->shards, tr("Keys per shard"), this), 1, 1);
  grid->activate();
}

void ChartsPanel::refresh() {
  if (!charts_) return;
  const auto figures = run_->figures();
  if (!figures) return;
  plotted_ = {};
  const run::Frame& frame = run_->frame();
  const StagePalette& palette = stage_palette();

  // Availability: completed operations per simulated second, succeeded vs failed or timed out.
  {
    QChart* chart = charts_->availability;
    chart->removeAllSeries();
    reset_axes(chart);
    const auto bins = figures->charts.availability_per_second();
    auto* ok_series = new QLineSeries;
    ok_series->setName(tr("succeeded"));
    auto* failed_series = new QLineSeries;
    failed_series->setName(tr("failed or timed out"));
    QList<QPointF> ok_points, failed_points;
    for (std::size_t b = 0; b < bins.size(); ++b) {
      ok_points << QPointF(static_cast<double>(b), static_cast<double>(bins[b].ok));
      failed_points << QPointF(static_cast<double>(b), static_cast<double>(bins[b].failed));
    }
    ok_series->replace(ok_points);
    failed_series->replace(failed_points);
    ok_series->setPen(QPen(palette.message(sim::MessageClass::Ack), 2));
    failed_series->setPen(QPen(palette.cut_link, 2, Qt::DashLine));  // dashed: not colour alone
    chart->addSeries(ok_series);
    chart->addSeries(failed_series);
    chart->createDefaultAxes();
    plotted_.availability_points = static_cast<int>(bins.size());
  }

  // Write latency percentiles per consistency level (the core's percentiles of every write so far).
  {
    QChart* chart = charts_->latency;
    chart->removeAllSeries();
    reset_axes(chart);
    auto* p50 = new QBarSet(tr("median"));
    auto* p99 = new QBarSet(tr("99th percentile"));
    p99->setBrush(QBrush(palette.message(sim::MessageClass::Replication), Qt::Dense4Pattern));
    QStringList levels;
    static const char* const kNames[] = {"default", "ONE", "QUORUM", "ALL", "LOCAL_QUORUM"};
    for (const run::LevelLatency& l : figures->charts.latest_latency()) {
      levels << (l.level < 5 ? QString::fromLatin1(kNames[l.level]) : QString::number(l.level));
      *p50 << static_cast<double>(l.p50_us) / 1e3;
      *p99 << static_cast<double>(l.p99_us) / 1e3;
    }
    auto* series = new QBarSeries;
    series->append(p50);
    series->append(p99);
    chart->addSeries(series);
    auto* axis = new QBarCategoryAxis;
    axis->append(levels);
    chart->addAxis(axis, Qt::AlignBottom);
    series->attachAxis(axis);
    auto* values = new QValueAxis;
    chart->addAxis(values, Qt::AlignLeft);
    series->attachAxis(values);
    plotted_.latency_levels = static_cast<int>(levels.size());
  }

  // Replication lag over time, one line per replica, sampled every 100 ms of simulated time.
  {
    QChart* chart = charts_->lag;
    chart->removeAllSeries();
    reset_axes(chart);
    const auto lag = figures->charts.lag_ms();
    for (const auto& [node, points] : lag) {
      auto* series = new QLineSeries;
      series->setName(frame.is_node(node) ? QString::fromStdString(frame.nodes[node].name) : QString());
      QList<QPointF> list;
      for (const auto& [t, ms] : points) list << QPointF(t, ms);
      series->replace(list);
      chart->addSeries(series);
      ++plotted_.lag_series;
    }
    if (!lag.empty()) chart->createDefaultAxes();
  }

  // Keys per shard, from the model's view data.
  {
    QChart* chart = charts_->shards;
    chart->removeAllSeries();
    reset_axes(chart);
    auto* set = new QBarSet(tr("keys"));
    QStringList names;
    for (const auto& shard : frame.view.shards) {
      names << QString::fromStdString(shard.name);
      *set << static_cast<double>(shard.keys);
    }
    if (!frame.view.shards.empty()) {
      auto* series = new QBarSeries;
      series->append(set);
      chart->addSeries(series);
      auto* axis = new QBarCategoryAxis;
      axis->append(names);
      chart->addAxis(axis, Qt::AlignBottom);
      series->attachAxis(axis);
      auto* values = new QValueAxis;
      chart->addAxis(values, Qt::AlignLeft);
      series->attachAxis(values);
      plotted_.shard_bars = static_cast<int>(names.size());
    } else {
      delete set;
    }
    const auto moved = figures->metrics.find("keys_moved");
    chart->setTitle(moved == figures->metrics.end() ? tr("Keys per shard")
                                                    : tr("Keys per shard (%1 keys moved so far)").arg(moved->second));
  }
}

}  // namespace cs::ui
