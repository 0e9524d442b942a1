#pragma once
// The stage's look for QML: the palette in use (light, dark, projector) and the type scale, with
// one signal when any of it changes. QML binds to these; the palette itself is in palette.h.
#include <QtQml/qqmlregistration.h>
#include <QColor>
#include <QObject>

namespace cs::ui {

class StageTheme : public QObject {
  Q_OBJECT
  QML_ELEMENT
  QML_UNCREATABLE("Created by the application")
  Q_PROPERTY(bool projector READ projector NOTIFY paletteChanged)
  Q_PROPERTY(double typeScale READ typeScale NOTIFY paletteChanged)
  Q_PROPERTY(double lineWidth READ lineWidth NOTIFY paletteChanged)
  Q_PROPERTY(QColor linkColor READ linkColor NOTIFY paletteChanged)
  Q_PROPERTY(QColor cutColor READ cutColor NOTIFY paletteChanged)
  Q_PROPERTY(QColor textColor READ textColor NOTIFY paletteChanged)
  Q_PROPERTY(QColor backgroundColor READ backgroundColor NOTIFY paletteChanged)

 public:
  explicit StageTheme(QObject* parent = nullptr) : QObject(parent) {}

  bool projector() const;
  double typeScale() const;
  double lineWidth() const;
  QColor linkColor() const;
  QColor cutColor() const;
  QColor textColor() const;
  QColor backgroundColor() const;

  // Projector mode: a palette and type scale for projected light.
  void setProjector(bool on);
  // The palette changed (projector, dark or light, font size): redraw everything in it.
  void paletteUpdated() { emit paletteChanged(); }

 signals:
  void paletteChanged();
};

}  // namespace cs::ui
