#pragma once
// The Node menu: every experiment on the focused node or the selection, used three ways: in the
// menu bar, as the stage's context menu, and as keys that work while the stage has focus (so
// typing elsewhere is never taken for a command). Sizes in the words come from the core.
#include <QList>
#include <QMenu>

class QAction;

namespace cs::ui {

class StageController;

class NodeMenu : public QMenu {
  Q_OBJECT

 public:
  // `stage_panel` gets the keys (active while it or a child has focus).
  NodeMenu(StageController* stage, QWidget* stage_panel, QWidget* parent);

  // Left and Right move between nodes; presentation mode gives the keys to the presenter.
  const QList<QAction*>& arrowActions() const { return arrow_actions_; }
  // Clock skew and message dropping, hidden with the advanced details.
  const QList<QAction*>& advancedActions() const { return advanced_actions_; }

 private:
  QList<QAction*> arrow_actions_;
  QList<QAction*> advanced_actions_;
};

}  // namespace cs::ui
