#include "shell/timeline_widget.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>

#include "run/run_controller.h"

namespace cs::ui {

TimelineWidget::TimelineWidget(RunController* run, QWidget* parent) : QWidget(parent), run_(run) {
  setObjectName("timeline");
  setFocusPolicy(Qt::StrongFocus);
  setAccessibleName(tr("Timeline"));
  setAccessibleDescription(
      tr("Simulated time of the run, with how busy each stretch was. Left and Right move by 100 ms, Home and End "
         "jump to the ends, Ctrl+G goes to a time or an event number."));
  setToolTip(
      tr("Click to go to a moment. Grey bars: events in each stretch of the run; triangles: faults; "
         "dots: your actions. Ctrl+G: go to a time or event number."));
  setMinimumHeight(34);
  connect(run_, &RunController::timeChanged, this, qOverload<>(&QWidget::update));
  connect(run_, &RunController::scenarioChanged, this, qOverload<>(&QWidget::update));
}

QSize TimelineWidget::sizeHint() const { return {400, 36}; }

void TimelineWidget::setComparisonMarks(std::optional<qint64> fork_us, std::optional<qint64> divergence_us) {
  fork_us_ = fork_us;
  divergence_us_ = fork_us ? divergence_us : std::nullopt;
  update();
}

QRect TimelineWidget::bar() const { return rect().adjusted(10, 14, -10, -12); }

qint64 TimelineWidget::timeAt(int x) const {
  const QRect b = bar();
  const double f = std::clamp(static_cast<double>(x - b.left()) / std::max(1, b.width()), 0.0, 1.0);
  return static_cast<qint64>(f * static_cast<double>(run_->horizonUs()));
}

int TimelineWidget::xFor(qint64 time_us) const {
  const QRect b = bar();
  const double horizon = std::max<double>(1.0, static_cast<double>(run_->horizonUs()));
  return b.left() + static_cast<int>(std::lround(static_cast<double>(time_us) / horizon * b.width()));
}

void TimelineWidget::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.setRenderHint(QPainter::Antialiasing);
  const QRect b = bar();
  const QColor text = palette().windowText().color();
  p.fillRect(b, palette().base());
  p.setPen(QPen(palette().mid().color(), 1));
  p.drawRect(b);
  // Event density: how busy each stretch of the run was, as bars from the bottom of the bar (the
  // busiest stretch fills it), so bursts, lulls and stalls show before anyone plays through them.
  const int buckets = std::max(1, b.width() / 3);
  const std::vector<std::uint32_t> density = run_->eventDensity(buckets);
  const std::uint32_t busiest = density.empty() ? 0 : *std::max_element(density.begin(), density.end());
  if (busiest > 0) {
    const QColor bars = palette().mid().color();
    for (std::size_t i = 0; i < density.size(); ++i) {
      if (density[i] == 0) continue;
      const int h =
          std::max(1, static_cast<int>(std::lround(static_cast<double>(density[i]) / busiest * (b.height() - 2))));
      const int x0 = b.left() + static_cast<int>(i * static_cast<std::size_t>(b.width()) / density.size());
      const int x1 = b.left() + static_cast<int>((i + 1) * static_cast<std::size_t>(b.width()) / density.size());
      p.fillRect(QRect(x0, b.bottom() - h, std::max(1, x1 - x0 - 1), h), bars);
    }
  }
  // Elapsed part of the run.
  p.fillRect(QRect(b.left(), b.top(), xFor(run_->timeUs()) - b.left(), b.height()), QColor(0x56, 0xb4, 0xe9, 90));
  // History that can no longer be rewound to, except at its kept moments (ticks).
  const run::Frame& frame = run_->frame();
  if (frame.rewind_horizon_us > 0) {
    const QRect old(b.left(), b.top(), xFor(frame.rewind_horizon_us) - b.left(), b.height());
    p.fillRect(old, QBrush(palette().mid().color(), Qt::BDiagPattern));
    p.setPen(QPen(text, 2));
    for (const sim::TimeUs m : frame.quick_moments) p.drawLine(xFor(m), b.top() + 2, xFor(m), b.bottom() - 2);
  }
  for (const auto& m : run_->markers()) {
    const int x = xFor(m.time_us);
    if (m.learner) {
      p.setBrush(QColor(0x00, 0x72, 0xb2));
      p.setPen(Qt::NoPen);
      p.drawEllipse(QPoint(x, b.center().y()), 4, 4);
    } else {
      QPainterPath tri;
      tri.moveTo(x, b.top() - 1);
      tri.lineTo(x - 5, b.top() - 9);
      tri.lineTo(x + 5, b.top() - 9);
      tri.closeSubpath();
      p.fillPath(tri, QColor(0xd5, 0x5e, 0x00));
    }
  }
  if (fork_us_) {
    // The fork: a thin dashed line; where they part: a solid purple bar with a "B" flag.
    const QColor compare(0xcc, 0x79, 0xa7);
    p.setPen(QPen(compare, 2, Qt::DashLine));
    p.drawLine(xFor(*fork_us_), b.top() - 2, xFor(*fork_us_), b.bottom() + 2);
    if (divergence_us_) {
      const int x = xFor(*divergence_us_);
      p.setPen(QPen(compare, 3));
      p.drawLine(x, b.top() - 10, x, b.bottom() + 3);
      p.fillRect(QRect(x, b.top() - 11, 9, 7), compare);
    }
  }
  const int now = xFor(run_->timeUs());
  p.setPen(QPen(text, hasFocus() ? 3 : 2));
  p.drawLine(now, b.top() - 3, now, b.bottom() + 3);
  if (hasFocus()) {
    p.setPen(QPen(QColor(0x00, 0x72, 0xb2), 2, Qt::DotLine));
    p.setBrush(Qt::NoBrush);
    p.drawRect(rect().adjusted(1, 1, -2, -2));
  }
}

void TimelineWidget::mousePressEvent(QMouseEvent* event) {
  if (event->button() == Qt::LeftButton) run_->seekUs(timeAt(event->position().toPoint().x()));
}

void TimelineWidget::mouseMoveEvent(QMouseEvent* event) {
  if (event->buttons() & Qt::LeftButton) run_->seekUs(timeAt(event->position().toPoint().x()));
}

void TimelineWidget::keyPressEvent(QKeyEvent* event) {
  const qint64 step = event->modifiers() & Qt::ShiftModifier ? 1'000'000 : 100'000;
  switch (event->key()) {
    case Qt::Key_Left: run_->seekUs(std::max<qint64>(0, run_->timeUs() - step)); break;
    case Qt::Key_Right: run_->seekUs(run_->timeUs() + step); break;
    case Qt::Key_Home: run_->seekUs(0); break;
    case Qt::Key_End: run_->seekUs(run_->horizonUs()); break;
    default: QWidget::keyPressEvent(event); return;
  }
  event->accept();
}

}  // namespace cs::ui
