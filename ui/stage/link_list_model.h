#pragma once
// Links between nodes, with whether a fault cuts them.
#include <QtQml/qqmlregistration.h>
#include <QAbstractListModel>

#include "stage/stage_snapshot.h"

namespace cs::ui {

class LinkListModel : public QAbstractListModel {
  Q_OBJECT
  QML_ELEMENT
  QML_UNCREATABLE("Provided by StageController")

 public:
  enum Roles { X1Role = Qt::UserRole + 1, Y1Role, X2Role, Y2Role, CutRole, ColorRole, WidthRole };

  explicit LinkListModel(QObject* parent = nullptr) : QAbstractListModel(parent) {}
  int rowCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QHash<int, QByteArray> roleNames() const override;
  void update(const QVector<LinkItem>& links);
  const QVector<LinkItem>& items() const { return links_; }

 private:
  QVector<LinkItem> links_;
};

}  // namespace cs::ui
