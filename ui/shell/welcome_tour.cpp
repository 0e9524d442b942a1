#include "shell/welcome_tour.h"

#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QRegion>
#include <QVBoxLayout>
#include <algorithm>

namespace cs::ui {

namespace {
constexpr int kBubbleWidthPx = 380;
constexpr int kGapPx = 14;
}  // namespace

WelcomeTour::WelcomeTour(std::vector<Step> steps, QWidget* window) : QWidget(window), steps_(std::move(steps)) {
  setObjectName("welcomeTour");
  setAccessibleName(tr("Welcome tour"));
  setFocusPolicy(Qt::StrongFocus);
  bubble_ = new QWidget(this);
  bubble_->setObjectName("welcomeBubble");
  bubble_->setAutoFillBackground(true);
  bubble_->setFixedWidth(kBubbleWidthPx);
  auto* layout = new QVBoxLayout(bubble_);
  layout->setContentsMargins(16, 12, 16, 12);
  title_ = new QLabel(bubble_);
  QFont bold = title_->font();
  bold.setBold(true);
  bold.setPointSizeF(bold.pointSizeF() * 1.2);
  title_->setFont(bold);
  title_->setWordWrap(true);
  text_ = new QLabel(bubble_);
  text_->setObjectName("welcomeText");
  text_->setWordWrap(true);
  counter_ = new QLabel(bubble_);
  back_ = new QPushButton(tr("Back"), bubble_);
  next_ = new QPushButton(bubble_);
  next_->setObjectName("welcomeNext");
  next_->setDefault(true);
  skip_ = new QPushButton(tr("Skip the tour"), bubble_);
  skip_->setObjectName("welcomeSkip");
  skip_->setToolTip(tr("Close the tour (Esc). Help > Welcome tour shows it again."));
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(counter_);
  buttons->addStretch(1);
  buttons->addWidget(skip_);
  buttons->addWidget(back_);
  buttons->addWidget(next_);
  layout->addWidget(title_);
  layout->addWidget(text_);
  layout->addLayout(buttons);
  connect(back_, &QPushButton::clicked, this, &WelcomeTour::back);
  connect(next_, &QPushButton::clicked, this, &WelcomeTour::next);
  connect(skip_, &QPushButton::clicked, this, &WelcomeTour::finish);
  window->installEventFilter(this);
  setGeometry(window->rect());
  show_step(0);
}

QString WelcomeTour::stepText() const { return text_->text(); }

QRect WelcomeTour::targetRect() const {
  if (steps_.empty() || !steps_[static_cast<std::size_t>(current_)].target) return {};
  return steps_[static_cast<std::size_t>(current_)].target();
}

void WelcomeTour::show_step(int index) {
  if (steps_.empty()) return;
  current_ = std::clamp(index, 0, stepCount() - 1);
  const Step& step = steps_[static_cast<std::size_t>(current_)];
  title_->setText(step.title);
  text_->setText(step.text);
  counter_->setText(tr("%1 of %2").arg(current_ + 1).arg(stepCount()));
  back_->setEnabled(current_ > 0);
  next_->setText(current_ + 1 < stepCount() ? tr("Next") : tr("Start"));
  place_bubble();
  update();
}

void WelcomeTour::place_bubble() {
  bubble_->adjustSize();
  const QRect target = targetRect();
  const QSize size = bubble_->size();
  QPoint at;
  if (target.isEmpty()) {
    at = rect().center() - QPoint(size.width() / 2, size.height() / 2);
  } else if (target.right() + kGapPx + size.width() <= width()) {
    at = QPoint(target.right() + kGapPx, target.top() + 20);  // to the right of the part
  } else if (target.left() - kGapPx - size.width() >= 0) {
    at = QPoint(target.left() - kGapPx - size.width(), target.top() + 20);  // to its left
  } else if (target.bottom() + kGapPx + size.height() <= height()) {
    at = QPoint(target.left() + 20, target.bottom() + kGapPx);  // below it
  } else {
    at = QPoint(target.left() + 20, target.top() - kGapPx - size.height());  // above it
  }
  at.setX(std::clamp(at.x(), 8, std::max(8, width() - size.width() - 8)));
  at.setY(std::clamp(at.y(), 8, std::max(8, height() - size.height() - 8)));
  bubble_->move(at);
  // Only the bubble and the frame belong to the tour: the window stays usable around them.
  QRegion shape(bubble_->geometry());
  if (!target.isEmpty()) {
    const QRect outer = target.adjusted(-7, -7, 7, 7);
    shape += QRegion(outer).subtracted(QRegion(target.adjusted(1, 1, -1, -1)));
  }
  // What the last step covered is the window's again. Qt does not repaint the widgets under a
  // mask that moves (the narration kept showing the old bubble), so the tour steps out of the
  // window and back in with its new shape, which repaints everything under its old one.
  const bool shown = isVisible();
  const bool focused = shown && (hasFocus() || isAncestorOf(QApplication::focusWidget()));
  if (shown) hide();
  setMask(shape);
  if (shown) show();
  if (focused) setFocus();
}

void WelcomeTour::next() {
  if (current_ + 1 >= stepCount()) {
    finish();
    return;
  }
  show_step(current_ + 1);
}

void WelcomeTour::back() {
  if (current_ > 0) show_step(current_ - 1);
}

void WelcomeTour::finish() {
  hide();
  emit finished();
  deleteLater();
}

void WelcomeTour::paintEvent(QPaintEvent*) {
  // A bright frame around the part this step is about. Nothing is dimmed: a half-transparent veil
  // cannot be laid over the stage (Qt Quick draws it after the widgets), and a veil over only part
  // of the window would look broken.
  const QRect target = targetRect();
  if (target.isEmpty()) return;
  QPainter p(this);
  p.setRenderHint(QPainter::Antialiasing);
  p.setPen(QPen(QColor(0xFF, 0xB0, 0x00), 5));
  p.setBrush(Qt::NoBrush);
  p.drawRoundedRect(target.adjusted(-3, -3, 3, 3), 8, 8);
}

void WelcomeTour::keyPressEvent(QKeyEvent* event) {
  switch (event->key()) {
    case Qt::Key_Escape: finish(); return;
    case Qt::Key_Right:
    case Qt::Key_Return:
    case Qt::Key_Enter: next(); return;
    case Qt::Key_Left: back(); return;
    default: QWidget::keyPressEvent(event);
  }
}

bool WelcomeTour::eventFilter(QObject* watched, QEvent* event) {
  // The window resized: cover it again, and follow the part the step points at.
  if (watched == parentWidget() && event->type() == QEvent::Resize) {
    setGeometry(parentWidget()->rect());
    place_bubble();
  }
  return QWidget::eventFilter(watched, event);
}

}  // namespace cs::ui
