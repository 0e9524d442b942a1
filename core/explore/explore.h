#pragma once
// `clusterscope-cli explore`: runs a scenario under many random fault schedules and holds it to
// what it declares it demonstrates (scenario/demonstrates.h), with its model's checker
// (model/run_checker.h) after every event, once the faults heal and at rest.
// Each seed: draw a schedule from the fault kinds (by default those the scenario declares), boot,
// run the fault phase with the scenario's client load, heal everything, stop the clients, let the
// system recover within its bound, probe it with a write, check that it converged, and judge the
// whole history. Deterministic: a seed replays exactly.
// A safe scenario passes a seed that violates nothing it claims. A scenario that breaks an
// invariant on purpose "demonstrates" on a seed that violates it, and fails a seed that violates
// anything else. A violating seed whose schedule used a fault kind the scenario does not tolerate
// is reported with the assumption that fault broke.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "check/fault_schedule.h"
#include "model/run_checker.h"
#include "scenario/scenario.h"
#include "sim/trace.h"

namespace cs::explore {

struct ExploreOptions {
  std::uint64_t seeds = 100;
  std::uint64_t first_seed = 1;
  // nullopt: the faults the scenario declares (all kinds if it declares nothing).
  std::optional<check::FaultKinds> faults;
  // Called after every seed with (seeds done, seeds in all, seeds that violated something).
  std::function<void(std::uint64_t, std::uint64_t, std::uint64_t)> progress;
  // Called for each seed that failed (violated an invariant the scenario does not break on
  // purpose), as soon as it is found.
  std::function<void(const struct SeedVerdict&)> on_failure;
};

struct SeedVerdict {
  std::uint64_t seed = 0;
  std::vector<model::Violation> violations;    // of invariants the scenario keeps: the seed failed
  std::vector<model::Violation> demonstrated;  // of the invariants it breaks on purpose
  // For a violating seed: the assumptions of the scenario that its fault schedule broke (it used a
  // fault kind the scenario does not claim to tolerate).
  std::vector<scenario::Assumption> assumptions_broken;
  std::string schedule;  // FaultSchedule::describe(), for the report
  std::uint64_t events = 0;
  bool failed() const { return !violations.empty(); }
};

struct ExploreResult {
  static constexpr std::size_t kMaxFailuresKept = 1'000;
  std::uint64_t seeds_run = 0;
  std::uint64_t seeds_failed = 0;
  std::uint64_t seeds_demonstrating = 0;  // a "breaks" scenario broke what it should
  std::uint64_t events = 0;
  std::vector<SeedVerdict> failures;  // the first kMaxFailuresKept of them
};

// False (with the reason) if the scenario's model has no checker.
bool can_explore(const scenario::Scenario& scenario, std::string* why);

// The fault kinds explore uses for the scenario unless told otherwise.
check::FaultKinds default_faults(const scenario::Scenario& scenario);

// What the checker reports for this scenario: the model's claims for its configuration, the
// invariants it breaks on purpose, and the explorer's own.
std::set<std::string> enabled_invariants(const scenario::Scenario& scenario, const model::RunChecker& checker);

// `trace`, if given, records the whole run (to look at a failing seed closely).
SeedVerdict explore_seed(const scenario::Scenario& scenario, std::uint64_t seed, check::FaultKinds faults,
                         sim::Trace* trace = nullptr);
ExploreResult explore(const scenario::Scenario& scenario, const ExploreOptions& options);

// The command that replays one seed, e.g.
// "clusterscope-cli explore raft-5 --seeds 1 --first-seed 412 --faults crash,partition".
std::string replay_command(const std::string& scenario_id, std::uint64_t seed, check::FaultKinds faults);

}  // namespace cs::explore
