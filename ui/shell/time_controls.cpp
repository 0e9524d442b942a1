#include "shell/time_controls.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>
#include <cmath>

#include "shell/timeline_widget.h"
#include "stage/stage_controller.h"
#include "theme/icons.h"

namespace cs::ui {

double TimeControls::speedForPosition(int position) { return std::pow(10.0, position / 100.0 - 2.0); }

int TimeControls::positionForSpeed(double speed) {
  return static_cast<int>(std::lround((std::log10(speed) + 2.0) * 100.0));
}

TimeControls::TimeControls(StageController* controller, QWidget* parent) : QWidget(parent), controller_(controller) {
  auto* rows = new QVBoxLayout(this);
  rows->setContentsMargins(8, 2, 8, 4);
  rows->setSpacing(2);
  rows->addWidget(new TimelineWidget(controller_->run(), this));
  auto* layout = new QHBoxLayout;
  rows->addLayout(layout);

  play_ = new QToolButton(this);
  play_->setObjectName("playButton");
  play_->setToolTip(tr("Play or pause the simulation (Space)"));
  play_->setAccessibleName(tr("Play or pause"));
  connect(play_, &QToolButton::clicked, controller_->run(), &RunController::togglePlaying);

  step_ = new QToolButton(this);
  step_->setObjectName("stepButton");
  step_->setText(tr("Step"));
  step_->setToolTip(tr("Handle the next event and pause (N)"));
  step_->setAccessibleName(tr("Step to the next event"));
  connect(step_, &QToolButton::clicked, controller_->run(), &RunController::stepEvent);

  reset_ = new QToolButton(this);
  reset_->setObjectName("resetButton");
  reset_->setText(tr("Reset"));
  reset_->setToolTip(tr("Back to time zero"));
  reset_->setAccessibleName(tr("Reset the run"));
  connect(reset_, &QToolButton::clicked, controller_->run(), &RunController::reset);

  auto* speed_caption = new QLabel(tr("Speed"), this);
  speed_ = new QSlider(Qt::Horizontal, this);
  speed_->setObjectName("speedSlider");
  speed_->setRange(0, 400);
  speed_->setAccessibleName(tr("Simulation speed"));
  speed_->setToolTip(tr("Simulated seconds per real second, from 0.01x to 100x"));
  speed_->setMinimumWidth(110);
  speed_caption->setBuddy(speed_);
  connect(speed_, &QSlider::valueChanged, this, [this](int v) { controller_->run()->setSpeed(speedForPosition(v)); });
  speed_label_ = new QLabel(this);
  speed_label_->setMinimumWidth(56);

  info_ = new QLabel(this);
  info_->setObjectName("runInfo");

  discard_ = new QToolButton(this);
  discard_->setObjectName("discardFutureButton");
  discard_->setText(tr("Discard future"));
  discard_->setToolTip(tr("Drop the actions recorded after this moment and go on from here"));
  discard_->setAccessibleName(tr("Discard the future"));
  connect(discard_, &QToolButton::clicked, controller_->run(), &RunController::discardFuture);

  auto* seed_caption = new QLabel(tr("Seed"), this);
  seed_ = new QSpinBox(this);
  seed_->setObjectName("seedBox");
  seed_->setRange(0, 999999999);
  seed_->setAccessibleName(tr("Random seed of the run"));
  seed_->setToolTip(tr("The same seed and actions give the same run; a new seed restarts the scenario"));
  seed_caption->setBuddy(seed_);
  connect(seed_, &QSpinBox::editingFinished, this,
          [this] { controller_->run()->setSeed(static_cast<quint64>(seed_->value())); });

  auto* level_caption = new QLabel(tr("Level"), this);
  level_ = new QComboBox(this);
  level_->setObjectName("levelBox");
  level_->addItems({tr("default"), tr("ONE"), tr("QUORUM"), tr("ALL"), tr("LOCAL_QUORUM")});
  level_->setAccessibleName(tr("Consistency level of your reads and writes"));
  level_->setToolTip(tr("Consistency level stamped on the reads and writes you send (W and E keys)"));
  level_caption->setBuddy(level_);
  connect(level_, &QComboBox::currentIndexChanged, controller_->actions(), &LearnerActions::setConsistencyLevel);

  layout->addWidget(play_);
  layout->addWidget(step_);
  layout->addWidget(reset_);
  layout->addWidget(discard_);
  layout->addSpacing(12);
  layout->addWidget(speed_caption);
  layout->addWidget(speed_);
  layout->addWidget(speed_label_);
  layout->addStretch(1);
  auto* second = new QHBoxLayout;
  rows->addLayout(second);
  second->addWidget(seed_caption);
  second->addWidget(seed_);
  second->addSpacing(12);
  second->addWidget(level_caption);
  second->addWidget(level_);
  second->addStretch(1);
  second->addWidget(info_);

  for (QToolButton* b : {play_, step_, reset_, discard_}) b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
  applyIcons();
  connect(controller_->run(), &RunController::playingChanged, this, &TimeControls::refresh);
  connect(controller_->run(), &RunController::speedChanged, this, &TimeControls::refresh);
  connect(controller_->run(), &RunController::scenarioChanged, this, &TimeControls::refresh);
  connect(controller_->run(), &RunController::seedRefused, this, &TimeControls::refresh);
  connect(controller_->run(), &RunController::timeChanged, this, &TimeControls::refresh);
  refresh();
}

void TimeControls::applyIcons() {
  const QColor ink = palette().color(QPalette::ButtonText);
  play_->setIcon(themed_icon(controller_->run()->playing() ? QStringLiteral("pause") : QStringLiteral("play"), ink));
  step_->setIcon(themed_icon(QStringLiteral("step"), ink));
  reset_->setIcon(themed_icon(QStringLiteral("reset"), ink));
  discard_->setIcon(themed_icon(QStringLiteral("discard"), ink));
}

void TimeControls::changeEvent(QEvent* event) {
  if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange) applyIcons();
  QWidget::changeEvent(event);
}

void TimeControls::refresh() {
  if (play_->text() != (controller_->run()->playing() ? tr("Pause") : tr("Play"))) {
    play_->setText(controller_->run()->playing() ? tr("Pause") : tr("Play"));
    applyIcons();
  }
  const QSignalBlocker block(speed_);
  speed_->setValue(positionForSpeed(controller_->run()->speed()));
  speed_label_->setText(QStringLiteral("%1x").arg(controller_->run()->speed(), 0, 'g', 3));
  // The time itself is the stage's clock: one clock, so the two can never disagree.
  info_->setText(tr("%n message(s) in flight", nullptr, controller_->run()->inFlight()));
  discard_->setEnabled(controller_->run()->hasFuture());
  if (!seed_->hasFocus()) {
    const QSignalBlocker block_seed(seed_);
    seed_->setValue(static_cast<int>(std::min<quint64>(controller_->run()->seed(), 999999999)));
  }
}

}  // namespace cs::ui
