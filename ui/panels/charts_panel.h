#pragma once
// Plots of the run with Qt Charts: operations per second that succeeded or failed (availability),
// write latency by consistency level, replication lag per replica over time, and keys per shard.
// The series come from the core, sampled in simulated time (core/run/series.h): the panel draws
// them and computes nothing, so they are the same at any frame rate.
// The charts are built the first time the panel is shown (Qt Charts costs start-up time), and
// each series is handed over whole (replace), never point by point.
#include <QTimer>
#include <QWidget>

namespace cs::ui {

class RunController;

class ChartsPanel : public QWidget {
  Q_OBJECT

 public:
  explicit ChartsPanel(RunController* run, QWidget* parent = nullptr);
  ~ChartsPanel() override;
  void refresh();
  bool built() const { return charts_ != nullptr; }
  // What the last refresh plotted, for tests.
  struct Plotted {
    int availability_points = 0;
    int latency_levels = 0;
    int lag_series = 0;
    int shard_bars = 0;
  };
  Plotted plotted() const { return plotted_; }

 protected:
  void showEvent(QShowEvent* event) override;

 private:
  struct Charts;
  void build();

  RunController* run_;
  Charts* charts_ = nullptr;
  QTimer refresh_;
  Plotted plotted_;
};

}  // namespace cs::ui
