#pragma once
// The window's one run: loads a scenario, drives it with animation time x speed, seeks, records
// the learner's actions, and publishes one frame (core/run/frame.h) after every change. Everything
// else in ui/ reads the frames, never the simulation: this is the only place that includes it.
// Reachable from C++ tests without a window: advanceWallMs() stands in for the frame timer.
#include <QtQml/qqmlregistration.h>
#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <QVector>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "evaluate/quantity.h"
#include "run/frame.h"
#include "scenario/scenario.h"
#include "sim/action.h"

namespace cs::run {
class Run;
}

namespace cs::ui {

class RunController : public QObject {
  Q_OBJECT
  QML_ELEMENT
  QML_UNCREATABLE("Created by the application")
  Q_PROPERTY(qint64 timeUs READ timeUs NOTIFY timeChanged)
  Q_PROPERTY(QString timeText READ timeText NOTIFY timeChanged)
  // The stage's clock: the time, but while the run plays it changes at most ten times a second of
  // wall time (milliseconds that change every frame cannot be read, and laying out new text for
  // each frame was a tenth of a frame's cost); a seek, a step or a pause shows the exact time.
  Q_PROPERTY(QString clockText READ clockText NOTIFY clockTextChanged)
  Q_PROPERTY(bool playing READ playing WRITE setPlaying NOTIFY playingChanged)
  Q_PROPERTY(double speed READ speed WRITE setSpeed NOTIFY speedChanged)
  Q_PROPERTY(quint64 seed READ seed NOTIFY scenarioChanged)
  Q_PROPERTY(QString scenarioId READ scenarioId NOTIFY scenarioChanged)
  Q_PROPERTY(QString scenarioTitle READ scenarioTitle NOTIFY scenarioChanged)
  Q_PROPERTY(QString viewKind READ viewKind NOTIFY scenarioChanged)
  Q_PROPERTY(int inFlight READ inFlight NOTIFY timeChanged)
  Q_PROPERTY(qint64 horizonUs READ horizonUs NOTIFY timeChanged)

 public:
  static constexpr double kMinSpeed = 0.01;
  static constexpr double kMaxSpeed = 100.0;

  explicit RunController(QObject* parent = nullptr);
  ~RunController() override;

  // Loads a built-in scenario id or a scenario file. On failure the current run stays and
  // `error` says why (with the file and JSON path).
  bool loadScenario(const QString& idOrPath, QString* error);
  bool loadScenario(const scenario::Scenario& scenario, std::uint64_t seed);
  bool hasRun() const { return run_ != nullptr; }
  // The trace kept for the panels (the newest records), and how often the run keeps a checkpoint
  // to rewind to in its dense recent window; set before loading. A comparison's branch B, which
  // has no panels of its own, keeps less of both.
  void setTraceBudgetBytes(std::size_t bytes) { trace_budget_bytes_ = bytes; }
  void setCheckpointIntervalUs(sim::TimeUs interval_us) { checkpoint_interval_us_ = interval_us; }

  // The run now. The frame's figures are filled by figures().
  const run::Frame& frame() const { return *frame_; }
  std::shared_ptr<const run::Frame> sharedFrame() const { return frame_; }
  // The metrics, chart series, newest trace records and history of the current moment, computed
  // the first time a panel asks after a change.
  std::shared_ptr<const run::Figures> figures();

  // A quantity of the run now (evaluate/quantity.h), for challenges and predictions.
  evaluate::Value evaluate(const evaluate::Quantity& quantity) const;
  // A challenge's rules: asked before every learner action (`action`) and every undo (nullptr); a
  // non-empty answer refuses it and says why. An empty function allows everything.
  using ActionGate = std::function<QString(const sim::Action* action)>;
  void setActionGate(ActionGate gate) { gate_ = std::move(gate); }
  // While a prediction is open, the seed cannot change (the run must be the scenario's own).
  void setSeedLocked(bool locked) { seed_locked_ = locked; }
  bool seedLocked() const { return seed_locked_; }
  // A look inside one node now (the node inspector), built on demand from its protocol.
  sim::Inspection inspect(int node) const;
  qint64 timeUs() const { return frame_->time_us; }
  QString timeText() const;
  QString clockText() const { return clock_text_; }
  bool playing() const { return playing_; }
  double speed() const { return speed_; }
  quint64 seed() const;
  QString scenarioId() const;
  QString scenarioTitle() const;
  QString viewKind() const;
  int inFlight() const { return static_cast<int>(frame_->tokens.size()); }
  const scenario::Scenario& scenario() const;
  // The end of the timeline: the scenario's duration, or now if the run went past it.
  qint64 horizonUs() const;
  struct Marker {
    qint64 time_us;
    QString label;
    bool learner;  // a learner's action (else the scenario's timeline)
  };
  QVector<Marker> markers() const;
  // The timeline's minimap: trace events in each of `buckets` stretches of [0, horizon), and when
  // event number `index` (0-based) happened, if the run has got that far (run/event_density.h).
  std::vector<std::uint32_t> eventDensity(int buckets) const;
  std::optional<qint64> timeOfEvent(quint64 index) const;
  // Whether the scenario's model promises at most one leader per term (it declares Raft's
  // election-safety invariant): only then are two leaders in one term a fault worth explaining.
  bool promisesOneLeaderPerTerm() const;
  bool hasFuture() const;  // learner actions after now (what "discard the future" drops)
  // The state of the current run as a scenario that reopens exactly (seed and actions included,
  // and the second branch of a comparison, from the comparison source, when one is open).
  scenario::Scenario savedRun() const;
  using ComparisonSource = std::function<std::optional<scenario::Comparison>()>;
  void setComparisonSource(ComparisonSource source) { comparison_source_ = std::move(source); }
  // The second branch the scenario just loaded was saved with, if any (until the next load).
  const std::optional<scenario::Comparison>& pendingComparison() const { return pending_comparison_; }
  // The core run itself, for what compares two runs record by record (ui/run/ only).
  const run::Run* coreRun() const { return run_.get(); }

  // Records a learner's action now and tells what it did (`description`), or why it could not.
  bool act(sim::Action action, const QString& description);
  // Moments to keep quick to rewind to however long the run goes on (a Try it's steps).
  void keepMoments(const QList<qint64>& moments_us);
  // Reports something about an action that was not taken ("select some nodes first").
  void explain(const QString& why);
  const QString& lastActionText() const { return last_action_; }

  // Advances the run as if `wall_ms` of animation had passed at the current speed.
  void advanceWallMs(double wall_ms);

 public slots:
  void setPlaying(bool playing);
  void togglePlaying() { setPlaying(!playing_); }
  void setSpeed(double speed);
  void stepEvent();
  void seekUs(qint64 time_us);
  void reset();
  void setSeed(quint64 seed);
  void discardFuture();
  // Edit > Undo: takes back the learner's newest action on the run (through the same action log
  // rewinding replays) and returns to the same moment without it.
  void undo();

 signals:
  void frameChanged();  // after every change: a new frame is out
  void timeChanged();
  void clockTextChanged();
  void playingChanged();
  void speedChanged();
  void scenarioChanged();
  void actionTaken(const QString& description);
  // A learner's action or undo went through (what a challenge counts).
  void learnerActed();
  // A new seed was refused (a prediction is open): whoever shows the seed shows the run's again.
  void seedRefused();

 private:
  void onFrameTimer();
  // `running`: published by the run playing on (advanceWallMs), which refreshes the clock less.
  void publish(bool running = false);
  void showClock(bool running);

  std::unique_ptr<run::Run> run_;
  std::shared_ptr<const run::Frame> frame_;
  std::shared_ptr<const run::Figures> figures_;  // for frame_, once asked for
  QTimer frame_timer_;
  QElapsedTimer frame_clock_;
  QString clock_text_;
  QElapsedTimer clock_shown_;  // since the clock's text was last refreshed
  bool playing_ = false;
  double speed_ = 0.1;
  double carry_us_ = 0;  // fractions of a microsecond between frames at slow speeds
  QString last_action_;
  ActionGate gate_;
  bool seed_locked_ = false;
  ComparisonSource comparison_source_;
  std::size_t trace_budget_bytes_ = std::size_t{32} << 20;
  std::optional<sim::TimeUs> checkpoint_interval_us_;  // unset: the simulation's own
  std::optional<scenario::Comparison> pending_comparison_;
};

}  // namespace cs::ui
