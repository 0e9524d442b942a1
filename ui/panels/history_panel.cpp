#include "panels/history_panel.h"

#include <QElapsedTimer>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QVBoxLayout>
#include <map>

#include "run/run_controller.h"
#include "theme/palette.h"

namespace cs::ui {

HistoryTimeline::HistoryTimeline(RunController* run, QWidget* parent) : QWidget(parent), run_(run) {
  setObjectName("historyTimeline");
  setAccessibleName(tr("Client operations over time"));
  setMinimumHeight(120);
  connect(run_, &RunController::timeChanged, this, qOverload<>(&QWidget::update));
  connect(run_, &RunController::scenarioChanged, this, [this] { setOffending({}); });
}

void HistoryTimeline::setOffending(std::set<std::uint64_t> ids) {
  offending_ = std::move(ids);
  update();
}

void HistoryTimeline::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.setRenderHint(QPainter::Antialiasing);
  p.fillRect(rect(), stage_palette().background);
  drawn_ = 0;
  const auto figures = run_->figures();
  if (!figures) return;
  const auto& ops = figures->history;
  const std::size_t node_count = run_->frame().nodes.size();
  const StagePalette& palette = stage_palette();
  if (ops.empty()) {
    p.setPen(palette.text);
    p.drawText(rect(), Qt::AlignCenter, tr("No client operations yet: send a read or a write (W, E on the stage)."));
    return;
  }
  std::map<sim::EndpointId, int> rows;
  for (const auto& op : ops) rows.emplace(op.client, 0);
  int row = 0;
  for (auto& [client, index] : rows) index = row++;
  const double left = 70;
  const double row_h = std::max(14.0, std::min(28.0, (height() - 24.0) / std::max(1, row)));
  const double end = static_cast<double>(std::max<sim::TimeUs>(1, figures->time_us));
  const auto x_of = [&](sim::TimeUs t) { return left + (width() - left - 8) * static_cast<double>(t) / end; };
  QFont small = p.font();
  small.setPixelSize(11);
  p.setFont(small);
  for (const auto& [client, index] : rows) {
    p.setPen(palette.text);
    p.drawText(QRectF(2, 6 + index * row_h, left - 6, row_h), Qt::AlignVCenter | Qt::AlignRight,
               tr("client %1").arg(client - node_count + 1));
  }
  for (const auto& op : ops) {
    const double y = 6 + rows[op.client] * row_h + 3;
    const sim::TimeUs done = op.complete_us >= 0 ? op.complete_us : figures->time_us;
    const QRectF bar(x_of(op.invoke_us), y, std::max(3.0, x_of(done) - x_of(op.invoke_us)), row_h - 6);
    // Reads and writes differ by colour and by fill: writes solid, reads hatched.
    const QColor c = op.type == sim::OpType::Write ? palette.message(sim::MessageClass::Replication)
                                                   : palette.message(sim::MessageClass::Ack);
    const bool bad = offending_.count(op.id) > 0;
    p.setPen(QPen(bad ? palette.cut_link : c.darker(140), bad ? 3 : 1));
    p.setBrush(op.status == sim::OpStatus::Ok
                   ? QBrush(c, op.type == sim::OpType::Write ? Qt::SolidPattern : Qt::BDiagPattern)
                   : QBrush(Qt::NoBrush));
    p.drawRect(bar);
    if (bar.width() > 40) {
      p.setPen(palette.text);
      const QString label = QStringLiteral("%1 k%2%3")
                                .arg(op.type == sim::OpType::Write ? QStringLiteral("w") : QStringLiteral("r"))
                                .arg(op.key)
                                .arg(op.has_value ? QStringLiteral("=%1").arg(op.value % 1'000'000) : QString());
      p.drawText(bar.adjusted(3, 0, 0, 0), Qt::AlignVCenter | Qt::AlignLeft, label);
    }
    if (bad) {
      p.setPen(QPen(palette.cut_link, 2));
      p.drawText(QPointF(bar.right() + 3, bar.center().y() + 4), QStringLiteral("\u2717"));
    }
    ++drawn_;
  }
}

HistoryPanel::HistoryPanel(RunController* run, QWidget* parent) : QWidget(parent), run_(run) {
  setObjectName("historyPanel");
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  auto* bar = new QHBoxLayout;
  check_ = new QPushButton(tr("Check linearizability"), this);
  check_->setObjectName("checkHistoryButton");
  check_->setToolTip(tr("Could what the clients saw have happened on a single copy of the data?"));
  verdict_ = new QLabel(tr("Not checked yet."), this);
  verdict_->setObjectName("historyVerdict");
  verdict_->setWordWrap(true);
  verdict_->setAccessibleName(tr("Verdict of the history check"));
  bar->addWidget(check_);
  bar->addWidget(verdict_, 1);
  timeline_ = new HistoryTimeline(run_, this);
  layout->addLayout(bar);
  layout->addWidget(timeline_, 1);
  connect(check_, &QPushButton::clicked, this, [this] { checkNow(); });
  connect(run_, &RunController::scenarioChanged, this, [this] { verdict_->setText(tr("Not checked yet.")); });
}

check::LinearizabilityResult HistoryPanel::checkNow() {
  check::LinearizabilityResult result;
  const auto figures = run_->figures();
  if (!figures) return result;
  QElapsedTimer clock;
  clock.start();
  check::CheckBudget budget;
  budget.max_time_ns = 2'000'000'000;  // two seconds: beyond that the answer is "unknown"
  budget.now_ns = [&clock] { return clock.nsecsElapsed(); };
  result = check::check_linearizability(check::from_sim_history(figures->history), check::Model::Register, budget);
  const auto offending = result.offending_ops();
  timeline_->setOffending(std::set<std::uint64_t>(offending.begin(), offending.end()));
  QString text;
  switch (result.verdict) {
    case check::Verdict::Linearizable:
      text = tr("Linearizable: the %1 operations could have happened, in this order, on one copy of the data.")
                 .arg(result.operations);
      break;
    case check::Verdict::NotLinearizable:
      text = tr("Not linearizable: no single-copy order explains what the clients saw. The %1 operations marked "
                "\u2717 could not come next.")
                 .arg(offending.size());
      break;
    case check::Verdict::Unknown:
      text = tr("Unknown: the check ran out of its budget before deciding (this is not a pass).");
      break;
  }
  verdict_->setText(text);
  return result;
}

QString HistoryPanel::verdictText() const { return verdict_->text(); }

}  // namespace cs::ui
