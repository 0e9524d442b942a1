#pragma once
// The nodes of the current snapshot, one row per node (the count changes only with the scenario).
#include <QtQml/qqmlregistration.h>
#include <QAbstractListModel>

#include "stage/stage_snapshot.h"

namespace cs::ui {

class NodeListModel : public QAbstractListModel {
  Q_OBJECT
  QML_ELEMENT
  QML_UNCREATABLE("Provided by StageController")

 public:
  enum Roles {
    NameRole = Qt::UserRole + 1,
    RoleRole,
    StatusRole,
    TermRole,
    LogLengthRole,
    CommitRole,
    DetailRole,
    XRole,
    YRole,
    ColorRole,
    HighlightedRole,
    FocusedRole,
    SelectedRole,
    SummaryRole,
    ScaleRole,
    LabelRole,
    TextColorRole,
    RingColorRole,
    FocusColorRole,
    AnimatedRole
  };

  explicit NodeListModel(QObject* parent = nullptr) : QAbstractListModel(parent) {}
  int rowCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QHash<int, QByteArray> roleNames() const override;

  void update(const QVector<NodeItem>& nodes);
  void setHighlighted(const QStringList& names);
  void setFocused(int row);
  void setSelected(const QList<int>& rows);
  // Off for still images (--screenshot, exports): cards show their final colour at once.
  void setAnimated(bool on);
  const QVector<NodeItem>& items() const { return nodes_; }

 private:
  QVector<NodeItem> nodes_;
  QStringList highlighted_;
  int focused_ = -1;
  bool animated_ = true;
  QList<int> selected_;
};

}  // namespace cs::ui
