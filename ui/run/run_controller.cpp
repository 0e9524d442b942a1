#include "run/run_controller.h"

#include <QFile>
#include <algorithm>
#include <cmath>

#include "catalogue/catalogue.h"
#include "i18n/core_terms.h"
#include "run/event_density.h"
#include "run/run.h"
#include "scenario/builtin.h"

namespace cs::ui {

RunController::RunController(QObject* parent) : QObject(parent), frame_(std::make_shared<run::Frame>()) {
  frame_timer_.setTimerType(Qt::PreciseTimer);
  frame_timer_.setInterval(16);
  connect(&frame_timer_, &QTimer::timeout, this, &RunController::onFrameTimer);
}

RunController::~RunController() = default;

bool RunController::loadScenario(const QString& idOrPath, QString* error) {
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

bool RunController::loadScenario(const scenario::Scenario& s, std::uint64_t seed) {
  sim::SimulationLimits limits;
  limits.trace_budget_bytes = trace_budget_bytes_;
  if (checkpoint_interval_us_) limits.checkpoint_interval_us = *checkpoint_interval_us_;
  // A saved run's second branch is not part of this run: it waits for whoever shows comparisons.
  scenario::Scenario own = s;
  pending_comparison_ = std::move(own.comparison);
  own.comparison.reset();
  run_ = std::make_unique<run::Run>(std::move(own), seed, limits);
  carry_us_ = 0;
  setSpeed(s.view.speed);
  last_action_.clear();
  publish();
  emit scenarioChanged();
  return true;
}

std::shared_ptr<const run::Figures> RunController::figures() {
  if (!run_) return nullptr;
  if (!figures_) figures_ = run_->figures();
  return figures_;
}

QString RunController::timeText() const {
  return QStringLiteral("%1 s").arg(static_cast<double>(timeUs()) / 1e6, 0, 'f', 3);
}

evaluate::Value RunController::evaluate(const evaluate::Quantity& quantity) const {
  if (!run_) return 0.0;
  return evaluate::evaluate(quantity, run_->simulation(), run_->scenario());
}

sim::Inspection RunController::inspect(int node) const {
  if (!run_ || node < 0 || static_cast<std::size_t>(node) >= run_->simulation().world().node_count()) return {};
  return run_->simulation().world().node(static_cast<sim::EndpointId>(node)).protocol->inspect();
}

quint64 RunController::seed() const { return run_ ? run_->seed() : 0; }
const scenario::Scenario& RunController::scenario() const {
  static const scenario::Scenario kNone;
  return run_ ? run_->scenario() : kNone;
}
QString RunController::scenarioId() const { return QString::fromStdString(scenario().id); }
QString RunController::scenarioTitle() const { return QString::fromStdString(scenario().title); }
QString RunController::viewKind() const { return QString::fromStdString(scenario().view.kind); }

void RunController::setPlaying(bool playing) {
  if (playing == playing_ || (playing && !run_)) return;
  playing_ = playing;
  if (playing_) {
    frame_clock_.start();
    frame_timer_.start();
  } else {
    frame_timer_.stop();
    showClock(false);  // paused: the exact time
  }
  emit playingChanged();
}

void RunController::setSpeed(double speed) {
  speed = std::clamp(speed, kMinSpeed, kMaxSpeed);
  if (std::abs(speed - speed_) < 1e-12) return;
  speed_ = speed;
  emit speedChanged();
}

void RunController::onFrameTimer() {
  const double wall_ms = static_cast<double>(frame_clock_.restart());
  // A long stall (a dragged window, a debugger) should not fast-forward the run.
  advanceWallMs(std::min(wall_ms, 100.0));
}

void RunController::advanceWallMs(double wall_ms) {
  if (!run_ || wall_ms <= 0) return;
  carry_us_ += wall_ms * 1000.0 * speed_;
  const auto whole = static_cast<sim::TimeUs>(std::floor(carry_us_));
  if (whole <= 0) return;
  carry_us_ -= static_cast<double>(whole);
  run_->advance_to(run_->now_us() + whole);
  publish(true);
}

void RunController::stepEvent() {
  if (!run_) return;
  setPlaying(false);
  run_->step();
  publish();
}

void RunController::seekUs(qint64 time_us) {
  if (!run_) return;
  time_us = std::max<qint64>(0, time_us);
  const run::Frame& f = *frame_;
  if (time_us < f.rewind_horizon_us) {
    // Older history is kept only at its moments: go to the nearest one, and say why.
    qint64 best = f.rewind_horizon_us;
    for (const sim::TimeUs m : f.quick_moments) {
      if (std::abs(m - time_us) < std::abs(best - time_us)) best = m;
    }
    if (best != time_us) {
      explain(tr("Moments more than ten simulated minutes back are kept only where the lesson stops and where "
                 "you acted: went to %1 s instead.")
                  .arg(static_cast<double>(best) / 1e6, 0, 'f', 1));
    }
    time_us = best;
  }
  run_->seek(time_us);
  publish();
}

void RunController::reset() {
  if (!run_) return;
  setPlaying(false);
  run_->reset();
  publish();
}

void RunController::setSeed(quint64 seed) {
  if (!run_ || seed == run_->seed()) return;
  if (seed_locked_) {
    explain(tr("Answer the prediction first: the seed stays as it is until then."));
    emit seedRefused();  // the seed box shows the run's seed again
    return;
  }
  setPlaying(false);
  scenario::Scenario s = run_->scenario();
  s.actions.clear();
  loadScenario(s, seed);
}

qint64 RunController::horizonUs() const {
  if (!run_) return 0;
  qint64 end = std::max<qint64>(run_->scenario().duration_us, run_->now_us());
  for (const auto& a : run_->actions()) end = std::max<qint64>(end, a.at_us);
  return end;
}

std::vector<std::uint32_t> RunController::eventDensity(int buckets) const {
  if (!run_ || buckets <= 0) return {};
  return run::event_density(run_->series().samples(), horizonUs(), static_cast<std::size_t>(buckets));
}

std::optional<qint64> RunController::timeOfEvent(quint64 index) const {
  if (!run_) return std::nullopt;
  return run::time_of_event(run_->simulation().trace(), run_->series().samples(), index);
}

bool RunController::promisesOneLeaderPerTerm() const {
  if (!run_) return false;
  const model::ModelInfo* m = catalogue::find_model(run_->scenario().model);
  return m && std::any_of(m->invariants.begin(), m->invariants.end(),
                          [](const model::Invariant& i) { return i.id == "election-safety"; });
}

QVector<RunController::Marker> RunController::markers() const {
  QVector<Marker> out;
  if (!run_) return out;
  const auto& s = run_->scenario();
  const auto name = [&s](sim::EndpointId id) {
    return id < s.node_names.size() ? QString::fromStdString(s.node_names[id]) : QString();
  };
  const auto label = [&](const sim::Action& a) {
    const QString what = action_label(a.type);
    const QString who = name(a.node);
    return who.isEmpty() ? what : what + ' ' + who;
  };
  for (const auto& a : s.timeline) out.append({a.at_us, label(a), false});
  for (const auto& a : run_->actions()) out.append({a.at_us, label(a), true});
  return out;
}

bool RunController::hasFuture() const {
  if (!run_) return false;
  return std::any_of(run_->actions().begin(), run_->actions().end(),
                     [this](const sim::Action& a) { return a.at_us > run_->now_us(); });
}

scenario::Scenario RunController::savedRun() const {
  if (!run_) return {};
  scenario::Scenario s = run_->scenario();
  s.seed = run_->seed();
  s.actions = run_->actions();
  if (comparison_source_) s.comparison = comparison_source_();
  return s;
}

bool RunController::act(sim::Action action, const QString& description) {
  if (!run_) return false;
  if (gate_) {
    if (const QString refused = gate_(&action); !refused.isEmpty()) {
      explain(refused);
      return false;
    }
  }
  if (!run_->act(std::move(action))) {
    explain(tr("The run's action log is full; reset the run to act again."));
    return false;
  }
  last_action_ = description;
  publish();
  emit actionTaken(description);
  emit learnerActed();
  return true;
}

void RunController::keepMoments(const QList<qint64>& moments_us) {
  if (run_) run_->keep_moments(std::vector<sim::TimeUs>(moments_us.begin(), moments_us.end()));
}

void RunController::explain(const QString& why) {
  last_action_ = why;
  emit actionTaken(why);
}

void RunController::discardFuture() {
  if (!run_) return;
  run_->branch();
  last_action_ = tr("Discarded the actions after %1: the run goes on from here.").arg(timeText());
  publish();
  emit actionTaken(last_action_);
}

void RunController::undo() {
  if (!run_ || run_->actions().empty()) {
    explain(tr("Nothing to undo: you have not changed this run."));
    return;
  }
  if (gate_) {
    if (const QString refused = gate_(nullptr); !refused.isEmpty()) {
      explain(refused);
      return;
    }
  }
  const sim::Action taken = run_->actions().back();
  run_->undo_last_action();
  last_action_ =
      tr("Undid the %1 at %2 s.").arg(action_label(taken.type)).arg(static_cast<double>(taken.at_us) / 1e6, 0, 'f', 3);
  publish();
  emit actionTaken(last_action_);
  emit learnerActed();
}

void RunController::showClock(bool running) {
  constexpr qint64 kClockRefreshMs = 100;
  if (running && clock_shown_.isValid() && clock_shown_.elapsed() < kClockRefreshMs) return;
  clock_shown_.start();
  const QString text = run_ ? timeText() : QString();
  if (text == clock_text_) return;
  clock_text_ = text;
  emit clockTextChanged();
}

void RunController::publish(bool running) {
  // Arrived messages stay marked for about this long on screen, whatever the speed.
  constexpr double kArrivalMarkWallS = 0.5;
  const auto arrival_window_us = static_cast<sim::TimeUs>(speed_ * kArrivalMarkWallS * 1e6);
  frame_ = std::make_shared<run::Frame>(run_->frame(false, arrival_window_us));
  figures_.reset();
  emit frameChanged();
  emit timeChanged();
  showClock(running);
}

}  // namespace cs::ui
