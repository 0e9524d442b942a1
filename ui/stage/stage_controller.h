#pragma once
// Owns one simulation run and drives it with animation time x speed. After each change it takes a
// snapshot and pushes it into the models that QML draws. Everything here is reachable from C++
// tests without a window: advanceWallMs() stands in for the frame timer.
#include <QtQml/qqmlregistration.h>
#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <memory>

#include "model/view_data.h"
#include "scenario/scenario.h"
#include "sim/simulation.h"
#include "stage/link_list_model.h"
#include "stage/node_list_model.h"
#include "stage/token_list_model.h"

namespace cs::ui {

class StageController : public QObject {
  Q_OBJECT
  QML_ELEMENT
  QML_UNCREATABLE("Created by the application")
  Q_PROPERTY(qint64 timeUs READ timeUs NOTIFY timeChanged)
  Q_PROPERTY(QString timeText READ timeText NOTIFY timeChanged)
  Q_PROPERTY(bool playing READ playing WRITE setPlaying NOTIFY playingChanged)
  Q_PROPERTY(double speed READ speed WRITE setSpeed NOTIFY speedChanged)
  Q_PROPERTY(quint64 seed READ seed NOTIFY scenarioChanged)
  Q_PROPERTY(QString scenarioId READ scenarioId NOTIFY scenarioChanged)
  Q_PROPERTY(QString scenarioTitle READ scenarioTitle NOTIFY scenarioChanged)
  Q_PROPERTY(QString viewKind READ viewKind NOTIFY scenarioChanged)
  Q_PROPERTY(int inFlight READ inFlight NOTIFY timeChanged)
  Q_PROPERTY(qint64 horizonUs READ horizonUs NOTIFY timeChanged)
  Q_PROPERTY(int focusedNode READ focusedNode NOTIFY selectionChanged)
  Q_PROPERTY(int consistencyLevel READ consistencyLevel WRITE setConsistencyLevel NOTIFY consistencyLevelChanged)
  Q_PROPERTY(QVariantList legend READ legend NOTIFY paletteChanged)
  Q_PROPERTY(QVariantList regions READ regions NOTIFY regionsChanged)
  Q_PROPERTY(bool projector READ projector NOTIFY paletteChanged)
  Q_PROPERTY(double typeScale READ typeScale NOTIFY paletteChanged)
  Q_PROPERTY(double lineWidth READ lineWidth NOTIFY paletteChanged)
  Q_PROPERTY(QColor linkColor READ linkColor NOTIFY paletteChanged)
  Q_PROPERTY(QColor cutColor READ cutColor NOTIFY paletteChanged)
  Q_PROPERTY(QColor textColor READ textColor NOTIFY paletteChanged)
  Q_PROPERTY(QColor backgroundColor READ backgroundColor NOTIFY paletteChanged)
  Q_PROPERTY(QString description READ description NOTIFY descriptionChanged)
  Q_PROPERTY(cs::ui::NodeListModel* nodes READ nodes CONSTANT)
  Q_PROPERTY(cs::ui::TokenListModel* tokens READ tokens CONSTANT)
  Q_PROPERTY(cs::ui::LinkListModel* links READ links CONSTANT)

 public:
  static constexpr double kMinSpeed = 0.01;
  static constexpr double kMaxSpeed = 100.0;
  // Size of a node card and a message token on the stage, in pixels (Stage.qml draws them so).
  static constexpr double kCardWidthPx = 116;
  static constexpr double kCardHeightPx = 76;
  static constexpr double kTokenHitPx = 12;

  explicit StageController(QObject* parent = nullptr);
  ~StageController() override;

  // Loads a built-in scenario id or a scenario file. On failure the current run stays and
  // `error` says why (with the file and JSON path).
  bool loadScenario(const QString& idOrPath, QString* error);
  bool loadScenario(const scenario::Scenario& scenario, std::uint64_t seed);

  qint64 timeUs() const;
  QString timeText() const;
  bool playing() const { return playing_; }
  double speed() const { return speed_; }
  quint64 seed() const { return seed_; }
  QString scenarioId() const;
  QString scenarioTitle() const;
  QString viewKind() const { return QString::fromStdString(scenario_.view.kind); }
  int inFlight() const;
  QVariantList legend() const;   // [{label, color, shape}] from the palette
  QVariantList regions() const;  // [{name, x, y, width, height}], normalised
  bool projector() const;
  double typeScale() const;
  double lineWidth() const;
  QColor linkColor() const;
  QColor cutColor() const;
  QColor textColor() const;
  QColor backgroundColor() const;
  // Projector mode: a palette and type scale for projected light.
  void setProjector(bool on);
  // The palette changed (projector, dark or light, font size): redraw everything in it.
  void paletteUpdated();
  // Teacher mode: cards without term, log, commit and lag.
  void setAdvancedHidden(bool hidden);
  bool advancedHidden() const { return advanced_hidden_; }
  // A sentence describing the cluster now, for screen readers (updated as the run goes on).
  const QString& description() const { return description_; }
  const StageSnapshot& snapshot() const { return snapshot_; }
  // The model's ring, shards and topology right now (empty if the model has none).
  model::ModelViewData viewData() const;
  NodeListModel* nodes() { return &nodes_; }
  TokenListModel* tokens() { return &tokens_; }
  LinkListModel* links() { return &links_; }
  const sim::Simulation* simulation() const { return sim_.get(); }
  const scenario::Scenario& scenario() const { return scenario_; }

  // Advances the run as if `wall_ms` of animation had passed at the current speed.
  void advanceWallMs(double wall_ms);

  // The end of the timeline: the scenario's duration, or now if the run went past it.
  qint64 horizonUs() const;
  struct Marker {
    qint64 time_us;
    QString label;
    bool learner;  // a learner's action (else the scenario's timeline)
  };
  QVector<Marker> markers() const;
  bool hasFuture() const;  // learner actions after now (what "discard the future" drops)

  int focusedNode() const { return focused_; }
  QList<int> selectedNodes() const { return selected_; }
  int consistencyLevel() const { return level_; }
  // A sentence describing the last action, or why it could not be done.
  const QString& lastActionText() const { return last_action_; }
  // The state of the current run as a scenario that reopens exactly (seed and actions included).
  scenario::Scenario savedRun() const;

 public slots:
  void setPlaying(bool playing);
  void togglePlaying() { setPlaying(!playing_); }
  void setSpeed(double speed);
  void stepEvent();
  void seekUs(qint64 time_us);
  void reset();
  void setHighlighted(const QStringList& names) { nodes_.setHighlighted(names); }
  void setSeed(quint64 seed);
  void setConsistencyLevel(int level);

  // Selection, by mouse or keyboard.
  void focusNode(int node);
  void focusNext(int step);
  void toggleSelected(int node);
  void clearSelection();

  // Experiments: each is recorded in the run's action log, so rewinding replays it.
  void crashOrRestart(int node);
  // Membership: takes a node out of the cluster (it loses its state), or adds a removed or spare
  // node, which starts afresh.
  void addOrRemove(int node);
  void pauseOrResume(int node);
  void isolate(int node);
  void slowDown(int node);
  void skewClock(int node);
  void partitionSelection();
  void heal();
  void dropMessage(quint64 message_id);
  void dropNextMessageTo(int node);
  void sendWrite(int node);
  void sendRead(int node);
  void discardFuture();

  // A click on the stage at (x, y) in [0, 1] of a stage `width_px` x `height_px` big: focuses the
  // node there (toggle adds it to the selection), drops the message token there, or asks for the
  // node's context menu (context = right button).
  Q_INVOKABLE void clickAt(double x, double y, double width_px, double height_px, bool toggle, bool context);
  // The node whose card covers the point, or -1.
  int nodeAt(double x, double y, double width_px, double height_px) const;

 signals:
  void timeChanged();
  void playingChanged();
  void speedChanged();
  void scenarioChanged();
  void selectionChanged();
  void consistencyLevelChanged();
  void actionTaken(const QString& description);
  void contextMenuRequested(int node);
  void regionsChanged();
  void paletteChanged();
  void descriptionChanged();

 private:
  void onFrame();
  void publish();
  bool validNode(int node) const;
  bool act(sim::Action action, const QString& description);
  void sendRequest(int node, sim::OpType type);

  scenario::Scenario scenario_;
  std::uint64_t seed_ = 0;
  std::unique_ptr<sim::Simulation> sim_;
  NodeListModel nodes_;
  TokenListModel tokens_;
  LinkListModel links_;
  QTimer frame_timer_;
  QElapsedTimer frame_clock_;
  bool playing_ = false;
  bool advanced_hidden_ = false;
  double speed_ = 0.1;
  double carry_us_ = 0;  // fractions of a microsecond between frames at slow speeds
  int focused_ = 0;
  QList<int> selected_;
  int level_ = 0;
  std::int64_t next_key_ = 1;  // keys of the learner's own writes and reads
  QString last_action_;
  StageSnapshot snapshot_;
  QString description_;
};

}  // namespace cs::ui
