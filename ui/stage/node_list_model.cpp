#include "stage/node_list_model.h"

namespace cs::ui {

int NodeListModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(nodes_.size());
}

QVariant NodeListModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= nodes_.size()) return {};
  const NodeItem& n = nodes_[index.row()];
  switch (role) {
    case NameRole: return n.name;
    case RoleRole: return n.role;
    case StatusRole: return n.status;
    case TermRole: return n.term;
    case LogLengthRole: return n.logLength;
    case CommitRole: return n.commitIndex;
    case DetailRole: return n.detail;
    case XRole: return n.x;
    case YRole: return n.y;
    case ColorRole: return n.color;
    case HighlightedRole: return highlighted_.contains(n.name);
    case FocusedRole: return index.row() == focused_;
    case SelectedRole: return selected_.contains(index.row());
    case SummaryRole: return n.summary;
    case ScaleRole: return n.scale;
    case LabelRole: return n.label;
    case TextColorRole: return n.textColor;
    case RingColorRole: return n.ringColor;
    case FocusColorRole: return n.focusColor;
    case AnimatedRole: return animated_;
    default: return {};
  }
}

QHash<int, QByteArray> NodeListModel::roleNames() const {
  return {{NameRole, "name"},
          {RoleRole, "role"},
          {StatusRole, "status"},
          {TermRole, "term"},
          {LogLengthRole, "logLength"},
          {CommitRole, "commitIndex"},
          {DetailRole, "detail"},
          {XRole, "px"},
          {YRole, "py"},
          {ColorRole, "fill"},
          {HighlightedRole, "highlighted"},
          {FocusedRole, "focused"},
          {SelectedRole, "selected"},
          {SummaryRole, "summary"},
          {ScaleRole, "cardScale"},
          {LabelRole, "label"},
          {TextColorRole, "textColor"},
          {RingColorRole, "ringColor"},
          {FocusColorRole, "focusColor"},
          {AnimatedRole, "animated"}};
}

void NodeListModel::update(const QVector<NodeItem>& nodes) {
  if (nodes.size() != nodes_.size()) {
    beginResetModel();
    nodes_ = nodes;
    endResetModel();
    return;
  }
  for (int i = 0; i < nodes.size(); ++i) {
    const NodeItem& a = nodes_[i];
    const NodeItem& b = nodes[i];
    const bool same = a.name == b.name && a.role == b.role && a.status == b.status && a.term == b.term &&
                      a.logLength == b.logLength && a.commitIndex == b.commitIndex && a.detail == b.detail &&
                      a.summary == b.summary && a.scale == b.scale && a.x == b.x && a.y == b.y && a.color == b.color &&
                      a.label == b.label && a.textColor == b.textColor && a.ringColor == b.ringColor &&
                      a.focusColor == b.focusColor;
    if (!same) {
      nodes_[i] = b;
      emit dataChanged(index(i), index(i));
    }
  }
}

void NodeListModel::setAnimated(bool on) {
  if (on == animated_) return;
  animated_ = on;
  if (!nodes_.isEmpty()) emit dataChanged(index(0), index(static_cast<int>(nodes_.size()) - 1), {AnimatedRole});
}

void NodeListModel::setFocused(int row) {
  if (row == focused_) return;
  const int old = focused_;
  focused_ = row;
  if (old >= 0 && old < nodes_.size()) emit dataChanged(index(old), index(old), {FocusedRole});
  if (row >= 0 && row < nodes_.size()) emit dataChanged(index(row), index(row), {FocusedRole});
}

void NodeListModel::setSelected(const QList<int>& rows) {
  if (rows == selected_) return;
  selected_ = rows;
  if (!nodes_.isEmpty()) emit dataChanged(index(0), index(static_cast<int>(nodes_.size()) - 1), {SelectedRole});
}

void NodeListModel::setHighlighted(const QStringList& names) {
  if (names == highlighted_) return;
  highlighted_ = names;
  if (!nodes_.isEmpty()) emit dataChanged(index(0), index(static_cast<int>(nodes_.size()) - 1), {HighlightedRole});
}

}  // namespace cs::ui
