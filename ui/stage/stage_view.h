#pragma once
// The QQuickWidget that shows the stage. It loads Stage.qml, hands it the controller, turns a
// right-click into the node's (or message's) menu, and shows a node's card in full on hover.
#include <QQuickWidget>

namespace cs::ui {

class StageController;

class StageView : public QQuickWidget {
  Q_OBJECT

 public:
  StageView(StageController* controller, QWidget* parent = nullptr);
  // A second stage (a comparison's branch B) shares the first one's QML engine: the types and the
  // compiled scene are loaded once.
  StageView(StageController* controller, QQmlEngine* shared_engine, QWidget* parent);

 protected:
  void contextMenuEvent(QContextMenuEvent* event) override;
  bool event(QEvent* event) override;

 public:
  // Everything a node's card shows, in full (the card itself may cut its lines short).
  QString nodeToolTip(int node) const;

 private:
  void setUp();
  StageController* controller_;
};

}  // namespace cs::ui
