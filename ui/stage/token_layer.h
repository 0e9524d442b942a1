#pragma once
// All message tokens (and the marks of recently dropped messages) drawn by one item. A thousand
// tokens as a thousand QML delegates would be created and destroyed as messages come and go, many
// per frame; and one painted layer the size of the stage costs a full-stage blend every frame.
// Instead, with a GPU, each token is a small image node in the scene graph, reused from frame to
// frame, with one texture per shape and colour made once: a frame only moves rectangles. With
// Qt Quick's software renderer, one node paints every token (see TokenPainterNode for why).
// Shapes and colours are the ones the legend shows.
#include <QtQml/qqmlregistration.h>
#include <QQuickItem>

namespace cs::ui {

class StageScene;

class TokenLayer : public QQuickItem {
  Q_OBJECT
  QML_ELEMENT
  Q_PROPERTY(cs::ui::StageScene* scene READ scene WRITE setScene NOTIFY sceneChanged)

 public:
  explicit TokenLayer(QQuickItem* parent = nullptr);
  StageScene* scene() const { return scene_; }
  void setScene(StageScene* scene);

 signals:
  void sceneChanged();

 protected:
  QSGNode* updatePaintNode(QSGNode* old, UpdatePaintNodeData* data) override;

 private:
  StageScene* scene_ = nullptr;
  QMetaObject::Connection connection_;
};

}  // namespace cs::ui
