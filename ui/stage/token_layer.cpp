#include "stage/token_layer.h"

#include <QPainter>

#include "stage/stage_scene.h"
#include "theme/palette.h"

namespace cs::ui {

TokenLayer::TokenLayer(QQuickItem* parent) : QQuickPaintedItem(parent) { setAntialiasing(true); }

void TokenLayer::setScene(StageScene* scene) {
  if (scene == scene_) return;
  disconnect(connection_);
  scene_ = scene;
  if (scene_) connection_ = connect(scene_, &StageScene::updated, this, [this] { update(); });
  emit sceneChanged();
  update();
}

void TokenLayer::paint(QPainter* p) {
  if (!scene_) return;
  const double w = width();
  const double h = height();
  p->setRenderHint(QPainter::Antialiasing);
  // Recent drops: a cross where the message was lost, fading out.
  const QColor cross = stage_palette().cut_link;
  for (const DropItem& d : scene_->snapshot().drops) {
    QColor c = cross;
    c.setAlphaF(static_cast<float>(std::clamp(1.0 - d.age, 0.15, 1.0)));
    p->setPen(QPen(c, 3, Qt::SolidLine, Qt::RoundCap));
    const QPointF at(d.x * w, d.y * h);
    p->drawLine(at + QPointF(-6, -6), at + QPointF(6, 6));
    p->drawLine(at + QPointF(-6, 6), at + QPointF(6, -6));
  }
  for (const TokenItem& t : scene_->tokens()->items()) {
    const QPointF c(t.x * w, t.y * h);
    p->setPen(QPen(t.color.darker(150), 1));
    p->setBrush(t.color);
    if (t.messageClass == QLatin1String("heartbeat")) {
      p->drawEllipse(c, 7, 7);
    } else if (t.messageClass == QLatin1String("ack")) {
      p->drawPolygon(QPolygonF({c + QPointF(0, -8), c + QPointF(8, 0), c + QPointF(0, 8), c + QPointF(-8, 0)}));
    } else {
      p->drawRoundedRect(QRectF(c - QPointF(7, 7), QSizeF(14, 14)), 3, 3);
    }
  }
}

}  // namespace cs::ui
