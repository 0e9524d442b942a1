#pragma once
// The run's timeline, a minimap of the whole run: a bar from 0 to the horizon with the event
// density (grey bars), the scenario's faults (triangles) and the learner's actions (circles)
// marked, and a cursor at the current time. Click or drag to seek; with focus, Left/Right move
// 100 ms (Shift: 1 s), Home/End jump to the ends (Simulation > Go to time or event, Ctrl+G, goes to a time or an event
// number).
#include <QWidget>
#include <optional>

namespace cs::ui {

class RunController;

class TimelineWidget : public QWidget {
  Q_OBJECT

 public:
  explicit TimelineWidget(RunController* run, QWidget* parent = nullptr);
  QSize sizeHint() const override;
  // Time at a horizontal position, and back (for tests and painting).
  qint64 timeAt(int x) const;
  int xFor(qint64 time_us) const;
  // While two branches are compared: where B was forked and where the two part (a bar across the
  // timeline, in the comparison's colour); nullopt fork hides both.
  void setComparisonMarks(std::optional<qint64> fork_us, std::optional<qint64> divergence_us);
  std::optional<qint64> divergenceMarkUs() const { return divergence_us_; }

 protected:
  void paintEvent(QPaintEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void keyPressEvent(QKeyEvent* event) override;

 private:
  QRect bar() const;
  RunController* run_;
  std::optional<qint64> fork_us_;
  std::optional<qint64> divergence_us_;
};

}  // namespace cs::ui
