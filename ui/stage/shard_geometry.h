#pragma once
// Where the sharding views put things: the hash ring (its centre, radius, and where a position on
// it is, with the ticks of virtual nodes and the dots of keys at fixed distances from the ring) and
// the heat map's cells. The stage's ShardLayer and the lessons' figures (ui/export) draw with the
// same geometry.
#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <QVector>
#include <QtMath>

#include <algorithm>
#include <cmath>

namespace cs::ui {

struct RingGeometry {
  static constexpr double kTickPx = 9;       // a virtual node's tick reaches this far in and out
  static constexpr double kKeyInsetPx = 22;  // keys sit this far inside the ring
  static constexpr double kKeyDotPx = 3.5;   // a key's dot
  static constexpr double kMovingKeyPx = 6;  // a key being moved: a ring this size

  QPointF centre;
  double radius = 0;

  // On the stage: left of centre, leaving room on the right for the owners' legend.
  static RingGeometry for_stage(const QSizeF& size) {
    return {QPointF(size.width() * 0.42, size.height() * 0.52), std::min(size.width() * 0.34, size.height() * 0.40)};
  }
  // Centred in an area, with room around it for the ticks.
  static RingGeometry in_area(const QRectF& area) {
    return {area.center(), std::max(10.0, std::min(area.width(), area.height()) / 2 - kTickPx - 2)};
  }
  // A position on the ring, [0, 1): 0 at the top, clockwise; `offset` outwards (negative: inside).
  QPointF at(double position, double offset = 0) const {
    const double angle = -M_PI / 2 + 2 * M_PI * position;
    return centre + QPointF((radius + offset) * std::cos(angle), (radius + offset) * std::sin(angle));
  }
};

// The heat map's cells for `count` shards in a grid filling `area` (at most 160 px tall each).
inline QVector<QRectF> heatmap_cells(int count, const QRectF& area, double margin = 16) {
  QVector<QRectF> cells;
  if (count <= 0) return cells;
  const int columns = static_cast<int>(std::ceil(std::sqrt(static_cast<double>(count))));
  const int rows = (count + columns - 1) / columns;
  const double cell_w = (area.width() - margin * (columns + 1)) / columns;
  const double cell_h = std::min(160.0, (area.height() - margin * (rows + 1)) / rows);
  for (int i = 0; i < count; ++i) {
    cells.append(QRectF(area.left() + margin + (i % columns) * (cell_w + margin),
                        area.top() + margin + (i / columns) * (cell_h + margin), cell_w, cell_h));
  }
  return cells;
}

}  // namespace cs::ui
