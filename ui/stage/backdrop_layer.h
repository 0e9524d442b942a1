#pragma once
// What lies behind the nodes: the stage's background, the regions (data centres) with their names,
// and the network links, cut ones with a gap. They change rarely (a partition, a resize, another
// scenario) while messages move every frame, so they are painted once into one opaque image and
// only repainted when they change: a frame then copies the image instead of drawing dozens of
// rotated, antialiased lines, which in the software renderer cost more than everything else.
#include <QtQml/qqmlregistration.h>
#include <QQuickPaintedItem>

#include "stage/stage_scene.h"

namespace cs::ui {

class BackdropLayer : public QQuickPaintedItem {
  Q_OBJECT
  QML_ELEMENT
  Q_PROPERTY(cs::ui::StageScene* scene READ scene WRITE setScene NOTIFY sceneChanged)
  Q_PROPERTY(QColor background READ background WRITE setBackground NOTIFY backgroundChanged)
  Q_PROPERTY(double typeScale READ typeScale WRITE setTypeScale NOTIFY typeScaleChanged)
  // Off for views that draw their own picture (rings, heat maps): only the background then.
  Q_PROPERTY(bool showCluster READ showCluster WRITE setShowCluster NOTIFY showClusterChanged)

 public:
  explicit BackdropLayer(QQuickItem* parent = nullptr);
  StageScene* scene() const { return scene_; }
  void setScene(StageScene* scene);
  QColor background() const { return background_; }
  void setBackground(const QColor& color);
  double typeScale() const { return type_scale_; }
  void setTypeScale(double scale);
  bool showCluster() const { return show_cluster_; }
  void setShowCluster(bool show);
  void paint(QPainter* painter) override;

  int paintCount() const { return paints_; }  // for tests: it repaints only on change

 signals:
  void sceneChanged();
  void backgroundChanged();
  void typeScaleChanged();
  void showClusterChanged();

 private:
  StageScene* scene_ = nullptr;
  QList<QMetaObject::Connection> connections_;
  QColor background_{0xF7, 0xF8, 0xFA};
  double type_scale_ = 1;
  bool show_cluster_ = true;
  int paints_ = 0;
};

}  // namespace cs::ui
