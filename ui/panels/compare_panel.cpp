#include "panels/compare_panel.h"

#include <QCheckBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>

#include "panels/metrics_panel.h"
#include "run/branch_comparison.h"

namespace cs::ui {

ComparePanel::ComparePanel(BranchComparison* comparison, QWidget* parent) : QWidget(parent), comparison_(comparison) {
  setObjectName("comparePanel");
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  where_ = new QLabel(this);
  where_->setObjectName("compareDivergence");
  where_->setWordWrap(true);
  where_->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
  only_differences_ = new QCheckBox(tr("Only what differs"), this);
  only_differences_->setObjectName("compareOnlyDifferences");
  table_ = new QTableWidget(0, 3, this);
  table_->setObjectName("compareTable");
  table_->setAccessibleName(tr("Metrics of both branches"));
  table_->setHorizontalHeaderLabels({tr("Metric"), tr("A"), tr("B")});
  table_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
  table_->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
  table_->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
  table_->verticalHeader()->hide();
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  layout->addWidget(where_);
  layout->addWidget(only_differences_);
  layout->addWidget(table_, 1);
  refresh_.setInterval(300);
  connect(&refresh_, &QTimer::timeout, this, [this] {
    if (isVisible()) refresh();  // a hidden tab costs nothing while both branches play
  });
  refresh_.start();
  connect(only_differences_, &QCheckBox::toggled, this, &ComparePanel::refresh);
  connect(comparison_, &BranchComparison::changed, this, &ComparePanel::refresh);
}

QVector<ComparePanel::ShownRow> ComparePanel::rowsOf(BranchComparison& comparison) {
  QVector<ShownRow> rows;
  for (const auto& r : comparison.metricRows()) {
    const std::string key = r.name.toStdString();
    ShownRow row;
    row.key = r.name;
    const auto text = [&](const std::optional<double>& v) {
      if (!v) return QStringLiteral("\u2014");
      const MetricText t = MetricsPanel::describe(key, *v);
      if (row.name.isEmpty()) row.name = t.name;
      return t.value;
    };
    row.a = text(r.a);
    row.b = text(r.b);
    if (row.name.isEmpty()) row.name = r.name;
    // What differs is what the learner can see differ: 274.3 ms and 274.4 ms both read 274 ms.
    row.differs = r.differs && row.a != row.b;
    rows.push_back(row);
  }
  std::stable_sort(rows.begin(), rows.end(),
                   [](const ShownRow& x, const ShownRow& y) { return x.differs > y.differs; });
  return rows;
}

void ComparePanel::refresh() {
  if (!comparison_->active()) {
    shown_.clear();
    table_->setRowCount(0);
    where_->setText(
        tr("No comparison is open. Simulation > Compare a change... forks the run into a second "
           "branch."));
    return;
  }
  const QString where = comparison_->divergenceText();
  where_->setText(tr("B: %1.").arg(comparison_->changeText()) + QLatin1Char(' ') +
                  (where.isEmpty() ? tr("No difference yet: every trace record so far is the same in both.") : where));
  QVector<ShownRow> rows = rowsOf(*comparison_);
  if (only_differences_->isChecked()) {
    rows.erase(std::remove_if(rows.begin(), rows.end(), [](const ShownRow& r) { return !r.differs; }), rows.end());
  }
  shown_ = rows;
  table_->setRowCount(static_cast<int>(rows.size()));
  for (int i = 0; i < rows.size(); ++i) {
    const ShownRow& r = rows[i];
    const QString mark = r.differs ? QStringLiteral("\u2260 ") : QString();
    const QStringList cells{mark + r.name, r.a, r.b};
    for (int c = 0; c < 3; ++c) {
      auto* item = table_->item(i, c);
      if (!item) {
        item = new QTableWidgetItem;
        table_->setItem(i, c, item);
      }
      if (item->text() != cells[c]) item->setText(cells[c]);
      QFont f = item->font();
      f.setBold(r.differs);
      item->setFont(f);
      if (c == 0) item->setToolTip(r.key);
    }
  }
}

}  // namespace cs::ui
