#pragma once
// A message-sequence (Lamport) diagram of the recent trace: one vertical lane per node, time
// running down, an arrow per message from its send to its arrival (or to where it was dropped,
// marked with a cross), faults and role changes as labels. It follows the run's current time.
// paint() is also used to export the diagram as PNG or SVG.
#include <QWidget>

namespace cs::ui {

class RunController;

class SequenceDiagram : public QWidget {
  Q_OBJECT

 public:
  explicit SequenceDiagram(RunController* run, QWidget* parent = nullptr);

  // Simulated time shown, ending at the current time.
  qint64 windowUs() const { return window_us_; }
  void setWindowUs(qint64 window_us);
  void paint(QPainter& painter, const QSize& size) const;
  // Counts of what the last paint drew, for tests.
  struct Drawn {
    int lanes = 0;
    int arrows = 0;
    int drops = 0;
    int labels = 0;
  };
  Drawn lastDrawn() const { return drawn_; }
  QSize sizeHint() const override { return {600, 260}; }

 protected:
  void paintEvent(QPaintEvent* event) override;

 private:
  RunController* run_;
  qint64 window_us_ = 1'500'000;
  mutable Drawn drawn_;
};

}  // namespace cs::ui
