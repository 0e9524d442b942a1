#include "stage/token_layer.h"

#include <QImage>
#include <QPainter>
#include <QQuickWindow>
#include <QSGImageNode>
#include <QSGRenderNode>
#include <QSGRendererInterface>
#include <QSGTexture>
#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <utility>
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

quint64 sprite_key(Sprite sprite, QColor color) { return (static_cast<quint64>(sprite) << 32) | color.rgba(); }

// With a GPU: the layer's node owns the textures its image nodes share (made on the render
// thread, freed there when the scene graph deletes this node). The GPU draws a thousand small
// quads in one batch.
class TokenRoot final : public QSGNode {
 public:
  ~TokenRoot() override {
    for (auto& [key, texture] : textures) delete texture;
  }
  QSGTexture* texture(QQuickWindow* window, Sprite sprite, QColor color) {
    const quint64 key = sprite_key(sprite, color);
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

// Without a GPU (Qt Quick's software renderer): one node that paints every sprite itself. The
// software renderer repaints only what changed, but it tracks that per node: a thousand moving
// image nodes made it merge a thousand rectangles into a dirty region every frame, which cost far
// more than painting (230 ms a frame at 100 nodes and 1,000 messages; even 50 messages cost 6 ms).
// While any sprite shows, the node claims the whole layer, so that the frame's dirty region is one
// rectangle. It was the box around the sprites, but the clock ticking in the corner made the region
// two rectangles, and a clip of more than one rectangle takes Qt's raster engine off its fast
// paths: every image under it (the backdrop, then the finished frame into the window) was blended
// span by span, handed to a thread pool. Repainting the whole stage as one rectangle measured
// faster (two 16-node stages: p50 1.55 -> 1.3 ms); so did it for real scenarios. (Splitting the
// sprites into tiles, or caching the cards in layers, measured slower.)
class TokenPainterNode final : public QSGRenderNode {
 public:
  struct Placed {
    const QImage* image;
    QPointF top_left;
    bool operator==(const Placed&) const = default;
  };

  const QImage* image(Sprite sprite, QColor color) {
    const quint64 key = sprite_key(sprite, color);
    auto it = images.find(key);
    if (it == images.end()) it = images.emplace(key, draw_sprite(sprite, color, dpr)).first;
    return &it->second;
  }

  void render(const RenderState* state) override {
    auto* painter =
        static_cast<QPainter*>(window->rendererInterface()->getResource(window, QSGRendererInterface::PainterResource));
    if (!painter) return;
    const QRegion* clip = state->clipRegion();
    if (clip && !clip->isEmpty()) painter->setClipRegion(*clip, Qt::ReplaceClip);  // before the transform
    painter->setTransform(matrix()->toTransform());
    painter->setOpacity(inheritedOpacity());
    for (const Placed& p : placed) painter->drawImage(p.top_left, *p.image);
  }
  StateFlags changedStates() const override { return {}; }
  RenderingFlags flags() const override { return BoundedRectRendering; }
  QRectF rect() const override { return bounds; }

  QQuickWindow* window = nullptr;
  QRectF bounds{0, 0, 1, 1};
  std::vector<Placed> placed;
  std::unordered_map<quint64, QImage> images;  // one per shape and colour
  double dpr = 0;
};

// Every sprite the stage shows now, in drawing order: marks of dropped messages, arrivals, then
// the messages in flight.
template <typename Place>
void place_sprites(const StageScene& scene, const Place& place) {
  const StageGeometry& g = scene.geometry();
  const QColor cross = stage_palette().cut_link;
  for (const DropItem& d : scene.snapshot().drops) {
    QColor c = cross;
    // Fading out: the opacity in a few steps, each its own sprite.
    const double opacity = std::clamp(1.0 - d.age, 0.15, 1.0);
    c.setAlphaF(static_cast<float>(std::ceil(opacity * kCrossOpacities) / kCrossOpacities));
    place(Sprite::Cross, c, g.to_pixels(d.x, d.y));
  }
  for (const ArrivalItem& a : scene.snapshot().arrivals) {
    QColor c = a.color;
    const double opacity = std::clamp(1.0 - a.age, 0.15, 1.0);
    c.setAlphaF(static_cast<float>(std::ceil(opacity * kCrossOpacities) / kCrossOpacities));
    place(sprite_of(a.messageClass), c, g.to_pixels(a.x, a.y));
  }
  for (const TokenItem& t : scene.tokens()->items()) place(sprite_of(t.messageClass), t.color, g.to_pixels(t.x, t.y));
}

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
  QQuickWindow* w = window();
  if (!w) return old;
  const double dpr = w->effectiveDevicePixelRatio();
  const QPointF half(kSpritePx / 2, kSpritePx / 2);

  if (w->rendererInterface()->graphicsApi() == QSGRendererInterface::Software) {
    auto* node = static_cast<TokenPainterNode*>(old);
    if (!node) node = new TokenPainterNode;
    if (node->dpr != dpr) {  // a new screen density draws every sprite anew
      node->images.clear();
      node->dpr = dpr;
    }
    node->window = w;
    std::vector<TokenPainterNode::Placed> placed;
    placed.reserve(node->placed.size());
    if (scene_ && isVisible())
      place_sprites(*scene_, [&](Sprite sprite, QColor color, QPointF centre) {
        placed.push_back({node->image(sprite, color), centre - half});
      });
    if (placed == node->placed) return node;  // nothing moved: nothing to paint again
    node->placed = std::move(placed);
    // No sprite: a one-pixel box, so that a quiet stage repaints only what changes on it.
    node->bounds = node->placed.empty() ? QRectF(0, 0, 1, 1) : QRectF(0, 0, width(), height());
    node->markDirty(QSGNode::DirtyMaterial);
    return node;
  }

  auto* root = static_cast<TokenRoot*>(old);
  if (!root) root = new TokenRoot;
  // A new screen density makes every texture anew.
  if (root->dpr != dpr) {
    root->removeAllChildNodes();
    for (auto& [key, texture] : root->textures) delete texture;
    root->textures.clear();
    root->dpr = dpr;
  }
  struct Placed {
    QSGTexture* texture;
    QPointF centre;
  };
  std::vector<Placed> placed;
  if (scene_ && isVisible())
    place_sprites(*scene_, [&](Sprite sprite, QColor color, QPointF centre) {
      if (QSGTexture* t = root->texture(w, sprite, color)) placed.push_back({t, centre});
    });
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
    const QRectF rect(p.centre - half, QSizeF(kSpritePx, kSpritePx));
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
