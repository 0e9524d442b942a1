#include "panels/history_panel.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QEvent>
#include <QHBoxLayout>
#include <QHelpEvent>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QPushButton>
#include <QScrollArea>
#include <QToolTip>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <map>

#include "i18n/language.h"
#include "run/run_controller.h"
#include "theme/palette.h"

namespace cs::ui {

namespace {

// What a bar looks like says what happened to the operation. Colour: write or read. Fill: it
// took effect (writes solid, reads hatched, so the two differ without colour too). Outline only:
// failed (dashed), outcome unknown (dotted, with a "?"), no answer yet (solid). Thick and marked
// with a cross: the check could not fit it into any single-copy order.
enum LegendKind { kWrite, kRead, kFailed, kUnknown, kPending, kOffending };

QColor op_colour(sim::OpType type, const StagePalette& palette) {
  return type == sim::OpType::Write ? palette.message(sim::MessageClass::Replication)
                                    : palette.message(sim::MessageClass::Ack);
}

void draw_operation(QPainter& p, const QRectF& bar, const QColor& colour, sim::OpType type, sim::OpStatus status,
                    bool offending, const StagePalette& palette) {
  QPen pen(colour.darker(140), 1.5);
  QBrush brush(Qt::NoBrush);
  switch (status) {
    case sim::OpStatus::Ok:
      brush = QBrush(colour, type == sim::OpType::Write ? Qt::SolidPattern : Qt::BDiagPattern);
      break;
    case sim::OpStatus::Fail: pen.setStyle(Qt::DashLine); break;
    case sim::OpStatus::Info: pen.setStyle(Qt::DotLine); break;
    case sim::OpStatus::Pending: break;
  }
  if (offending) pen = QPen(palette.cut_link, 3);
  p.setPen(pen);
  p.setBrush(brush);
  p.drawRect(bar);
  if (status == sim::OpStatus::Info && bar.width() >= 8) {
    p.setPen(palette.text);
    p.drawText(bar, Qt::AlignVCenter | Qt::AlignRight, QStringLiteral("?"));
  }
  if (offending) {
    p.setPen(QPen(palette.cut_link, 2));
    p.drawText(QPointF(bar.right() + 3, bar.center().y() + 4), QStringLiteral("\u2717"));
  }
}

QString ms_text(sim::TimeUs us) {
  return QLocale(current_language()).toString(static_cast<double>(us) / 1000.0, 'f', 1);
}

// A tick every 1, 2 or 5 times a power of ten seconds, at least `min_gap_px` apart.
double tick_step_us(double end_us, double width_px, double min_gap_px) {
  const double wanted = end_us * min_gap_px / std::max(1.0, width_px);
  double step = 1000.0;  // 1 ms
  for (;;) {
    for (const double factor : {1.0, 2.0, 5.0}) {
      if (step * factor >= wanted) return step * factor;
    }
    step *= 10.0;
  }
}

int small_pixel_size() { return static_cast<int>(std::lround(11.0 * stage_palette().type_scale)); }

}  // namespace

HistoryTimeline::HistoryTimeline(RunController* run, QWidget* parent) : QWidget(parent), run_(run) {
  setObjectName("historyTimeline");
  setAccessibleName(tr("Client operations over time"));
  connect(run_, &RunController::timeChanged, this, qOverload<>(&QWidget::update));
  connect(run_, &RunController::scenarioChanged, this, [this] {
    setOffending({});
    clearWitness();
  });
}

void HistoryTimeline::setOffending(std::set<std::uint64_t> ids) {
  offending_ = std::move(ids);
  update();
}

void HistoryTimeline::setWitness(const std::vector<std::uint64_t>& ids, sim::TimeUs moment_us) {
  witness_ = true;
  emphasised_ = std::set<std::uint64_t>(ids.begin(), ids.end());
  moment_us_ = moment_us;
  update();
}

void HistoryTimeline::clearWitness() {
  witness_ = false;
  emphasised_.clear();
  moment_us_ = -1;
  update();
}

void HistoryTimeline::setZoomed(bool zoomed) {
  zoomed_ = zoomed;
  update();
}

HistoryTimeline::Layout HistoryTimeline::layout(const run::Figures& figures) const {
  Layout out;
  const auto& ops = figures.history;
  std::map<sim::EndpointId, int> rows;
  for (const auto& op : ops) rows.emplace(op.client, 0);
  int row = 0;
  for (auto& [client, index] : rows) index = row++;
  QFont small = font();
  small.setPixelSize(small_pixel_size());
  const double axis_height = QFontMetricsF(small).height() + 6;
  out.left = 70;
  out.right = width() - 14.0;
  out.axis_top = height() - axis_height;
  out.row_height = std::max(14.0, std::min(28.0, (out.axis_top - 8.0) / std::max(1, row)));
  out.end_us = std::max<sim::TimeUs>(1, figures.time_us);
  const auto done_of = [&](const sim::Operation& op) { return op.complete_us >= 0 ? op.complete_us : figures.time_us; };
  if (witness_ && zoomed_ && !emphasised_.empty()) {
    // The example's operations with a quarter of their span (at least 20 ms) on either side.
    sim::TimeUs first = -1, last = -1;
    for (const auto& op : ops) {
      if (!emphasised_.count(op.id)) continue;
      first = first < 0 ? op.invoke_us : std::min(first, op.invoke_us);
      last = std::max(last, done_of(op));
    }
    if (first >= 0) {
      const sim::TimeUs margin = std::max<sim::TimeUs>(20'000, (last - first) / 4);
      out.begin_us = std::max<sim::TimeUs>(0, first - margin);
      out.end_us = std::max(out.begin_us + 1, std::min(figures.time_us, last + margin));
    }
  }
  const auto x_of = [&](sim::TimeUs t) {
    return out.left + (out.right - out.left) * static_cast<double>(t - out.begin_us) /
                          static_cast<double>(out.end_us - out.begin_us);
  };
  for (const auto& [client, index] : rows) out.rows.emplace_back(client, 6 + index * out.row_height);
  out.bars.reserve(ops.size());
  for (const auto& op : ops) {
    const double y = 6 + rows[op.client] * out.row_height + 3;
    const bool emphasised = emphasised_.count(op.id) > 0;
    // An example's operation stays visible however short it was.
    const double min_width = emphasised ? 6.0 : 3.0;
    const QRectF rect(x_of(op.invoke_us), y, std::max(min_width, x_of(done_of(op)) - x_of(op.invoke_us)),
                      out.row_height - 6);
    out.bars.push_back(Bar{rect, op, emphasised, witness_ && !emphasised});
  }
  return out;
}

QSize HistoryTimeline::minimumSizeHint() const {
  QFont small = font();
  small.setPixelSize(small_pixel_size());
  const int axis = static_cast<int>(std::ceil(QFontMetricsF(small).height())) + 6;
  return {200, 8 + std::max(client_rows_, 2) * 14 + axis + 2};
}

std::vector<HistoryTimeline::Bar> HistoryTimeline::bars() const {
  const auto figures = run_->figures();
  return figures ? layout(*figures).bars : std::vector<Bar>{};
}

void HistoryTimeline::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.setRenderHint(QPainter::Antialiasing);
  p.fillRect(rect(), stage_palette().background);
  drawn_ = 0;
  const auto figures = run_->figures();
  if (!figures) return;
  const StagePalette& palette = stage_palette();
  if (figures->history.empty()) {
    p.setPen(palette.text);
    p.drawText(rect().adjusted(8, 0, -8, 0), Qt::AlignCenter | Qt::TextWordWrap,
               tr("No client operations yet: send a read or a write (W, E on the stage)."));
    return;
  }
  const Layout l = layout(*figures);
  if (static_cast<int>(l.rows.size()) != client_rows_) {
    client_rows_ = static_cast<int>(l.rows.size());
    updateGeometry();  // every client's row keeps its height: the panel scrolls instead
  }
  const std::size_t node_count = run_->frame().nodes.size();
  QFont small = p.font();
  small.setPixelSize(small_pixel_size());
  p.setFont(small);
  for (const auto& [client, top] : l.rows) {
    p.setPen(palette.text);
    p.drawText(QRectF(2, top, l.left - 6, l.row_height), Qt::AlignVCenter | Qt::AlignRight,
               tr("client %1").arg(client - node_count + 1));
  }
  // The time axis, so that the tooltips' times can be found on it.
  const double x0 = l.left;
  const double x1 = l.right;
  p.setPen(QPen(palette.link, 1));
  p.drawLine(QPointF(x0, l.axis_top), QPointF(x1, l.axis_top));
  const auto span = static_cast<double>(l.end_us - l.begin_us);
  const double step = tick_step_us(span, x1 - x0, 70);
  const QLocale locale(current_language());
  for (double t = std::ceil(static_cast<double>(l.begin_us) / step) * step; t <= static_cast<double>(l.end_us) + 1;
       t += step) {
    const double x = x0 + (x1 - x0) * (t - static_cast<double>(l.begin_us)) / span;
    p.setPen(QPen(palette.link, 1));
    p.drawLine(QPointF(x, l.axis_top), QPointF(x, l.axis_top + 3));
    p.setPen(palette.text);
    const QString label = step >= 1e6 ? tr("%1 s").arg(locale.toString(t / 1e6, 'f', 0))
                                      : tr("%1 s").arg(locale.toString(t / 1e6, 'f', step >= 1e5 ? 1 : 3));
    const QRectF box(x - 40, l.axis_top + 3, 80, height() - l.axis_top - 3);
    p.drawText(box, Qt::AlignHCenter | Qt::AlignTop, label);
  }
  // The moment "Show on the stage" goes to, when an example is shown.
  if (witness_ && moment_us_ >= l.begin_us && moment_us_ <= l.end_us) {
    const double x = x0 + (x1 - x0) * static_cast<double>(moment_us_ - l.begin_us) / span;
    p.setPen(QPen(palette.focus, 2, Qt::DashLine));
    p.drawLine(QPointF(x, 2), QPointF(x, l.axis_top));
  }
  p.save();
  // Zoomed, bars end at the plot's edge; else there is room for the mark beside the last one.
  p.setClipRect(QRectF(x0 - 1, 0, x1 - x0 + (zoomed_ ? 2 : 16), height()));
  for (const Bar& b : l.bars) {
    if (b.rect.right() < x0 - 1 || b.rect.left() > x1 + 1) continue;  // outside the zoomed span
    const sim::Operation& op = b.op;
    p.setOpacity(b.faded ? 0.25 : 1.0);
    draw_operation(p, b.rect, op_colour(op.type, palette), op.type, op.status, offending_.count(op.id) > 0, palette);
    if (b.emphasised) {
      p.setPen(QPen(palette.text, 2));
      p.setBrush(Qt::NoBrush);
      p.drawRect(b.rect.adjusted(-3, -2, 3, 2));
    }
    if (b.rect.width() > 40) {
      const QString kind = op.type == sim::OpType::Write ? QStringLiteral("w") : QStringLiteral("r");
      const auto label_with = [&](std::int64_t value) {
        return QStringLiteral("%1 k%2%3")
            .arg(kind)
            .arg(op.key)
            .arg(op.has_value ? QStringLiteral("=%1").arg(value) : QString());
      };
      // An example's operations carry the whole value when it fits, as its sentence names it.
      QString label = label_with(op.value);
      if (!b.emphasised || QFontMetricsF(p.font()).horizontalAdvance(label) + 6 > b.rect.width())
        label = label_with(op.value % 1'000'000);
      p.setPen(palette.text);
      p.drawText(b.rect.adjusted(3, 0, 0, 0), Qt::AlignVCenter | Qt::AlignLeft, label);
    }
    ++drawn_;
  }
  p.restore();
}

QString HistoryTimeline::describe(const sim::Operation& op) const {
  QStringList lines;
  const QString key = QString::number(op.key);
  if (op.type == sim::OpType::Write) {
    lines << tr("Write of the value %1 to key %2").arg(op.value).arg(key);
  } else if (op.status == sim::OpStatus::Ok) {
    lines << (op.has_value ? tr("Read of key %1: it returned %2").arg(key).arg(op.value)
                           : tr("Read of key %1: it returned nothing (no value yet)").arg(key));
  } else {
    lines << tr("Read of key %1").arg(key);
  }
  const auto& nodes = run_->frame().nodes;
  const QString node = op.node < nodes.size() ? QString::fromStdString(nodes[op.node].name) : QString::number(op.node);
  lines << tr("Client %1, sent to %2").arg(op.client - nodes.size() + 1).arg(node);
  lines << (op.complete_us >= 0
                ? tr("Started at %1 ms, ended at %2 ms").arg(ms_text(op.invoke_us), ms_text(op.complete_us))
                : tr("Started at %1 ms, no answer yet").arg(ms_text(op.invoke_us)));
  switch (op.status) {
    case sim::OpStatus::Ok: lines << tr("Outcome: ok (it took effect)"); break;
    case sim::OpStatus::Fail: lines << tr("Outcome: failed (it did not take effect)"); break;
    case sim::OpStatus::Info:
      lines << tr("Outcome: unknown (no answer came back: it may or may not have taken effect)");
      break;
    case sim::OpStatus::Pending: lines << tr("Outcome: still waiting for an answer"); break;
  }
  if (offending_.count(op.id) > 0)
    lines << tr("\u2717 No single copy of the data could have given this answer at this time.");
  return lines.join(QLatin1Char('\n'));
}

QString HistoryTimeline::toolTipAt(const QPoint& pos) const {
  const std::vector<Bar> all = bars();
  const QPointF at(pos);
  // The bar under the pointer; a thin bar also answers a few pixels beside it.
  const Bar* best = nullptr;
  double best_distance = 4.0;
  for (const Bar& b : all) {
    if (at.y() < b.rect.top() - 1 || at.y() > b.rect.bottom() + 1) continue;
    const double distance = at.x() < b.rect.left() ? b.rect.left() - at.x() : std::max(0.0, at.x() - b.rect.right());
    if (distance <= best_distance) {
      best = &b;
      best_distance = distance;
    }
  }
  return best ? describe(best->op) : QString();
}

bool HistoryTimeline::event(QEvent* event) {
  if (event->type() == QEvent::ToolTip) {
    auto* help = static_cast<QHelpEvent*>(event);
    const QString text = toolTipAt(help->pos());
    if (text.isEmpty()) {
      QToolTip::hideText();
      event->ignore();
    } else {
      QToolTip::showText(help->globalPos(), text, this);
    }
    return true;
  }
  return QWidget::event(event);
}

HistoryLegend::HistoryLegend(QWidget* parent) : QWidget(parent) {
  setObjectName("historyLegend");
  setAccessibleName(tr("Legend of the history timeline"));
  QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
  policy.setHeightForWidth(true);
  setSizePolicy(policy);
}

void HistoryLegend::setShowOffending(bool show) {
  if (show == show_offending_) return;
  show_offending_ = show;
  updateGeometry();
  update();
  setAccessibleDescription(entries().join(QStringLiteral(", ")));
}

std::vector<HistoryLegend::Item> HistoryLegend::items() const {
  std::vector<Item> out{{kWrite, tr("write")},
                        {kRead, tr("read")},
                        {kFailed, tr("failed (no effect)")},
                        {kUnknown, tr("outcome unknown")},
                        {kPending, tr("no answer yet")}};
  if (show_offending_) out.push_back({kOffending, tr("no single copy could explain it")});
  return out;
}

QStringList HistoryLegend::entries() const {
  QStringList out;
  for (const Item& item : items()) out << item.label;
  return out;
}

std::vector<QRectF> HistoryLegend::place(int width) const {
  const QFontMetricsF metrics(font());
  const double swatch = 24, gap = 14, line = std::max(metrics.height(), 14.0) + 4;
  std::vector<QRectF> out;
  double x = 0, y = 0;
  for (const Item& item : items()) {
    const double w = swatch + metrics.horizontalAdvance(item.label) + 6;
    if (x > 0 && x + w > width) {
      x = 0;
      y += line;
    }
    out.emplace_back(x, y, w, line);
    x += w + gap;
  }
  return out;
}

int HistoryLegend::heightForWidth(int width) const {
  const std::vector<QRectF> rects = place(width);
  return rects.empty() ? 0 : static_cast<int>(std::ceil(rects.back().bottom()));
}

QSize HistoryLegend::sizeHint() const { return {500, heightForWidth(500)}; }

QSize HistoryLegend::minimumSizeHint() const {
  // As narrow as its widest entry, on as many rows as that takes.
  int widest = 0;
  for (const QRectF& r : place(0)) widest = std::max(widest, static_cast<int>(std::ceil(r.width())));
  return {widest, heightForWidth(widest)};
}

void HistoryLegend::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.setRenderHint(QPainter::Antialiasing);
  const StagePalette& palette = stage_palette();
  const std::vector<Item> all = items();
  const std::vector<QRectF> rects = place(width());
  for (std::size_t i = 0; i < all.size(); ++i) {
    const QRectF& r = rects[i];
    const QRectF swatch(r.left() + 1, r.center().y() - 5, 16, 10);
    // The outline entries mean the same for reads and writes: they are drawn in the text colour
    // (the panel's, as the labels beside them: the legend sits on the panel, not on the timeline).
    const QColor neutral = QWidget::palette().color(QPalette::WindowText);
    switch (all[i].kind) {
      case kWrite:
        draw_operation(p, swatch, op_colour(sim::OpType::Write, palette), sim::OpType::Write, sim::OpStatus::Ok, false,
                       palette);
        break;
      case kRead:
        draw_operation(p, swatch, op_colour(sim::OpType::Read, palette), sim::OpType::Read, sim::OpStatus::Ok, false,
                       palette);
        break;
      case kFailed: draw_operation(p, swatch, neutral, sim::OpType::Write, sim::OpStatus::Fail, false, palette); break;
      case kUnknown: draw_operation(p, swatch, neutral, sim::OpType::Write, sim::OpStatus::Info, false, palette); break;
      case kPending:
        draw_operation(p, swatch, neutral, sim::OpType::Write, sim::OpStatus::Pending, false, palette);
        break;
      case kOffending:
        draw_operation(p, swatch.adjusted(0, 0, -8, 0), op_colour(sim::OpType::Read, palette), sim::OpType::Read,
                       sim::OpStatus::Ok, true, palette);
        break;
    }
    p.setPen(neutral);
    p.drawText(QRectF(r.left() + 24, r.top(), r.width() - 24, r.height()), Qt::AlignVCenter | Qt::AlignLeft,
               all[i].label);
  }
}

void HistoryLegend::changeEvent(QEvent* event) {
  if (event->type() == QEvent::FontChange) updateGeometry();
  QWidget::changeEvent(event);
}

HistoryPanel::HistoryPanel(RunController* run, QWidget* parent) : QWidget(parent), run_(run) {
  setObjectName("historyPanel");
  // Below the stage the panel may get little height: it scrolls rather than cut the verdict.
  auto* outer = new QVBoxLayout(this);
  outer->setContentsMargins(0, 0, 0, 0);
  auto* scroll = new QScrollArea(this);
  scroll->setObjectName("historyScroll");
  scroll->setFrameShape(QFrame::NoFrame);
  scroll->setWidgetResizable(true);
  scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  outer->addWidget(scroll);
  auto* content = new QWidget(scroll);
  auto* layout = new QVBoxLayout(content);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->setSpacing(4);
  plain_verdict_ = new QLabel(content);
  plain_verdict_->setObjectName("historyPlainVerdict");
  plain_verdict_->setWordWrap(true);
  plain_verdict_->setTextFormat(Qt::PlainText);
  plain_verdict_->setAccessibleName(tr("What the history check found"));
  QFont emphasised = plain_verdict_->font();
  emphasised.setBold(true);
  plain_verdict_->setFont(emphasised);
  // The checker's own words, for those who know the terms: second, and a little smaller.
  verdict_ = new QLabel(content);
  verdict_->setObjectName("historyVerdict");
  verdict_->setWordWrap(true);
  verdict_->setTextFormat(Qt::PlainText);
  verdict_->setAccessibleName(tr("Verdict of the history check"));
  QFont smaller = verdict_->font();
  smaller.setPointSizeF(smaller.pointSizeF() * 0.9);
  verdict_->setFont(smaller);
  auto* bar = new QHBoxLayout;
  check_ = new QPushButton(tr("Check linearizability"), content);
  check_->setObjectName("checkHistoryButton");
  check_->setToolTip(tr("Could what the clients saw have happened on a single copy of the data?"));
  legend_ = new HistoryLegend(content);
  bar->addWidget(check_, 0, Qt::AlignTop);
  bar->addSpacing(8);
  bar->addWidget(legend_, 1, Qt::AlignVCenter);
  // The examples of what went wrong: a list above the lanes, the chosen one's sentence below.
  witness_row_ = new QWidget(content);
  auto* witness_bar = new QHBoxLayout(witness_row_);
  witness_bar->setContentsMargins(0, 0, 0, 0);
  auto* heading = new QLabel(tr("What went wrong:"), witness_row_);
  witness_list_ = new QComboBox(witness_row_);
  witness_list_->setObjectName("historyWitnessList");
  witness_list_->setAccessibleName(tr("Examples of what went wrong"));
  witness_list_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  witness_list_->setMinimumContentsLength(16);
  heading->setBuddy(witness_list_);
  witness_bar->addWidget(heading);
  witness_bar->addWidget(witness_list_, 1);
  timeline_ = new HistoryTimeline(run_, content);
  witness_sentence_ = new QLabel(content);
  witness_sentence_->setObjectName("historyWitnessSentence");
  witness_sentence_->setWordWrap(true);
  witness_sentence_->setTextFormat(Qt::PlainText);
  witness_sentence_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  witness_sentence_->setAccessibleName(tr("Why this example is a problem"));
  witness_note_ = new QLabel(content);
  witness_note_->setObjectName("historyWitnessNote");
  witness_note_->setWordWrap(true);
  witness_note_->setTextFormat(Qt::PlainText);
  witness_note_->setFont(smaller);
  witness_actions_ = new QWidget(content);
  auto* actions = new QHBoxLayout(witness_actions_);
  actions->setContentsMargins(0, 0, 0, 0);
  zoom_ = new QPushButton(tr("Zoom to the example"), witness_actions_);
  zoom_->setObjectName("historyWitnessZoom");
  zoom_->setCheckable(true);
  zoom_->setToolTip(tr("Show on the lanes only the time around this example's operations"));
  show_on_stage_ = new QPushButton(tr("Show on the stage"), witness_actions_);
  show_on_stage_->setObjectName("historyWitnessShow");
  show_on_stage_->setToolTip(tr("Move the run to the moment of this example and highlight the nodes involved"));
  actions->addWidget(zoom_);
  actions->addWidget(show_on_stage_);
  actions->addStretch(1);
  layout->addWidget(plain_verdict_);
  layout->addWidget(verdict_);
  layout->addLayout(bar);
  layout->addWidget(witness_row_);
  layout->addWidget(timeline_, 1);
  layout->addWidget(witness_sentence_);
  layout->addWidget(witness_note_);
  layout->addWidget(witness_actions_);
  scroll->setWidget(content);
  showNotChecked();
  connect(check_, &QPushButton::clicked, this, [this] { checkNow(); });
  connect(witness_list_, &QComboBox::currentIndexChanged, this, &HistoryPanel::selectWitness);
  connect(zoom_, &QPushButton::toggled, timeline_, &HistoryTimeline::setZoomed);
  connect(show_on_stage_, &QPushButton::clicked, this, &HistoryPanel::showWitnessOnStage);
  connect(run_, &RunController::scenarioChanged, this, [this] { showNotChecked(); });
  // The learner changed the run: the examples may no longer be in it.
  connect(run_, &RunController::learnerActed, this, [this] { showNotChecked(); });
}

void HistoryPanel::showNotChecked() {
  plain_verdict_->setText(
      tr("Not checked yet: “Check linearizability” asks whether every read could have come from a single "
         "copy of the data."));
  verdict_->setText(tr("Not checked yet."));
  verdict_->hide();
  legend_->setShowOffending(false);
  timeline_->setOffending({});
  showWitnesses({});
}

void HistoryPanel::showWitnesses(std::vector<ShownWitness> witnesses) {
  witnesses_ = std::move(witnesses);
  {
    const QSignalBlocker quiet(witness_list_);
    witness_list_->clear();
    for (const ShownWitness& w : witnesses_) {
      witness_list_->addItem(w.title);
      witness_list_->setItemData(witness_list_->count() - 1, w.sentence, Qt::ToolTipRole);
    }
  }
  const bool any = !witnesses_.empty();
  witness_row_->setVisible(any);
  witness_actions_->setVisible(any);
  if (any) {
    witness_list_->setCurrentIndex(0);
    selectWitness(0);
  } else {
    timeline_->clearWitness();
    witness_sentence_->clear();
    witness_sentence_->hide();
    witness_note_->clear();
    witness_note_->hide();
  }
}

int HistoryPanel::currentWitness() const { return witnesses_.empty() ? -1 : witness_list_->currentIndex(); }

void HistoryPanel::selectWitness(int index) {
  if (index < 0 || index >= static_cast<int>(witnesses_.size())) return;
  if (witness_list_->currentIndex() != index) {
    witness_list_->setCurrentIndex(index);  // comes back here through currentIndexChanged
    return;
  }
  const ShownWitness& w = witnesses_[static_cast<std::size_t>(index)];
  timeline_->setWitness(w.op_ids, w.moment_us);
  witness_sentence_->setText(w.sentence);
  witness_sentence_->show();
  witness_note_->setText(w.note);
  witness_note_->setVisible(!w.note.isEmpty());
  zoom_->setEnabled(!w.op_ids.empty());
  show_on_stage_->setAccessibleDescription(w.sentence);
}

QString HistoryPanel::witnessSentence() const {
  return witness_sentence_->isVisible() ? witness_sentence_->text() : QString();
}

void HistoryPanel::showWitnessOnStage() {
  const int index = currentWitness();
  if (index < 0) return;
  const ShownWitness& w = witnesses_[static_cast<std::size_t>(index)];
  run_->setPlaying(false);
  run_->seekUs(w.moment_us);
  emit showOnStage(w.nodes);
}

check::LinearizabilityResult HistoryPanel::checkNow() {
  check::LinearizabilityResult result;
  const auto figures = run_->figures();
  if (!figures) return result;
  QElapsedTimer clock;
  clock.start();
  check::CheckBudget budget;
  budget.max_time_ns = 2'000'000'000;  // two seconds: beyond that the answer is "unknown"
  budget.now_ns = [&clock] { return clock.nsecsElapsed(); };
  const check::OpHistory history = check::from_sim_history(figures->history);
  result = check::check_linearizability(history, check::Model::Register, budget);
  const auto offending = result.offending_ops();
  timeline_->setOffending(std::set<std::uint64_t>(offending.begin(), offending.end()));
  legend_->setShowOffending(!offending.empty());
  QString text;
  QString plain;
  switch (result.verdict) {
    case check::Verdict::Linearizable:
      text = tr("Linearizable: the %1 operations could have happened, in this order, on one copy of the data.")
                 .arg(result.operations);
      plain = figures->history.empty()
                  ? tr("No client operations yet, so there is nothing to check: send a read or a write first.")
                  : tr("Every read returned a value that a single copy of the data could have returned: the history "
                       "is linearizable.");
      break;
    case check::Verdict::NotLinearizable:
      text = tr("Not linearizable: no single-copy order explains what the clients saw. The %1 operations marked "
                "\u2717 could not come next.")
                 .arg(offending.size());
      plain =
          tr("Some read saw a value no single copy could have shown at that time: the history is not "
             "linearizable (see the highlighted operations).");
      if (const QString e = example(result, *figures); !e.isEmpty()) plain += QLatin1Char(' ') + e;
      break;
    case check::Verdict::Unknown:
      text = tr("Unknown: the check ran out of its budget before deciding (this is not a pass).");
      plain =
          tr("The check ran out of time before it could decide, so this says nothing either way: try it at an "
             "earlier moment, with fewer operations.");
      break;
  }
  verdict_->setText(text);
  verdict_->show();
  plain_verdict_->setText(plain);
  // The smallest examples: bounded in steps (the same run gives the same examples) and, so that
  // the window never hangs, in time.
  check::WitnessBudget witness_budget;
  witness_budget.max_steps = 2'000'000;
  witness_budget.max_steps_per_check = 500'000;
  witness_budget.max_time_ns = 1'000'000'000;
  witness_budget.now_ns = [&clock] { return clock.nsecsElapsed(); };
  QStringList node_names;
  for (const run::NodeFrame& n : run_->frame().nodes) node_names << QString::fromStdString(n.name);
  showWitnesses(
      HistoryWitnesses::all(*figures, history, result, node_names, run_->promisesOneLeaderPerTerm(), witness_budget));
  return result;
}

// One offending read in words: a beginner finds it on the timeline by its client and its time.
QString HistoryPanel::example(const check::LinearizabilityResult& result, const run::Figures& figures) const {
  std::uint64_t id = 0;
  for (const check::KeyResult& key : result.keys) {
    if (key.verdict != check::Verdict::NotLinearizable) continue;
    id = key.blocking_op != 0 ? key.blocking_op : (key.stuck_ops.empty() ? 0 : key.stuck_ops.front());
    if (id != 0) break;
  }
  if (id == 0) return {};
  for (const sim::Operation& op : figures.history) {
    if (op.id != id) continue;
    if (op.type != sim::OpType::Read || op.complete_us < 0) return {};
    const auto client = op.client - run_->frame().nodes.size() + 1;
    return op.has_value ? tr("For example, client %1 read key %2 between %3 ms and %4 ms and got %5.")
                              .arg(client)
                              .arg(op.key)
                              .arg(ms_text(op.invoke_us), ms_text(op.complete_us))
                              .arg(op.value)
                        : tr("For example, client %1 read key %2 between %3 ms and %4 ms and got no value at all.")
                              .arg(client)
                              .arg(op.key)
                              .arg(ms_text(op.invoke_us), ms_text(op.complete_us));
  }
  return {};
}

QString HistoryPanel::verdictText() const { return verdict_->text(); }

QString HistoryPanel::plainVerdictText() const { return plain_verdict_->text(); }

}  // namespace cs::ui
