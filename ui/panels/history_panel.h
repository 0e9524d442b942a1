#pragma once
// The History panel: the current run's client operations on a timeline, one row per client, and
// the linearizability checker's verdict with the offending operations highlighted. The check runs
// on demand (it can take a while on long runs) with a time budget, so it never hangs the window.
// For a beginner the panel explains itself: a legend of what the bars' colours and outlines mean,
// a tooltip on every bar, and the verdict in plain words above the checker's own.
#include <QWidget>
#include <optional>
#include <set>
#include <vector>

#include "check/linearizability.h"
#include "run/frame.h"

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
  QSize sizeHint() const override { return {600, 220}; }
  QSize minimumSizeHint() const override;
  int drawnOperations() const { return drawn_; }

  // Where each operation's bar is at the widget's current size, in drawing order.
  struct Bar {
    QRectF rect;
    sim::Operation op;
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
    sim::TimeUs end_us = 1;
  };
  Layout layout(const run::Figures& figures) const;
  QString describe(const sim::Operation& op) const;

  RunController* run_;
  std::set<std::uint64_t> offending_;
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

 private:
  void showNotChecked();
  QString example(const check::LinearizabilityResult& result, const run::Figures& figures) const;

  RunController* run_;
  QLabel* plain_verdict_;
  QLabel* verdict_;
  QPushButton* check_;
  HistoryLegend* legend_;
  HistoryTimeline* timeline_;
};

}  // namespace cs::ui
