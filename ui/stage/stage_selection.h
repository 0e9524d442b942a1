#pragma once
// Which nodes the learner has picked on the stage: the keyboard-focused node and a selection (for
// a partition), by mouse or by keys; and what lies under a point of the stage (hit testing on the
// scene's layout). A click reports what it hit; the stage's owner decides what follows.
#include <QtQml/qqmlregistration.h>
#include <QList>
#include <QObject>

namespace cs::ui {

class StageScene;

class StageSelection : public QObject {
  Q_OBJECT
  QML_ELEMENT
  QML_UNCREATABLE("Created by the application")
  Q_PROPERTY(int focusedNode READ focusedNode NOTIFY selectionChanged)

 public:
  // How close to a message token's centre a click must be, in pixels.
  static constexpr double kTokenHitPx = 12;

  explicit StageSelection(StageScene* scene, QObject* parent = nullptr);

  int focusedNode() const { return focused_; }
  QList<int> selectedNodes() const { return selected_; }
  // The nodes an action on "the selection" means: the selected ones, or else the focused one.
  QList<int> chosenNodes() const;

  // The node whose card covers the point (in the stage's pixels, see StageScene::geometry), or -1.
  int nodeAt(double x_px, double y_px) const;
  // The message token at the point, or 0.
  quint64 tokenAt(double x_px, double y_px) const;
  // A click at a point of the stage, in its pixels. A node's card always wins over a message drawn
  // on it: the click focuses the node (toggle adds it to the selection) or asks for its menu
  // (context = right button). Off the cards, a message is only dropped when `drop` (Shift) is
  // held; a plain click on it tells what it is, and the right button opens its own menu.
  Q_INVOKABLE void clickAt(double x_px, double y_px, bool toggle, bool context, bool drop = false);
  // A double click on a node's card opens the node inspector on it.
  Q_INVOKABLE void doubleClickAt(double x_px, double y_px);

 public slots:
  void focusNode(int node);
  void focusNext(int step);
  void toggleSelected(int node);
  void clearSelection();
  // A new scenario: the first node focused, nothing selected.
  void restart();

 signals:
  void selectionChanged();
  void contextMenuRequested(int node);
  void lookInsideRequested(int node);
  void messageClicked(quint64 message_id);  // a click that drops the message (Shift)
  void messageInspected(quint64 message_id);
  void messageMenuRequested(quint64 message_id);

 private:
  int nodeCount() const;

  StageScene* scene_;
  int focused_ = 0;
  QList<int> selected_;
};

}  // namespace cs::ui
