#pragma once
// The learner's experiments on the run: crash or restart a node, take it out of the cluster or add
// it, pause it, isolate it, slow it down, skew its clock, partition, heal, drop a message, send a
// read or a write. Each becomes an action in the run's log (so rewinding replays it) with a
// sentence that says what happened. Sizes come from the core (run/experiments.h).
#include <QList>
#include <QObject>

#include "sim/history.h"

namespace cs::ui {

class RunController;

class LearnerActions : public QObject {
  Q_OBJECT
  Q_PROPERTY(int consistencyLevel READ consistencyLevel WRITE setConsistencyLevel NOTIFY consistencyLevelChanged)

 public:
  explicit LearnerActions(RunController* run, QObject* parent = nullptr);

  int consistencyLevel() const { return level_; }
  // "Slow down (+200 ms)", "Skew clock (+0.5 s)": menu words with the core's sizes.
  static QString slowDownLabel();
  static QString skewClockLabel();

 public slots:
  void crashOrRestart(int node);
  // Membership: takes a node out of the cluster (it loses its state), or adds a removed or spare
  // node, which starts afresh.
  void addOrRemove(int node);
  void pauseOrResume(int node);
  void isolate(int node);
  void slowDown(int node);
  void skewClock(int node);
  // Cuts `side` (node indexes) off from the rest of the cluster; false if it was not done.
  bool partition(const QList<int>& side);
  void heal();
  void dropMessage(quint64 message_id);
  // Says what a message in flight is, and how to drop it (a plain click on it does this).
  void describeMessage(quint64 message_id);
  void dropNextMessageTo(int node);
  void sendWrite(int node);
  void sendRead(int node);
  void setConsistencyLevel(int level);
  // A new run: the learner's own keys start again at 1.
  void restartKeys() { next_key_ = 1; }

 signals:
  void consistencyLevelChanged();

 private:
  bool validNode(int node) const;
  QString name(int node) const;
  void sendRequest(int node, sim::OpType type);

  RunController* run_;
  int level_ = 0;
  std::int64_t next_key_ = 1;  // keys of the learner's own writes and reads
};

}  // namespace cs::ui
