#pragma once
// The guided steps of a "Try it" run above the stage: the step's text, Previous and Next. Next
// plays the run to the step's time (if it has one), pauses there and highlights what to watch.
#include <QWidget>
#include <vector>

#include "course/course.h"

class QLabel;
class QPushButton;

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

 public slots:
  void next();
  void previous();

 private:
  void show_step(int index);

  StageController* controller_;
  QString title_;
  std::vector<course::TryItStep> steps_;
  int current_ = -1;
  QLabel* heading_;
  QLabel* text_;
  QPushButton* previous_;
  QPushButton* next_;
};

}  // namespace cs::ui
