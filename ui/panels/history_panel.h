#pragma once
// The History panel: the current run's client operations on a timeline, one row per client, and
// the linearizability checker's verdict with the offending operations highlighted. The check runs
// on demand (it can take a while on long runs) with a time budget, so it never hangs the window.
// For a beginner the panel explains itself: a legend of what the bars' colours and outlines mean,
// a tooltip on every bar, and the verdict in plain words above the checker's own.
// When the run broke a promise (not linearizable, a session guarantee, two leaders in one term),
// the panel lists the smallest examples the core finds (history_witnesses.h): the chosen one's
// operations stand out on the lanes (the rest fade; "Zoom to the example" narrows the lanes to
// them), its sentence is under the lanes, and "Show on the stage" moves the run to its moment
// and asks the window to highlight the nodes involved (showOnStage).
#include <QWidget>
#include <optional>
#include <set>
#include <vector>

#include "check/linearizability.h"
#include "panels/history_witnesses.h"
#include "run/frame.h"

class QComboBox;
class QLabel;
class QPushButton;

namespace cs::ui {

class RunController;

class HistoryTimeline : public QWidget {
  Q_OBJECT

 public:
  explicit HistoryTimeline(RunController* run, QWidget* parent = nullptr);
  void setOffending(std::set<std::uint64_t> ids);
  bool hasOffending() const { return !offending_.empty(); }
  // An example to show: its operations drawn as they are and outlined, every other one faded, and
  // `moment_us` marked. Zoomed, the lanes show the time around its operations only.
  void setWitness(const std::vector<std::uint64_t>& ids, sim::TimeUs moment_us);
  void clearWitness();
  bool hasWitness() const { return witness_; }
  const std::set<std::uint64_t>& emphasised() const { return emphasised_; }
  void setZoomed(bool zoomed);
  bool zoomed() const { return zoomed_; }
  QSize sizeHint() const override { return {600, 220}; }
  QSize minimumSizeHint() const override;
  int drawnOperations() const { return drawn_; }

  // Where each operation's bar is at the widget's current size, in drawing order.
  struct Bar {
    QRectF rect;
    sim::Operation op;
    bool emphasised;  // part of the example shown
    bool faded;       // an example is shown, and this is not part of it
  };
  std::vector<Bar> bars() const;
  // The tooltip of the bar at `pos` (or just beside a thin one): "" where there is none.
  QString toolTipAt(const QPoint& pos) const;

 protected:
  void paintEvent(QPaintEvent* event) override;
  bool event(QEvent* event) override;

 private:
  struct Layout {
    std::vector<Bar> bars;
    std::vector<std::pair<sim::EndpointId, double>> rows;  // client, top of its row
    double row_height = 0;
    double left = 0;
    double axis_top = 0;
    double right = 0;
    sim::TimeUs begin_us = 0;
    sim::TimeUs end_us = 1;
  };
  Layout layout(const run::Figures& figures) const;
  QString describe(const sim::Operation& op) const;

  RunController* run_;
  std::set<std::uint64_t> offending_;
  bool witness_ = false;
  std::set<std::uint64_t> emphasised_;
  sim::TimeUs moment_us_ = -1;
  bool zoomed_ = false;
  int drawn_ = 0;
  int client_rows_ = 0;  // as last drawn
};

// What the bars' fills and outlines mean. It wraps to the panel's width, and shows the mark of
// operations the check could not explain only when there are some.
class HistoryLegend : public QWidget {
  Q_OBJECT

 public:
  explicit HistoryLegend(QWidget* parent = nullptr);
  void setShowOffending(bool show);
  QStringList entries() const;  // the labels, in order
  bool hasHeightForWidth() const override { return true; }
  int heightForWidth(int width) const override;
  QSize sizeHint() const override;
  QSize minimumSizeHint() const override;

 protected:
  void paintEvent(QPaintEvent* event) override;
  void changeEvent(QEvent* event) override;

 private:
  struct Item {
    int kind;
    QString label;
  };
  std::vector<Item> items() const;
  // Each item's rectangle when laid out in rows `width` wide.
  std::vector<QRectF> place(int width) const;
  bool show_offending_ = false;
};

class HistoryPanel : public QWidget {
  Q_OBJECT

 public:
  explicit HistoryPanel(RunController* run, QWidget* parent = nullptr);
  // Checks the run's history now and shows the verdict. Returns it.
  check::LinearizabilityResult checkNow();
  QString verdictText() const;       // the checker's own words
  QString plainVerdictText() const;  // the same in plain words, for a beginner
  HistoryTimeline* timeline() const { return timeline_; }
  HistoryLegend* legend() const { return legend_; }

  // The examples of the last check, in the list's order, and the one shown (-1: none).
  const std::vector<ShownWitness>& witnesses() const { return witnesses_; }
  int currentWitness() const;
  void selectWitness(int index);
  QString witnessSentence() const;
  // Moves the run to the shown example's moment, paused, and emits showOnStage.
  void showWitnessOnStage();

 signals:
  // The nodes an example involves, for the stage to highlight.
  void showOnStage(const QStringList& nodes);

 private:
  void showNotChecked();
  void showWitnesses(std::vector<ShownWitness> witnesses);
  QString example(const check::LinearizabilityResult& result, const run::Figures& figures) const;

  RunController* run_;
  QLabel* plain_verdict_;
  QLabel* verdict_;
  QPushButton* check_;
  HistoryLegend* legend_;
  HistoryTimeline* timeline_;
  QWidget* witness_row_;
  QComboBox* witness_list_;
  QLabel* witness_sentence_;
  QLabel* witness_note_;
  QWidget* witness_actions_;
  QPushButton* zoom_;
  QPushButton* show_on_stage_;
  std::vector<ShownWitness> witnesses_;
};

}  // namespace cs::ui
