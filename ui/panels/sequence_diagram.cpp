#include "panels/sequence_diagram.h"

#include <QFontMetricsF>
#include <QHelpEvent>
#include <QPainter>
#include <QPainterPath>
#include <QStringList>
#include <QToolTip>
#include <algorithm>
#include <cmath>
#include <optional>
#include <unordered_map>
#include <utility>

#include "i18n/core_terms.h"
#include "run/run_controller.h"
#include "theme/palette.h"

namespace cs::ui {

namespace {
constexpr double kMarginPx = 8;
constexpr double kLabelPadPx = 3;   // between a label's text and the edge of its box
constexpr double kPlotInsetPx = 6;  // keeps arrow heads and drop crosses inside the plot
constexpr double kBaseFontPx = 11;  // at type scale 1; projector mode and large system fonts grow it
constexpr int kMaxShiftLines = 3;   // how far (in lines) an event label may move from its moment

void arrow_head(QPainter& p, QPointF from, QPointF to) {
  const QLineF line(from, to);
  if (line.length() < 1) return;
  const double angle = std::atan2(-line.dy(), line.dx());
  const double size = 7;
  QPainterPath head;
  head.moveTo(to);
  head.lineTo(to - QPointF(std::cos(angle - 0.45) * size, -std::sin(angle - 0.45) * size));
  head.lineTo(to - QPointF(std::cos(angle + 0.45) * size, -std::sin(angle + 0.45) * size));
  head.closeSubpath();
  p.fillPath(head, p.pen().color());
}

// Finds each event label a box inside the plot that overlaps no box placed before it: beside its
// anchor first (right, then left), then a line further down or up at a time, so that it stays
// near the moment it marks. Labels placed first win, so the caller places the important ones first.
// A box that would hide where an arrow starts or ends is taken only when there is no other.
class LabelPlacer {
 public:
  LabelPlacer(QRectF area, double line, QVector<QPointF> arrow_ends)
      : area_(area), line_(line), arrow_ends_(std::move(arrow_ends)) {}

  // `across`: the event concerns the whole cluster (a partition), its anchor is a line across
  // the plot and the label goes at either end of it.
  std::optional<QRectF> place(QSizeF size, QPointF anchor, bool across) {
    for (const bool keep_arrow_ends : {true, false}) {
      for (int step = 0; step <= kMaxShiftLines; ++step) {
        for (const int direction : {1, -1}) {
          if (step == 0 && direction < 0) continue;
          for (const bool first_side : {true, false}) {
            const QRectF box = candidate(size, anchor, across, first_side, direction * step * line_);
            if (free(box) && (!keep_arrow_ends || !hides_arrow_end(box))) {
              taken_.push_back(box);
              return box;
            }
          }
        }
      }
    }
    return std::nullopt;
  }

 private:
  QRectF candidate(QSizeF size, QPointF anchor, bool across, bool first_side, double dy) const {
    double left = 0;
    if (across) {
      // The left end first: the clients' lane there has no labels of its own.
      left = first_side ? area_.left() : area_.right() - size.width();
    } else {
      left = first_side ? anchor.x() + 4 : anchor.x() - 4 - size.width();
    }
    left = std::clamp(left, area_.left(), std::max(area_.left(), area_.right() - size.width()));
    return {QPointF(left, anchor.y() - size.height() / 2 + dy), size};
  }

  bool free(const QRectF& box) const {
    if (box.top() < area_.top() || box.bottom() > area_.bottom() || box.right() > area_.right()) return false;
    const QRectF spaced = box.adjusted(-1, -1, 1, 1);
    return std::none_of(taken_.begin(), taken_.end(), [&](const QRectF& other) { return other.intersects(spaced); });
  }

  bool hides_arrow_end(const QRectF& box) const {
    const QRectF spaced = box.adjusted(-2, -2, 2, 2);
    return std::any_of(arrow_ends_.begin(), arrow_ends_.end(), [&](QPointF end) { return spaced.contains(end); });
  }

  QRectF area_;
  double line_;
  QVector<QPointF> arrow_ends_;
  QVector<QRectF> taken_;
};

// The point of `box` nearest to `point`: where a leader line from the moment meets its label.
QPointF nearest_on(const QRectF& box, QPointF point) {
  return {std::clamp(point.x(), box.left(), box.right()), std::clamp(point.y(), box.top(), box.bottom())};
}
}  // namespace

SequenceDiagram::SequenceDiagram(RunController* run, QWidget* parent) : QWidget(parent), run_(run) {
  setObjectName("sequenceDiagram");
  setAccessibleName(tr("Message sequence diagram"));
  // Short enough that a laptop-sized window keeps room for the stage (the splitter can grow it).
  setMinimumHeight(100);
  connect(run_, &RunController::timeChanged, this, qOverload<>(&QWidget::update));
  // Show about fifteen one-way trips: enough to follow a conversation, short enough to read it.
  connect(run_, &RunController::scenarioChanged, this,
          [this] { setWindowUs(std::max<qint64>(200'000, run_->scenario().link_defaults.latency_us * 15)); });
}

void SequenceDiagram::setWindowUs(qint64 window_us) {
  window_us_ = std::clamp<qint64>(window_us, 10'000, 600'000'000);
  update();
}

QVector<QRectF> SequenceDiagram::labelRects() const {
  QVector<QRectF> rects;
  for (const Label& label : layout_.labels) rects.push_back(label.rect);
  return rects;
}

void SequenceDiagram::paintEvent(QPaintEvent*) {
  QPainter p(this);
  paint(p, size());
  on_screen_ = layout_;
}

bool SequenceDiagram::event(QEvent* event) {
  if (event->type() != QEvent::ToolTip) return QWidget::event(event);
  // Shortened text and marks show their full words; the rest says what it says already.
  const QPointF at = static_cast<QHelpEvent*>(event)->pos();
  const QString* tip = nullptr;
  if (on_screen_.size == size()) {
    for (const Label& label : on_screen_.labels) {
      if (label.text != label.full_text && label.rect.contains(at)) tip = &label.full_text;
    }
    if (on_screen_.caption.text != on_screen_.caption.full_text && on_screen_.caption.rect.contains(at)) {
      tip = &on_screen_.caption.full_text;
    }
    for (const Label& mark : on_screen_.marks) {
      if (mark.rect.adjusted(-3, -3, 3, 3).contains(at)) tip = &mark.full_text;
    }
  }
  if (tip) {
    QToolTip::showText(static_cast<QHelpEvent*>(event)->globalPos(), *tip, this);
  } else {
    QToolTip::hideText();
    event->ignore();
  }
  return true;
}

void SequenceDiagram::paint(QPainter& p, const QSize& size) const {
  drawn_ = {};
  layout_ = {};
  layout_.size = size;
  p.save();
  p.setRenderHint(QPainter::Antialiasing);
  const StagePalette& palette = stage_palette();
  p.fillRect(QRectF(QPointF(0, 0), QSizeF(size)), palette.background);
  const auto figures = run_->figures();
  if (!figures) {
    p.restore();
    return;
  }
  const run::Frame& world = run_->frame();

  // The panel's font at the stage's type scale, so projector mode and large system fonts reach it.
  QFont font = p.font();  // the widget's font on screen, the default font in an export
  font.setPixelSize(std::max(static_cast<int>(kBaseFontPx), qRound(kBaseFontPx * palette.type_scale)));
  p.setFont(font);
  const QFontMetricsF metrics(font, p.device());
  const double label_h = std::ceil(metrics.height()) + 2;

  // Clients share one lane at the left: requests come from it and replies go back to it.
  bool has_clients = run_->scenario().workload.clients > 0;
  for (const auto& e : figures->events) {
    if (e.type == sim::TraceType::Send && (!world.is_node(e.node) || !world.is_node(e.peer))) has_clients = true;
  }
  const int node_lanes = static_cast<int>(world.nodes.size());
  const int first_node_slot = has_clients ? 1 : 0;
  const int lane_count = node_lanes + first_node_slot;
  const double lanes_left = kMarginPx;
  const double lane_gap = (size.width() - 2 * kMarginPx) / std::max(lane_count, 1);
  const auto slot_x = [&](int slot) { return lanes_left + lane_gap * (slot + 0.5); };
  const auto lane_x = [&](sim::EndpointId e) {
    return world.is_node(e) ? slot_x(first_node_slot + static_cast<int>(e)) : slot_x(0);
  };

  // The header: each lane's name and what the node is now ("n1 · leader"), on one line when
  // every lane has room for it, else on two lines if the height allows, else shortened.
  struct Header {
    QString name;
    QString state;
    QString combined() const { return state.isEmpty() ? name : name + QStringLiteral(" · ") + state; }
  };
  QVector<Header> headers;
  if (has_clients) headers.push_back({tr("clients"), {}});
  for (const auto& node : world.nodes) {
    QString state;
    if (node.status != sim::NodeStatus::Up) {
      state = status_label(node.status);
    } else if (node.role != sim::Role::None) {
      state = role_label(node.role);
    }
    headers.push_back({QString::fromStdString(node.name), state});
  }
  const double text_room = std::max(0.0, lane_gap - 2 * kLabelPadPx - 2);  // 2 px between neighbours
  const bool one_line_fits = std::all_of(headers.begin(), headers.end(), [&](const Header& h) {
    return metrics.horizontalAdvance(h.combined()) <= text_room;
  });
  const bool any_state =
      std::any_of(headers.begin(), headers.end(), [](const Header& h) { return !h.state.isEmpty(); });
  const double footer_h = label_h + 4;
  const double two_line_plot = size.height() - (2 * label_h + 4) - footer_h;
  const bool two_lines = !one_line_fits && any_state && two_line_plot >= std::max(4 * label_h, 0.45 * size.height());
  const double header_h = (two_lines ? 2 * label_h : label_h) + 4;
  const QRectF plot(QPointF(2, header_h), QPointF(size.width() - 2, std::max(header_h + 1, size.height() - footer_h)));
  layout_.plot = plot;

  p.setPen(palette.text);
  for (int slot = 0; slot < static_cast<int>(headers.size()); ++slot) {
    const Header& h = headers[slot];
    const double x = slot_x(slot);
    const QStringList lines = two_lines ? QStringList{h.name, h.state} : QStringList{h.combined()};
    for (int row = 0; row < lines.size(); ++row) {
      if (lines[row].isEmpty()) continue;
      const QString shown = metrics.elidedText(lines[row], Qt::ElideRight, text_room);
      const double width = metrics.horizontalAdvance(shown) + 2 * kLabelPadPx;
      const QRectF box(x - width / 2, 2 + row * label_h, width, label_h);
      p.drawText(box, Qt::AlignCenter, shown);
      layout_.labels.push_back({box, shown, h.combined()});
    }
    const bool clients = has_clients && slot == 0;
    p.save();
    p.setPen(QPen(palette.link, 1, clients ? Qt::DotLine : Qt::DashLine));
    p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
    p.restore();
    layout_.lanes.push_back({h.name, x, clients});
    ++(clients ? drawn_.client_lanes : drawn_.lanes);
  }

  const qint64 now = figures->time_us;
  const qint64 from = std::max<qint64>(0, now - window_us_);
  const double top = plot.top() + kPlotInsetPx;
  const double height = std::max(1.0, plot.height() - 2 * kPlotInsetPx);
  const auto y_of = [&](qint64 t) {
    return top + height * static_cast<double>(std::clamp(t, from, now) - from) /
                     std::max<double>(1, static_cast<double>(now - from));
  };

  // The newest records of the run, those inside the diagram's window.
  std::vector<sim::TraceEvent> events;
  for (const auto& e : figures->events) {
    if (e.time_us >= from) events.push_back(e);
  }
  std::unordered_map<std::uint64_t, const sim::TraceEvent*> ends;  // message id -> delivery or drop
  for (const auto& e : events) {
    if (e.type == sim::TraceType::Deliver || e.type == sim::TraceType::Drop) ends[e.msg_id] = &e;
  }
  std::unordered_map<std::uint64_t, QPointF> arrow_ends;  // message id -> where its arrow stops
  for (const auto& e : events) {
    if (e.type != sim::TraceType::Send) continue;
    const QPointF start(lane_x(e.node), y_of(e.time_us));
    const auto end_it = ends.find(e.msg_id);
    const sim::TraceEvent* end = end_it == ends.end() ? nullptr : end_it->second;
    const bool dropped = (end && end->type == sim::TraceType::Drop) || e.a < 0;
    const qint64 end_time = end ? end->time_us : (e.a < 0 ? e.time_us : std::min<qint64>(e.a, now));
    const double x_to = lane_x(e.peer);
    // A message still on the wire is drawn as far as it has travelled.
    const double travelled = end || e.a < 0 ? 1.0
                                            : static_cast<double>(now - e.time_us) /
                                                  std::max<double>(1, static_cast<double>(e.a - e.time_us));
    const QPointF stop(start.x() + (x_to - start.x()) * (e.a < 0 ? 0.15 : std::clamp(travelled, 0.0, 1.0)),
                       y_of(end_time));
    p.setPen(QPen(palette.message(world.kind(e.kind).message_class), 1.4));
    p.drawLine(start, stop);
    if (dropped) {
      p.setPen(QPen(palette.cut_link, 2));
      p.drawLine(stop + QPointF(-4, -4), stop + QPointF(4, 4));
      p.drawLine(stop + QPointF(-4, 4), stop + QPointF(4, -4));
      ++drawn_.drops;
    } else {
      arrow_head(p, start, stop);
    }
    layout_.arrows.push_back({QLineF(start, stop), !world.is_node(e.node), !world.is_node(e.peer),
                              end && end->type == sim::TraceType::Deliver});
    arrow_ends[e.msg_id] = stop;
    ++drawn_.arrows;
  }

  // Faults and role changes, faults first: when there is no room for every label, they matter most.
  struct Annotation {
    QString text;
    QPointF anchor;
    bool across = false;  // concerns the whole cluster: a line across every lane
    bool fault = false;
  };
  QVector<Annotation> annotations;
  for (const bool faults : {true, false}) {
    for (const auto& e : events) {
      if (faults && e.type == sim::TraceType::Fault) {
        const auto action = static_cast<sim::ActionType>(e.kind);
        Annotation a{action_label(action), {}, false, true};
        const auto dropped_at = action == sim::ActionType::DropMessage
                                    ? arrow_ends.find(static_cast<std::uint64_t>(e.a))
                                    : arrow_ends.end();
        if (dropped_at != arrow_ends.end()) {
          a.anchor = dropped_at->second;  // beside the cross of the message it dropped
        } else if (world.is_node(e.node) && action != sim::ActionType::Partition && action != sim::ActionType::Heal) {
          a.anchor = QPointF(lane_x(e.node), y_of(e.time_us));
        } else {
          a.anchor = QPointF(plot.center().x(), y_of(e.time_us));
          a.across = true;
        }
        annotations.push_back(a);
      } else if (!faults && e.type == sim::TraceType::RoleChange && world.is_node(e.node) &&
                 static_cast<sim::Role>(e.a) != sim::Role::None) {  // no role: a crash, labelled already
        annotations.push_back(
            {role_label(static_cast<sim::Role>(e.a)), QPointF(lane_x(e.node), y_of(e.time_us)), false, false});
      }
    }
  }
  for (const Annotation& a : annotations) {
    if (!a.across) continue;
    p.setPen(QPen(palette.cut_link, 1, Qt::DashLine));
    p.drawLine(QPointF(plot.left(), a.anchor.y()), QPointF(plot.right(), a.anchor.y()));
  }
  QVector<QPointF> ends_drawn;
  for (const Arrow& arrow : layout_.arrows) ends_drawn << arrow.line.p1() << arrow.line.p2();
  LabelPlacer placer(plot, label_h, std::move(ends_drawn));
  QColor label_back = palette.background;
  label_back.setAlpha(235);  // the text stays readable where it lies over an arrow
  for (const Annotation& a : annotations) {
    const QColor colour = a.fault ? palette.cut_link : palette.text;
    const QString shown = metrics.elidedText(a.text, Qt::ElideRight, std::max(0.0, plot.width() - 2 * kLabelPadPx));
    const QSizeF box_size(metrics.horizontalAdvance(shown) + 2 * kLabelPadPx, label_h);
    const auto box = placer.place(box_size, a.anchor, a.across);
    ++drawn_.labels;
    if (!box) {
      // No room for the words: a small mark at the moment, and its words in a tooltip.
      const QPointF at = a.across ? QPointF(plot.right() - 6, a.anchor.y()) : a.anchor;
      QPainterPath mark;
      mark.moveTo(at + QPointF(-4, -4));
      mark.lineTo(at + QPointF(4, -4));
      mark.lineTo(at + QPointF(0, 3));
      mark.closeSubpath();
      p.fillPath(mark, colour);
      layout_.marks.push_back({QRectF(at - QPointF(4, 4), QSizeF(8, 8)), QString(), a.text});
      continue;
    }
    const QPointF moment = a.across ? QPointF(box->center().x(), a.anchor.y()) : a.anchor;
    const QPointF meets = nearest_on(*box, moment);
    if (QLineF(moment, meets).length() > 5) {
      p.setPen(QPen(colour, 1));
      p.drawLine(moment, meets);  // a label moved away from its moment points back to it
    }
    if (!a.across) {
      p.setPen(Qt::NoPen);
      p.setBrush(colour);
      p.drawEllipse(a.anchor, 2.5, 2.5);
      p.setBrush(Qt::NoBrush);
    }
    p.fillRect(*box, label_back);
    p.setPen(colour);
    p.drawText(*box, Qt::AlignCenter, shown);
    layout_.labels.push_back({*box, shown, a.text});
  }

  // The caption in a strip of its own, below the plot, where no arrow goes.
  const QRectF footer(0, size.height() - footer_h, size.width(), footer_h);
  p.fillRect(footer, palette.region_fill);
  const QString caption = tr("last %1 s, newest at the bottom").arg(static_cast<double>(now - from) / 1e6, 0, 'g', 3);
  const QString caption_shown =
      metrics.elidedText(caption, Qt::ElideRight, std::max(0.0, size.width() - 2 * kMarginPx - 2 * kLabelPadPx));
  const double caption_w = metrics.horizontalAdvance(caption_shown) + 2 * kLabelPadPx;
  const QRectF caption_box(size.width() - kMarginPx - caption_w, footer.top() + (footer_h - label_h) / 2, caption_w,
                           label_h);
  p.setPen(palette.text);
  p.drawText(caption_box, Qt::AlignCenter, caption_shown);
  layout_.caption = {caption_box, caption_shown, caption};
  p.restore();
}

}  // namespace cs::ui
