#include "stage/stage_controller.h"

#include <QFile>
#include <cmath>

#include "scenario/builtin.h"
#include "scenario/run_setup.h"
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
  const auto entry = [](const QString& label, const QColor& color, const QString& shape) {
    return QVariantMap{{"label", label}, {"color", color}, {"shape", shape}};
  };
  return {entry(tr("heartbeat"), p.message(sim::MessageClass::Heartbeat), "circle"),
          entry(tr("ack"), p.message(sim::MessageClass::Ack), "diamond"),
          entry(tr("leader \u2605"), p.role(sim::Role::Leader, sim::NodeStatus::Up), "square"),
          entry(tr("follower"), p.role(sim::Role::Follower, sim::NodeStatus::Up), "square"),
          entry(tr("suspect"), p.role(sim::Role::Suspect, sim::NodeStatus::Up), "square"),
          entry(tr("crashed"), p.role(sim::Role::None, sim::NodeStatus::Crashed), "square")};
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

void StageController::publish() {
  const StageSnapshot snapshot = take_snapshot(sim_->world());
  nodes_.update(snapshot.nodes);
  links_.update(snapshot.links);
  tokens_.update(snapshot.tokens);
  emit timeChanged();
}

}  // namespace cs::ui
