#include "panels/metrics_panel.h"

#include <QHeaderView>
#include <QTableWidget>
#include <QVBoxLayout>

#include "scenario/run_setup.h"
#include "stage/stage_controller.h"

namespace cs::ui {

MetricsPanel::MetricsPanel(StageController* controller, QWidget* parent) : QWidget(parent), controller_(controller) {
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
  connect(controller_, &StageController::timeChanged, this, [this] {
    if (isVisible() && !refresh_.isActive()) refresh_.start();
  });
}

void MetricsPanel::refresh() {
  const sim::Simulation* sim = controller_->simulation();
  if (!sim) return;
  const sim::World& w = sim->world();
  sim::Metrics m = scenario::run_metrics(controller_->scenario(), w);
  m["messages_sent"] = static_cast<double>(w.messages_sent());
  m["messages_delivered"] = static_cast<double>(w.messages_delivered());
  m["messages_dropped"] = static_cast<double>(w.messages_dropped());
  m["events"] = static_cast<double>(w.events_processed());
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
