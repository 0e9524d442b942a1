#include "panels/charts_panel.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QFontMetricsF>
#include <QGraphicsLayout>
#include <QGraphicsTextItem>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QListWidget>
#include <QScrollArea>
#include <QStackedWidget>
#include <QStyle>
#include <QTextDocument>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>
#include <cmath>
#include <iterator>

#include "run/run_controller.h"
#include "theme/palette.h"

namespace cs::ui {

struct ChartsPanel::Plot {
  QChart* chart = nullptr;
  QChartView* view = nullptr;
  QValueAxis* time = nullptr;              // the x axis of a chart over time
  QBarCategoryAxis* categories = nullptr;  // the x axis of a bar chart
  QValueAxis* values = nullptr;            // the y axis
  QStringList category_names;              // in full; numbered on the axis when they do not fit
  bool numbered = false;                   // the axis shows 1, 2, 3 and the notes name them
  double time_end_s = 1;                   // a chart over time spans [0, now]
  double values_max = 0;                   // the largest y value plotted
  bool has_data = false;
  QString empty_reason;
  QString legend;  // rich text for the column under the list: what each line or bar is
  QAbstractAxis* across() const { return time ? static_cast<QAbstractAxis*>(time) : categories; }
  bool fitting = false;  // fitAxes is changing the axes, which lays the chart out again
};

struct ChartsPanel::Charts {
  std::array<Plot, kChartCount> plots;
  QListWidget* list = nullptr;
  QLabel* notes = nullptr;
  QScrollArea* side = nullptr;
  QStackedWidget* pages = nullptr;
  QLabel* empty = nullptr;
};

struct ChartsPanel::Inputs {
  const run::Frame& frame;
  const run::Figures& figures;
  double now_s;
  bool sampled;  // the run has taken its first sample (before it, no series has a point)
};

namespace {

// Qt Charts cuts an axis label to "…" when it is wider (taller, on a vertical axis) than its
// share of the axis, less this padding on each side (ChartAxisElement::labelPadding)...
constexpr double kLabelPadding = 4.0;
// ... and measures the text with a small document margin; this covers it and rounding, with room.
constexpr double kLabelSlack = 6.0;
constexpr double kHeadroom = 1.1;  // the value axis reaches 10% above the largest value

int index_of(ChartsPanel::Chart chart) { return static_cast<int>(chart); }

// The smallest step of 1, 2 or 5 times a power of ten that is at least `raw`.
double nice_step(double raw) {
  const double power = std::pow(10.0, std::floor(std::log10(raw)));
  for (const double multiple : {1.0, 2.0, 5.0}) {
    if (multiple * power >= raw * (1 - 1e-9)) return multiple * power;
  }
  return 10.0 * power;
}

int decimals_for(double step) { return step >= 1.0 ? 0 : static_cast<int>(std::ceil(-std::log10(step) - 1e-9)); }

// Sets the range of `axis` to [0, top] and spaces its ticks over `length` pixels at the finest
// round step (1, 2 or 5 times a power of ten) at which every label keeps its whole text. The axis
// ends at `top`, not at the next tick (rounding up could leave half the plot empty), unless a
// single step is all the room allows: then it ends on that step, so it has a label besides 0.
void fit_value_axis(QValueAxis* axis, double top, double length, bool horizontal, const QLocale& locale) {
  top = std::max(top, 1e-6);
  const QFontMetricsF metrics(axis->labelsFont());
  // Ticks closer than this make a grid too busy to read, even where their labels would fit.
  const double min_spacing = horizontal ? 50.0 : 28.0;
  double step = nice_step(top / 12);  // dense first, then wider until the labels fit
  for (int attempt = 0; attempt < 40; ++attempt) {
    const double ticks = std::floor(top / step + 1e-9);  // besides 0
    if (ticks <= 1) break;
    const double spacing = length / (ticks + 1);
    const double extent = horizontal ? metrics.horizontalAdvance(locale.toString(ticks * step, 'f', decimals_for(step)))
                                     : metrics.height();
    if (spacing >= min_spacing && spacing - 2 * kLabelPadding >= extent + kLabelSlack) break;
    step = nice_step(step * 1.5);
  }
  const double end = std::max(top, step);
  axis->setTickType(QValueAxis::TicksDynamic);
  axis->setTickAnchor(0);
  axis->setMinorTickCount(0);
  axis->setRange(0, end);
  axis->setTickInterval(step);
  axis->setLabelFormat(QStringLiteral("%.%1f").arg(decimals_for(step)));
}

// The width of `text` as Qt Charts measures a label: laid out in a text item with a half-pixel
// document margin.
double drawn_width(const QFont& font, const QString& text) {
  QGraphicsTextItem measure;
  measure.document()->setDocumentMargin(0.5);
  measure.setFont(font);
  measure.setHtml(text.toHtmlEscaped());
  return measure.boundingRect().width();
}

// Whether category labels keep their whole text on a horizontal axis `length` pixels long: Qt
// Charts gives each one the axis length over (categories + 2), less the padding.
bool categories_fit(const QStringList& names, const QFont& font, double length) {
  double widest = 0;
  for (const QString& name : names) widest = std::max(widest, drawn_width(font, name));
  return length / (names.size() + 2) - 2 * kLabelPadding >= widest + 1.0;
}

QStringList numbers_for(const QStringList& names) {
  QStringList numbers;
  for (int i = 0; i < names.size(); ++i) numbers << QString::number(i + 1);
  return numbers;
}

// One line of a legend: a sample of the line or bar in its colour, then what it is.
QString legend_line(const QColor& colour, const QString& sample, const QString& label) {
  return QStringLiteral("<span style=\"color:%1\">%2</span>&nbsp;%3").arg(colour.name(), sample, label.toHtmlEscaped());
}

const QString kSolidLine = QStringLiteral("&#x2501;&#x2501;");
const QString kDashedLine = QStringLiteral("&#x254D;&#x254D;");
const QString kDottedLine = QStringLiteral("&#x2509;&#x2509;");
const QString kDashDotLine = QStringLiteral("&#x2501;&#x2509;");
const QString kSolidBar = QStringLiteral("&#x25A0;");
const QString kPatternBar = QStringLiteral("&#x25A8;");

// Lines that share a chart differ in dash as well as colour, so they never differ by colour alone.
struct LineStyle {
  Qt::PenStyle pen;
  const QString* sample;
};
const LineStyle kLineStyles[] = {{Qt::SolidLine, &kSolidLine},
                                 {Qt::DashLine, &kDashedLine},
                                 {Qt::DotLine, &kDottedLine},
                                 {Qt::DashDotLine, &kDashDotLine}};

void attach(QChart* chart, QAbstractSeries* series, QAbstractAxis* x, QAbstractAxis* y) {
  chart->addSeries(series);
  series->attachAxis(x);
  series->attachAxis(y);
}

}  // namespace

ChartsPanel::ChartsPanel(RunController* run, QWidget* parent) : QWidget(parent), run_(run) {
  setObjectName("chartsPanel");
  refresh_.setSingleShot(true);
  refresh_.setInterval(400);
  connect(&refresh_, &QTimer::timeout, this, &ChartsPanel::refresh);
  connect(run_, &RunController::timeChanged, this, &ChartsPanel::scheduleRefresh);
  connect(run_, &RunController::scenarioChanged, this, &ChartsPanel::scheduleRefresh);
}

ChartsPanel::~ChartsPanel() {
  // The widgets go after this body; they must not call back into the state deleted here.
  if (charts_) {
    charts_->list->disconnect(this);
    for (Plot& plot : charts_->plots) plot.chart->disconnect(this);
  }
  delete charts_;
}

void ChartsPanel::scheduleRefresh() {
  if (built() && isVisible() && !refresh_.isActive()) refresh_.start();
}

void ChartsPanel::showEvent(QShowEvent* event) {
  QWidget::showEvent(event);
  if (!built()) build();
  refresh();
}

void ChartsPanel::changeEvent(QEvent* event) {
  QWidget::changeEvent(event);
  if (event->type() == QEvent::FontChange && built()) {
    applyFonts();
    for (Plot& plot : charts_->plots) fitAxes(plot);
  }
}

ChartsPanel::Chart ChartsPanel::shownChart() const {
  if (!charts_ || charts_->list->currentRow() < 0) return Chart::Availability;
  return static_cast<Chart>(charts_->list->currentRow());
}

void ChartsPanel::showChart(Chart chart) {
  if (charts_) charts_->list->setCurrentRow(index_of(chart));
}

QChart* ChartsPanel::chart(Chart chart) const { return charts_ ? charts_->plots[index_of(chart)].chart : nullptr; }

bool ChartsPanel::hasData(Chart chart) const { return charts_ && charts_->plots[index_of(chart)].has_data; }

QString ChartsPanel::emptyReason(Chart chart) const {
  return charts_ && !hasData(chart) ? charts_->plots[index_of(chart)].empty_reason : QString();
}

void ChartsPanel::build() {
  charts_ = new Charts;
  Charts& c = *charts_;
  auto* row = new QHBoxLayout(this);
  row->setContentsMargins(2, 2, 2, 2);
  row->setSpacing(4);

  // Left: the list of charts, and under it the shown chart's legend and notes, where text wraps.
  // They scroll together when the strip is very low, so they never make the panel taller.
  auto* column_widget = new QWidget;
  auto* column = new QVBoxLayout(column_widget);
  column->setContentsMargins(0, 0, 0, 0);
  column->setSpacing(6);
  c.list = new QListWidget(column_widget);
  c.list->setObjectName("chartSelector");
  c.list->setAccessibleName(tr("Chart to show"));
  c.list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  c.list->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  const QString titles[kChartCount] = {tr("Operations per second"), tr("Write latency"), tr("Replication lag"),
                                       tr("Keys per shard")};
  const QString descriptions[kChartCount] = {tr("Operations per second"), tr("Write latency by consistency level (ms)"),
                                             tr("Replication lag per replica (ms)"), tr("Keys per shard")};
  for (const QString& title : titles) new QListWidgetItem(title, c.list);
  c.notes = new QLabel(column_widget);
  c.notes->setObjectName("chartNotes");
  c.notes->setWordWrap(true);
  c.notes->setTextFormat(Qt::RichText);
  c.notes->setAlignment(Qt::AlignLeft | Qt::AlignTop);
  column->addWidget(c.list);
  column->addWidget(c.notes);
  column->addStretch(1);
  c.side = new QScrollArea(this);
  c.side->setObjectName("chartList");
  c.side->setWidget(column_widget);
  c.side->setWidgetResizable(true);
  c.side->setFrameShape(QFrame::NoFrame);
  c.side->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  c.side->setMinimumHeight(40);
  row->addWidget(c.side);

  // Right: the chosen chart, or the sentence saying why it has nothing to plot.
  c.pages = new QStackedWidget(this);
  c.pages->setObjectName("chartPages");
  c.pages->setMinimumSize(120, 40);
  const bool dark = stage_palette().dark;
  for (int i = 0; i < kChartCount; ++i) {
    Plot& plot = c.plots[i];
    plot.chart = new QChart;
    // The theme first: it resets colours, and the series set their own pens later.
    plot.chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    plot.chart->legend()->hide();  // the legend is in the column beside, where it takes no plot space
    plot.chart->setBackgroundRoundness(0);
    plot.chart->layout()->setContentsMargins(0, 0, 0, 0);
    plot.chart->setMargins(QMargins(2, 4, 4, 2));
    plot.chart->setLocalizeNumbers(true);
    plot.chart->setLocale(locale());
    const bool over_time = i == index_of(Chart::Availability) || i == index_of(Chart::Lag);
    if (over_time) {
      plot.time = new QValueAxis;
      plot.time->setTitleText(tr("time (s)"));
      plot.chart->addAxis(plot.time, Qt::AlignBottom);
    } else {
      plot.categories = new QBarCategoryAxis;
      plot.categories->setTitleText(i == index_of(Chart::Latency) ? tr("consistency level") : tr("shard"));
      plot.chart->addAxis(plot.categories, Qt::AlignBottom);
    }
    plot.values = new QValueAxis;
    plot.chart->addAxis(plot.values, Qt::AlignLeft);
    plot.view = new QChartView(plot.chart, c.pages);
    plot.view->setObjectName(QStringLiteral("chartView%1").arg(i));
    plot.view->setRenderHint(QPainter::Antialiasing);
    plot.view->setFrameShape(QFrame::NoFrame);
    plot.view->setMinimumSize(120, 40);
    plot.view->setAccessibleName(descriptions[i]);
    c.pages->addWidget(plot.view);
    connect(plot.chart, &QChart::plotAreaChanged, this, [this, &plot] { fitAxes(plot); });
  }
  c.plots[index_of(Chart::Availability)].values->setTitleText(tr("operations/s"));
  c.plots[index_of(Chart::Latency)].values->setTitleText(tr("latency (ms)"));
  c.plots[index_of(Chart::Lag)].values->setTitleText(tr("lag (ms)"));
  c.plots[index_of(Chart::Shards)].values->setTitleText(tr("keys"));
  c.empty = new QLabel(c.pages);
  c.empty->setObjectName("chartEmptyReason");
  c.empty->setWordWrap(true);
  c.empty->setAlignment(Qt::AlignCenter);
  c.empty->setMargin(8);
  c.pages->addWidget(c.empty);
  row->addWidget(c.pages, 1);

  applyFonts();
  c.list->setCurrentRow(0);
  connect(c.list, &QListWidget::currentRowChanged, this, [this] { showCurrent(); });
}

void ChartsPanel::applyFonts() {
  Charts& c = *charts_;
  // The charts use the panel's font, so they follow the system's font size.
  const QFont text = font();
  for (Plot& plot : c.plots) {
    for (QAbstractAxis* axis : plot.chart->axes()) {
      axis->setLabelsFont(text);
      axis->setTitleFont(text);
    }
  }
  // The list is as wide as its longest entry and as tall as all of them, so none is cut.
  const int frame = 2 * c.list->frameWidth();
  c.list->setFixedWidth(c.list->sizeHintForColumn(0) + frame + 8);
  c.list->setFixedHeight(c.list->sizeHintForRow(0) * c.list->count() + frame);
  c.side->setFixedWidth(c.list->width() + c.side->style()->pixelMetric(QStyle::PM_ScrollBarExtent));
}

void ChartsPanel::showCurrent() {
  Charts& c = *charts_;
  Plot& plot = c.plots[index_of(shownChart())];
  if (plot.has_data) {
    c.pages->setCurrentWidget(plot.view);
  } else {
    c.empty->setText(plot.empty_reason);
    c.pages->setCurrentWidget(c.empty);
  }
  fitAxes(plot);
  updateNotes();
}

void ChartsPanel::updateNotes() {
  Charts& c = *charts_;
  const Plot& plot = c.plots[index_of(shownChart())];
  QStringList lines;
  if (plot.has_data) {
    // Axis titles with no room beside the plot are named here instead, with an arrow for their way.
    if (!plot.values->isTitleVisible()) {
      lines << QStringLiteral("&#x2191;&nbsp;<b>%1</b>").arg(plot.values->titleText().toHtmlEscaped());
    }
    if (!plot.across()->isTitleVisible()) {
      lines << QStringLiteral("&#x2192;&nbsp;<b>%1</b>").arg(plot.across()->titleText().toHtmlEscaped());
    }
    if (!plot.legend.isEmpty()) lines << plot.legend;
    if (plot.numbered) {
      for (int i = 0; i < plot.category_names.size(); ++i) {
        lines << QStringLiteral("<b>%1</b>&nbsp;%2").arg(i + 1).arg(plot.category_names[i].toHtmlEscaped());
      }
    }
  }
  const QString notes = lines.join(QStringLiteral("<br>"));
  if (c.notes->text() != notes) c.notes->setText(notes);
  c.notes->setVisible(!notes.isEmpty());
}

void ChartsPanel::fitAxes(Plot& plot) {
  if (plot.fitting || !plot.has_data) return;
  plot.fitting = true;
  QRectF area = plot.chart->plotArea();
  if (area.width() < 1 || area.height() < 1) {
    // Not laid out yet: a guess from the view's size, corrected when the plot area is known.
    area = QRectF(0, 0, std::max(60, plot.view->width() - 80), std::max(40, plot.view->height() - 50));
  }
  const QLocale locale = plot.chart->locale();
  fit_value_axis(plot.values, std::max(plot.values_max * kHeadroom, 1.0), area.height(), false, locale);
  if (plot.time) fit_value_axis(plot.time, plot.time_end_s, area.width(), true, locale);
  // The value axis title runs along the axis; on a very low plot it moves to the notes (hiding
  // it changes the plot's width, not its height, so this does not flip back and forth).
  const bool title_fits = drawn_width(plot.values->titleFont(), plot.values->titleText()) + 4 <= area.height();
  // In a very low strip the title under the plot would squeeze the labels above it into "…": it
  // moves to the notes too. Decided on the view's height, which the title does not change.
  const double line = QFontMetricsF(plot.values->labelsFont()).height();
  const bool roomy = plot.view->height() >= 9 * line;
  bool notes_changed = title_fits != plot.values->isTitleVisible() || roomy != plot.across()->isTitleVisible();
  plot.values->setTitleVisible(title_fits);
  plot.across()->setTitleVisible(roomy);
  if (plot.categories) {
    const bool numbered = !categories_fit(plot.category_names, plot.categories->labelsFont(), area.width());
    const QStringList labels = numbered ? numbers_for(plot.category_names) : plot.category_names;
    if (plot.categories->categories() != labels) plot.categories->setCategories(labels);
    notes_changed = notes_changed || numbered != plot.numbered;
    plot.numbered = numbered;
  }
  plot.fitting = false;
  if (notes_changed && &plot == &charts_->plots[index_of(shownChart())]) updateNotes();
}

void ChartsPanel::refresh() {
  if (!charts_) return;
  const auto figures = run_->figures();
  if (!figures) return;
  plotted_ = {};
  const Inputs in{run_->frame(), *figures, static_cast<double>(run_->frame().time_us) / 1e6,
                  figures->charts.samples.size() > 0};
  refreshAvailability(in);
  refreshLatency(in);
  refreshLag(in);
  refreshShards(in);

  // Charts with nothing to plot stay in the list, greyed, and say why when chosen.
  for (int i = 0; i < kChartCount; ++i) {
    const Plot& plot = charts_->plots[i];
    QListWidgetItem* item = charts_->list->item(i);
    item->setForeground(plot.has_data ? palette().brush(QPalette::Text)
                                      : palette().brush(QPalette::Disabled, QPalette::Text));
    item->setToolTip(plot.has_data ? plot.view->accessibleName() : plot.empty_reason);
    item->setData(Qt::AccessibleDescriptionRole, plot.has_data ? QString() : plot.empty_reason);
  }
  showCurrent();
}

void ChartsPanel::refreshAvailability(const Inputs& in) {
  Plot& plot = charts_->plots[index_of(Chart::Availability)];
  const StagePalette& palette = stage_palette();
  plot.chart->removeAllSeries();
  // Completed operations per simulated second, succeeded vs failed or timed out; bin b counts the
  // second that ends at b + 1 s.
  const auto bins = in.figures.charts.availability_per_second();
  QList<QPointF> ok_points, failed_points;
  double most = 0;
  bool any = false;
  for (std::size_t b = 0; b < bins.size(); ++b) {
    const double x = static_cast<double>(b + 1);
    ok_points << QPointF(x, static_cast<double>(bins[b].ok));
    failed_points << QPointF(x, static_cast<double>(bins[b].failed));
    most = std::max({most, static_cast<double>(bins[b].ok), static_cast<double>(bins[b].failed)});
    any = any || bins[b].ok > 0 || bins[b].failed > 0;
  }
  const QColor ok_colour = palette.message(sim::MessageClass::Ack);
  const QColor failed_colour = palette.cut_link;
  auto* ok_series = new QLineSeries;
  ok_series->setName(tr("succeeded"));
  ok_series->replace(ok_points);
  auto* failed_series = new QLineSeries;
  failed_series->setName(tr("failed or timed out"));
  failed_series->replace(failed_points);
  attach(plot.chart, ok_series, plot.time, plot.values);
  attach(plot.chart, failed_series, plot.time, plot.values);
  ok_series->setPen(QPen(ok_colour, 2));
  failed_series->setPen(QPen(failed_colour, 2, Qt::DashLine));  // dashed: not colour alone
  plot.values_max = most;
  plot.time_end_s = std::max(in.now_s, static_cast<double>(bins.size()));
  plot.has_data = any;
  plot.empty_reason =
      in.sampled ? tr("No read or write has finished yet: this chart counts the operations that finish each second.")
                 : tr("The run has not started yet: this chart fills in as simulated time passes.");
  plot.legend = legend_line(ok_colour, kSolidLine, tr("succeeded")) + QStringLiteral("<br>") +
                legend_line(failed_colour, kDashedLine, tr("failed or timed out"));
  plotted_.availability_points = static_cast<int>(bins.size());
}

void ChartsPanel::refreshLatency(const Inputs& in) {
  Plot& plot = charts_->plots[index_of(Chart::Latency)];
  const StagePalette& palette = stage_palette();
  plot.chart->removeAllSeries();
  // Write latency percentiles per consistency level (the core's percentiles of every write so far).
  const QColor colour = palette.message(sim::MessageClass::Replication);
  auto* p50 = new QBarSet(tr("median"));
  p50->setBrush(colour);
  auto* p99 = new QBarSet(tr("99th percentile"));
  p99->setBrush(QBrush(colour, Qt::Dense4Pattern));  // patterned: not colour alone
  p99->setBorderColor(colour);
  QStringList levels;
  double most = 0;
  static const char* const kNames[] = {"default", "ONE", "QUORUM", "ALL", "LOCAL_QUORUM"};
  for (const run::LevelLatency& l : in.figures.charts.latest_latency()) {
    levels << (l.level < 5 ? QString::fromLatin1(kNames[l.level]) : QString::number(l.level));
    const double median_ms = static_cast<double>(l.p50_us) / 1e3;
    const double p99_ms = static_cast<double>(l.p99_us) / 1e3;
    *p50 << median_ms;
    *p99 << p99_ms;
    most = std::max({most, median_ms, p99_ms});
  }
  plot.category_names = levels;
  plot.categories->setCategories(plot.numbered ? numbers_for(levels) : levels);
  auto* series = new QBarSeries;
  series->append(p50);
  series->append(p99);
  attach(plot.chart, series, plot.categories, plot.values);
  plot.values_max = most;
  plot.has_data = !levels.empty();
  plot.empty_reason = tr("No write has been acknowledged yet, so there is no write latency to show.");
  plot.legend = legend_line(colour, kSolidBar, tr("median")) + QStringLiteral("<br>") +
                legend_line(colour, kPatternBar, tr("99th percentile"));
  plotted_.latency_levels = static_cast<int>(levels.size());
}

void ChartsPanel::refreshLag(const Inputs& in) {
  Plot& plot = charts_->plots[index_of(Chart::Lag)];
  const StagePalette& palette = stage_palette();
  plot.chart->removeAllSeries();
  // Replication lag over time, one line per replica, sampled every 100 ms of simulated time.
  const auto lag = in.figures.charts.lag_ms();
  double most = 0;
  double last_s = 0;
  QStringList legend;
  int index = 0;
  for (const auto& [node, points] : lag) {
    const QString name =
        in.frame.is_node(node) ? QString::fromStdString(in.frame.nodes[node].name) : QString::number(node);
    const QColor colour = palette.node_colour(node);
    const LineStyle& style = kLineStyles[index++ % std::size(kLineStyles)];
    auto* series = new QLineSeries;
    series->setName(name);
    QList<QPointF> list;
    for (const auto& [t, ms] : points) {
      list << QPointF(t, ms);
      most = std::max(most, ms);
      last_s = std::max(last_s, t);
    }
    series->replace(list);
    attach(plot.chart, series, plot.time, plot.values);
    series->setPen(QPen(colour, 2, style.pen));
    legend << legend_line(colour, *style.sample, name);
    ++plotted_.lag_series;
  }
  plot.values_max = most;
  plot.time_end_s = std::max(in.now_s, last_s);
  plot.has_data = !lag.empty();
  plot.empty_reason =
      in.sampled ? tr("No node in this scenario copies its data from another, so there is no replication lag to plot.")
                 : tr("The run has not started yet: this chart fills in as simulated time passes.");
  plot.legend = legend.join(QStringLiteral("<br>"));
}

void ChartsPanel::refreshShards(const Inputs& in) {
  Plot& plot = charts_->plots[index_of(Chart::Shards)];
  const StagePalette& palette = stage_palette();
  plot.chart->removeAllSeries();
  // Keys per shard, from the model's view data.
  QStringList names;
  auto* set = new QBarSet(tr("keys"));
  set->setBrush(palette.heat(0.7));  // the stage's colour for load, which keys per shard are
  double most = 0;
  for (const auto& shard : in.frame.view.shards) {
    names << QString::fromStdString(shard.name);
    *set << static_cast<double>(shard.keys);
    most = std::max(most, static_cast<double>(shard.keys));
  }
  plot.category_names = names;
  if (!names.empty()) {
    plot.categories->setCategories(plot.numbered ? numbers_for(names) : names);
    auto* series = new QBarSeries;
    series->append(set);
    attach(plot.chart, series, plot.categories, plot.values);
  } else {
    delete set;
  }
  plot.values_max = most;
  plot.has_data = !names.empty();
  plot.empty_reason = tr("This scenario has no shards: there is nothing to count per shard.");
  // Resharding moves keys between shards; said only once it has happened, as news.
  const auto moved = in.figures.metrics.find("keys_moved");
  const bool any_moved = moved != in.figures.metrics.end() && moved->second > 0;
  plot.legend = any_moved ? tr("%1 keys moved so far").arg(moved->second) : QString();
  plotted_.shard_bars = static_cast<int>(names.size());
}

}  // namespace cs::ui
