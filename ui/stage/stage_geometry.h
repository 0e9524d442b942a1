#pragma once
// Where the stage draws, in pixels. The snapshot places nodes in a normalised square; the stage has
// a size, a strip at the bottom for the legend and the clock, and cards of a fixed size. This maps
// the layout onto the room there is (the cluster fills most of the stage, whatever its shape) and
// shrinks the cards just enough that none overlaps another and no link passes under a card it does
// not join. Cards, links, tokens, regions and hit testing all use the same mapping.
#include <QPointF>
#include <QRectF>
#include <QVector>

#include "stage/stage_snapshot.h"

namespace cs::ui {

struct StageGeometry {
  // Size of a node card and a message token on the stage at card scale 1, in pixels.
  static constexpr double kCardWidthPx = 116;
  static constexpr double kCardHeightPx = 76;
  static constexpr double kMarginPx = 10;
  // Cards never shrink below this share of their size to make room; past it they may touch.
  static constexpr double kMinFit = 0.25;
  // Cards shrink at most to this share to keep links from passing under cards they do not join.
  static constexpr double kMinLinkFit = 0.75;
  // A region's frame around its cards, and the line its name takes above them (at type scale 1).
  static constexpr double kRegionPadPx = 8;
  static constexpr double kRegionLabelPx = 18;

  double width_px = 0;
  double height_px = 0;
  double bottom_px = 0;  // reserved below the cluster (legend, clock)
  double top_px = 0;     // reserved above it (the names of regions drawn around the cards)
  double side_px = 0;    // reserved left and right (the frames of regions)
  double origin_x = 0;
  double origin_y = 0;
  double scale_x = 1;
  double scale_y = 1;
  double fit = 1;  // multiplies every card's own scale

  QPointF to_pixels(double x, double y) const { return {origin_x + x * scale_x, origin_y + y * scale_y}; }
  QPointF to_pixels(QPointF p) const { return to_pixels(p.x(), p.y()); }
  // A card's rectangle in pixels (node.scale already includes projector and crowd scaling).
  QRectF card_rect(const NodeItem& node) const;
  // The area the cluster may use: the stage less its margins and the bottom strip.
  QRectF cluster_area() const;
};

// The mapping for `nodes` (normalised positions, card scales) on a stage of the given size.
StageGeometry fit_stage(const QVector<NodeItem>& nodes, const QVector<LinkItem>& links, double width_px,
                        double height_px, double bottom_px, double top_px = 0, double side_px = 0);

// The fit for a whole snapshot: with regions, room above the cards for their names and at the
// sides for their frames. The stage and the exported pictures use it alike.
StageGeometry fit_snapshot(const StageSnapshot& s, double width_px, double height_px, double bottom_px,
                           double type_scale);

// A region's area in pixels: around its nodes' cards, with its name above them (empty if it has no
// node on the stage).
QRectF region_area(const StageGeometry& g, const StageSnapshot& s, const RegionItem& region, double type_scale);

// The links that pass under a card they do not join (drawn, they would suggest a connection).
QVector<int> links_under_cards(const StageGeometry& g, const QVector<NodeItem>& nodes, const QVector<LinkItem>& links);

// Whether the segment from a to b crosses the rectangle (used for links under cards).
bool segment_crosses(QPointF a, QPointF b, const QRectF& rect);

}  // namespace cs::ui
