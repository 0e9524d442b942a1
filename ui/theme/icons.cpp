#include "theme/icons.h"

#include <QFile>
#include <QPainter>
#include <QPixmap>
#include <QSvgRenderer>

namespace cs::ui {

QIcon themed_icon(const QString& name, const QColor& colour) {
  QFile file(QStringLiteral(":/icons/ui/%1.svg").arg(name));
  if (!file.open(QIODevice::ReadOnly)) return {};
  // The files draw in currentColor; the palette decides what that is.
  QByteArray svg = file.readAll();
  svg.replace("currentColor", colour.name().toLatin1());
  QSvgRenderer renderer(svg);
  if (!renderer.isValid()) return {};
  QIcon icon;
  for (const int px : {16, 24, 32, 48}) {  // crisp at every scale, including projector zoom
    QPixmap pixmap(px, px);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    renderer.render(&painter);
    painter.end();
    icon.addPixmap(pixmap);
  }
  return icon;
}

}  // namespace cs::ui
