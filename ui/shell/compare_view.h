#pragma once
// The stage while two branches are compared ("What if?"): A, the run as it is, and B, forked from
// it with one change, side by side on one time cursor, each with its caption; on a narrow stage
// one at a time, with A and B buttons to switch. Both stages take the learner's actions (B's own
// Node menu on right-click). The comparison exports as one SVG or PNG: both stages, where they
// part and the metrics that differ. When nothing is compared, only A's stage shows, as always.
#include <QWidget>
#include <memory>

class QHBoxLayout;
class QLabel;
class QTabWidget;
class QToolButton;

namespace cs::ui {

class BranchComparison;
class ComparePanel;
class NodeMenu;
class StageController;
class StageView;
class TimelineWidget;

class CompareView : public QWidget {
  Q_OBJECT

 public:
  // Below this width (of the stage area) the two stages take turns instead of sharing it.
  static constexpr int kSideBySideMinWidthPx = 800;

  CompareView(StageController* a, StageView* stage_a, QWidget* parent = nullptr);
  ~CompareView() override;

  BranchComparison* comparison() const { return comparison_; }
  StageController* branch() const { return b_; }
  StageView* stageB() const { return stage_b_; }
  void setTimeline(TimelineWidget* timeline);
  // Adds the comparison's panel (where they part, the metrics of both) to the panels under the
  // stage: shown, and brought forward, only while a comparison is open.
  void addPanelTo(QTabWidget* tabs);
  ComparePanel* panel() const { return panel_; }

  // Forks the run now into B with `change` (run/compare.h): false with the reason when refused.
  bool start(const QString& change, QString* error);
  void stop();
  bool sideBySide() const;
  // On a narrow stage: which branch shows (0: A, 1: B).
  void showBranch(int which);
  int shownBranch() const { return shown_; }
  bool exportTo(const QString& path, QString* error);

 public slots:
  void chooseChange();      // asks what to change (CompareDialog), then starts
  void exportComparison();  // asks for a file, then exports

 signals:
  void status(const QString& message);
  void activeChanged(bool active);

 protected:
  void resizeEvent(QResizeEvent* event) override;
  void showEvent(QShowEvent* event) override;

 private:
  void ensureStageB();
  void onComparisonChanged();
  void onScenarioChanged();
  void relayout();
  void refreshTitle();
  void makeRoom();

  StageController* a_;
  StageView* stage_a_;
  StageController* b_;
  StageView* stage_b_ = nullptr;
  NodeMenu* menu_b_ = nullptr;
  BranchComparison* comparison_;
  TimelineWidget* timeline_ = nullptr;
  ComparePanel* panel_ = nullptr;
  QWidget* header_;
  QLabel* title_;
  QToolButton* show_a_;
  QToolButton* show_b_;
  QHBoxLayout* stages_ = nullptr;
  QWidget* column_a_;
  QWidget* column_b_;
  QLabel* caption_a_;
  QLabel* caption_b_;
  int shown_ = 0;
  bool was_active_ = false;
  bool making_room_ = false;
};

}  // namespace cs::ui
