#pragma once
// The stage's parts, made and wired together in one place: the run (its clock, seeking and
// frames), the learner's actions on it, the scene QML draws, the selection, and the theme. Each
// part has one job; this object only owns them, connects them, and hands them to QML and widgets.
#include <QtQml/qqmlregistration.h>
#include <QObject>

#include "run/learner_actions.h"
#include "run/run_controller.h"
#include "stage/stage_scene.h"
#include "stage/stage_selection.h"
#include "theme/stage_theme.h"

namespace cs::ui {

class StageController : public QObject {
  Q_OBJECT
  QML_ELEMENT
  QML_UNCREATABLE("Created by the application")
  Q_PROPERTY(cs::ui::RunController* run READ run CONSTANT)
  Q_PROPERTY(cs::ui::StageScene* scene READ scene CONSTANT)
  Q_PROPERTY(cs::ui::StageSelection* selection READ selection CONSTANT)
  Q_PROPERTY(cs::ui::StageTheme* theme READ theme CONSTANT)

 public:
  explicit StageController(QObject* parent = nullptr);

  RunController* run() { return &run_; }
  const RunController* run() const { return &run_; }
  LearnerActions* actions() { return &actions_; }
  StageScene* scene() { return &scene_; }
  const StageScene* scene() const { return &scene_; }
  StageSelection* selection() { return &selection_; }
  StageTheme* theme() { return &theme_; }

 public slots:
  // Cuts the selected nodes (or the focused one) off from the rest; the selection is cleared.
  void partitionSelection();

 private:
  RunController run_;
  StageTheme theme_;
  StageScene scene_;
  StageSelection selection_;
  LearnerActions actions_;
};

}  // namespace cs::ui
