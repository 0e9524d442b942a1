#pragma once
// A run: the World plus what makes time travel possible. Rewind is replay: the run keeps
// periodic checkpoints (copies of the World) and the learner's action log; seek(t) restores the
// nearest checkpoint at or before t and runs forward deterministically. branch() discards the
// actions after now, so the learner can try something else from a point in the past.
#include <cstdint>
#include <vector>

#include "sim/action.h"
#include "sim/trace.h"
#include "sim/world.h"

namespace cs::sim {

struct SimulationLimits {
  TimeUs checkpoint_interval_us = 1'000'000;
  std::size_t max_checkpoints = 2'048;  // beyond this, every other one is dropped and the interval doubles
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
  // Back to time 0 with the action log emptied.
  void reset();

  std::size_t checkpoint_count() const { return checkpoints_.size(); }

 private:
  struct Checkpoint {
    TimeUs time_us;
    World world;
    std::uint64_t trace_total;
    std::size_t next_action;
  };
  void maybe_checkpoint(TimeUs upcoming_us);
  void restore(const Checkpoint& checkpoint);
  void thin_checkpoints();

  SimulationLimits limits_;
  World initial_;
  World world_;
  Trace trace_;
  std::vector<Action> actions_;  // sorted by time; actions_[i] applies after all events at its time
  std::size_t next_action_ = 0;
  std::vector<Checkpoint> checkpoints_;  // ascending by time; the first is time 0
  TimeUs checkpoint_interval_us_;
};

}  // namespace cs::sim
