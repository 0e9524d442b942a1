#pragma once
// Owns one simulation run and drives it with animation time x speed. After each change it takes a
// snapshot and pushes it into the models that QML draws. Everything here is reachable from C++
// tests without a window: advanceWallMs() stands in for the frame timer.
#include <QtQml/qqmlregistration.h>
#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <memory>

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
  Q_PROPERTY(int inFlight READ inFlight NOTIFY timeChanged)
  Q_PROPERTY(QVariantList legend READ legend CONSTANT)
  Q_PROPERTY(cs::ui::NodeListModel* nodes READ nodes CONSTANT)
  Q_PROPERTY(cs::ui::TokenListModel* tokens READ tokens CONSTANT)
  Q_PROPERTY(cs::ui::LinkListModel* links READ links CONSTANT)

 public:
  static constexpr double kMinSpeed = 0.01;
  static constexpr double kMaxSpeed = 100.0;

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
  int inFlight() const;
  QVariantList legend() const;  // [{label, color, shape}] from the palette
  NodeListModel* nodes() { return &nodes_; }
  TokenListModel* tokens() { return &tokens_; }
  LinkListModel* links() { return &links_; }
  const sim::Simulation* simulation() const { return sim_.get(); }
  const scenario::Scenario& scenario() const { return scenario_; }

  // Advances the run as if `wall_ms` of animation had passed at the current speed.
  void advanceWallMs(double wall_ms);

 public slots:
  void setPlaying(bool playing);
  void togglePlaying() { setPlaying(!playing_); }
  void setSpeed(double speed);
  void stepEvent();
  void seekUs(qint64 time_us);
  void reset();
  void setHighlighted(const QStringList& names) { nodes_.setHighlighted(names); }

 signals:
  void timeChanged();
  void playingChanged();
  void speedChanged();
  void scenarioChanged();

 private:
  void onFrame();
  void publish();

  scenario::Scenario scenario_;
  std::uint64_t seed_ = 0;
  std::unique_ptr<sim::Simulation> sim_;
  NodeListModel nodes_;
  TokenListModel tokens_;
  LinkListModel links_;
  QTimer frame_timer_;
  QElapsedTimer frame_clock_;
  bool playing_ = false;
  double speed_ = 0.1;
  double carry_us_ = 0;  // fractions of a microsecond between frames at slow speeds
};

}  // namespace cs::ui
