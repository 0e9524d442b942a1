#include "sim/simulation.h"

#include <algorithm>
#include <cassert>

namespace cs::sim {

Simulation::Simulation(World initial, SimulationLimits limits, std::vector<Action> actions)
    : limits_(limits),
      initial_(std::move(initial)),
      world_(initial_),
      trace_(limits.trace_budget_bytes),
      next_grid_us_(limits.checkpoint_interval_us) {
  assert(!world_.started());
  assert(limits_.checkpoint_interval_us > 0 && limits_.sparse_interval_us % limits_.checkpoint_interval_us == 0);
  world_.set_trace_sink(&trace_);
  world_.start();
  initial_ = world_;
  initial_.set_trace_sink(nullptr);
  checkpoints_.push_back({0, initial_, trace_.total(), 0, Keep::Moment});
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

void Simulation::keep_moments(std::vector<TimeUs> moments_us) {
  std::sort(moments_us.begin(), moments_us.end());
  moments_us.erase(std::unique(moments_us.begin(), moments_us.end()), moments_us.end());
  moments_us_ = std::move(moments_us);
}

TimeUs Simulation::next_moment_after(TimeUs t) const {
  const auto it = std::upper_bound(moments_us_.begin(), moments_us_.end(), t);
  return it == moments_us_.end() ? kTimeNever : *it;
}

void Simulation::maybe_checkpoint(TimeUs upcoming_us) {
  // A checkpoint stamped T holds everything before T and nothing at or after it.
  while (true) {
    const TimeUs moment = next_moment_after(checkpoints_.back().time_us);
    const TimeUs next = std::min(next_grid_us_, moment);
    if (upcoming_us < next) break;
    assert(world_.now_us() <= next);
    world_.advance_to(next);
    push_checkpoint(next, next == moment ? Keep::Moment : Keep::Grid);
    if (next == next_grid_us_) next_grid_us_ += limits_.checkpoint_interval_us;
    // Several empty intervals in a row need only the last checkpoint.
    if (upcoming_us != kTimeNever && upcoming_us >= next_grid_us_ + limits_.checkpoint_interval_us) {
      next_grid_us_ += (upcoming_us - next_grid_us_) / limits_.checkpoint_interval_us * limits_.checkpoint_interval_us;
    }
  }
}

void Simulation::push_checkpoint(TimeUs time_us, Keep keep) {
  checkpoints_.push_back({time_us, world_, trace_.total(), next_action_, keep});
  checkpoints_.back().world.set_trace_sink(nullptr);
  thin_checkpoints();
}

void Simulation::thin_checkpoints() {
  // Beyond the recent window keep the anchors and a sparse grid; bound both.
  const TimeUs horizon = rewind_horizon_us();
  std::size_t sparse = 0;
  std::size_t actions = 0;
  std::vector<bool> keep(checkpoints_.size(), true);
  for (std::size_t i = checkpoints_.size(); i-- > 1;) {  // newest first; [0] (time 0) always stays
    const Checkpoint& c = checkpoints_[i];
    if (c.keep == Keep::Action) {
      keep[i] = ++actions <= limits_.max_anchors;
    } else if (c.time_us < horizon && c.keep == Keep::Grid) {
      keep[i] = c.time_us % limits_.sparse_interval_us == 0 && ++sparse <= limits_.max_sparse;
    }
  }
  if (std::find(keep.begin(), keep.end(), false) == keep.end()) return;
  std::vector<Checkpoint> kept;
  kept.reserve(checkpoints_.size());
  for (std::size_t i = 0; i < checkpoints_.size(); ++i) {
    if (keep[i]) kept.push_back(std::move(checkpoints_[i]));
  }
  checkpoints_ = std::move(kept);
}

TimeUs Simulation::rewind_horizon_us() const {
  // The window trails the furthest the run has been (its newest checkpoint), not the moment shown.
  const TimeUs newest = std::max(now_us(), checkpoints_.back().time_us);
  return std::max<TimeUs>(0, newest - limits_.recent_window_us);
}

std::vector<TimeUs> Simulation::quick_moments_before_horizon() const {
  std::vector<TimeUs> out;
  const TimeUs horizon = rewind_horizon_us();
  for (const Checkpoint& c : checkpoints_) {
    if (c.time_us < horizon && c.keep != Keep::Grid) out.push_back(c.time_us);
  }
  return out;
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
  next_grid_us_ = (checkpoints_.back().time_us / limits_.checkpoint_interval_us + 1) * limits_.checkpoint_interval_us;
}

bool Simulation::undo_last_action() {
  if (actions_.empty()) return false;
  const std::size_t last = actions_.size() - 1;
  const TimeUs until = std::min(now_us(), actions_.back().at_us);
  // Checkpoints taken once the action was applied hold its effects; act() took one just before
  // applying it, which stays and is where the replay starts.
  while (checkpoints_.size() > 1 && checkpoints_.back().next_action > last) checkpoints_.pop_back();
  actions_.pop_back();
  auto it = std::upper_bound(checkpoints_.begin(), checkpoints_.end(), until,
                             [](TimeUs v, const Checkpoint& c) { return v < c.time_us; });
  assert(it != checkpoints_.begin());
  restore(*std::prev(it));
  assert(next_action_ <= actions_.size());
  next_grid_us_ = (checkpoints_.back().time_us / limits_.checkpoint_interval_us + 1) * limits_.checkpoint_interval_us;
  run_until(until);
  return true;
}

bool Simulation::act(Action action) {
  if (actions_.size() >= limits_.max_actions) return false;
  // Finish every event at the current instant first, so that a replay applies the action at the
  // same point in the sequence as now.
  run_until(now_us());
  if (next_action_ < actions_.size()) branch();
  // A learner action is a moment to come back to: keep the run as it stands just before it.
  if (checkpoints_.back().time_us != now_us()) {
    push_checkpoint(now_us(), Keep::Action);
  } else if (checkpoints_.back().keep == Keep::Grid) {
    checkpoints_.back().keep = Keep::Action;  // already there: make sure it is kept
  }
  action.at_us = now_us();
  actions_.push_back(action);
  world_.apply(actions_[next_action_++]);
  return true;
}

void Simulation::reset() {
  actions_.clear();
  next_action_ = 0;
  checkpoints_.resize(1);
  next_grid_us_ = limits_.checkpoint_interval_us;
  restore(checkpoints_.front());
}

}  // namespace cs::sim
