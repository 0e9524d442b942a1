#pragma once
// Messages in flight as tokens. Rows are kept per message id across frames (moved, inserted,
// removed), so QML delegates live as long as their message and can animate smoothly.
#include <QtQml/qqmlregistration.h>
#include <QAbstractListModel>

#include "stage/stage_snapshot.h"

namespace cs::ui {

class TokenListModel : public QAbstractListModel {
  Q_OBJECT
  QML_ELEMENT
  QML_UNCREATABLE("Provided by StageController")

 public:
  enum Roles { IdRole = Qt::UserRole + 1, KindRole, ClassRole, XRole, YRole, ColorRole };

  explicit TokenListModel(QObject* parent = nullptr) : QAbstractListModel(parent) {}
  int rowCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QHash<int, QByteArray> roleNames() const override;

  // `tokens` must be sorted by id (World::in_flight() is).
  void update(const QVector<TokenItem>& tokens);
  const QVector<TokenItem>& items() const { return tokens_; }

 private:
  QVector<TokenItem> tokens_;  // sorted by id
};

}  // namespace cs::ui
