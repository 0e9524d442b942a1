#pragma once
// The event log: the most recent trace records as a table, filterable by kind of event and by
// text. It refreshes a few times a second, not every frame.
#include <QAbstractTableModel>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace cs::ui {

class RunController;

class EventLogModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column { Time, Kind, Node, Peer, Detail, ColumnCount };
  // The Kind column's untranslated name ("drop"), which the kind filter matches.
  static constexpr int kKindRole = Qt::UserRole + 1;
  static constexpr std::size_t kMaxRows = 500;

  explicit EventLogModel(RunController* run, QObject* parent = nullptr);
  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
  void refresh();

 private:
  struct Row {
    qint64 time_us;
    QString kind;        // the core's name, what the kind filter matches
    QString kind_label;  // shown, in the interface's language
    QString node;
    QString peer;
    QString detail;
  };
  RunController* run_;
  QVector<Row> rows_;
};

class EventLog : public QWidget {
  Q_OBJECT

 public:
  explicit EventLog(RunController* run, QWidget* parent = nullptr);
  EventLogModel* model() const { return model_; }
  QSortFilterProxyModel* filtered() const { return proxy_; }
  void setKindFilter(const QString& kind);  // "" for all
  void setTextFilter(const QString& text);

 private:
  EventLogModel* model_;
  QSortFilterProxyModel* proxy_;
  QComboBox* kind_;
  QLineEdit* text_;
  QTableView* view_;
  QTimer refresh_;
};

}  // namespace cs::ui
