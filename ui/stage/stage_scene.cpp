#include "stage/stage_scene.h"

#include <QRectF>
#include <algorithm>

#include "i18n/core_terms.h"
#include "run/run_controller.h"
#include "stage/cluster_description.h"
#include "theme/palette.h"
#include "theme/stage_theme.h"

namespace cs::ui {

StageScene::StageScene(RunController* run, StageTheme* theme, QObject* parent) : QObject(parent), run_(run) {
  connect(run_, &RunController::frameChanged, this, &StageScene::rebuild);
  connect(run_, &RunController::scenarioChanged, this, [this] {
    nodes_.setHighlighted({});
    seen_looks_.clear();
    note_looks();
    emit legendChanged();
    emit viewKindChanged();
  });
  connect(theme, &StageTheme::paletteChanged, this, [this] {
    emit legendChanged();
    emit regionsChanged();
    rebuild();
  });
}

QString StageScene::viewKind() const { return run_->viewKind(); }

const model::ModelViewData& StageScene::viewData() const { return run_->frame().view; }

void StageScene::setAdvancedHidden(bool hidden) {
  if (hidden == advanced_hidden_) return;
  advanced_hidden_ = hidden;
  rebuild();
}

QVariantList StageScene::legend() const {
  const StagePalette& p = stage_palette();
  const auto entry = [&p](const QString& label, const QColor& color, const QString& shape) {
    return QVariantMap{{"label", label}, {"color", color}, {"shape", shape}, {"textColor", p.text}};
  };
  QVariantList out;
  // Messages: one entry per kind of traffic the model names (its kinds table is fixed per model).
  if (run_->hasRun() && run_->frame().kinds) {
    QVector<sim::MessageClass> classes;
    // The model's own kinds, and the kernel's client requests where a workload sends them.
    const bool workload = run_->scenario().workload.clients > 0;
    const auto& kinds = *run_->frame().kinds;
    for (std::size_t k = 0; k < kinds.size(); ++k) {
      if (kinds[k].name == "?" || classes.contains(kinds[k].message_class)) continue;
      if (k < sim::kind::kFirstProtocolKind && !workload) continue;
      classes.append(kinds[k].message_class);
    }
    std::sort(classes.begin(), classes.end());
    for (sim::MessageClass c : classes) {
      const QString shape = c == sim::MessageClass::Heartbeat ? QStringLiteral("circle")
                            : c == sim::MessageClass::Ack     ? QStringLiteral("diamond")
                                                              : QStringLiteral("square");
      out.append(entry(message_class_label(c), p.message(c), shape));
    }
  }
  // Cards: every look a node has had in this run, in the order roles and states are declared.
  QVector<QPair<int, int>> looks = seen_looks_;
  // Roles first (up nodes, status 0), then the states of nodes that are down.
  std::sort(looks.begin(), looks.end(), [](const QPair<int, int>& a, const QPair<int, int>& b) {
    return std::pair(a.second, a.first) < std::pair(b.second, b.first);
  });
  for (const auto& [role, status] : looks) {
    const auto r = static_cast<sim::Role>(role);
    const auto st = static_cast<sim::NodeStatus>(status);
    QString label = st == sim::NodeStatus::Up ? role_label(r) : status_label(st);
    if (st == sim::NodeStatus::Up && (r == sim::Role::Leader || r == sim::Role::Primary))
      label += QStringLiteral(" \u2605");
    out.append(QVariantMap{{"label", label}, {"color", p.role(r, st)}, {"shape", "card"}, {"textColor", p.text}});
  }
  return out;
}

QVariantList StageScene::regions() const {
  QVariantList out;
  for (const RegionItem& r : snapshot_.regions) {
    const QRectF area = region_area(geometry_, snapshot_, r, stage_palette().type_scale);
    if (area.isEmpty()) continue;
    out.append(QVariantMap{{"name", r.name},
                           {"x", area.x()},
                           {"y", area.y()},
                           {"width", area.width()},
                           {"height", area.height()},
                           {"fill", stage_palette().region_fill},
                           {"border", stage_palette().region_border},
                           {"textColor", stage_palette().text}});
  }
  return out;
}

bool StageScene::note_looks() {
  if (!run_->hasRun()) return false;
  bool new_look = false;
  for (const run::NodeFrame& node : run_->frame().nodes) {
    // A node down shows its state whatever its role; up, its role.
    const QPair<int, int> look(node.status == sim::NodeStatus::Up ? static_cast<int>(node.role) : 0,
                               static_cast<int>(node.status));
    if (!seen_looks_.contains(look)) {
      seen_looks_.append(look);
      new_look = true;
    }
  }
  return new_look;
}

void StageScene::setStageSize(double width_px, double height_px, double bottom_px) {
  if (width_px <= 0 || height_px <= 0) return;
  if (width_px == stage_width_px_ && height_px == stage_height_px_ && bottom_px == stage_bottom_px_) return;
  stage_width_px_ = width_px;
  stage_height_px_ = height_px;
  stage_bottom_px_ = std::max(0.0, bottom_px);
  refit(true);
  links_.update(visibleLinks());
  emit updated();
}

void StageScene::refit(bool force) {
  QVector<QPointF> places;
  QVector<double> scales;
  for (const NodeItem& n : snapshot_.nodes) {
    places.append({n.x, n.y});
    scales.append(n.scale);
  }
  const int links = static_cast<int>(snapshot_.links.size());
  if (!force && places == fitted_places_ && scales == fitted_scales_ && links == fitted_links_) return;
  fitted_places_ = places;
  fitted_scales_ = scales;
  fitted_links_ = links;
  geometry_ = fit_snapshot(snapshot_, stage_width_px_, stage_height_px_, stage_bottom_px_, stage_palette().type_scale);
  emit geometryChanged();
  emit regionsChanged();
}

QVector<LinkItem> StageScene::visibleLinks() const {
  const QVector<int> hidden = links_under_cards(geometry_, snapshot_.nodes, snapshot_.links);
  if (hidden.isEmpty()) return snapshot_.links;
  QVector<LinkItem> out;
  for (int i = 0; i < snapshot_.links.size(); ++i) {
    if (!hidden.contains(i)) out.append(snapshot_.links[i]);
  }
  return out;
}

void StageScene::rebuild() {
  if (!run_->hasRun()) return;
  SnapshotHints hints;
  const scenario::Scenario& s = run_->scenario();
  hints.layout = s.view.layout;
  for (const auto& r : s.regions) hints.region_names.push_back(r.name);
  hints.advanced = !advanced_hidden_;
  StageSnapshot next = take_snapshot(run_->frame(), hints);
  if (note_looks()) emit legendChanged();
  const bool regions_differ = next.regions.size() != snapshot_.regions.size() ||
                              !std::equal(next.regions.begin(), next.regions.end(), snapshot_.regions.begin(),
                                          [](const RegionItem& a, const RegionItem& b) {
                                            return a.name == b.name && a.x == b.x && a.y == b.y;
                                          });
  snapshot_ = std::move(next);
  nodes_.update(snapshot_.nodes);
  tokens_.update(snapshot_.tokens);
  refit(false);
  links_.update(visibleLinks());
  if (regions_differ) emit regionsChanged();
  const QString description = describe_cluster(run_->frame(), snapshot_);
  if (description != description_) {
    description_ = description;
    emit descriptionChanged();
  }
  emit updated();
}

}  // namespace cs::ui
