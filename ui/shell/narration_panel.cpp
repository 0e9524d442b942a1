#include "shell/narration_panel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

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
  text_ = new QLabel(this);
  text_->setObjectName("narrationText");
  text_->setWordWrap(true);
  text_->setAccessibleName(tr("Narration"));
  text_->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::MinimumExpanding);
  text_->setMinimumHeight(text_->fontMetrics().lineSpacing() * 2 + 4);  // two lines are always readable
  setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
  column->addWidget(heading_);
  column->addWidget(text_);
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
}

void NarrationPanel::setDescription(const QString& text) {
  steps_.clear();
  current_ = -1;
  heading_->setText(controller_->run()->scenarioTitle());
  text_->setText(text);
  previous_->hide();
  next_->hide();
}

QString NarrationPanel::text() const { return text_->text(); }

void NarrationPanel::show_step(int index) {
  current_ = index;
  const course::TryItStep& step = steps_[static_cast<std::size_t>(index)];
  heading_->setText(tr("%1 \u2014 step %2 of %3").arg(title_).arg(index + 1).arg(steps_.size()));
  text_->setText(QString::fromStdString(step.text));
  QStringList highlight;
  for (const auto& h : step.highlight) highlight << QString::fromStdString(h);
  controller_->scene()->setHighlighted(highlight);
  previous_->show();
  next_->show();
  previous_->setEnabled(index > 0);
  next_->setEnabled(index + 1 < static_cast<int>(steps_.size()));
}

void NarrationPanel::next() {
  if (current_ + 1 >= static_cast<int>(steps_.size())) return;
  const course::TryItStep& step = steps_[static_cast<std::size_t>(current_ + 1)];
  // A step with a time plays the run up to it and pauses there, so the learner sees that moment.
  if (step.at_us && *step.at_us > controller_->run()->timeUs()) {
    controller_->run()->setPlaying(false);
    controller_->run()->seekUs(*step.at_us);
  }
  show_step(current_ + 1);
}

void NarrationPanel::previous() {
  if (current_ <= 0) return;
  // Going back returns to the latest time named by this or an earlier step.
  for (int i = current_ - 1; i >= 0; --i) {
    if (steps_[static_cast<std::size_t>(i)].at_us) {
      controller_->run()->setPlaying(false);
      controller_->run()->seekUs(*steps_[static_cast<std::size_t>(i)].at_us);
      break;
    }
    if (i == 0) controller_->run()->seekUs(0);
  }
  show_step(current_ - 1);
}

}  // namespace cs::ui
