#pragma once
// All message tokens drawn by one item. A thousand tokens as a thousand QML delegates would be
// created and destroyed as messages come and go, many per frame; one painted layer keeps a big
// cluster smooth. Shapes and colours are the ones the legend shows.
#include <QtQml/qqmlregistration.h>
#include <QQuickPaintedItem>

namespace cs::ui {

class StageScene;

class TokenLayer : public QQuickPaintedItem {
  Q_OBJECT
  QML_ELEMENT
  Q_PROPERTY(cs::ui::StageScene* scene READ scene WRITE setScene NOTIFY sceneChanged)

 public:
  explicit TokenLayer(QQuickItem* parent = nullptr);
  StageScene* scene() const { return scene_; }
  void setScene(StageScene* scene);
  void paint(QPainter* painter) override;

 signals:
  void sceneChanged();

 private:
  StageScene* scene_ = nullptr;
  QMetaObject::Connection connection_;
};

}  // namespace cs::ui
