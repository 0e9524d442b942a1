#pragma once
// The guided steps of a "Try it" run above the stage: the step's text, Previous and Next. Next and
// Previous move the run to the step's moment (if it has one), pause there and highlight what to
// watch; while the run plays (or is dragged along the timeline), the step follows it.
#include <QWidget>
#include <vector>

#include "course/course.h"

class QLabel;
class QPushButton;
class QScrollArea;

namespace cs::ui {

class StageController;

class NarrationPanel : public QWidget {
  Q_OBJECT

 public:
  explicit NarrationPanel(StageController* controller, QWidget* parent = nullptr);

  void setSteps(const QString& title, std::vector<course::TryItStep> steps);
  // Without steps the panel shows the scenario's description.
  void setDescription(const QString& text);
  int currentStep() const { return current_; }
  int stepCount() const { return static_cast<int>(steps_.size()); }
  QString text() const;
  // The size of the step's text, in pixels (projector and presentation modes make it large).
  void setTextPixelSize(int px);

 protected:
  void resizeEvent(QResizeEvent* event) override;

 public slots:
  void next();
  void previous();

 private:
  void show_step(int index);
  // The moment a step stands for: its own time, or else the latest earlier step's (0 if none).
  qint64 moment(int index) const;
  // Room for the longest text of this Try it at the current width, so that stepping through it
  // never changes the stage's size.
  void reserve_height();
  // The step the run's time has reached, when it moves by itself or by the timeline.
  void follow_run();

  StageController* controller_;
  QString title_;
  std::vector<course::TryItStep> steps_;
  int current_ = -1;
  QLabel* heading_;
  QLabel* text_;
  QScrollArea* scroll_;
  QPushButton* previous_;
  QPushButton* next_;
};

}  // namespace cs::ui
