#include "panels/event_log.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include "i18n/core_terms.h"
#include "run/run_controller.h"

namespace cs::ui {

namespace {

QString sv(std::string_view s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }

// Rows pass when every filter term matches: the kind column against the chosen kind, and any
// column against the free text.
class LogFilter : public QSortFilterProxyModel {
 public:
  using QSortFilterProxyModel::QSortFilterProxyModel;
  QString kind;
  QString text;
  void apply() { invalidateFilter(); }

 protected:
  bool filterAcceptsRow(int row, const QModelIndex& parent) const override {
    const auto cell = [&](int column) { return sourceModel()->index(row, column, parent).data().toString(); };
    if (!kind.isEmpty() &&
        sourceModel()->index(row, EventLogModel::Kind, parent).data(EventLogModel::kKindRole).toString() != kind) {
      return false;
    }
    if (text.isEmpty()) return true;
    for (int c = 0; c < EventLogModel::ColumnCount; ++c) {
      if (cell(c).contains(text, Qt::CaseInsensitive)) return true;
    }
    return false;
  }
};

}  // namespace

EventLogModel::EventLogModel(RunController* run, QObject* parent) : QAbstractTableModel(parent), run_(run) {}

int EventLogModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}
int EventLogModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant EventLogModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rows_.size()) return {};
  const Row& r = rows_[index.row()];
  if (role == kKindRole && index.column() == Kind) return r.kind;
  if (role != Qt::DisplayRole) return {};
  switch (index.column()) {
    case Time: return QStringLiteral("%1").arg(static_cast<double>(r.time_us) / 1e6, 0, 'f', 6);
    case Kind: return r.kind_label;
    case Node: return r.node;
    case Peer: return r.peer;
    case Detail: return r.detail;
    default: return {};
  }
}

QVariant EventLogModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case Time: return tr("Time (s)");
    case Kind: return tr("Event");
    case Node: return tr("Node");
    case Peer: return tr("Other end");
    case Detail: return tr("Detail");
    default: return {};
  }
}

void EventLogModel::refresh() {
  const auto figures = run_->figures();
  QVector<Row> rows;
  if (figures) {
    const run::Frame& w = run_->frame();
    const auto name = [&](sim::EndpointId e) -> QString {
      if (e == sim::kNoEndpoint) return {};
      return w.is_node(e) ? QString::fromStdString(w.nodes[e].name) : tr("client %1").arg(e - w.nodes.size() + 1);
    };
    const auto& all = figures->events;
    const std::size_t first = all.size() > kMaxRows ? all.size() - kMaxRows : 0;
    for (std::size_t i = all.size(); i-- > first;) {  // newest first
      const sim::TraceEvent& e = all[i];
      QString detail;
      switch (e.type) {
        case sim::TraceType::Send:
        case sim::TraceType::Deliver:
          detail = QString::fromStdString(w.kind(e.kind).name) + QStringLiteral(" #%1").arg(e.msg_id);
          break;
        case sim::TraceType::Drop:
          detail = QString::fromStdString(w.kind(e.kind).name) + QStringLiteral(" #%1: ").arg(e.msg_id) +
                   drop_reason_label(e.reason);
          break;
        case sim::TraceType::Timer: detail = tr("timer %1").arg(e.kind); break;
        case sim::TraceType::RoleChange:
          detail = tr("%1, term %2").arg(role_label(static_cast<sim::Role>(e.a))).arg(e.b);
          break;
        case sim::TraceType::ClientInvoke:
          detail = tr("%1 key %2").arg(op_type_label(static_cast<sim::OpType>(e.kind))).arg(e.a);
          break;
        case sim::TraceType::ClientComplete:
          detail = tr("%1: %2").arg(op_type_label(static_cast<sim::OpType>(e.kind)),
                                    op_status_label(static_cast<sim::OpStatus>(e.a)));
          break;
        case sim::TraceType::Fault: detail = action_label(static_cast<sim::ActionType>(e.kind)); break;
      }
      rows.append(
          {e.time_us, sv(sim::to_string(e.type)), trace_type_label(e.type), name(e.node), name(e.peer), detail});
    }
  }
  beginResetModel();
  rows_ = std::move(rows);
  endResetModel();
}

EventLog::EventLog(RunController* run, QWidget* parent) : QWidget(parent) {
  setObjectName("eventLog");
  model_ = new EventLogModel(run, this);
  auto* filter = new LogFilter(this);
  proxy_ = filter;
  proxy_->setSourceModel(model_);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  auto* bar = new QHBoxLayout;
  kind_ = new QComboBox(this);
  kind_->setObjectName("eventKindFilter");
  kind_->setAccessibleName(tr("Show events of kind"));
  kind_->addItem(tr("All events"), QString());
  for (const auto type : {sim::TraceType::Send, sim::TraceType::Deliver, sim::TraceType::Drop, sim::TraceType::Timer,
                          sim::TraceType::RoleChange, sim::TraceType::ClientInvoke, sim::TraceType::ClientComplete,
                          sim::TraceType::Fault}) {
    const std::string_view core = sim::to_string(type);
    kind_->addItem(trace_type_label(type), QString::fromUtf8(core.data(), static_cast<qsizetype>(core.size())));
  }
  text_ = new QLineEdit(this);
  text_->setObjectName("eventTextFilter");
  text_->setPlaceholderText(tr("Filter, e.g. n3 or heartbeat"));
  text_->setAccessibleName(tr("Filter events by text"));
  text_->setClearButtonEnabled(true);
  bar->addWidget(kind_);
  bar->addWidget(text_, 1);
  view_ = new QTableView(this);
  view_->setObjectName("eventTable");
  view_->setAccessibleName(tr("Events, newest first"));
  view_->setModel(proxy_);
  view_->verticalHeader()->hide();
  view_->horizontalHeader()->setStretchLastSection(true);
  view_->setSelectionBehavior(QAbstractItemView::SelectRows);
  view_->setAlternatingRowColors(true);
  layout->addLayout(bar);
  layout->addWidget(view_, 1);
  connect(kind_, &QComboBox::currentIndexChanged, this, [this] { setKindFilter(kind_->currentData().toString()); });
  connect(text_, &QLineEdit::textChanged, this, &EventLog::setTextFilter);
  refresh_.setSingleShot(true);
  refresh_.setInterval(250);
  connect(&refresh_, &QTimer::timeout, model_, &EventLogModel::refresh);
  connect(run, &RunController::timeChanged, this, [this] {
    if (isVisible() && !refresh_.isActive()) refresh_.start();
  });
}

void EventLog::setKindFilter(const QString& kind) {
  auto* f = static_cast<LogFilter*>(proxy_);
  f->kind = kind;
  f->apply();
}

void EventLog::setTextFilter(const QString& text) {
  auto* f = static_cast<LogFilter*>(proxy_);
  f->text = text;
  f->apply();
}

}  // namespace cs::ui
