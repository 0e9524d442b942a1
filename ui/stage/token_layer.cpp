#include "stage/token_layer.h"

#include <QImage>
#include <QPainter>
#include <QQuickWindow>
#include <QSGImageNode>
#include <QSGTexture>
#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <vector>

#include "stage/stage_scene.h"
#include "theme/palette.h"

namespace cs::ui {

namespace {

enum class Sprite : quint8 { Circle, Diamond, Square, Cross };

constexpr double kSpritePx = 20;    // a sprite's logical size; tokens are 14-16 px, a cross 12 px
constexpr int kCrossOpacities = 8;  // a fading cross or arrival uses one of this many textures

Sprite sprite_of(const QString& message_class) {
  if (message_class == QLatin1String("heartbeat")) return Sprite::Circle;
  if (message_class == QLatin1String("ack")) return Sprite::Diamond;
  return Sprite::Square;
}

QImage draw_sprite(Sprite sprite, QColor color, double dpr) {
  const int side = static_cast<int>(std::ceil(kSpritePx * dpr));
  QImage image(side, side, QImage::Format_ARGB32_Premultiplied);
  image.setDevicePixelRatio(dpr);
  image.fill(Qt::transparent);
  QPainter p(&image);
  p.setRenderHint(QPainter::Antialiasing);
  const QPointF c(kSpritePx / 2, kSpritePx / 2);
  if (sprite == Sprite::Cross) {
    p.setPen(QPen(color, 3, Qt::SolidLine, Qt::RoundCap));
    p.drawLine(c + QPointF(-6, -6), c + QPointF(6, 6));
    p.drawLine(c + QPointF(-6, 6), c + QPointF(6, -6));
    return image;
  }
  p.setPen(QPen(color.darker(150), 1));
  p.setBrush(color);
  switch (sprite) {
    case Sprite::Circle: p.drawEllipse(c, 7, 7); break;
    case Sprite::Diamond:
      p.drawPolygon(QPolygonF({c + QPointF(0, -8), c + QPointF(8, 0), c + QPointF(0, 8), c + QPointF(-8, 0)}));
      break;
    default: p.drawRoundedRect(QRectF(c - QPointF(7, 7), QSizeF(14, 14)), 3, 3); break;
  }
  return image;
}

// The layer's node: owns the textures its image nodes share (made on the render thread, freed
// there when the scene graph deletes this node).
class TokenRoot final : public QSGNode {
 public:
  ~TokenRoot() override {
    for (auto& [key, texture] : textures) delete texture;
  }
  QSGTexture* texture(QQuickWindow* window, Sprite sprite, QColor color) {
    const quint64 key = (static_cast<quint64>(sprite) << 32) | color.rgba();
    auto it = textures.find(key);
    if (it == textures.end()) {
      const double dpr = window->effectiveDevicePixelRatio();
      it = textures.emplace(key, window->createTextureFromImage(draw_sprite(sprite, color, dpr))).first;
    }
    return it->second;
  }
  std::unordered_map<quint64, QSGTexture*> textures;
  double dpr = 0;
};

}  // namespace

TokenLayer::TokenLayer(QQuickItem* parent) : QQuickItem(parent) { setFlag(ItemHasContents, true); }

void TokenLayer::setScene(StageScene* scene) {
  if (scene == scene_) return;
  disconnect(connection_);
  scene_ = scene;
  if (scene_) connection_ = connect(scene_, &StageScene::updated, this, [this] { update(); });
  emit sceneChanged();
  update();
}

QSGNode* TokenLayer::updatePaintNode(QSGNode* old, UpdatePaintNodeData*) {
  auto* root = static_cast<TokenRoot*>(old);
  if (!root) root = new TokenRoot;
  QQuickWindow* w = window();
  if (!w) return root;
  // A new screen density makes every texture anew.
  if (root->dpr != w->effectiveDevicePixelRatio()) {
    root->removeAllChildNodes();
    for (auto& [key, texture] : root->textures) delete texture;
    root->textures.clear();
    root->dpr = w->effectiveDevicePixelRatio();
  }
  struct Placed {
    QSGTexture* texture;
    QPointF centre;
  };
  std::vector<Placed> placed;
  if (scene_ && isVisible()) {
    const StageGeometry& g = scene_->geometry();
    const QColor cross = stage_palette().cut_link;
    for (const DropItem& d : scene_->snapshot().drops) {
      QColor c = cross;
      // Fading out: the opacity in a few steps, each its own texture.
      const double opacity = std::clamp(1.0 - d.age, 0.15, 1.0);
      c.setAlphaF(static_cast<float>(std::ceil(opacity * kCrossOpacities) / kCrossOpacities));
      if (QSGTexture* t = root->texture(w, Sprite::Cross, c)) placed.push_back({t, g.to_pixels(d.x, d.y)});
    }
    for (const ArrivalItem& a : scene_->snapshot().arrivals) {
      QColor c = a.color;
      const double opacity = std::clamp(1.0 - a.age, 0.15, 1.0);
      c.setAlphaF(static_cast<float>(std::ceil(opacity * kCrossOpacities) / kCrossOpacities));
      if (QSGTexture* t = root->texture(w, sprite_of(a.messageClass), c)) placed.push_back({t, g.to_pixels(a.x, a.y)});
    }
    for (const TokenItem& t : scene_->tokens()->items()) {
      if (QSGTexture* tex = root->texture(w, sprite_of(t.messageClass), t.color)) {
        placed.push_back({tex, g.to_pixels(t.x, t.y)});
      }
    }
  }
  // Reuse the image nodes there are; add or remove only the difference.
  int count = root->childCount();
  while (count > static_cast<int>(placed.size())) {
    QSGNode* last = root->lastChild();
    root->removeChildNode(last);
    delete last;
    --count;
  }
  QSGNode* child = root->firstChild();
  for (const Placed& p : placed) {
    const QRectF rect(p.centre - QPointF(kSpritePx / 2, kSpritePx / 2), QSizeF(kSpritePx, kSpritePx));
    if (child) {
      auto* image = static_cast<QSGImageNode*>(child);
      child = child->nextSibling();
      if (image->texture() != p.texture) image->setTexture(p.texture);
      if (image->rect() != rect) image->setRect(rect);
      continue;
    }
    // A new node is complete before it joins the tree: the renderer looks at it on arrival.
    QSGImageNode* image = w->createImageNode();
    image->setOwnsTexture(false);
    image->setFiltering(QSGTexture::Linear);
    image->setTexture(p.texture);
    image->setRect(rect);
    root->appendChildNode(image);
  }
  return root;
}

}  // namespace cs::ui
