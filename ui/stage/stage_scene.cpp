#include "stage/stage_scene.h"

#include "run/run_controller.h"
#include "stage/cluster_description.h"
#include "theme/palette.h"
#include "theme/stage_theme.h"

namespace cs::ui {

StageScene::StageScene(RunController* run, StageTheme* theme, QObject* parent) : QObject(parent), run_(run) {
  connect(run_, &RunController::frameChanged, this, &StageScene::rebuild);
  connect(run_, &RunController::scenarioChanged, this, [this] {
    nodes_.setHighlighted({});
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
  return {entry(tr("heartbeat"), p.message(sim::MessageClass::Heartbeat), "circle"),
          entry(tr("ack"), p.message(sim::MessageClass::Ack), "diamond"),
          entry(tr("leader \u2605"), p.role(sim::Role::Leader, sim::NodeStatus::Up), "square"),
          entry(tr("follower"), p.role(sim::Role::Follower, sim::NodeStatus::Up), "square"),
          entry(tr("suspect"), p.role(sim::Role::Suspect, sim::NodeStatus::Up), "square"),
          entry(tr("crashed"), p.role(sim::Role::None, sim::NodeStatus::Crashed), "square"),
          entry(tr("not in the cluster"), p.role(sim::Role::None, sim::NodeStatus::Removed), "square")};
}

QVariantList StageScene::regions() const {
  QVariantList out;
  for (const RegionItem& r : snapshot_.regions) {
    out.append(QVariantMap{{"name", r.name},
                           {"x", r.x},
                           {"y", r.y},
                           {"width", r.width},
                           {"height", r.height},
                           {"fill", stage_palette().region_fill},
                           {"border", stage_palette().region_border},
                           {"textColor", stage_palette().text}});
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
  const bool regions_differ = next.regions.size() != snapshot_.regions.size() ||
                              !std::equal(next.regions.begin(), next.regions.end(), snapshot_.regions.begin(),
                                          [](const RegionItem& a, const RegionItem& b) {
                                            return a.name == b.name && a.x == b.x && a.y == b.y;
                                          });
  snapshot_ = std::move(next);
  nodes_.update(snapshot_.nodes);
  links_.update(snapshot_.links);
  tokens_.update(snapshot_.tokens);
  if (regions_differ) emit regionsChanged();
  const QString description = describe_cluster(run_->frame(), snapshot_);
  if (description != description_) {
    description_ = description;
    emit descriptionChanged();
  }
  emit updated();
}

}  // namespace cs::ui
