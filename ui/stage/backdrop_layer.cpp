#include "stage/backdrop_layer.h"

#include <QPainter>
#include <QtMath>

#include "stage/stage_scene.h"

namespace cs::ui {

namespace {
constexpr double kCutGapPx = 10;  // half the gap a cut link shows in its middle
}  // namespace

BackdropLayer::BackdropLayer(QQuickItem* parent) : QQuickPaintedItem(parent) {
  setOpaquePainting(true);  // a plain copy each frame, no blending
  setAntialiasing(true);
}

void BackdropLayer::setScene(StageScene* scene) {
  if (scene == scene_) return;
  for (const auto& c : connections_) disconnect(c);
  connections_.clear();
  scene_ = scene;
  if (scene_) {
    const auto repaint = [this] { update(); };
    connections_ << connect(scene_, &StageScene::geometryChanged, this, repaint)
                 << connect(scene_, &StageScene::regionsChanged, this, repaint)
                 << connect(scene_, &StageScene::viewKindChanged, this, repaint)
                 << connect(scene_->links(), &QAbstractItemModel::modelReset, this, repaint)
                 << connect(scene_->links(), &QAbstractItemModel::dataChanged, this, repaint);
  }
  emit sceneChanged();
  update();
}

void BackdropLayer::setBackground(const QColor& color) {
  if (color == background_) return;
  background_ = color;
  emit backgroundChanged();
  update();
}

void BackdropLayer::setTypeScale(double scale) {
  if (scale == type_scale_) return;
  type_scale_ = scale;
  emit typeScaleChanged();
  update();
}

void BackdropLayer::setShowCluster(bool show) {
  if (show == show_cluster_) return;
  show_cluster_ = show;
  emit showClusterChanged();
  update();
}

void BackdropLayer::paint(QPainter* p) {
  ++paints_;
  p->fillRect(QRectF(0, 0, width(), height()), background_);
  if (!scene_ || !show_cluster_) return;
  p->setRenderHint(QPainter::Antialiasing);
  // Regions: a labelled area around their nodes' cards (already in pixels).
  QFont label = p->font();
  label.setPixelSize(static_cast<int>(13 * type_scale_));
  label.setBold(true);
  p->setFont(label);
  for (const QVariant& v : scene_->regions()) {
    const QVariantMap r = v.toMap();
    const QRectF area(r["x"].toDouble(), r["y"].toDouble(), r["width"].toDouble(), r["height"].toDouble());
    p->setPen(QPen(r["border"].value<QColor>(), 2));
    p->setBrush(r["fill"].value<QColor>());
    p->drawRoundedRect(area, 14, 14);
    p->setPen(r["textColor"].value<QColor>());
    p->drawText(area.adjusted(8, 3, -8, -3), Qt::AlignTop | Qt::AlignLeft, r["name"].toString());
  }
  // Links: a line between the two nodes; a cut one in its cut colour, with a gap in the middle.
  const StageGeometry& g = scene_->geometry();
  for (const LinkItem& l : scene_->links()->items()) {
    const QPointF a = g.to_pixels(l.x1, l.y1);
    const QPointF b = g.to_pixels(l.x2, l.y2);
    p->setPen(QPen(l.color, l.width, Qt::SolidLine, Qt::FlatCap));
    if (!l.cut) {
      p->drawLine(a, b);
      continue;
    }
    const QPointF d = b - a;
    const double length = std::hypot(d.x(), d.y());
    if (length <= 2 * kCutGapPx) continue;
    const QPointF unit = d / length;
    const QPointF mid = (a + b) / 2;
    p->drawLine(a, mid - unit * kCutGapPx);
    p->drawLine(mid + unit * kCutGapPx, b);
  }
}

}  // namespace cs::ui
