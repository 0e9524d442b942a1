#include "shell/node_menu.h"

#include <QAction>

#include "stage/stage_controller.h"

namespace cs::ui {

NodeMenu::NodeMenu(StageController* stage, QWidget* stage_panel, QWidget* parent) : QMenu(tr("&Node"), parent) {
  const auto add = [&](const QString& text, QKeySequence key, auto&& slot) {
    QAction* a = addAction(text);
    a->setShortcut(key);
    a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    stage_panel->addAction(a);
    connect(a, &QAction::triggered, this, slot);
    return a;
  };
  LearnerActions* a = stage->actions();
  StageSelection* sel = stage->selection();
  add(tr("&Crash or restart"), Qt::Key_C, [a, sel] { a->crashOrRestart(sel->focusedNode()); });
  add(tr("&Add to or remove from the cluster"), Qt::Key_A, [a, sel] { a->addOrRemove(sel->focusedNode()); });
  add(tr("&Pause or resume"), Qt::Key_P, [a, sel] { a->pauseOrResume(sel->focusedNode()); });
  add(tr("&Isolate"), Qt::Key_I, [a, sel] { a->isolate(sel->focusedNode()); });
  add(LearnerActions::slowDownLabel(), Qt::Key_S, [a, sel] { a->slowDown(sel->focusedNode()); });
  advanced_actions_ << add(LearnerActions::skewClockLabel(), Qt::Key_K, [a, sel] { a->skewClock(sel->focusedNode()); });
  advanced_actions_ << add(tr("&Drop the next message to it"), Qt::Key_D,
                           [a, sel] { a->dropNextMessageTo(sel->focusedNode()); });
  add(tr("Send a &write to it"), Qt::Key_W, [a, sel] { a->sendWrite(sel->focusedNode()); });
  add(tr("Send a r&ead to it"), Qt::Key_E, [a, sel] { a->sendRead(sel->focusedNode()); });
  add(tr("&Look inside it (log, data, view of the cluster)"), Qt::Key_L,
      [sel] { emit sel->lookInsideRequested(sel->focusedNode()); });
  addSeparator();
  add(tr("Select for a partition"), Qt::Key_Return, [sel] { sel->toggleSelected(sel->focusedNode()); });
  add(tr("Partition the selection from the rest"), Qt::Key_G, [stage] { stage->partitionSelection(); });
  add(tr("&Heal the network"), Qt::Key_H, [a] { a->heal(); });
  addSeparator();
  arrow_actions_ << add(tr("Next node"), Qt::Key_Right, [sel] { sel->focusNext(1); });
  arrow_actions_ << add(tr("Previous node"), Qt::Key_Left, [sel] { sel->focusNext(-1); });
}

}  // namespace cs::ui
