#pragma once
// The interface's SVG icons (resources/icons/ui), drawn in a colour taken from the palette so that
// they stay visible in light, dark and projector schemes. Every icon sits beside a text label:
// an icon alone would not say what a button does.
#include <QColor>
#include <QIcon>
#include <QString>

namespace cs::ui {

// `name` is the file name without ".svg"; an unknown name gives a null icon.
QIcon themed_icon(const QString& name, const QColor& colour);

}  // namespace cs::ui
