#include "panels/metrics_panel.h"

#include <QHeaderView>
#include <QTableWidget>
#include <QVBoxLayout>

#include "run/run_controller.h"

namespace cs::ui {

MetricsPanel::MetricsPanel(RunController* run, QWidget* parent) : QWidget(parent), run_(run) {
  setObjectName("metricsPanel");
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  table_ = new QTableWidget(0, 2, this);
  table_->setObjectName("metricsTable");
  table_->setAccessibleName(tr("Run metrics"));
  table_->setHorizontalHeaderLabels({tr("Metric"), tr("Value")});
  table_->verticalHeader()->hide();
  table_->horizontalHeader()->setStretchLastSection(true);
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  layout->addWidget(table_);
  refresh_.setSingleShot(true);
  refresh_.setInterval(250);
  connect(&refresh_, &QTimer::timeout, this, &MetricsPanel::refresh);
  connect(run_, &RunController::timeChanged, this, [this] {
    if (isVisible() && !refresh_.isActive()) refresh_.start();
  });
}

void MetricsPanel::refresh() {
  const auto figures = run_->figures();
  if (!figures) return;
  const run::Frame& f = run_->frame();
  sim::Metrics m = figures->metrics;
  m["messages_sent"] = static_cast<double>(f.messages_sent);
  m["messages_delivered"] = static_cast<double>(f.messages_delivered);
  m["messages_dropped"] = static_cast<double>(f.messages_dropped);
  m["events"] = static_cast<double>(f.events_processed);
  table_->setRowCount(static_cast<int>(m.size()));
  int row = 0;
  for (const auto& [name, value] : m) {
    table_->setItem(row, 0, new QTableWidgetItem(QString::fromStdString(name)));
    table_->setItem(row, 1, new QTableWidgetItem(QString::number(value, 'g', 10)));
    ++row;
  }
}

QString MetricsPanel::value(const QString& name) const {
  for (int r = 0; r < table_->rowCount(); ++r) {
    if (table_->item(r, 0)->text() == name) return table_->item(r, 1)->text();
  }
  return {};
}

}  // namespace cs::ui
