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
  // Size of a node card and a message token on the stage, in pixels (Stage.qml draws them so).
  static constexpr double kCardWidthPx = 116;
  static constexpr double kCardHeightPx = 76;
  static constexpr double kTokenHitPx = 12;

  explicit StageSelection(StageScene* scene, QObject* parent = nullptr);

  int focusedNode() const { return focused_; }
  QList<int> selectedNodes() const { return selected_; }
  // The nodes an action on "the selection" means: the selected ones, or else the focused one.
  QList<int> chosenNodes() const;

  // The node whose card covers the point (x, y in [0, 1] of a stage width_px x height_px), or -1.
  int nodeAt(double x, double y, double width_px, double height_px) const;
  // The message token at the point, or 0.
  quint64 tokenAt(double x, double y, double width_px, double height_px) const;
  // A click: focuses the node there (toggle adds it to the selection), reports a message token
  // there, or asks for the node's menu (context = right button).
  Q_INVOKABLE void clickAt(double x, double y, double width_px, double height_px, bool toggle, bool context);

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
  void messageClicked(quint64 message_id);

 private:
  int nodeCount() const;

  StageScene* scene_;
  int focused_ = 0;
  QList<int> selected_;
};

}  // namespace cs::ui
