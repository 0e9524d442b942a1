#include "shell/narration_panel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QVBoxLayout>
#include <algorithm>

#include "run/run_controller.h"
#include "stage/stage_controller.h"

namespace cs::ui {

NarrationPanel::NarrationPanel(StageController* controller, QWidget* parent)
    : QWidget(parent), controller_(controller) {
  setObjectName("narration");
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(10, 6, 10, 6);
  auto* column = new QVBoxLayout;
  heading_ = new QLabel(this);
  QFont bold = heading_->font();
  bold.setBold(true);
  heading_->setFont(bold);
  heading_->setWordWrap(true);  // a long Try it title wraps instead of widening the stage's column
  heading_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Minimum);
  // The step's text, in a box that scrolls if a long step would not leave the stage enough room
  // (a small window in projector mode).
  scroll_ = new QScrollArea(this);
  scroll_->setObjectName("narrationScroll");
  scroll_->setFrameShape(QFrame::NoFrame);
  scroll_->setWidgetResizable(true);
  scroll_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  scroll_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
  text_ = new QLabel(scroll_);
  text_->setObjectName("narrationText");
  text_->setWordWrap(true);
  text_->setAlignment(Qt::AlignLeft | Qt::AlignTop);
  text_->setAccessibleName(tr("Narration"));
  text_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Minimum);
  scroll_->setWidget(text_);
  scroll_->viewport()->setAutoFillBackground(false);
  text_->setAutoFillBackground(false);
  setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
  column->addWidget(heading_);
  column->addWidget(scroll_);
  previous_ = new QPushButton(tr("Previous"), this);
  previous_->setObjectName("narrationPrevious");
  previous_->setToolTip(tr("Previous step (Page Up)"));
  next_ = new QPushButton(tr("Next"), this);
  next_->setObjectName("narrationNext");
  next_->setToolTip(tr("Next step: plays to it and pauses (Page Down)"));
  layout->addLayout(column, 1);
  layout->addWidget(previous_, 0, Qt::AlignVCenter);
  layout->addWidget(next_, 0, Qt::AlignVCenter);
  connect(previous_, &QPushButton::clicked, this, &NarrationPanel::previous);
  connect(next_, &QPushButton::clicked, this, &NarrationPanel::next);
  connect(controller_->run(), &RunController::timeChanged, this, &NarrationPanel::follow_run);
  setDescription({});
}

void NarrationPanel::setSteps(const QString& title, std::vector<course::TryItStep> steps) {
  title_ = title;
  steps_ = std::move(steps);
  current_ = -1;
  // The steps' moments stay quick to come back to, however long the run goes on.
  QList<qint64> moments;
  for (const auto& step : steps_) {
    if (step.at_us) moments << *step.at_us;
  }
  controller_->run()->keepMoments(moments);
  if (steps_.empty()) {
    setDescription({});
    return;
  }
  show_step(0);
  reserve_height();
}

void NarrationPanel::setDescription(const QString& text) {
  steps_.clear();
  current_ = -1;
  heading_->setText(controller_->run()->scenarioTitle());
  text_->setText(text);
  reserve_height();
  previous_->hide();
  next_->hide();
}

QString NarrationPanel::text() const { return text_->text(); }

void NarrationPanel::setTextPixelSize(int px) {
  QFont f = text_->font();
  f.setPixelSize(px);
  text_->setFont(f);
  f.setBold(true);
  heading_->setFont(f);
  for (QPushButton* b : {previous_, next_}) {
    QFont bf = b->font();
    bf.setPixelSize(px);
    b->setFont(bf);
  }
  reserve_height();
}

void NarrationPanel::resizeEvent(QResizeEvent* event) {
  QWidget::resizeEvent(event);
  reserve_height();
}

void NarrationPanel::reserve_height() {
  // Measured at the box's width less a scroll bar, whether or not one shows: the bar appearing
  // must not change the answer (it would resize the box again, and again). A label like the
  // shown one, never shown, measures each text exactly as it would be laid out.
  const int bar = scroll_->verticalScrollBar()->sizeHint().width();
  const int width = std::max(80, scroll_->width() - bar);
  QLabel measure;
  measure.setWordWrap(true);
  measure.setFont(text_->font());
  int tallest = text_->fontMetrics().lineSpacing() * 2;  // two lines are always there
  const auto fit = [&](const QString& text) {
    measure.setText(text);
    if (!text.isEmpty()) tallest = std::max(tallest, measure.heightForWidth(width));
  };
  fit(text_->text());
  for (const auto& step : steps_) fit(QString::fromStdString(step.text));
  // At most a fifth of the window: beyond that the text scrolls and the stage keeps its room.
  const int cap = std::max(text_->fontMetrics().lineSpacing() * 3, (window() ? window()->height() : 800) / 5);
  const int height = std::min(tallest, cap) + 2;
  if (scroll_->height() != height || scroll_->minimumHeight() != height) scroll_->setFixedHeight(height);
  // The text is as tall as it needs at that width (measured the same way), so the box scrolls
  // only when it really is too long for it.
  measure.setText(text_->text());
  const int needed = text_->text().isEmpty() ? 0 : std::max(0, measure.heightForWidth(width));
  if (text_->minimumHeight() != needed) text_->setFixedHeight(needed);
}

void NarrationPanel::show_step(int index) {
  current_ = index;
  const course::TryItStep& step = steps_[static_cast<std::size_t>(index)];
  heading_->setText(tr("%1 \u2014 step %2 of %3").arg(title_).arg(index + 1).arg(steps_.size()));
  text_->setText(QString::fromStdString(step.text));
  reserve_height();
  QStringList highlight;
  for (const auto& h : step.highlight) highlight << QString::fromStdString(h);
  controller_->scene()->setHighlighted(highlight);
  previous_->show();
  next_->show();
  previous_->setEnabled(index > 0);
  next_->setEnabled(index + 1 < static_cast<int>(steps_.size()));
}

qint64 NarrationPanel::moment(int index) const {
  for (int i = index; i >= 0; --i) {
    if (steps_[static_cast<std::size_t>(i)].at_us) return *steps_[static_cast<std::size_t>(i)].at_us;
  }
  return 0;
}

void NarrationPanel::follow_run() {
  if (steps_.empty() || current_ < 0) return;
  const qint64 now = controller_->run()->timeUs();
  int target = current_;
  // Forward: the last timed step the run has reached (steps without a time are passed over).
  for (int i = current_ + 1; i < stepCount(); ++i) {
    const auto& at = steps_[static_cast<std::size_t>(i)].at_us;
    if (!at) continue;
    if (*at > now) break;
    target = i;
  }
  // Backward: the run went back before this step's moment.
  while (target > 0 && moment(target) > now) --target;
  if (target != current_) show_step(target);
}

void NarrationPanel::next() {
  if (current_ + 1 >= static_cast<int>(steps_.size())) return;
  show_step(current_ + 1);
  // A step with a time moves the run to that moment, forwards or back, and pauses there, so the
  // learner sees the moment the text is about.
  const course::TryItStep& step = steps_[static_cast<std::size_t>(current_)];
  if (step.at_us) {
    controller_->run()->setPlaying(false);
    controller_->run()->seekUs(*step.at_us);
  }
}

void NarrationPanel::previous() {
  if (current_ <= 0) return;
  show_step(current_ - 1);
  // Going back returns to the latest time named by this or an earlier step.
  controller_->run()->setPlaying(false);
  controller_->run()->seekUs(moment(current_));
}

}  // namespace cs::ui
