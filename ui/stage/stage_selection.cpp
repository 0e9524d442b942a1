#include "stage/stage_selection.h"

#include <cmath>

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

int StageSelection::nodeAt(double x, double y, double width_px, double height_px) const {
  const auto& nodes = scene_->snapshot().nodes;
  for (int i = 0; i < nodes.size(); ++i) {
    if (std::abs((x - nodes[i].x) * width_px) <= kCardWidthPx * nodes[i].scale / 2 &&
        std::abs((y - nodes[i].y) * height_px) <= kCardHeightPx * nodes[i].scale / 2) {
      return i;
    }
  }
  return -1;
}

quint64 StageSelection::tokenAt(double x, double y, double width_px, double height_px) const {
  for (const auto& t : scene_->snapshot().tokens) {
    if (std::abs((x - t.x) * width_px) <= kTokenHitPx && std::abs((y - t.y) * height_px) <= kTokenHitPx) return t.id;
  }
  return 0;
}

void StageSelection::clickAt(double x, double y, double width_px, double height_px, bool toggle, bool context) {
  if (!context) {
    if (const quint64 token = tokenAt(x, y, width_px, height_px)) {
      emit messageClicked(token);
      return;
    }
  }
  const int node = nodeAt(x, y, width_px, height_px);
  if (node < 0) {
    if (!toggle && !context) clearSelection();
    return;
  }
  focusNode(node);
  if (toggle) toggleSelected(node);
  if (context) emit contextMenuRequested(node);
}

}  // namespace cs::ui
