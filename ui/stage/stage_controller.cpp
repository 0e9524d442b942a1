#include "stage/stage_controller.h"

#include <QFile>
#include <cmath>

#include "catalogue/catalogue.h"
#include "i18n/core_terms.h"
#include "scenario/builtin.h"
#include "scenario/run_setup.h"
#include "stage/cluster_description.h"
#include "theme/palette.h"

namespace cs::ui {

StageController::StageController(QObject* parent) : QObject(parent) {
  frame_timer_.setTimerType(Qt::PreciseTimer);
  frame_timer_.setInterval(16);
  connect(&frame_timer_, &QTimer::timeout, this, &StageController::onFrame);
}

StageController::~StageController() = default;

bool StageController::loadScenario(const QString& idOrPath, QString* error) {
  std::string text;
  std::string source;
  if (const auto* builtin = scenario::find_builtin(idOrPath.toStdString())) {
    text = std::string(builtin->json);
    source = "builtin:" + idOrPath.toStdString();
  } else {
    QFile file(idOrPath);
    if (!file.open(QIODevice::ReadOnly)) {
      if (error) *error = tr("No built-in scenario or readable file named \"%1\".").arg(idOrPath);
      return false;
    }
    text = file.readAll().toStdString();
    source = idOrPath.toStdString();
  }
  try {
    const scenario::Scenario s = scenario::load_scenario(text, source);
    return loadScenario(s, s.seed);
  } catch (const scenario::ScenarioError& e) {
    if (error) *error = QString::fromStdString(e.what());
    return false;
  }
}

bool StageController::loadScenario(const scenario::Scenario& s, std::uint64_t seed) {
  scenario_ = s;
  seed_ = seed;
  sim::SimulationLimits limits;
  limits.trace_budget_bytes = std::size_t{32} << 20;
  sim_ = scenario::start_run(scenario_, seed_, limits);
  carry_us_ = 0;
  nodes_.setHighlighted({});
  selected_.clear();
  nodes_.setSelected(selected_);
  focused_ = 0;
  nodes_.setFocused(focused_);
  next_key_ = 1;
  setSpeed(s.view.speed);
  emit scenarioChanged();
  publish();
  return true;
}

qint64 StageController::timeUs() const { return sim_ ? sim_->now_us() : 0; }

QString StageController::timeText() const {
  return QStringLiteral("%1 s").arg(static_cast<double>(timeUs()) / 1e6, 0, 'f', 3);
}

QString StageController::scenarioId() const { return QString::fromStdString(scenario_.id); }
QString StageController::scenarioTitle() const { return QString::fromStdString(scenario_.title); }
int StageController::inFlight() const { return sim_ ? static_cast<int>(sim_->world().in_flight_count()) : 0; }

QVariantList StageController::legend() const {
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

void StageController::setPlaying(bool playing) {
  if (playing == playing_ || (playing && !sim_)) return;
  playing_ = playing;
  if (playing_) {
    frame_clock_.start();
    frame_timer_.start();
  } else {
    frame_timer_.stop();
  }
  emit playingChanged();
}

void StageController::setSpeed(double speed) {
  speed = std::clamp(speed, kMinSpeed, kMaxSpeed);
  if (std::abs(speed - speed_) < 1e-12) return;
  speed_ = speed;
  emit speedChanged();
}

void StageController::onFrame() {
  const double wall_ms = static_cast<double>(frame_clock_.restart());
  // A long stall (a dragged window, a debugger) should not fast-forward the run.
  advanceWallMs(std::min(wall_ms, 100.0));
}

void StageController::advanceWallMs(double wall_ms) {
  if (!sim_ || wall_ms <= 0) return;
  carry_us_ += wall_ms * 1000.0 * speed_;
  const auto whole = static_cast<sim::TimeUs>(std::floor(carry_us_));
  if (whole <= 0) return;
  carry_us_ -= static_cast<double>(whole);
  sim_->run_until(sim_->now_us() + whole);
  publish();
}

void StageController::stepEvent() {
  if (!sim_) return;
  setPlaying(false);
  sim_->step();
  publish();
}

void StageController::seekUs(qint64 time_us) {
  if (!sim_) return;
  sim_->seek(std::max<qint64>(0, time_us));
  publish();
}

void StageController::reset() {
  if (!sim_) return;
  setPlaying(false);
  sim_->reset();
  publish();
}

qint64 StageController::horizonUs() const {
  if (!sim_) return 0;
  qint64 end = std::max<qint64>(scenario_.duration_us, sim_->now_us());
  for (const auto& a : sim_->actions()) end = std::max<qint64>(end, a.at_us);
  return end;
}

QVector<StageController::Marker> StageController::markers() const {
  QVector<Marker> out;
  const auto name = [this](sim::EndpointId id) {
    return id < scenario_.node_names.size() ? QString::fromStdString(scenario_.node_names[id]) : QString();
  };
  const auto label = [&](const sim::Action& a) {
    const QString what = action_label(a.type);
    const QString who = name(a.node);
    return who.isEmpty() ? what : what + ' ' + who;
  };
  for (const auto& a : scenario_.timeline) out.append({a.at_us, label(a), false});
  if (sim_) {
    for (const auto& a : sim_->actions()) out.append({a.at_us, label(a), true});
  }
  return out;
}

bool StageController::hasFuture() const {
  if (!sim_) return false;
  for (const auto& a : sim_->actions()) {
    if (a.at_us > sim_->now_us()) return true;
  }
  return false;
}

scenario::Scenario StageController::savedRun() const {
  scenario::Scenario s = scenario_;
  s.seed = seed_;
  if (sim_) s.actions = sim_->actions();
  return s;
}

void StageController::setSeed(quint64 seed) {
  if (!sim_ || seed == seed_) return;
  setPlaying(false);
  scenario::Scenario s = scenario_;
  s.actions.clear();
  loadScenario(s, seed);
}

void StageController::setConsistencyLevel(int level) {
  level = std::clamp(level, 0, 255);
  if (level == level_) return;
  level_ = level;
  emit consistencyLevelChanged();
}

bool StageController::validNode(int node) const {
  return sim_ && node >= 0 && node < static_cast<int>(sim_->world().node_count());
}

void StageController::focusNode(int node) {
  if (!validNode(node) || node == focused_) return;
  focused_ = node;
  nodes_.setFocused(focused_);
  emit selectionChanged();
}

void StageController::focusNext(int step) {
  if (!sim_) return;
  const int n = static_cast<int>(sim_->world().node_count());
  focusNode(((focused_ + step) % n + n) % n);
}

void StageController::toggleSelected(int node) {
  if (!validNode(node)) return;
  if (selected_.contains(node)) {
    selected_.removeAll(node);
  } else {
    selected_.append(node);
  }
  nodes_.setSelected(selected_);
  emit selectionChanged();
}

void StageController::clearSelection() {
  if (selected_.isEmpty()) return;
  selected_.clear();
  nodes_.setSelected(selected_);
  emit selectionChanged();
}

bool StageController::act(sim::Action action, const QString& description) {
  if (!sim_) return false;
  if (!sim_->act(action)) {
    last_action_ = tr("The run's action log is full; reset the run to act again.");
    emit actionTaken(last_action_);
    return false;
  }
  last_action_ = description;
  publish();
  emit actionTaken(description);
  return true;
}

namespace {
sim::Action make_action(sim::ActionType type, int node = -1) {
  sim::Action a;
  a.type = type;
  if (node >= 0) a.node = static_cast<sim::EndpointId>(node);
  return a;
}
}  // namespace

void StageController::addOrRemove(int node) {
  if (!validNode(node)) return;
  const QString name = nodes_.items()[node].name;
  if (sim_->world().node(static_cast<sim::EndpointId>(node)).status == sim::NodeStatus::Removed) {
    act(make_action(sim::ActionType::AddNode, node),
        tr("Added %1 to the cluster: it starts empty, as a newly provisioned server.").arg(name));
  } else {
    act(make_action(sim::ActionType::RemoveNode, node),
        tr("Removed %1 from the cluster: its data goes with it; add it again to start it afresh.").arg(name));
  }
}

void StageController::crashOrRestart(int node) {
  if (!validNode(node)) return;
  const QString name = nodes_.items()[node].name;
  if (sim_->world().node(static_cast<sim::EndpointId>(node)).status == sim::NodeStatus::Removed) {
    emit actionTaken(tr("%1 is not in the cluster: add it first (A).").arg(name));
    return;
  }
  if (sim_->world().node(static_cast<sim::EndpointId>(node)).status == sim::NodeStatus::Crashed) {
    act(make_action(sim::ActionType::Restart, node), tr("Restarted %1: it keeps what it wrote to disk.").arg(name));
  } else {
    act(make_action(sim::ActionType::Crash, node),
        tr("Crashed %1: it loses everything held only in memory.").arg(name));
  }
}

void StageController::pauseOrResume(int node) {
  if (!validNode(node)) return;
  const QString name = nodes_.items()[node].name;
  if (sim_->world().node(static_cast<sim::EndpointId>(node)).status == sim::NodeStatus::Paused) {
    act(make_action(sim::ActionType::Resume, node), tr("Resumed %1: it handles everything that waited.").arg(name));
  } else {
    act(make_action(sim::ActionType::Pause, node),
        tr("Paused %1, as a long garbage-collection pause would.").arg(name));
  }
}

void StageController::isolate(int node) {
  if (!validNode(node)) return;
  act(make_action(sim::ActionType::Isolate, node),
      tr("Isolated %1 from every other node.").arg(nodes_.items()[node].name));
}

void StageController::slowDown(int node) {
  if (!validNode(node)) return;
  sim::Action a = make_action(sim::ActionType::SlowDown, node);
  a.value = 200'000;
  act(a, tr("Every message to or from %1 now takes 200 ms longer.").arg(nodes_.items()[node].name));
}

void StageController::skewClock(int node) {
  if (!validNode(node)) return;
  const sim::TimeUs skew = sim_->world().node(static_cast<sim::EndpointId>(node)).clock_skew_us + 500'000;
  sim::Action a = make_action(sim::ActionType::SetClockSkew, node);
  a.value = skew;
  act(a, tr("%1's clock now runs %2 s ahead.").arg(nodes_.items()[node].name).arg(static_cast<double>(skew) / 1e6));
}

void StageController::partitionSelection() {
  if (!sim_) return;
  QList<int> side = selected_;
  if (side.isEmpty()) side = {focused_};
  sim::Action a = make_action(sim::ActionType::Partition);
  std::vector<sim::EndpointId> first, second;
  QStringList names;
  for (int i = 0; i < static_cast<int>(sim_->world().node_count()); ++i) {
    if (side.contains(i)) {
      first.push_back(static_cast<sim::EndpointId>(i));
      names << nodes_.items()[i].name;
    } else {
      second.push_back(static_cast<sim::EndpointId>(i));
    }
  }
  if (first.empty() || second.empty()) {
    last_action_ = tr("A partition needs nodes on both sides: select some nodes, not all.");
    emit actionTaken(last_action_);
    return;
  }
  a.groups = {first, second};
  if (act(a, tr("Partitioned %1 from the rest of the cluster.").arg(names.join(", ")))) clearSelection();
}

void StageController::heal() {
  act(make_action(sim::ActionType::Heal), tr("Healed the network: every link works again."));
}

void StageController::dropMessage(quint64 message_id) {
  sim::Action a = make_action(sim::ActionType::DropMessage);
  a.value = static_cast<std::int64_t>(message_id);
  act(a, tr("Dropped message %1 in flight.").arg(message_id));
}

void StageController::dropNextMessageTo(int node) {
  if (!validNode(node)) return;
  const sim::InFlightMessage* next = nullptr;
  const auto flying = sim_->world().in_flight();
  for (const auto& m : flying) {
    if (m.to == static_cast<sim::EndpointId>(node) && (!next || m.arrive_us < next->arrive_us)) next = &m;
  }
  if (!next) {
    last_action_ = tr("No message is on its way to %1.").arg(nodes_.items()[node].name);
    emit actionTaken(last_action_);
    return;
  }
  dropMessage(next->id);
}

void StageController::sendRequest(int node, sim::OpType type) {
  if (!validNode(node)) return;
  sim::Action a = make_action(sim::ActionType::ClientRequest, node);
  a.op_type = type;
  a.key = type == sim::OpType::Write ? next_key_++ : std::max<std::int64_t>(1, next_key_ - 1);
  a.level = static_cast<std::uint8_t>(level_);
  act(a, type == sim::OpType::Write ? tr("Sent a write of key %1 to %2.").arg(a.key).arg(nodes_.items()[node].name)
                                    : tr("Sent a read of key %1 to %2.").arg(a.key).arg(nodes_.items()[node].name));
}

void StageController::sendWrite(int node) { sendRequest(node, sim::OpType::Write); }
void StageController::sendRead(int node) { sendRequest(node, sim::OpType::Read); }

void StageController::discardFuture() {
  if (!sim_) return;
  sim_->branch();
  last_action_ = tr("Discarded the actions after %1: the run goes on from here.").arg(timeText());
  publish();
  emit actionTaken(last_action_);
}

int StageController::nodeAt(double x, double y, double width_px, double height_px) const {
  const auto& nodes = nodes_.items();
  for (int i = 0; i < nodes.size(); ++i) {
    if (std::abs((x - nodes[i].x) * width_px) <= kCardWidthPx * nodes[i].scale / 2 &&
        std::abs((y - nodes[i].y) * height_px) <= kCardHeightPx * nodes[i].scale / 2) {
      return i;
    }
  }
  return -1;
}

void StageController::clickAt(double x, double y, double width_px, double height_px, bool toggle, bool context) {
  if (!sim_) return;
  if (!context) {
    for (const auto& t : tokens_.items()) {
      if (std::abs((x - t.x) * width_px) <= kTokenHitPx && std::abs((y - t.y) * height_px) <= kTokenHitPx) {
        dropMessage(t.id);
        return;
      }
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

model::ModelViewData StageController::viewData() const {
  const model::ModelInfo* model = catalogue::find_model(scenario_.model);
  if (!sim_ || !model || !model->view_data) return {};
  return model->view_data(sim_->world(), scenario_.params);
}

bool StageController::projector() const { return stage_palette().projector; }
double StageController::typeScale() const { return stage_palette().type_scale; }
double StageController::lineWidth() const { return stage_palette().line_width; }
QColor StageController::linkColor() const { return stage_palette().link; }
QColor StageController::cutColor() const { return stage_palette().cut_link; }
QColor StageController::textColor() const { return stage_palette().text; }
QColor StageController::backgroundColor() const { return stage_palette().background; }

void StageController::setProjector(bool on) {
  if (on == projector()) return;
  use_projector_palette(on);
  paletteUpdated();
}

void StageController::paletteUpdated() {
  emit paletteChanged();
  emit regionsChanged();
  if (sim_) publish();
}

void StageController::setAdvancedHidden(bool hidden) {
  if (hidden == advanced_hidden_) return;
  advanced_hidden_ = hidden;
  if (sim_) publish();
}

QVariantList StageController::regions() const {
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

void StageController::publish() {
  SnapshotHints hints;
  hints.layout = scenario_.view.layout;
  for (const auto& r : scenario_.regions) hints.region_names.push_back(r.name);
  hints.edges = viewData().edges;
  hints.advanced = !advanced_hidden_;
  const bool regions_differ = [&] {
    StageSnapshot next = take_snapshot(sim_->world(), hints, &sim_->trace());
    const bool differ = next.regions.size() != snapshot_.regions.size() ||
                        !std::equal(next.regions.begin(), next.regions.end(), snapshot_.regions.begin(),
                                    [](const RegionItem& a, const RegionItem& b) {
                                      return a.name == b.name && a.x == b.x && a.y == b.y;
                                    });
    snapshot_ = std::move(next);
    return differ;
  }();
  nodes_.update(snapshot_.nodes);
  links_.update(snapshot_.links);
  tokens_.update(snapshot_.tokens);
  if (regions_differ) emit regionsChanged();
  const QString description = describe_cluster(sim_->world(), snapshot_);
  if (description != description_) {
    description_ = description;
    emit descriptionChanged();
  }
  emit timeChanged();
}

}  // namespace cs::ui
