#include "stage/stage_geometry.h"

#include <algorithm>
#include <cmath>

namespace cs::ui {

namespace {

// Room kept between neighbouring cards, as a share of a card.
constexpr double kGap = 0.12;

double largest_scale(const QVector<NodeItem>& nodes) {
  double s = 0;
  for (const NodeItem& n : nodes) s = std::max(s, n.scale);
  return s > 0 ? s : 1;
}

// The mapping that puts the nodes' centres as far apart as the area allows while every card of
// fit `fit` stays inside it.
StageGeometry map_for(const QVector<NodeItem>& nodes, StageGeometry g, double fit) {
  g.fit = fit;
  const QRectF area = g.cluster_area();
  const double s = largest_scale(nodes) * fit;
  const double card_w = StageGeometry::kCardWidthPx * s;
  const double card_h = StageGeometry::kCardHeightPx * s;
  double x0 = 1, x1 = 0, y0 = 1, y1 = 0;
  for (const NodeItem& n : nodes) {
    x0 = std::min(x0, n.x);
    x1 = std::max(x1, n.x);
    y0 = std::min(y0, n.y);
    y1 = std::max(y1, n.y);
  }
  if (nodes.isEmpty()) x0 = y0 = 0, x1 = y1 = 1;
  const double room_w = std::max(0.0, area.width() - card_w);
  const double room_h = std::max(0.0, area.height() - card_h);
  // A single column or row of nodes is centred; otherwise the span fills the room.
  g.scale_x = x1 > x0 ? room_w / (x1 - x0) : area.width();
  g.scale_y = y1 > y0 ? room_h / (y1 - y0) : area.height();
  g.origin_x = x1 > x0 ? area.left() + card_w / 2 - x0 * g.scale_x : area.center().x() - x0 * g.scale_x;
  g.origin_y = y1 > y0 ? area.top() + card_h / 2 - y0 * g.scale_y : area.center().y() - y0 * g.scale_y;
  return g;
}

bool cards_clear(const QVector<NodeItem>& nodes, const QVector<LinkItem>& links, const StageGeometry& g) {
  QVector<QRectF> rects;
  rects.reserve(nodes.size());
  const QRectF area = g.cluster_area().adjusted(-0.5, -0.5, 0.5, 0.5);
  for (const NodeItem& n : nodes) {
    const QRectF r = g.card_rect(n);
    if (!area.contains(r)) return false;  // a stage too small for cards this big
    const double gx = r.width() * kGap / 2;
    const double gy = r.height() * kGap / 2;
    rects.append(r.adjusted(-gx, -gy, gx, gy));
  }
  for (int i = 0; i < rects.size(); ++i) {
    for (int j = i + 1; j < rects.size(); ++j) {
      if (rects[i].intersects(rects[j])) return false;
    }
  }
  for (const LinkItem& l : links) {
    const QPointF a = g.to_pixels(l.x1, l.y1);
    const QPointF b = g.to_pixels(l.x2, l.y2);
    for (int k = 0; k < rects.size(); ++k) {
      if (k != l.from && k != l.to && segment_crosses(a, b, rects[k])) return false;
    }
  }
  return true;
}

}  // namespace

QRectF StageGeometry::card_rect(const NodeItem& node) const {
  const QPointF c = to_pixels(node.x, node.y);
  const double w = kCardWidthPx * node.scale * fit;
  const double h = kCardHeightPx * node.scale * fit;
  return {c.x() - w / 2, c.y() - h / 2, w, h};
}

QRectF StageGeometry::cluster_area() const {
  return QRectF(kMarginPx + side_px, kMarginPx + top_px, std::max(1.0, width_px - 2 * (kMarginPx + side_px)),
                std::max(1.0, height_px - bottom_px - top_px - 2 * kMarginPx));
}

bool segment_crosses(QPointF a, QPointF b, const QRectF& rect) {
  if (rect.contains(a) || rect.contains(b)) return true;
  // Liang-Barsky clipping of the segment against the rectangle.
  double t0 = 0, t1 = 1;
  const double dx = b.x() - a.x(), dy = b.y() - a.y();
  const double p[4] = {-dx, dx, -dy, dy};
  const double q[4] = {a.x() - rect.left(), rect.right() - a.x(), a.y() - rect.top(), rect.bottom() - a.y()};
  for (int i = 0; i < 4; ++i) {
    if (p[i] == 0) {
      if (q[i] < 0) return false;
      continue;
    }
    const double t = q[i] / p[i];
    if (p[i] < 0) {
      t0 = std::max(t0, t);
    } else {
      t1 = std::min(t1, t);
    }
    if (t0 > t1) return false;
  }
  return true;
}

StageGeometry fit_stage(const QVector<NodeItem>& nodes, const QVector<LinkItem>& links, double width_px,
                        double height_px, double bottom_px, double top_px, double side_px) {
  StageGeometry g;
  g.width_px = width_px;
  g.height_px = height_px;
  g.bottom_px = bottom_px;
  g.top_px = top_px;
  g.side_px = side_px;
  // The largest fit in [lo, 1] that keeps everything clear, by bisection: clearance only improves
  // as cards shrink (they get smaller and their centres further apart).
  const auto largest_clear = [&](const QVector<LinkItem>& avoid, double lo, double* fit) {
    if (cards_clear(nodes, avoid, map_for(nodes, g, 1.0))) {
      *fit = 1.0;
      return true;
    }
    if (!cards_clear(nodes, avoid, map_for(nodes, g, lo))) return false;
    double hi = 1.0;
    for (int i = 0; i < 14; ++i) {
      const double mid = (lo + hi) / 2;
      (cards_clear(nodes, avoid, map_for(nodes, g, mid)) ? lo : hi) = mid;
    }
    *fit = lo;
    return true;
  };
  double fit = StageGeometry::kMinFit;
  // Links clear of other cards if that costs the cards little; otherwise cards clear of each other
  // only, and the links still under a card are not drawn (links_under_cards).
  if (largest_clear(links, StageGeometry::kMinLinkFit, &fit) || largest_clear({}, StageGeometry::kMinFit, &fit)) {
    return map_for(nodes, g, fit);
  }
  return map_for(nodes, g, StageGeometry::kMinFit);
}

StageGeometry fit_snapshot(const StageSnapshot& s, double width_px, double height_px, double bottom_px,
                           double type_scale) {
  const bool regions = !s.regions.isEmpty();
  const double pad = StageGeometry::kRegionPadPx;
  return fit_stage(s.nodes, s.links, width_px, height_px, bottom_px,
                   regions ? StageGeometry::kRegionLabelPx * type_scale + pad : 0, regions ? pad : 0);
}

QRectF region_area(const StageGeometry& g, const StageSnapshot& s, const RegionItem& region, double type_scale) {
  QRectF area;
  for (int i : region.members) {
    if (i >= 0 && i < s.nodes.size()) area = area.united(g.card_rect(s.nodes[i]));
  }
  if (area.isEmpty()) return {};
  const double pad = StageGeometry::kRegionPadPx;
  return area.adjusted(-pad, -pad - StageGeometry::kRegionLabelPx * type_scale, pad, pad);
}

QVector<int> links_under_cards(const StageGeometry& g, const QVector<NodeItem>& nodes, const QVector<LinkItem>& links) {
  QVector<int> out;
  for (int i = 0; i < links.size(); ++i) {
    const LinkItem& l = links[i];
    const QPointF a = g.to_pixels(l.x1, l.y1);
    const QPointF b = g.to_pixels(l.x2, l.y2);
    for (int k = 0; k < nodes.size(); ++k) {
      if (k != l.from && k != l.to && segment_crosses(a, b, g.card_rect(nodes[k]))) {
        out.append(i);
        break;
      }
    }
  }
  return out;
}

}  // namespace cs::ui
