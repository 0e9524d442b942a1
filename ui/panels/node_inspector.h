#pragma once
// A look inside the chosen node, for the "Inside the node" tab: what its card has no room for. Its
// role and status, its state (term, vote, commit point), the newest entries of its log, its data
// and its view of the cluster, as the node itself holds them now (the core's Inspection). It
// follows the node chosen on the stage and the run, a few times a second while it is shown.
#include <QTimer>
#include <QWidget>

class QLabel;
class QTextBrowser;

namespace cs::ui {

class RunController;
class StageSelection;

class NodeInspector : public QWidget {
  Q_OBJECT

 public:
  NodeInspector(RunController* run, StageSelection* selection, QWidget* parent = nullptr);

  // The node shown (the stage's focused node), and the text shown, for tests.
  int node() const { return node_; }
  QString text() const;
  void refresh();

 protected:
  void showEvent(QShowEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;

 private:
  RunController* run_;
  StageSelection* selection_;
  int node_ = -1;
  QLabel* heading_;
  QTextBrowser* body_;
  QTimer throttle_;  // a playing run changes every frame; the text need not
};

}  // namespace cs::ui
