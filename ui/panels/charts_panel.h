#pragma once
// Plots of the run with Qt Charts: operations per second that succeeded or failed (availability),
// write latency by consistency level, replication lag per replica over time, and keys per shard.
// The series come from the core, sampled in simulated time (core/run/series.h): the panel draws
// them and computes nothing, so they are the same at any frame rate.
//
// The panel usually gets a strip below the stage (about 550x170 px on a laptop), so it shows one
// chart at a time, large, chosen in a list beside it; the legend and notes sit under the list,
// where text can wrap, so the plot keeps the whole height. Ticks are spaced to the plot's size so
// that no axis label is cut, and value ranges always hold the data with some headroom. A chart
// with nothing to plot says why in one sentence instead of showing an empty frame.
// The charts are built the first time the panel is shown (Qt Charts costs start-up time), and
// each series is handed over whole (replace), never point by point.
#include <QTimer>
#include <QWidget>
#include <array>

class QChart;
class QLabel;
class QListWidget;
class QStackedWidget;

namespace cs::ui {

class RunController;

class ChartsPanel : public QWidget {
  Q_OBJECT

 public:
  enum class Chart { Availability, Latency, Lag, Shards };
  static constexpr int kChartCount = 4;

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

  // The chart chosen in the list (the one on show, or its explanation when it has no data).
  Chart shownChart() const;
  void showChart(Chart chart);
  // The chart itself (null before the panel is built), whether it has anything to plot, and if
  // not, the sentence shown in its place.
  QChart* chart(Chart chart) const;
  bool hasData(Chart chart) const;
  QString emptyReason(Chart chart) const;

 protected:
  void showEvent(QShowEvent* event) override;
  void changeEvent(QEvent* event) override;

 private:
  struct Charts;
  struct Plot;
  struct Inputs;
  void build();
  void scheduleRefresh();
  void showCurrent();
  void updateNotes();
  void fitAxes(Plot& plot);
  void applyFonts();
  void refreshAvailability(const Inputs& in);
  void refreshLatency(const Inputs& in);
  void refreshLag(const Inputs& in);
  void refreshShards(const Inputs& in);

  RunController* run_;
  Charts* charts_ = nullptr;
  QTimer refresh_;
  Plotted plotted_;
};

}  // namespace cs::ui
