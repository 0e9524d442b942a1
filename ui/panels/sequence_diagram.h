#pragma once
// A message-sequence (Lamport) diagram of the recent trace: one vertical lane per node and one
// for the clients, time running down, an arrow per message from its send to its arrival (or to
// where it was dropped, marked with a cross), faults and role changes as labels. It follows the
// run's current time. paint() is also used to export the diagram as PNG or SVG.
//
// The diagram is small (about 550x170 px in a 1280x720 window), so its text is laid out rather
// than just drawn: lane names and roles sit in a header strip, elided (with a tooltip) when a
// lane is too narrow; event labels are placed where they collide with no other label, or become
// a small mark with a tooltip; the caption has a footer strip of its own, below every arrow.
#include <QLineF>
#include <QRectF>
#include <QSize>
#include <QString>
#include <QVector>
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
    int lanes = 0;  // node lanes
    int client_lanes = 0;
    int arrows = 0;
    int drops = 0;
    int labels = 0;  // event labels, as text or as a mark
  };
  Drawn lastDrawn() const { return drawn_; }

  // Where the last paint put things: for tests, and for the tooltips of shortened text.
  struct Label {
    QRectF rect;        // the text's own box
    QString text;       // as drawn (elided when it did not fit)
    QString full_text;  // what the tooltip shows
  };
  struct Lane {
    QString name;
    double x = 0;
    bool clients = false;
  };
  struct Arrow {
    QLineF line;  // from the send to the arrival, the drop, or as far as it has travelled
    bool from_client = false;
    bool to_client = false;
    bool arrived = false;  // delivered (not dropped, not still on the wire)
  };
  struct Layout {
    QSize size;
    QRectF plot;    // where lanes, arrows and event labels are drawn
    Label caption;  // in its own strip below the plot
    QVector<Lane> lanes;
    QVector<Label> labels;  // lane headers and event labels, none overlapping another
    QVector<Label> marks;   // event labels with no room for their text: a mark and a tooltip
    QVector<Arrow> arrows;
  };
  const Layout& lastLayout() const { return layout_; }
  QVector<QRectF> labelRects() const;

  QSize sizeHint() const override { return {600, 260}; }

 protected:
  void paintEvent(QPaintEvent* event) override;
  bool event(QEvent* event) override;

 private:
  RunController* run_;
  qint64 window_us_ = 1'500'000;
  mutable Drawn drawn_;
  mutable Layout layout_;
  Layout on_screen_;  // the last paint on the widget itself (an export may paint another size)
};

}  // namespace cs::ui
