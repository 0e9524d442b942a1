#include "stage/stage_view.h"

#include <QContextMenuEvent>
#include <QQmlEngine>
#include <QQuickItem>

#include "stage/stage_controller.h"

namespace cs::ui {

StageView::StageView(StageController* controller, QWidget* parent) : QQuickWidget(parent), controller_(controller) {
  setObjectName("stage");
  setAccessibleName(tr("Cluster stage"));
  setFocusPolicy(Qt::StrongFocus);
  setResizeMode(QQuickWidget::SizeRootObjectToView);
  setMinimumSize(420, 280);
  engine()->addImportPath(QStringLiteral("qrc:/qt/qml"));
  setSource(QUrl(QStringLiteral("qrc:/qt/qml/ClusterScope/qml/Stage.qml")));
  if (rootObject()) {
    rootObject()->setProperty("controller", QVariant::fromValue(controller_));
  } else {
    for (const auto& e : errors()) qWarning("%s", qPrintable(e.toString()));
  }
}

void StageView::contextMenuEvent(QContextMenuEvent* event) {
  const QPointF p = event->pos();
  controller_->selection()->clickAt(p.x() / std::max(1, width()), p.y() / std::max(1, height()), width(), height(),
                                    false, true);
  event->accept();
}

}  // namespace cs::ui
