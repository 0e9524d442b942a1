#include "sim/simulation.h"

#include <algorithm>
#include <cassert>

namespace cs::sim {

Simulation::Simulation(World initial, SimulationLimits limits, std::vector<Action> actions)
    : limits_(limits),
      initial_(std::move(initial)),
      world_(initial_),
      trace_(limits.trace_budget_bytes),
      checkpoint_interval_us_(limits.checkpoint_interval_us) {
  assert(!world_.started());
  assert(checkpoint_interval_us_ > 0);
  world_.set_trace_sink(&trace_);
  world_.start();
  initial_ = world_;
  initial_.set_trace_sink(nullptr);
  checkpoints_.push_back({0, initial_, trace_.total(), 0});
  actions_ = std::move(actions);
  std::stable_sort(actions_.begin(), actions_.end(),
                   [](const Action& a, const Action& b) { return a.at_us < b.at_us; });
  if (actions_.size() > limits_.max_actions) actions_.resize(limits_.max_actions);
}

TimeUs Simulation::next_item_us() const {
  const TimeUs event = world_.next_event_us();
  if (next_action_ < actions_.size()) {
    const TimeUs action = actions_[next_action_].at_us;
    // An action at time T runs after every event at T: it is due before events later than T.
    if (action < event) return action;
  }
  return event;
}

void Simulation::maybe_checkpoint(TimeUs upcoming_us) {
  // A checkpoint stamped T holds everything before T and nothing at or after it.
  TimeUs next = checkpoints_.back().time_us + checkpoint_interval_us_;
  while (upcoming_us >= next) {
    assert(world_.now_us() <= next);
    world_.advance_to(next);
    checkpoints_.push_back({next, world_, trace_.total(), next_action_});
    checkpoints_.back().world.set_trace_sink(nullptr);
    if (checkpoints_.size() > limits_.max_checkpoints) thin_checkpoints();
    next = checkpoints_.back().time_us + checkpoint_interval_us_;
    // Several empty intervals in a row need only the last checkpoint.
    if (upcoming_us >= next && upcoming_us != kTimeNever) {
      next += (upcoming_us - next) / checkpoint_interval_us_ * checkpoint_interval_us_;
    }
  }
}

void Simulation::thin_checkpoints() {
  // Keep time 0 and every checkpoint on the doubled grid: memory stays bounded for any run length.
  checkpoint_interval_us_ *= 2;
  std::vector<Checkpoint> kept;
  for (auto& c : checkpoints_) {
    if (c.time_us % checkpoint_interval_us_ == 0) kept.push_back(std::move(c));
  }
  checkpoints_ = std::move(kept);
}

bool Simulation::step() {
  const TimeUs upcoming = next_item_us();
  if (upcoming == kTimeNever) return false;
  maybe_checkpoint(upcoming);
  if (next_action_ < actions_.size() && actions_[next_action_].at_us == upcoming && upcoming < world_.next_event_us()) {
    world_.advance_to(upcoming);
    world_.apply(actions_[next_action_++]);
    return true;
  }
  return world_.process_next();
}

void Simulation::run_until(TimeUs t) {
  assert(t >= now_us());
  while (next_item_us() <= t) step();
  maybe_checkpoint(t);
  world_.advance_to(t);
}

void Simulation::restore(const Checkpoint& c) {
  world_ = c.world;
  world_.set_trace_sink(&trace_);
  if (c.trace_total > trace_.total()) {
    trace_.restart_at(c.trace_total);
  } else {
    trace_.truncate(c.trace_total);
  }
  next_action_ = c.next_action;
  assert(world_.trace_count() == c.trace_total);
}

void Simulation::seek(TimeUs t) {
  assert(t >= 0);
  // The last checkpoint at or before t; the first one (time 0) always qualifies. Restoring it is
  // needed to go backwards, and saves replaying when going forwards past known checkpoints.
  auto it = std::upper_bound(checkpoints_.begin(), checkpoints_.end(), t,
                             [](TimeUs v, const Checkpoint& c) { return v < c.time_us; });
  assert(it != checkpoints_.begin());
  const Checkpoint& nearest = *std::prev(it);
  if (t < now_us() || nearest.time_us > now_us()) restore(nearest);
  run_until(t);
}

void Simulation::branch() {
  const TimeUs now = now_us();
  // Actions at exactly `now` that have already been applied stay; later ones go.
  actions_.erase(actions_.begin() + static_cast<std::ptrdiff_t>(next_action_), actions_.end());
  // Checkpoints after now were taken on the old future.
  while (checkpoints_.size() > 1 && checkpoints_.back().time_us > now) checkpoints_.pop_back();
}

bool Simulation::act(Action action) {
  if (actions_.size() >= limits_.max_actions) return false;
  // Finish every event at the current instant first, so that a replay applies the action at the
  // same point in the sequence as now.
  run_until(now_us());
  if (next_action_ < actions_.size()) branch();
  action.at_us = now_us();
  actions_.push_back(action);
  world_.apply(actions_[next_action_++]);
  return true;
}

void Simulation::reset() {
  actions_.clear();
  next_action_ = 0;
  checkpoints_.resize(1);
  checkpoint_interval_us_ = limits_.checkpoint_interval_us;
  restore(checkpoints_.front());
}

}  // namespace cs::sim
