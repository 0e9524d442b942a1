#pragma once
// The QQuickWidget that shows the stage. It loads Stage.qml, hands it the controller, and turns a
// right-click into the controller's node context menu.
#include <QQuickWidget>

namespace cs::ui {

class StageController;

class StageView : public QQuickWidget {
  Q_OBJECT

 public:
  StageView(StageController* controller, QWidget* parent = nullptr);

 protected:
  void contextMenuEvent(QContextMenuEvent* event) override;

 private:
  StageController* controller_;
};

}  // namespace cs::ui
