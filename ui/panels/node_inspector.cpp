#include "panels/node_inspector.h"

#include <QLabel>
#include <QScrollBar>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <algorithm>

#include "i18n/core_terms.h"
#include "i18n/detail_text.h"
#include "run/run_controller.h"
#include "stage/stage_selection.h"

namespace cs::ui {

namespace {

constexpr int kRefreshMs = 250;
constexpr int kColumnChars = 32;  // the narrowest a section column may be

}  // namespace

NodeInspector::NodeInspector(RunController* run, StageSelection* selection, QWidget* parent)
    : QWidget(parent), run_(run), selection_(selection) {
  setObjectName("nodeInspector");
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(6, 4, 6, 4);
  heading_ = new QLabel(this);
  heading_->setObjectName("nodeInspectorHeading");
  heading_->setWordWrap(true);
  heading_->setTextFormat(Qt::RichText);
  body_ = new QTextBrowser(this);
  body_->setObjectName("nodeInspectorBody");
  body_->setAccessibleName(tr("Inside the node"));
  body_->setOpenLinks(false);
  layout->addWidget(heading_);
  layout->addWidget(body_, 1);

  throttle_.setSingleShot(true);
  throttle_.setInterval(kRefreshMs);
  connect(&throttle_, &QTimer::timeout, this, &NodeInspector::refresh);
  connect(run_, &RunController::frameChanged, this, [this] {
    if (isVisible() && !throttle_.isActive()) throttle_.start();
  });
  connect(run_, &RunController::scenarioChanged, this, &NodeInspector::refresh);
  connect(selection_, &StageSelection::selectionChanged, this, [this] {
    if (isVisible()) refresh();
  });
}

void NodeInspector::resizeEvent(QResizeEvent* event) {
  QWidget::resizeEvent(event);
  if (isVisible()) refresh();
}

void NodeInspector::showEvent(QShowEvent* event) {
  QWidget::showEvent(event);
  refresh();
}

QString NodeInspector::text() const { return heading_->text() + QLatin1Char('\n') + body_->toPlainText(); }

void NodeInspector::refresh() {
  const run::Frame& frame = run_->frame();
  node_ = selection_->focusedNode();
  if (!run_->hasRun() || node_ < 0 || node_ >= static_cast<int>(frame.nodes.size())) {
    node_ = -1;
    heading_->setText(tr("Choose a node on the stage to look inside it."));
    body_->clear();
    return;
  }
  const run::NodeFrame& n = frame.nodes[static_cast<std::size_t>(node_)];
  QStringList names;
  for (const auto& f : frame.nodes) names << QString::fromStdString(f.name);
  QString heading = QStringLiteral("<b>%1</b>").arg(names[node_].toHtmlEscaped());
  if (n.role != sim::Role::None) heading += QStringLiteral(" \u00b7 ") + role_label(n.role).toHtmlEscaped();
  heading += QStringLiteral(" \u00b7 ") + status_label(n.status).toHtmlEscaped();
  const QString card = detail_text(n.detail, names);
  if (!card.isEmpty()) heading += QStringLiteral("<br>") + card.toHtmlEscaped();
  heading_->setText(heading);

  const sim::Inspection inside = run_->inspect(node_);
  QString html;
  if (sim::is_down(n.status)) {
    html += QStringLiteral("<p><i>%1</i></p>")
                .arg(tr("%1 is down: it answers nothing until it is restarted. Below is what it kept.")
                         .arg(names[node_])
                         .toHtmlEscaped());
  }
  // Sections side by side where the panel is wide (a laptop's short panel shows them all at once),
  // one under the other where it is narrow.
  QStringList sections;
  const auto section = [&](const QString& title, const sim::InspectionSection& s, const QString& hidden) {
    if (s.empty()) return;
    QString part = QStringLiteral("<h4>%1</h4><ul>").arg(title.toHtmlEscaped());
    const QString more = QStringLiteral("<li><i>%1</i></li>").arg(hidden.toHtmlEscaped());
    if (s.not_shown > 0 && s.not_shown_first) part += more;
    for (const sim::Detail& line : s.lines) {
      part += QStringLiteral("<li>%1</li>").arg(detail_text(line, names).toHtmlEscaped());
    }
    if (s.not_shown > 0 && !s.not_shown_first) part += more;
    sections << part + QStringLiteral("</ul>");
  };
  const auto count = [](const sim::InspectionSection& s) { return static_cast<int>(s.not_shown); };
  section(tr("Its state"), inside.state, tr("%n more not shown", nullptr, count(inside.state)));
  section(tr("Its log, newest last"), inside.log, tr("%n earlier entries not shown", nullptr, count(inside.log)));
  section(tr("Its data"), inside.data, tr("%n more not shown", nullptr, count(inside.data)));
  section(tr("Its view of the cluster"), inside.cluster, tr("%n more not shown", nullptr, count(inside.cluster)));
  const int column_px = fontMetrics().averageCharWidth() * kColumnChars;
  const auto columns = static_cast<qsizetype>(std::clamp(body_->viewport()->width() / std::max(column_px, 1), 1, 4));
  if (sections.size() > 1 && columns > 1) {
    html += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"4\">");
    for (qsizetype i = 0; i < sections.size(); ++i) {
      if (i % columns == 0) html += QStringLiteral("<tr>");
      html += QStringLiteral("<td valign=\"top\" width=\"%1%\">%2</td>").arg(100 / columns).arg(sections[i]);
      if (i % columns == columns - 1 || i + 1 == sections.size()) html += QStringLiteral("</tr>");
    }
    html += QStringLiteral("</table>");
  } else {
    html += sections.join(QString());
  }
  if (inside.empty()) {
    html += QStringLiteral("<p>%1</p>")
                .arg(tr("This model keeps nothing inside a node beyond what its card shows.").toHtmlEscaped());
  }
  // Keep the reader's place while the run moves on.
  QScrollBar* bar = body_->verticalScrollBar();
  const int position = bar->value();
  body_->setHtml(html);
  bar->setValue(position);
}

}  // namespace cs::ui
