#pragma once
// A run: the World plus what makes time travel possible. Rewind is replay: the run keeps
// checkpoints (copies of the World) and the learner's action log; seek(t) restores the nearest
// checkpoint at or before t and runs forward deterministically. branch() discards the actions
// after now, so the learner can try something else from a point in the past.
//
// Which checkpoints are kept bounds both memory and the time a seek takes. Copies share their logs
// and histories (ChunkedLog), so a checkpoint costs little, but a long run still cannot keep one a
// second for ever. The run keeps:
//   - one every checkpoint_interval for the newest recent_window of simulated time (the learner
//     rewinds there most): any moment in the window is at most an interval of replay away;
//   - one at every anchor: time 0, each moment the caller marks (a lesson's narrated moments) and
//     each learner action (the newest max_anchors of them);
//   - further back, one every sparse_interval (the newest max_sparse of them), so that even an old
//     moment is a bounded replay away.
// Moments older than the window that are not anchors can still be reached (seek is always exact),
// but more slowly; rewind_horizon_us() says where that begins, so a window can show it.
#include <cstdint>
#include <vector>

#include "sim/action.h"
#include "sim/trace.h"
#include "sim/world.h"

namespace cs::sim {

struct SimulationLimits {
  TimeUs checkpoint_interval_us = 1'000'000;
  TimeUs recent_window_us = 600'000'000;  // ten simulated minutes of dense checkpoints
  TimeUs sparse_interval_us = 60'000'000;
  std::size_t max_sparse = 120;   // sparse checkpoints kept beyond the window
  std::size_t max_anchors = 512;  // learner-action checkpoints kept (the newest)
  std::size_t trace_budget_bytes = std::size_t{64} << 20;
  std::size_t max_actions = 100'000;
};

class Simulation {
 public:
  // `initial` is a World that has not started; the simulation starts it with the trace attached.
  // `actions` is a recorded action log (from a saved run) to replay as if the learner did it again.
  explicit Simulation(World initial, SimulationLimits limits = {}, std::vector<Action> actions = {});
  Simulation(const Simulation&) = delete;
  Simulation& operator=(const Simulation&) = delete;

  TimeUs now_us() const { return world_.now_us(); }
  const World& world() const { return world_; }
  const Trace& trace() const { return trace_; }
  std::uint64_t trace_hash() const { return world_.trace_hash(); }
  const std::vector<Action>& actions() const { return actions_; }

  // The time of the next event or due action (kTimeNever when nothing is left).
  TimeUs next_item_us() const;
  // Handles the next event or due action. False when nothing is left.
  bool step();
  // Handles everything up to and including time t, then sets the clock to t.
  void run_until(TimeUs t);
  // Goes to time t, backwards (by replay from a checkpoint) or forwards.
  void seek(TimeUs t);
  // Records an action at the current time and applies it. If the log holds actions after now (the
  // learner went back in time), they are discarded first: acting in the past starts a new branch.
  // Returns false when the action log is full.
  bool act(Action action);
  void branch();
  // Takes back the newest recorded action (the learner's Undo): the run replays without it from
  // the moment just before it, to min(now, the action's time). False when there is none.
  bool undo_last_action();
  // Back to time 0 with the action log emptied.
  void reset();

  // Moments the run keeps a checkpoint at, so that rewinding to them is always quick (a lesson's
  // narrated moments). Sorted and deduplicated here.
  void keep_moments(std::vector<TimeUs> moments_us);
  // Before this, only anchors (time 0, kept moments, learner actions) are a short replay away.
  TimeUs rewind_horizon_us() const;
  // The anchors a seek reaches quickly before the horizon, ascending.
  std::vector<TimeUs> quick_moments_before_horizon() const;
  std::size_t checkpoint_count() const { return checkpoints_.size(); }

 private:
  enum class Keep : std::uint8_t { Grid, Moment, Action };
  struct Checkpoint {
    TimeUs time_us;
    World world;
    std::uint64_t trace_total;
    std::size_t next_action;
    Keep keep = Keep::Grid;
  };
  void maybe_checkpoint(TimeUs upcoming_us);
  void push_checkpoint(TimeUs time_us, Keep keep);
  void restore(const Checkpoint& checkpoint);
  void thin_checkpoints();
  TimeUs next_moment_after(TimeUs t) const;

  SimulationLimits limits_;
  World initial_;
  World world_;
  Trace trace_;
  std::vector<Action> actions_;  // sorted by time; actions_[i] applies after all events at its time
  std::size_t next_action_ = 0;
  std::vector<Checkpoint> checkpoints_;  // ascending by time; the first is time 0
  std::vector<TimeUs> moments_us_;       // kept moments, ascending
  TimeUs next_grid_us_;                  // the next multiple of the interval to checkpoint at
};

}  // namespace cs::sim
