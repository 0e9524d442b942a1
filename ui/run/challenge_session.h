#pragma once
// A challenge being played (course/challenge.h): loads its scenario, holds the learner to its
// rules (allowed actions, the action limit, the time limit; an undo counts as an action), checks
// the goal on every frame and, when it is met, pauses the run and says so. The goal panel shows
// what this publishes; the core's evaluator computes every value.
#include <QObject>
#include <QStringList>
#include <optional>

#include "course/challenge.h"

namespace cs::ui {

class RunController;

class ChallengeSession : public QObject {
  Q_OBJECT

 public:
  enum class Status { Off, Playing, Met, TimeUp };

  explicit ChallengeSession(RunController* run, QObject* parent = nullptr);
  ~ChallengeSession() override;

  // Starts (or restarts) a challenge of a lesson: its scenario from time 0, no action used.
  bool start(const QString& lesson_id, const course::Challenge& challenge);
  // Plays the recorded solution on the stage (teacher mode): the same scenario with its actions.
  // Not while results are hidden (progress/results_privacy.h): a solution is hidden with them.
  void showSolution();
  void stop();

  Status status() const { return status_; }
  bool active() const { return status_ != Status::Off; }
  const course::Challenge& challenge() const { return *challenge_; }
  const QString& lessonId() const { return lesson_id_; }
  int actionsUsed() const { return actions_used_; }
  qint64 metAtUs() const { return met_at_us_; }
  bool showingSolution() const { return showing_solution_; }
  // "Acknowledged writes lost: 2", one line per watched quantity, evaluated now.
  QStringList watchLines() const;

 signals:
  void changed();       // status, the actions used or the challenge itself
  void watchChanged();  // a new frame: the watched values may have changed
  void met(const QString& lesson_id, const QString& challenge_id, qint64 met_at_us, int actions_used);

 private:
  QString gate(const sim::Action* action) const;
  void check();

  RunController* run_;
  std::optional<course::Challenge> challenge_;
  QString lesson_id_;
  Status status_ = Status::Off;
  int actions_used_ = 0;
  qint64 met_at_us_ = -1;
  bool showing_solution_ = false;
};

}  // namespace cs::ui
