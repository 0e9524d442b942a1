#pragma once
// All message tokens drawn by one item. A thousand tokens as a thousand QML delegates would be
// created and destroyed as messages come and go, many per frame; one painted layer keeps a big
// cluster smooth. Shapes and colours are the ones the legend shows.
#include <QtQml/qqmlregistration.h>
#include <QQuickPaintedItem>

namespace cs::ui {

class StageController;

class TokenLayer : public QQuickPaintedItem {
  Q_OBJECT
  QML_ELEMENT
  Q_PROPERTY(cs::ui::StageController* controller READ controller WRITE setController NOTIFY controllerChanged)

 public:
  explicit TokenLayer(QQuickItem* parent = nullptr);
  StageController* controller() const { return controller_; }
  void setController(StageController* controller);
  void paint(QPainter* painter) override;

 signals:
  void controllerChanged();

 private:
  StageController* controller_ = nullptr;
  QMetaObject::Connection connection_;
};

}  // namespace cs::ui
