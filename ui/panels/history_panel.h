#pragma once
// The History panel: the current run's client operations on a timeline, one row per client, and
// the linearizability checker's verdict with the offending operations highlighted. The check runs
// on demand (it can take a while on long runs) with a time budget, so it never hangs the window.
#include <QWidget>
#include <optional>
#include <set>

#include "check/linearizability.h"

class QLabel;
class QPushButton;

namespace cs::ui {

class RunController;

class HistoryTimeline : public QWidget {
  Q_OBJECT

 public:
  explicit HistoryTimeline(RunController* run, QWidget* parent = nullptr);
  void setOffending(std::set<std::uint64_t> ids);
  QSize sizeHint() const override { return {600, 220}; }
  int drawnOperations() const { return drawn_; }

 protected:
  void paintEvent(QPaintEvent* event) override;

 private:
  RunController* run_;
  std::set<std::uint64_t> offending_;
  int drawn_ = 0;
};

class HistoryPanel : public QWidget {
  Q_OBJECT

 public:
  explicit HistoryPanel(RunController* run, QWidget* parent = nullptr);
  // Checks the run's history now and shows the verdict. Returns it.
  check::LinearizabilityResult checkNow();
  QString verdictText() const;
  HistoryTimeline* timeline() const { return timeline_; }

 private:
  RunController* run_;
  QLabel* verdict_;
  QPushButton* check_;
  HistoryTimeline* timeline_;
};

}  // namespace cs::ui
