#include "stage/stage_controller.h"

namespace cs::ui {

StageController::StageController(QObject* parent)
    : QObject(parent), scene_(&run_, &theme_), selection_(&scene_), actions_(&run_) {
  connect(&run_, &RunController::scenarioChanged, &selection_, &StageSelection::restart);
  // A message token Shift+clicked on the stage is dropped (the learner's way of losing a
  // message); a plain click says what it is.
  connect(&selection_, &StageSelection::messageClicked, &actions_, &LearnerActions::dropMessage);
  connect(&selection_, &StageSelection::messageInspected, &actions_, &LearnerActions::describeMessage);
}

void StageController::partitionSelection() {
  if (actions_.partition(selection_.chosenNodes())) selection_.clearSelection();
}

}  // namespace cs::ui
