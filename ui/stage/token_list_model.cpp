#include "stage/token_list_model.h"

namespace cs::ui {

int TokenListModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(tokens_.size());
}

QVariant TokenListModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= tokens_.size()) return {};
  const TokenItem& t = tokens_[index.row()];
  switch (role) {
    case IdRole: return t.id;
    case KindRole: return t.kind;
    case ClassRole: return t.messageClass;
    case XRole: return t.x;
    case YRole: return t.y;
    case ColorRole: return t.color;
    default: return {};
  }
}

QHash<int, QByteArray> TokenListModel::roleNames() const {
  return {{IdRole, "messageId"}, {KindRole, "kind"}, {ClassRole, "messageClass"},
          {XRole, "px"},         {YRole, "py"},      {ColorRole, "fill"}};
}

void TokenListModel::update(const QVector<TokenItem>& next) {
  // Merge two id-sorted lists: remove rows whose message is gone, insert new ones, move the rest.
  int row = 0;
  int k = 0;
  while (row < tokens_.size() || k < next.size()) {
    if (row < tokens_.size() && (k >= next.size() || tokens_[row].id < next[k].id)) {
      beginRemoveRows({}, row, row);
      tokens_.removeAt(row);
      endRemoveRows();
    } else if (row >= tokens_.size() || next[k].id < tokens_[row].id) {
      beginInsertRows({}, row, row);
      tokens_.insert(row, next[k]);
      endInsertRows();
      ++row;
      ++k;
    } else {
      if (tokens_[row].x != next[k].x || tokens_[row].y != next[k].y) {
        tokens_[row] = next[k];
        emit dataChanged(index(row), index(row), {XRole, YRole});
      }
      ++row;
      ++k;
    }
  }
}

}  // namespace cs::ui
