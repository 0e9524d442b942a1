#pragma once
// Plots of the run with Qt Charts: operations per second that succeeded or failed (availability),
// write latency by consistency level, replication lag per replica over time, and keys per shard.
// The charts are built the first time the panel is shown (Qt Charts costs start-up time), and
// each series is handed over whole (replace), never point by point.
#include <QTimer>
#include <QWidget>
#include <map>
#include <vector>

namespace cs::ui {

class StageController;

class ChartsPanel : public QWidget {
  Q_OBJECT

 public:
  explicit ChartsPanel(StageController* controller, QWidget* parent = nullptr);
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
  void sampleLag();

  StageController* controller_;
  Charts* charts_ = nullptr;
  QTimer refresh_;
  // Replication lag samples per node: (time, lag ms). Seeking back forgets the future ones.
  std::map<int, std::vector<std::pair<double, double>>> lag_;
  qint64 last_sample_us_ = -1;
  Plotted plotted_;
};

}  // namespace cs::ui
