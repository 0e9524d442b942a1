#include "stage/link_list_model.h"

namespace cs::ui {

int LinkListModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(links_.size());
}

QVariant LinkListModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= links_.size()) return {};
  const LinkItem& l = links_[index.row()];
  switch (role) {
    case X1Role: return l.x1;
    case Y1Role: return l.y1;
    case X2Role: return l.x2;
    case Y2Role: return l.y2;
    case CutRole: return l.cut;
    case ColorRole: return l.color;
    case WidthRole: return l.width;
    default: return {};
  }
}

QHash<int, QByteArray> LinkListModel::roleNames() const {
  return {{X1Role, "x1"},
          {Y1Role, "y1"},
          {X2Role, "x2"},
          {Y2Role, "y2"},
          {CutRole, "cut"},
          {ColorRole, "stroke"},
          {WidthRole, "strokeWidth"}};
}

void LinkListModel::update(const QVector<LinkItem>& links) {
  if (links.size() != links_.size()) {
    beginResetModel();
    links_ = links;
    endResetModel();
    return;
  }
  for (int i = 0; i < links.size(); ++i) {
    if (links_[i].from != links[i].from || links_[i].to != links[i].to || links_[i].cut != links[i].cut ||
        links_[i].x1 != links[i].x1 || links_[i].y1 != links[i].y1 || links_[i].x2 != links[i].x2 ||
        links_[i].y2 != links[i].y2 || links_[i].color != links[i].color || links_[i].width != links[i].width) {
      links_[i] = links[i];
      emit dataChanged(index(i), index(i));
    }
  }
}

}  // namespace cs::ui
