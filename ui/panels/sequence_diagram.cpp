#include "panels/sequence_diagram.h"

#include <QPainter>
#include <QPainterPath>
#include <unordered_map>

#include "i18n/core_terms.h"
#include "run/run_controller.h"
#include "theme/palette.h"

namespace cs::ui {

namespace {
constexpr int kHeaderPx = 24;
constexpr int kMarginPx = 8;
constexpr std::size_t kMaxEvents = 4000;  // a bounded slice of the trace per paint

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
}  // namespace

SequenceDiagram::SequenceDiagram(RunController* run, QWidget* parent) : QWidget(parent), run_(run) {
  setObjectName("sequenceDiagram");
  setAccessibleName(tr("Message sequence diagram"));
  setMinimumHeight(160);
  connect(run_, &RunController::timeChanged, this, qOverload<>(&QWidget::update));
  // Show about fifteen one-way trips: enough to follow a conversation, short enough to read it.
  connect(run_, &RunController::scenarioChanged, this,
          [this] { setWindowUs(std::max<qint64>(200'000, run_->scenario().link_defaults.latency_us * 15)); });
}

void SequenceDiagram::setWindowUs(qint64 window_us) {
  window_us_ = std::clamp<qint64>(window_us, 10'000, 600'000'000);
  update();
}

void SequenceDiagram::paintEvent(QPaintEvent*) {
  QPainter p(this);
  paint(p, size());
}

void SequenceDiagram::paint(QPainter& p, const QSize& size) const {
  drawn_ = {};
  p.setRenderHint(QPainter::Antialiasing);
  p.fillRect(QRect(QPoint(0, 0), size), stage_palette().background);
  const auto figures = run_->figures();
  if (!figures) return;
  const run::Frame& world = run_->frame();
  const int lanes = static_cast<int>(world.nodes.size());
  const qint64 now = figures->time_us;
  const qint64 from = std::max<qint64>(0, now - window_us_);
  const double lane_gap = static_cast<double>(size.width() - 2 * kMarginPx) / std::max(lanes, 1);
  const auto lane_x = [&](sim::EndpointId e) {
    // Clients are drawn at the left edge, outside the node lanes.
    if (!world.is_node(e)) return static_cast<double>(kMarginPx) / 2;
    return kMarginPx + lane_gap * (static_cast<double>(e) + 0.5);
  };
  const double top = kHeaderPx;
  const double height = std::max(1, size.height() - kHeaderPx - kMarginPx);
  const auto y_of = [&](qint64 t) {
    return top + height * static_cast<double>(std::clamp(t, from, now) - from) /
                     std::max<double>(1, static_cast<double>(now - from));
  };
  const StagePalette& palette = stage_palette();
  QFont small = p.font();
  small.setPixelSize(11);
  p.setFont(small);
  for (int i = 0; i < lanes; ++i) {
    const double x = lane_x(static_cast<sim::EndpointId>(i));
    p.setPen(QPen(palette.link, 1, Qt::DashLine));
    p.drawLine(QPointF(x, top), QPointF(x, top + height));
    p.setPen(palette.text);
    p.drawText(QRectF(x - lane_gap / 2, 2, lane_gap, kHeaderPx - 4), Qt::AlignCenter,
               QString::fromStdString(world.nodes[static_cast<std::size_t>(i)].name));
    ++drawn_.lanes;
  }
  // The newest records of the run, those inside the diagram's window.
  std::vector<sim::TraceEvent> events;
  for (const auto& e : figures->events) {
    if (e.time_us >= from) events.push_back(e);
  }
  std::unordered_map<std::uint64_t, const sim::TraceEvent*> ends;  // message id -> delivery or drop
  for (const auto& e : events) {
    if (e.type == sim::TraceType::Deliver || e.type == sim::TraceType::Drop) ends[e.msg_id] = &e;
  }
  for (const auto& e : events) {
    if (e.type == sim::TraceType::Send) {
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
      ++drawn_.arrows;
    } else if (e.type == sim::TraceType::Fault || e.type == sim::TraceType::RoleChange) {
      const QString text = e.type == sim::TraceType::Fault ? action_label(static_cast<sim::ActionType>(e.kind))
                                                           : role_label(static_cast<sim::Role>(e.a));
      const double x = world.is_node(e.node) ? lane_x(e.node) : size.width() / 2.0;
      p.setPen(e.type == sim::TraceType::Fault ? palette.cut_link : palette.text);
      p.drawText(QPointF(x + 3, y_of(e.time_us) - 2), text);
      ++drawn_.labels;
    }
  }
  p.setPen(palette.text);
  p.drawText(QRectF(0, size.height() - kMarginPx - 14, size.width() - 4, 14), Qt::AlignRight,
             tr("last %1 s, newest at the bottom").arg(static_cast<double>(now - from) / 1e6, 0, 'g', 3));
}

}  // namespace cs::ui
