#pragma once
// `clusterscope-cli explore`: runs a scenario under many random fault schedules and checks its
// model's invariants (explore_checks.h) after every event, then liveness once the faults heal.
// Each seed: draw a schedule from the requested fault kinds, boot, run the fault phase with the
// scenario's client load, heal everything, stop the clients, let the system settle, probe it with
// a write, and check that everything converged. Deterministic: a seed replays exactly.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "check/fault_schedule.h"
#include "scenario/scenario.h"
#include "sim/trace.h"

namespace cs::explore {

struct ExploreOptions {
  std::uint64_t seeds = 100;
  std::uint64_t first_seed = 1;
  check::FaultKinds faults = check::FaultKinds::all();
  // Called after every seed with (seeds done, seeds in all, seeds that violated something).
  std::function<void(std::uint64_t, std::uint64_t, std::uint64_t)> progress;
  // Called for each seed that violated something, as soon as it is found.
  std::function<void(const struct SeedVerdict&)> on_failure;
};

struct SeedVerdict {
  std::uint64_t seed = 0;
  std::vector<std::string> violations;  // empty: the seed passed
  std::string schedule;                 // FaultSchedule::describe(), for the report
  std::uint64_t events = 0;
};

struct ExploreResult {
  static constexpr std::size_t kMaxFailuresKept = 1'000;
  std::uint64_t seeds_run = 0;
  std::uint64_t seeds_failed = 0;
  std::uint64_t events = 0;
  std::vector<SeedVerdict> failures;  // the first kMaxFailuresKept of them
};

// False (with the reason) if explore has no invariants for this scenario's model.
bool can_explore(const scenario::Scenario& scenario, std::string* why);

// `trace`, if given, records the whole run (to look at a failing seed closely).
SeedVerdict explore_seed(const scenario::Scenario& scenario, std::uint64_t seed, check::FaultKinds faults,
                         sim::Trace* trace = nullptr);
ExploreResult explore(const scenario::Scenario& scenario, const ExploreOptions& options);

// The command that replays one seed, e.g.
// "clusterscope-cli explore raft-5 --seeds 1 --first-seed 412 --faults crash,partition".
std::string replay_command(const std::string& scenario_id, std::uint64_t seed, check::FaultKinds faults);

}  // namespace cs::explore
