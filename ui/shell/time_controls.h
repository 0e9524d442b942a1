#pragma once
// Below the stage: the timeline (scrub to seek), play/pause, step to the next event, reset,
// "discard the future", a speed slider on a log scale (0.01x to 100x), the seed (settable) and the
// consistency level for the learner's own reads and writes.
#include <QWidget>

class QComboBox;
class QLabel;
class QSlider;
class QSpinBox;
class QToolButton;

namespace cs::ui {

class StageController;

class TimeControls : public QWidget {
  Q_OBJECT

 public:
  explicit TimeControls(StageController* controller, QWidget* parent = nullptr);

  // Slider position (0..400) <-> speed: 10^(position/100 - 2).
  static double speedForPosition(int position);
  static int positionForSpeed(double speed);

 private:
  void refresh();
  void applyIcons();  // again whenever the palette changes
  void changeEvent(QEvent* event) override;

  StageController* controller_;
  QToolButton* play_;
  QToolButton* step_;
  QToolButton* reset_;
  QSlider* speed_;
  QLabel* speed_label_;
  QLabel* info_;
  QToolButton* discard_;
  QSpinBox* seed_;
  QComboBox* level_;
};

}  // namespace cs::ui
