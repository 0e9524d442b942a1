#include "run/challenge_session.h"

#include <algorithm>

#include "i18n/core_terms.h"
#include "progress/results_privacy.h"
#include "run/run_controller.h"

namespace cs::ui {

namespace {

QString value_words(const evaluate::Value& v) { return QString::fromStdString(evaluate::value_text(v)); }

}  // namespace

ChallengeSession::ChallengeSession(RunController* run, QObject* parent) : QObject(parent), run_(run) {
  connect(run_, &RunController::frameChanged, this, &ChallengeSession::check);
  connect(run_, &RunController::learnerActed, this, [this] {
    if (status_ == Status::Playing && !showing_solution_) {
      ++actions_used_;
      emit changed();
    }
  });
}

ChallengeSession::~ChallengeSession() {
  if (active()) run_->setActionGate({});
}

bool ChallengeSession::start(const QString& lesson_id, const course::Challenge& challenge) {
  const scenario::Scenario* base = course::builtin_scenario(challenge.scenario);
  if (!base) return false;
  challenge_ = challenge;
  lesson_id_ = lesson_id;
  actions_used_ = 0;
  met_at_us_ = -1;
  showing_solution_ = false;
  status_ = Status::Playing;
  run_->setActionGate({});
  const scenario::Scenario s = course::challenge_scenario(challenge, *base);
  if (!run_->loadScenario(s, s.seed)) {
    status_ = Status::Off;
    return false;
  }
  run_->setActionGate([this](const sim::Action* action) { return gate(action); });
  emit changed();
  return true;
}

void ChallengeSession::showSolution() {
  if (!challenge_ || results_hidden()) return;  // solutions stay hidden with the results
  const scenario::Scenario* base = course::builtin_scenario(challenge_->scenario);
  if (!base) return;
  scenario::Scenario s = course::challenge_scenario(*challenge_, *base);
  s.actions = challenge_->solution;  // replayed as the learner's, at their recorded moments
  run_->setActionGate({});
  showing_solution_ = true;
  status_ = Status::Playing;
  actions_used_ = static_cast<int>(challenge_->solution.size());
  met_at_us_ = -1;
  run_->loadScenario(s, s.seed);
  run_->setPlaying(true);
  emit changed();
}

void ChallengeSession::stop() {
  if (!active()) return;
  run_->setActionGate({});
  status_ = Status::Off;
  challenge_.reset();
  emit changed();
}

QString ChallengeSession::gate(const sim::Action* action) const {
  if (!challenge_ || status_ != Status::Playing) return {};
  if (actions_used_ >= challenge_->max_actions) {
    return tr("You have used all %n action(s) this challenge allows. Start it again to try another way.", nullptr,
              challenge_->max_actions);
  }
  if (action && !challenge_->allowed.contains(action->type)) {
    QStringList allowed;
    for (const sim::ActionType t : challenge_->allowed) allowed << action_label(t);
    return tr("This challenge does not allow a %1. Allowed: %2.").arg(action_label(action->type), allowed.join(", "));
  }
  if (action && action->at_us > challenge_->time_limit_us) return tr("The challenge's time limit has passed.");
  return {};
}

void ChallengeSession::check() {
  if (!challenge_) return;
  emit watchChanged();
  if (status_ != Status::Playing) return;
  const bool all =
      std::all_of(challenge_->conditions.begin(), challenge_->conditions.end(),
                  [this](const evaluate::Condition& c) { return evaluate::holds(c, run_->evaluate(c.quantity)); });
  if (all) {
    status_ = Status::Met;
    met_at_us_ = run_->timeUs();
    run_->setPlaying(false);
    run_->setActionGate({});
    if (!showing_solution_) {
      emit met(lesson_id_, QString::fromStdString(challenge_->id), met_at_us_, actions_used_);
    }
    emit changed();
    return;
  }
  if (run_->timeUs() > challenge_->time_limit_us) {
    status_ = Status::TimeUp;
    run_->setPlaying(false);
    run_->setActionGate({});
    emit changed();
  }
}

QStringList ChallengeSession::watchLines() const {
  QStringList out;
  if (!challenge_) return out;
  for (const course::ChallengeWatch& w : challenge_->watch) {
    out << tr("%1: %2").arg(QString::fromStdString(w.label), value_words(run_->evaluate(w.quantity)));
  }
  return out;
}

}  // namespace cs::ui
