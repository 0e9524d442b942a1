#pragma once
// The two sharding views, one painted item fed by the model's view data (`kind` picks which):
// - RingLayer: the consistent-hashing ring, virtual nodes as ticks coloured by owner, a sample of
//   keys as dots inside the ring (a key being moved drawn as a ring), and chunk migrations.
// - HeatmapLayer: one cell per shard, its load as a shade and a number, hot shards marked "HOT".
// Owners are told apart by colour and by name labels; load by shade and by number.
#include <QtQml/qqmlregistration.h>
#include <QQuickPaintedItem>

#include "stage/stage_scene.h"

namespace cs::ui {

class ShardLayer : public QQuickPaintedItem {
  Q_OBJECT
  QML_ELEMENT
  Q_PROPERTY(cs::ui::StageScene* scene READ scene WRITE setScene NOTIFY sceneChanged)
  Q_PROPERTY(QString kind READ kind WRITE setKind NOTIFY kindChanged)  // "ring" or "heatmap"

 public:
  explicit ShardLayer(QQuickItem* parent = nullptr);
  StageScene* scene() const { return scene_; }
  void setScene(StageScene* scene);
  const QString& kind() const { return kind_; }
  void setKind(const QString& kind);
  void paint(QPainter* painter) override;
  int paintCount() const { return paints_; }  // for tests: not painted while hidden

 protected:
  void itemChange(ItemChange change, const ItemChangeData& value) override;

 signals:
  void sceneChanged();
  void kindChanged();

 private:
  void paintRing(QPainter* painter);
  void paintHeatmap(QPainter* painter);

  StageScene* scene_ = nullptr;
  QString kind_ = QStringLiteral("ring");
  QMetaObject::Connection connection_;
  int paints_ = 0;
};

}  // namespace cs::ui
