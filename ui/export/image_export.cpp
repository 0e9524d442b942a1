#include "export/image_export.h"

#include <QImage>
#include <QPainter>
#include <QSvgGenerator>
#include <algorithm>
#include <cmath>

#include "stage/stage_geometry.h"
#include "theme/palette.h"

namespace cs::ui {

namespace {

constexpr double kCutGapPx = 10;  // half the gap a cut link shows in its middle (as BackdropLayer)

bool leads(const NodeItem& n) { return n.role == QLatin1String("leader") || n.role == QLatin1String("primary"); }

Tone message_tone(const QString& message_class) {
  if (message_class == QLatin1String("heartbeat")) return Tone::Heartbeat;
  if (message_class == QLatin1String("election")) return Tone::Election;
  if (message_class == QLatin1String("replication")) return Tone::Replication;
  if (message_class == QLatin1String("ack")) return Tone::Ack;
  if (message_class == QLatin1String("client")) return Tone::Client;
  return Tone::Other;
}

// A message as the token layer draws it: a circle for a heartbeat, a diamond for an
// acknowledgement, a rounded square for the rest.
void paint_token(FigureCanvas& c, const QString& message_class, QPointF at, double size) {
  const Tone tone = message_tone(message_class);
  const double r = size / 2;
  if (message_class == QLatin1String("heartbeat")) {
    c.ellipse(at, r, r, tone, edge_of(tone), 1);
  } else if (message_class == QLatin1String("ack")) {
    c.polygon(
        QPolygonF({at + QPointF(0, -r - 1), at + QPointF(r + 1, 0), at + QPointF(0, r + 1), at + QPointF(-r - 1, 0)}),
        tone, edge_of(tone), 1);
  } else {
    c.rect(QRectF(at - QPointF(r, r), QSizeF(size, size)), tone, edge_of(tone), 1, 3);
  }
}

}  // namespace

void paint_stage(FigureCanvas& c, const StageSnapshot& s, const QRectF& area, const StageDrawing& drawing) {
  const QPointF origin = c.origin();
  c.setOrigin(origin + area.topLeft());
  const QSizeF size = area.size();
  c.rect(QRectF(QPointF(0, 0), size), Tone::Panel, Tone::None, 0, 8);
  // The same fit of the layout to the picture's size as on the stage (no legend strip here).
  const StageGeometry g = fit_snapshot(s, size.width(), size.height(), 0, drawing.type_scale);
  const auto at = [&](double x, double y) { return g.to_pixels(x, y); };
  for (const RegionItem& r : s.regions) {
    const QRectF region = region_area(g, s, r, drawing.type_scale);
    if (region.isEmpty()) continue;
    c.rect(region, Tone::RegionFill, Tone::RegionBorder, 2, 14);
    c.text(region.adjusted(8, 3, -8, -3), Qt::AlignTop | Qt::AlignLeft | Qt::TextDontClip, r.name, Tone::Text,
           13 * drawing.type_scale, true);
  }
  // Links: a cut one with a gap in its middle, as the stage's backdrop draws it.
  const QVector<int> hidden = links_under_cards(g, s.nodes, s.links);
  for (int i = 0; i < s.links.size(); ++i) {
    if (hidden.contains(i)) continue;
    const LinkItem& l = s.links[i];
    const QPointF a = at(l.x1, l.y1);
    const QPointF b = at(l.x2, l.y2);
    if (!l.cut) {
      c.line(a, b, Tone::Muted, l.width);
      continue;
    }
    const QPointF d = b - a;
    const double length = std::hypot(d.x(), d.y());
    if (length <= 2 * kCutGapPx) continue;
    const QPointF unit = d / length;
    const QPointF mid = (a + b) / 2;
    c.line(a, mid - unit * kCutGapPx, Tone::Cut, l.width);
    c.line(mid + unit * kCutGapPx, b, Tone::Cut, l.width);
  }
  // Cards as NodeCard.qml lays them out: the name (a star for a leader), the role or status, and
  // the compact line, each shown only when the card is large enough to read it.
  for (const NodeItem& n : s.nodes) {
    const QRectF card = g.card_rect(n);
    const double k = card.height() / StageGeometry::kCardHeightPx;  // the card's size scale
    const Tone fill = role_tone(n.role, n.status);
    c.rect(card, fill, edge_of(fill), std::max(1.0, 2 * k), 10);
    const double name_px = std::max(9.0, 18 * k);
    c.text(QRectF(card.left() + 4, card.top() + 4 * k, card.width() - 8, name_px * 1.3),
           Qt::AlignHCenter | Qt::AlignTop, (leads(n) ? QStringLiteral("\u2605 ") : QString()) + n.name, Tone::CardText,
           name_px, true, 9);
    if (k >= 0.45) {
      const double label_px = std::max(8.0, 13 * k);
      const QString label = n.label.isEmpty() ? n.role : n.label;
      c.text(QRectF(card.left() + 4, card.center().y() + 6 * k - label_px * 0.65, card.width() - 8, label_px * 1.3),
             Qt::AlignCenter, n.status == QLatin1String("up") ? label : label.toUpper(), Tone::CardText, label_px,
             n.status != QLatin1String("up"), 8);
    }
    if (drawing.summaries && k >= 0.6 && !n.summary.isEmpty()) {
      const double small_px = 10 * k;
      c.text(QRectF(card.left() + 4, card.bottom() - 4 - small_px * 1.3, card.width() - 8, small_px * 1.3),
             Qt::AlignHCenter | Qt::AlignBottom, n.summary, Tone::CardText, small_px);
    }
  }
  if (drawing.tokens) {
    for (const TokenItem& t : s.tokens) paint_token(c, t.messageClass, at(t.x, t.y), 14);
    for (const ArrivalItem& a : s.arrivals) paint_token(c, a.messageClass, at(a.x, a.y), 14 * (1 - 0.5 * a.age));
    for (const DropItem& d : s.drops) {
      const QPointF p = at(d.x, d.y);
      c.line(p + QPointF(-6, -6), p + QPointF(6, 6), Tone::Cut, 3);
      c.line(p + QPointF(-6, 6), p + QPointF(6, -6), Tone::Cut, 3);
    }
  }
  if (drawing.clock) {
    c.text(QRectF(0, 6, size.width() - 10, 20), Qt::AlignRight | Qt::AlignTop,
           QStringLiteral("%1 s").arg(static_cast<double>(s.time_us) / 1e6, 0, 'f', 3), Tone::Text, 12);
  }
  c.setOrigin(origin);
}

void paint_stage(QPainter& p, const StagePalette& palette, const StageSnapshot& s, const QSize& size) {
  p.fillRect(QRect(QPoint(0, 0), size), palette.background);
  FigureCanvas canvas(p, palette, FigureCanvas::Colours::Palette);
  StageDrawing drawing;
  drawing.type_scale = palette.type_scale;
  paint_stage(canvas, s, QRectF(QPointF(0, 0), QSizeF(size)), drawing);
}

void paint_stage(QPainter& p, const StageSnapshot& s, const QSize& size) { paint_stage(p, stage_palette(), s, size); }

bool export_painting(const QString& path, const QSize& size, const QString& title,
                     const std::function<void(QPainter&, const QSize&)>& paint, QString* error) {
  if (path.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive)) {
    QSvgGenerator svg;
    svg.setFileName(path);
    svg.setSize(size);
    svg.setViewBox(QRect(QPoint(0, 0), size));
    svg.setTitle(title);
    svg.setDescription(QStringLiteral("Exported from ClusterScope"));
    QPainter p;
    if (!p.begin(&svg)) {
      if (error) *error = QObject::tr("Cannot write %1.").arg(path);
      return false;
    }
    paint(p, size);
    p.end();
    return true;
  }
  QImage image(size, QImage::Format_ARGB32_Premultiplied);
  image.fill(Qt::white);
  QPainter p(&image);
  paint(p, size);
  p.end();
  if (!image.save(path, "PNG")) {
    if (error) *error = QObject::tr("Cannot write %1.").arg(path);
    return false;
  }
  return true;
}

}  // namespace cs::ui
