#pragma once
// A run of a scenario as the window and the learner see it: the Simulation (deterministic, with
// rewind by replay) plus its chart series in simulated time, and frames built from both. Every
// way time moves (advance, step, seek, act, branch, reset) goes through here, so the series stay
// in step with the run at any frame rate.
#include <cstdint>
#include <memory>
#include <vector>

#include "run/frame.h"
#include "run/series.h"
#include "scenario/scenario.h"
#include "sim/simulation.h"

namespace cs::run {

class Run {
 public:
  // The scenario's own recorded actions (a saved run) are replayed as the learner's.
  Run(scenario::Scenario scenario, std::uint64_t seed, sim::SimulationLimits limits = {});
  Run(const Run&) = delete;
  Run& operator=(const Run&) = delete;

  const scenario::Scenario& scenario() const { return scenario_; }
  std::uint64_t seed() const { return seed_; }
  sim::TimeUs now_us() const { return sim_->now_us(); }
  const sim::Simulation& simulation() const { return *sim_; }
  const std::vector<sim::Action>& actions() const { return sim_->actions(); }

  // Runs forward to t (t >= now), sampling the series on the way.
  void advance_to(sim::TimeUs t);
  // Handles the next event or due action; false when nothing is left.
  bool step();
  // Goes to t, backwards (replay) or forwards.
  void seek(sim::TimeUs t);
  // Records a learner's action now (see Simulation::act); false when the action log is full.
  bool act(sim::Action action);
  // Drops the recorded actions after now.
  void branch();
  // Takes back the newest recorded action and comes back to the same time without it. False when
  // there is none.
  bool undo_last_action();
  // Moments to keep quick to rewind to (a Try it's narrated moments); the scenario's own narration
  // is kept from the start.
  void keep_moments(std::vector<sim::TimeUs> moments_us);
  // Back to time 0 with no learner actions.
  void reset();

  // The run now. With figures, also its metrics, chart series, newest trace records and history.
  // Messages delivered in the last `arrival_window_us` (at most kMaxArrivalWindowUs) are listed
  // as arrivals.
  Frame frame(bool with_figures, sim::TimeUs arrival_window_us = 0) const;
  std::shared_ptr<const Figures> figures() const;
  const SeriesRecorder& series() const { return series_; }

 private:
  void sample_until(sim::TimeUs t);  // takes every sample due at or before t (events at t done)

  scenario::Scenario scenario_;
  std::uint64_t seed_;
  std::unique_ptr<sim::Simulation> sim_;
  SeriesRecorder series_;
  std::shared_ptr<const MessageKinds> kinds_;
};

}  // namespace cs::run
