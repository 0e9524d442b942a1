#include "stage/shard_layers.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QtMath>

#include "stage/shard_geometry.h"
#include "stage/stage_scene.h"
#include "theme/palette.h"

namespace cs::ui {

ShardLayer::ShardLayer(QQuickItem* parent) : QQuickPaintedItem(parent) { setAntialiasing(true); }

void ShardLayer::setKind(const QString& kind) {
  if (kind == kind_) return;
  kind_ = kind;
  emit kindChanged();
  update();
}

void ShardLayer::paint(QPainter* painter) {
  ++paints_;
  if (kind_ == QLatin1String("heatmap")) {
    paintHeatmap(painter);
  } else {
    paintRing(painter);
  }
}

void ShardLayer::setScene(StageScene* scene) {
  if (scene == scene_) return;
  disconnect(connection_);
  scene_ = scene;
  // Hidden while the stage shows the cluster: painting it anyway cost a full-stage paint a frame.
  if (scene_)
    connection_ = connect(scene_, &StageScene::updated, this, [this] {
      if (isVisible()) update();
    });
  emit sceneChanged();
  update();
}

void ShardLayer::itemChange(ItemChange change, const ItemChangeData& value) {
  if (change == ItemVisibleHasChanged && value.boolValue) update();  // catch up on what it missed
  QQuickPaintedItem::itemChange(change, value);
}

namespace {

QString node_name(StageScene& c, sim::EndpointId node) {
  const auto& items = c.nodes()->items();
  return node < static_cast<sim::EndpointId>(items.size()) ? items[static_cast<int>(node)].name : QString();
}

}  // namespace

void ShardLayer::paintRing(QPainter* p) {
  if (!scene_) return;
  const model::ModelViewData& data = scene_->viewData();
  const StagePalette& palette = stage_palette();
  p->setRenderHint(QPainter::Antialiasing);
  const RingGeometry ring = RingGeometry::for_stage(QSizeF(width(), height()));
  p->setPen(QPen(palette.link, 3));
  p->setBrush(Qt::NoBrush);
  p->drawEllipse(ring.centre, ring.radius, ring.radius);
  for (const auto& v : data.ring) {
    p->setPen(QPen(palette.node_colour(v.node), 3));
    p->drawLine(ring.at(v.position, -RingGeometry::kTickPx), ring.at(v.position, RingGeometry::kTickPx));
  }
  for (const auto& k : data.keys) {
    const QPointF at = ring.at(k.position, -RingGeometry::kKeyInsetPx);
    if (k.moving) {
      p->setPen(QPen(palette.text, 2));
      p->setBrush(Qt::NoBrush);
      p->drawEllipse(at, RingGeometry::kMovingKeyPx, RingGeometry::kMovingKeyPx);
    } else {
      p->setPen(Qt::NoPen);
      p->setBrush(palette.node_colour(k.node));
      p->drawEllipse(at, RingGeometry::kKeyDotPx, RingGeometry::kKeyDotPx);
    }
  }
  // Legend: which colour is which node, and how much it owns.
  QFont font = p->font();
  font.setPixelSize(13);
  p->setFont(font);
  std::map<sim::EndpointId, int> keys_per_node;
  for (const auto& k : data.keys) ++keys_per_node[k.node];
  QStringList owners;
  for (int i = 0; i < scene_->nodes()->rowCount(); ++i) {
    const auto node = static_cast<sim::EndpointId>(i);
    owners << tr("%1: %2 keys shown").arg(node_name(*scene_, node)).arg(keys_per_node[node]);
  }
  QStringList moves;
  for (const auto& m : data.migrations) {
    moves << tr("%1: %2 \u2192 %3, %4%")
                 .arg(QString::fromStdString(m.shard), node_name(*scene_, m.from), node_name(*scene_, m.to))
                 .arg(static_cast<int>(m.progress * 100));
  }
  // On the right, as far in as its longest line needs (a narrow stage once cut the lines off).
  const QFontMetricsF metrics(font);
  double widest = 0;
  for (const QString& line : owners) widest = std::max(widest, 20 + metrics.horizontalAdvance(line));
  for (const QString& line : moves) widest = std::max(widest, metrics.horizontalAdvance(line));
  const double x = std::max(0.0, std::min(width() * 0.80, width() - widest - 10));
  double y = 44;  // below the clock in the corner
  for (int i = 0; i < owners.size(); ++i) {
    p->setPen(Qt::NoPen);
    p->setBrush(palette.node_colour(static_cast<sim::EndpointId>(i)));
    p->drawRect(QRectF(x, y, 14, 14));
    p->setPen(palette.text);
    p->drawText(QPointF(x + 20, y + 12), owners[i]);
    y += 20;
  }
  y += 10;
  for (const QString& line : moves) {
    p->drawText(QPointF(x, y + 12), line);
    y += 18;
  }
}

void ShardLayer::paintHeatmap(QPainter* p) {
  if (!scene_) return;
  const model::ModelViewData& data = scene_->viewData();
  const StagePalette& palette = stage_palette();
  p->setRenderHint(QPainter::Antialiasing);
  const int n = static_cast<int>(data.shards.size());
  if (n == 0) return;
  const double margin = 16;
  // Below the caption line at the top.
  const QVector<QRectF> cells = heatmap_cells(n, QRectF(0, 36, width(), height() - 40), margin);
  double max_load = 1e-9;
  for (const auto& s : data.shards) max_load = std::max(max_load, s.load);
  QFont big = p->font();
  big.setPixelSize(16);
  big.setBold(true);
  QFont small = p->font();
  small.setPixelSize(12);
  for (int i = 0; i < n; ++i) {
    const auto& s = data.shards[static_cast<std::size_t>(i)];
    const QRectF& cell = cells[i];
    const double share = s.load / max_load;
    const QColor fill = palette.heat(share);
    p->setPen(QPen(s.hot ? palette.cut_link : palette.link.darker(140), s.hot ? 5 : 2));
    p->setBrush(fill);
    p->drawRoundedRect(cell, 8, 8);
    const QColor ink = share > 0.55 ? QColor(Qt::white) : palette.card_text;  // light cells keep dark ink
    p->setPen(ink);
    p->setFont(big);
    p->drawText(cell.adjusted(8, 6, -8, 0), Qt::AlignTop | Qt::AlignLeft,
                QString::fromStdString(s.name) + (s.hot ? tr("  HOT") : QString()));
    p->setFont(small);
    p->drawText(cell.adjusted(8, 0, -8, -8), Qt::AlignBottom | Qt::AlignLeft,
                tr("on %1\n%2 keys\n%3 ops/s").arg(node_name(*scene_, s.node)).arg(s.keys).arg(s.load, 0, 'f', 1));
  }
  p->setPen(palette.text);
  p->setFont(small);
  p->drawText(QRectF(margin, 8, width() - 2 * margin, 22), Qt::AlignLeft,
              tr("Load per shard: darker is busier; a thick orange frame and HOT mark a hot shard."));
}

}  // namespace cs::ui
