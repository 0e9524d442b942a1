#include "theme/appearance.h"

#include <QApplication>
#include <QFont>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>
#include <algorithm>

#include "theme/palette.h"

namespace cs::ui {

namespace {
const char* const kAppearanceKey = "view/appearance";
constexpr double kDesktopDefaultPointSize = 10.0;

QPalette light_widget_palette() {
  QPalette p = QStyleFactory::create(QStringLiteral("Fusion"))->standardPalette();
  p.setColor(QPalette::Link, QColor(0x00, 0x60, 0xA8));
  return p;
}

QPalette dark_widget_palette() {
  QPalette p;
  const QColor window(0x24, 0x28, 0x2E), base(0x1B, 0x1F, 0x24), text(0xE8, 0xEA, 0xED);
  const QColor disabled(0x8A, 0x93, 0x9E);
  p.setColor(QPalette::Window, window);
  p.setColor(QPalette::WindowText, text);
  p.setColor(QPalette::Base, base);
  p.setColor(QPalette::AlternateBase, window);
  p.setColor(QPalette::ToolTipBase, base);
  p.setColor(QPalette::ToolTipText, text);
  p.setColor(QPalette::PlaceholderText, disabled);
  p.setColor(QPalette::Text, text);
  p.setColor(QPalette::Button, window);
  p.setColor(QPalette::ButtonText, text);
  p.setColor(QPalette::BrightText, QColor(0xFF, 0x9A, 0x4D));
  p.setColor(QPalette::Light, QColor(0x3A, 0x40, 0x48));
  p.setColor(QPalette::Midlight, QColor(0x30, 0x36, 0x3D));
  p.setColor(QPalette::Mid, QColor(0x2A, 0x2F, 0x36));
  p.setColor(QPalette::Dark, QColor(0x14, 0x17, 0x1B));
  p.setColor(QPalette::Shadow, Qt::black);
  p.setColor(QPalette::Highlight, QColor(0x56, 0xB4, 0xE9));
  p.setColor(QPalette::HighlightedText, Qt::black);
  p.setColor(QPalette::Link, QColor(0x8A, 0xC4, 0xF5));
  p.setColor(QPalette::LinkVisited, QColor(0xC9, 0xA8, 0xF0));
  for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText}) {
    p.setColor(QPalette::Disabled, role, disabled);
  }
  return p;
}
}  // namespace

Appearance saved_appearance() {
  const QString v = QSettings().value(kAppearanceKey).toString();
  if (v == QLatin1String("light")) return Appearance::Light;
  if (v == QLatin1String("dark")) return Appearance::Dark;
  return Appearance::System;
}

void save_appearance(Appearance appearance) {
  QSettings().setValue(kAppearanceKey, appearance == Appearance::Light  ? QStringLiteral("light")
                                       : appearance == Appearance::Dark ? QStringLiteral("dark")
                                                                        : QStringLiteral("system"));
}

bool is_dark(const QPalette& palette) {
  return palette.color(QPalette::Window).lightness() < palette.color(QPalette::WindowText).lightness();
}

const QPalette& system_palette() {
  static const QPalette original = QApplication::palette();
  return original;
}

bool apply_appearance(Appearance appearance, bool projector) {
  const QPalette& system = system_palette();  // captured before the first change
  const bool dark =
      !projector && (appearance == Appearance::Dark || (appearance == Appearance::System && is_dark(system)));
  if (appearance == Appearance::System && dark == is_dark(system)) {
    QApplication::setPalette(system);
  } else {
    // Fusion draws every control from the palette, so a chosen scheme looks whole on any desktop.
    QApplication::setStyle(QStringLiteral("Fusion"));
    QApplication::setPalette(dark ? dark_widget_palette() : light_widget_palette());
  }
  use_dark_palette(dark);
  use_font_scale(system_font_scale());
  return dark;
}

double system_font_scale() {
  const double pt = QApplication::font().pointSizeF();
  // Larger system fonts enlarge the stage's labels; smaller ones do not shrink them below their
  // designed size, which is already the smallest comfortable one.
  return pt > 0 ? std::max(1.0, pt / kDesktopDefaultPointSize) : 1.0;
}

}  // namespace cs::ui
