#include "stage/stage_view.h"

#include <QContextMenuEvent>
#include <QHelpEvent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QToolTip>

#include "stage/stage_controller.h"

namespace cs::ui {

StageView::StageView(StageController* controller, QWidget* parent) : QQuickWidget(parent), controller_(controller) {
  engine()->addImportPath(QStringLiteral("qrc:/qt/qml"));
  setUp();
}

StageView::StageView(StageController* controller, QQmlEngine* shared_engine, QWidget* parent)
    : QQuickWidget(shared_engine, parent), controller_(controller) {
  setUp();
}

void StageView::setUp() {
  setObjectName("stage");
  setAccessibleName(tr("Cluster stage"));
  setFocusPolicy(Qt::StrongFocus);
  setResizeMode(QQuickWidget::SizeRootObjectToView);
  setMinimumSize(320, 200);
  // The scene's backdrop is opaque and covers the whole widget, so Qt need not fill the widget's
  // background under it first (with the software renderer that fill was a tenth of a frame).
  setAttribute(Qt::WA_OpaquePaintEvent);
  setSource(QUrl(QStringLiteral("qrc:/qt/qml/ClusterScope/qml/Stage.qml")));
  if (rootObject()) {
    rootObject()->setProperty("controller", QVariant::fromValue(controller_));
  } else {
    for (const auto& e : errors()) qWarning("%s", qPrintable(e.toString()));
  }
}

void StageView::contextMenuEvent(QContextMenuEvent* event) {
  const QPointF p = event->pos();
  controller_->selection()->clickAt(p.x(), p.y(), false, true);
  event->accept();
}

bool StageView::event(QEvent* event) {
  if (event->type() == QEvent::ToolTip) {
    const auto* help = static_cast<QHelpEvent*>(event);
    const int node = controller_->selection()->nodeAt(help->pos().x(), help->pos().y());
    if (node >= 0) {
      QToolTip::showText(help->globalPos(), nodeToolTip(node), this);
    } else {
      QToolTip::hideText();
    }
    return true;
  }
  return QQuickWidget::event(event);
}

QString StageView::nodeToolTip(int node) const {
  const auto& nodes = controller_->scene()->snapshot().nodes;
  if (node < 0 || node >= nodes.size()) return {};
  const NodeItem& n = nodes[node];
  QStringList lines;
  lines << QStringLiteral("<b>%1</b> \u2014 %2").arg(n.name.toHtmlEscaped(), n.label.toHtmlEscaped());
  if (n.term > 0) lines << tr("Term %1").arg(n.term);
  if (n.logLength > 0 || n.commitIndex > 0) {
    lines << tr("Log: %1 entries, %2 committed").arg(n.logLength).arg(n.commitIndex);
  }
  if (!n.detail.isEmpty()) lines << n.detail.toHtmlEscaped();
  if (!n.summary.isEmpty()) lines << QStringLiteral("<i>%1</i>").arg(n.summary.toHtmlEscaped());
  lines << tr("Click to choose it; right-click for what you can do to it; double-click (or L) to look inside it.");
  return lines.join(QStringLiteral("<br>"));
}

}  // namespace cs::ui
