#include "export/image_export.h"

#include <QImage>
#include <QPainter>
#include <QSvgGenerator>
#include <algorithm>

#include "stage/stage_geometry.h"
#include "theme/palette.h"

namespace cs::ui {

void paint_stage(QPainter& p, const StageSnapshot& s, const QSize& size) {
  const StagePalette& palette = stage_palette();
  p.setRenderHint(QPainter::Antialiasing);
  p.fillRect(QRect(QPoint(0, 0), size), palette.background);
  // The same fit of the layout to the picture's size as on the stage (no legend strip here).
  const StageGeometry g = fit_snapshot(s, size.width(), size.height(), 0, palette.type_scale);
  const auto at = [&](double x, double y) { return g.to_pixels(x, y); };
  for (const RegionItem& r : s.regions) {
    const QRectF area = region_area(g, s, r, palette.type_scale);
    if (area.isEmpty()) continue;
    p.setPen(QPen(palette.link.darker(130), 2, Qt::DashLine));
    p.setBrush(QColor(0xee, 0xf1, 0xf5));
    p.drawRoundedRect(area, 14, 14);
    p.setPen(palette.text);
    p.drawText(area.adjusted(10, 6, -10, -6), Qt::AlignTop | Qt::AlignLeft, r.name);
  }
  const QVector<int> hidden = links_under_cards(g, s.nodes, s.links);
  for (int i = 0; i < s.links.size(); ++i) {
    const LinkItem& l = s.links[i];
    if (hidden.contains(i)) continue;
    p.setPen(QPen(l.cut ? palette.cut_link : palette.link, l.cut ? 3 : 2, l.cut ? Qt::DashLine : Qt::SolidLine));
    p.drawLine(at(l.x1, l.y1), at(l.x2, l.y2));
  }
  QFont name_font = p.font();
  name_font.setPixelSize(18);
  name_font.setBold(true);
  QFont small = p.font();
  small.setPixelSize(12);
  for (const NodeItem& n : s.nodes) {
    const QRectF card = g.card_rect(n);
    p.setPen(QPen(n.color.darker(160), 2));
    p.setBrush(n.color);
    p.drawRoundedRect(card, 10, 10);
    p.setPen(palette.text);
    // Type as large as the card is (it shrinks on a crowded picture), as on the stage.
    const double size_scale = card.height() / StageGeometry::kCardHeightPx;
    name_font.setPixelSize(std::max(7, static_cast<int>(18 * size_scale)));
    small.setPixelSize(std::max(6, static_cast<int>(12 * size_scale)));
    p.setFont(name_font);
    const bool leads = n.role == QLatin1String("leader") || n.role == QLatin1String("primary");
    p.drawText(QRectF(card.left(), card.top() + card.height() * 0.05, card.width(), card.height() * 0.37),
               Qt::AlignCenter, (leads ? QStringLiteral("\u2605 ") : QString()) + n.name);
    p.setFont(small);
    p.drawText(QRectF(card.left(), card.top() + card.height() * 0.4, card.width(), card.height() * 0.33),
               Qt::AlignCenter, n.status == QLatin1String("up") ? n.role : n.status.toUpper());
    p.drawText(QRectF(card.left() + 4, card.top() + card.height() * 0.7, card.width() - 8, card.height() * 0.28),
               Qt::AlignCenter,
               p.fontMetrics().elidedText(n.summary, Qt::ElideRight, static_cast<int>(card.width() - 8)));
  }
  for (const TokenItem& t : s.tokens) {
    p.setPen(QPen(t.color.darker(150), 1));
    p.setBrush(t.color);
    const QPointF c = at(t.x, t.y);
    if (t.messageClass == QLatin1String("heartbeat")) {
      p.drawEllipse(c, 7, 7);
    } else if (t.messageClass == QLatin1String("ack")) {
      p.drawPolygon(QPolygonF({c + QPointF(0, -8), c + QPointF(8, 0), c + QPointF(0, 8), c + QPointF(-8, 0)}));
    } else {
      p.drawRoundedRect(QRectF(c - QPointF(7, 7), QSizeF(14, 14)), 3, 3);
    }
  }
  for (const DropItem& d : s.drops) {
    p.setPen(QPen(palette.cut_link, 3));
    const QPointF c = at(d.x, d.y);
    p.drawLine(c + QPointF(-6, -6), c + QPointF(6, 6));
    p.drawLine(c + QPointF(-6, 6), c + QPointF(6, -6));
  }
  small.setPixelSize(12);
  p.setFont(small);
  p.setPen(palette.text);
  p.drawText(QRectF(0, 6, size.width() - 10, 20), Qt::AlignRight,
             QStringLiteral("%1 s").arg(static_cast<double>(s.time_us) / 1e6, 0, 'f', 3));
}

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
