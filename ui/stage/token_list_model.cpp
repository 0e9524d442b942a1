#include "stage/token_list_model.h"

#include <utility>
#include <vector>

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
  // Both lists are sorted by id. Messages leave in about the order they were sent and new ones
  // have the highest ids, so the rows to remove and to insert come in a few runs: each run is one
  // signal and one move of the rows after it (row by row, a thousand tokens cost a million moves).
  // 1. Remove the rows whose message is gone, last run first so earlier rows keep their numbers.
  {
    std::vector<std::pair<int, int>> gone;  // [first, last] rows
    int k = 0;
    for (int row = 0; row < tokens_.size(); ++row) {
      while (k < next.size() && next[k].id < tokens_[row].id) ++k;
      if (k < next.size() && next[k].id == tokens_[row].id) continue;
      if (!gone.empty() && gone.back().second == row - 1) {
        gone.back().second = row;
      } else {
        gone.emplace_back(row, row);
      }
    }
    for (auto it = gone.rbegin(); it != gone.rend(); ++it) {
      beginRemoveRows({}, it->first, it->second);
      tokens_.remove(it->first, it->second - it->first + 1);
      endRemoveRows();
    }
  }
  // 2. Every row left is in `next`: insert the new messages in runs, and move the ones that moved
  //    (announced in runs too: nearly every token moves every frame).
  const QList<int> moved_roles{XRole, YRole};
  int moved_first = -1;  // the run of moved rows being gathered: [moved_first, moved_last]
  int moved_last = -1;
  const auto announce_moved = [&] {
    if (moved_first >= 0) emit dataChanged(index(moved_first), index(moved_last), moved_roles);
    moved_first = moved_last = -1;
  };
  int row = 0;
  int k = 0;
  while (k < next.size()) {
    if (row < tokens_.size() && tokens_[row].id == next[k].id) {
      if (tokens_[row].x != next[k].x || tokens_[row].y != next[k].y) {
        tokens_[row] = next[k];
        if (moved_last != row - 1) announce_moved();
        if (moved_first < 0) moved_first = row;
        moved_last = row;
      }
      ++row;
      ++k;
      continue;
    }
    announce_moved();  // rows are about to be inserted: the run's numbers must stay true
    int end = k;       // next[k, end) are new and go before tokens_[row]
    while (end < next.size() && (row >= tokens_.size() || next[end].id < tokens_[row].id)) ++end;
    beginInsertRows({}, row, row + (end - k) - 1);
    tokens_.insert(row, end - k, TokenItem{});
    for (int i = k; i < end; ++i) tokens_[row + (i - k)] = next[i];
    endInsertRows();
    row += end - k;
    k = end;
  }
  announce_moved();
  Q_ASSERT(tokens_.size() == next.size());
}

}  // namespace cs::ui
