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

#include "catalogue/catalogue.h"
#include "scenario/run_setup.h"
#include "stage/stage_controller.h"
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

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const auto i = static_cast<std::size_t>(
      std::min<double>(static_cast<double>(v.size() - 1), p * static_cast<double>(v.size() - 1) + 0.5));
  return v[i];
}

}  // namespace

ChartsPanel::ChartsPanel(StageController* controller, QWidget* parent) : QWidget(parent), controller_(controller) {
  setObjectName("chartsPanel");
  refresh_.setSingleShot(true);
  refresh_.setInterval(400);
  connect(&refresh_, &QTimer::timeout, this, &ChartsPanel::refresh);
  connect(controller_, &StageController::timeChanged, this, [this] {
    sampleLag();
    if (built() && isVisible() && !refresh_.isActive()) refresh_.start();
  });
  connect(controller_, &StageController::scenarioChanged, this, [this] {
    lag_.clear();
    last_sample_us_ = -1;
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

void ChartsPanel::sampleLag() {
  const sim::Simulation* sim = controller_->simulation();
  if (!sim) return;
  const qint64 now = sim->now_us();
  if (now < last_sample_us_) {  // went back in time: the samples after now belong to another future
    for (auto& [node, points] : lag_) {
      while (!points.empty() && points.back().first * 1e6 > static_cast<double>(now)) points.pop_back();
    }
    last_sample_us_ = now;
  }
  if (last_sample_us_ >= 0 && now - last_sample_us_ < 50'000) return;
  last_sample_us_ = now;
  const sim::World& w = sim->world();
  for (sim::EndpointId n = 0; n < w.node_count(); ++n) {
    const sim::NodeView v = w.node_view(n);
    if (v.lag_us < 0) continue;
    auto& points = lag_[static_cast<int>(n)];
    points.emplace_back(static_cast<double>(now) / 1e6, static_cast<double>(v.lag_us) / 1e3);
    if (points.size() > 4000) points.erase(points.begin(), points.begin() + 1000);  // bounded
  }
}

void ChartsPanel::refresh() {
  if (!charts_) return;
  const sim::Simulation* sim = controller_->simulation();
  if (!sim) return;
  plotted_ = {};
  const sim::World& w = sim->world();
  const StagePalette& palette = stage_palette();
  const double now_s = static_cast<double>(sim->now_us()) / 1e6;

  // Availability: completed operations per second, succeeded vs refused.
  {
    QChart* chart = charts_->availability;
    chart->removeAllSeries();
    reset_axes(chart);
    const int bins = std::max(1, static_cast<int>(std::ceil(now_s)));
    std::vector<int> ok(static_cast<std::size_t>(bins), 0), failed(static_cast<std::size_t>(bins), 0);
    for (const auto& op : w.history().ops()) {
      if (op.complete_us < 0) continue;
      const auto bin = static_cast<std::size_t>(std::min<qint64>(bins - 1, op.complete_us / 1'000'000));
      if (op.status == sim::OpStatus::Ok) ++ok[bin];
      if (op.status == sim::OpStatus::Fail || op.status == sim::OpStatus::Info) ++failed[bin];
    }
    auto* ok_series = new QLineSeries;
    ok_series->setName(tr("succeeded"));
    auto* failed_series = new QLineSeries;
    failed_series->setName(tr("failed or timed out"));
    QList<QPointF> ok_points, failed_points;
    int top = 1;
    for (int b = 0; b < bins; ++b) {
      ok_points << QPointF(b, ok[static_cast<std::size_t>(b)]);
      failed_points << QPointF(b, failed[static_cast<std::size_t>(b)]);
      top = std::max({top, ok[static_cast<std::size_t>(b)], failed[static_cast<std::size_t>(b)]});
    }
    ok_series->replace(ok_points);
    failed_series->replace(failed_points);
    ok_series->setPen(QPen(palette.message(sim::MessageClass::Ack), 2));
    failed_series->setPen(QPen(palette.cut_link, 2, Qt::DashLine));  // dashed: not colour alone
    chart->addSeries(ok_series);
    chart->addSeries(failed_series);
    chart->createDefaultAxes();
    plotted_.availability_points = bins;
  }

  // Write latency percentiles per consistency level.
  {
    QChart* chart = charts_->latency;
    chart->removeAllSeries();
    reset_axes(chart);
    std::map<int, std::vector<double>> by_level;
    for (const auto& op : w.history().ops()) {
      if (op.type == sim::OpType::Write && op.status == sim::OpStatus::Ok) {
        by_level[op.level].push_back(static_cast<double>(op.complete_us - op.invoke_us) / 1e3);
      }
    }
    auto* p50 = new QBarSet(tr("median"));
    auto* p99 = new QBarSet(tr("99th percentile"));
    p99->setBrush(QBrush(palette.message(sim::MessageClass::Replication), Qt::Dense4Pattern));
    QStringList levels;
    static const char* const kNames[] = {"default", "ONE", "QUORUM", "ALL", "LOCAL_QUORUM"};
    for (const auto& [level, latencies] : by_level) {
      levels << (level >= 0 && level < 5 ? QString::fromLatin1(kNames[level]) : QString::number(level));
      *p50 << percentile(latencies, 0.5);
      *p99 << percentile(latencies, 0.99);
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

  // Replication lag over time, one line per replica.
  {
    QChart* chart = charts_->lag;
    chart->removeAllSeries();
    reset_axes(chart);
    for (const auto& [node, points] : lag_) {
      auto* series = new QLineSeries;
      series->setName(QString::fromStdString(w.node(static_cast<sim::EndpointId>(node)).name));
      QList<QPointF> list;
      for (const auto& [t, lag] : points) list << QPointF(t, lag);
      series->replace(list);
      chart->addSeries(series);
      ++plotted_.lag_series;
    }
    if (!lag_.empty()) chart->createDefaultAxes();
  }

  // Keys per shard, from the model's view data.
  {
    QChart* chart = charts_->shards;
    chart->removeAllSeries();
    reset_axes(chart);
    const model::ModelInfo* model = catalogue::find_model(controller_->scenario().model);
    if (model && model->view_data) {
      const model::ModelViewData data = model->view_data(w, controller_->scenario().params);
      auto* set = new QBarSet(tr("keys"));
      QStringList names;
      for (const auto& shard : data.shards) {
        names << QString::fromStdString(shard.name);
        *set << static_cast<double>(shard.keys);
      }
      if (!data.shards.empty()) {
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
      const sim::Metrics m = scenario::run_metrics(controller_->scenario(), w);
      const auto moved = m.find("keys_moved");
      chart->setTitle(moved == m.end() ? tr("Keys per shard")
                                       : tr("Keys per shard (%1 keys moved so far)").arg(moved->second));
    }
  }
}

}  // namespace cs::ui
