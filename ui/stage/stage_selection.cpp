#include "stage/stage_selection.h"

#include <cmath>

#include <QPointF>

#include "stage/stage_scene.h"

namespace cs::ui {

StageSelection::StageSelection(StageScene* scene, QObject* parent) : QObject(parent), scene_(scene) {}

int StageSelection::nodeCount() const { return static_cast<int>(scene_->snapshot().nodes.size()); }

QList<int> StageSelection::chosenNodes() const { return selected_.isEmpty() ? QList<int>{focused_} : selected_; }

void StageSelection::focusNode(int node) {
  if (node < 0 || node >= nodeCount() || node == focused_) return;
  focused_ = node;
  scene_->nodes()->setFocused(focused_);
  emit selectionChanged();
}

void StageSelection::focusNext(int step) {
  const int n = nodeCount();
  if (n == 0) return;
  focusNode(((focused_ + step) % n + n) % n);
}

void StageSelection::toggleSelected(int node) {
  if (node < 0 || node >= nodeCount()) return;
  if (selected_.contains(node)) {
    selected_.removeAll(node);
  } else {
    selected_.append(node);
  }
  scene_->nodes()->setSelected(selected_);
  emit selectionChanged();
}

void StageSelection::clearSelection() {
  if (selected_.isEmpty()) return;
  selected_.clear();
  scene_->nodes()->setSelected(selected_);
  emit selectionChanged();
}

void StageSelection::restart() {
  selected_.clear();
  scene_->nodes()->setSelected(selected_);
  focused_ = 0;
  scene_->nodes()->setFocused(focused_);
  emit selectionChanged();
}

int StageSelection::nodeAt(double x_px, double y_px) const {
  const auto& nodes = scene_->snapshot().nodes;
  const StageGeometry& g = scene_->geometry();
  // The card drawn last (on top) first.
  for (int i = static_cast<int>(nodes.size()) - 1; i >= 0; --i) {
    if (g.card_rect(nodes[i]).contains(QPointF(x_px, y_px))) return i;
  }
  return -1;
}

quint64 StageSelection::tokenAt(double x_px, double y_px) const {
  const StageGeometry& g = scene_->geometry();
  for (const auto& t : scene_->snapshot().tokens) {
    const QPointF at = g.to_pixels(t.x, t.y);
    if (std::abs(x_px - at.x()) <= kTokenHitPx && std::abs(y_px - at.y()) <= kTokenHitPx) return t.id;
  }
  return 0;
}

void StageSelection::clickAt(double x_px, double y_px, bool toggle, bool context, bool drop) {
  const int node = nodeAt(x_px, y_px);
  if (node < 0) {
    if (const quint64 token = tokenAt(x_px, y_px)) {
      if (context) {
        emit messageMenuRequested(token);
      } else if (drop) {
        emit messageClicked(token);
      } else {
        emit messageInspected(token);
      }
      return;
    }
    if (!toggle && !context) clearSelection();
    return;
  }
  focusNode(node);
  if (toggle) toggleSelected(node);
  if (context) emit contextMenuRequested(node);
}

void StageSelection::doubleClickAt(double x_px, double y_px) {
  const int node = nodeAt(x_px, y_px);
  if (node < 0) return;
  focusNode(node);
  emit lookInsideRequested(node);
}

}  // namespace cs::ui
