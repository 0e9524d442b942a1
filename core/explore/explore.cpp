#include "explore/explore.h"

#include <algorithm>
#include <cassert>
#include <cstdlib>
#include <map>

#include "catalogue/catalogue.h"
#include "scenario/run_setup.h"

namespace cs::explore {

namespace {

// Phases, in units of the model's characteristic time (see RunChecker::time_unit_us). Recovery
// gets the scenario's own bound (Demonstrates::recovery_timeouts).
constexpr sim::TimeUs kBootUnits = 3;
constexpr sim::TimeUs kFaultUnits = 40;
// Settling at rest: the schedule's message loss and duplication stay after the heal, and a replica
// catching up over a lossy link may need many retries. Polled, so a converged run stops early.
constexpr sim::TimeUs kQuietUnits = 20;
constexpr int kMaxProbes = 10;
constexpr sim::TimeUs kMinFaultPhaseUs = 5'000'000;
constexpr sim::TimeUs kMaxFaultPhaseUs = 60'000'000;
constexpr std::uint32_t kMinClients = 8;
// A run that handles this many events has run away (a livelock that floods the network).
constexpr std::uint64_t kMaxEventsPerSeed = 20'000'000;

// Drives one world: applies the fault schedule (resolving "the leader" when a fault strikes) and
// handles events in order, checking after every one; stops early once something is violated.
class Driver {
 public:
  Driver(sim::World& world, model::RunChecker& checker, std::vector<sim::Action> actions, std::uint64_t seed)
      : world_(world), checker_(checker), actions_(std::move(actions)), rng_(seed ^ 0x7A26'E7ED'0000ULL) {}

  void run_to(sim::TimeUs t) {
    while (checker_.violations().empty()) {
      const sim::TimeUs event = world_.next_event_us();
      const sim::TimeUs action = next_ < actions_.size() ? actions_[next_].at_us : sim::kTimeNever;
      // As in Simulation: an action at time T comes after every event at T.
      if (action <= t && action < event) {
        world_.advance_to(action);
        world_.apply(resolve(actions_[next_++]));
      } else if (event <= t) {
        world_.process_next();
        if (world_.events_processed() > kMaxEventsPerSeed) {
          checker_.fail(model::kNoRunaway,
                        "more than " + std::to_string(kMaxEventsPerSeed) + " events: the run ran away (a livelock)");
        }
      } else {
        break;
      }
      checker_.after_event(world_);
    }
    if (checker_.violations().empty()) world_.advance_to(t);
  }

 private:
  sim::EndpointId leader(sim::EndpointId marker) {
    const auto [it, fresh] = resolved_.try_emplace(marker, sim::kNoEndpoint);
    if (fresh) {
      const sim::EndpointId focus = checker_.focus_node(world_);
      it->second = focus != sim::kNoEndpoint ? focus : static_cast<sim::EndpointId>(rng_.below(world_.node_count()));
    }
    return it->second;
  }
  sim::Action resolve(sim::Action a) {
    if (check::is_leader_marker(a.node)) a.node = leader(a.node);
    if (check::is_leader_marker(a.peer)) a.peer = leader(a.peer);
    for (auto& group : a.groups) {
      if (group.empty() || !check::is_leader_marker(group.front())) continue;
      const sim::EndpointId l = leader(group.front());
      for (auto& other : a.groups) std::erase(other, l);
      group.front() = l;
    }
    if (a.peer == a.node && a.type == sim::ActionType::OneWayCut) a.peer = (a.node + 1) % world_.node_count();
    return a;
  }

  sim::World& world_;
  model::RunChecker& checker_;
  std::vector<sim::Action> actions_;
  std::size_t next_ = 0;
  sim::Random rng_;
  std::map<sim::EndpointId, sim::EndpointId> resolved_;  // leader marker -> the node it meant
};

const sim::Operation* last_console_op(const sim::World& world) {
  const auto& ops = world.history().ops();
  for (auto it = ops.rbegin(); it != ops.rend(); ++it) {
    if (it->client == world.console_client()) return &*it;
  }
  return nullptr;
}

const model::ModelInfo& model_of(const scenario::Scenario& s) {
  const model::ModelInfo* info = catalogue::find_model(s.model);
  assert(info && info->make_checker);
  return *info;
}

}  // namespace

bool can_explore(const scenario::Scenario& s, std::string* why) {
  const model::ModelInfo* info = catalogue::find_model(s.model);
  if (info && info->make_checker) return true;
  if (why) *why = "model \"" + s.model + "\" has no invariants for explore to check";
  return false;
}

check::FaultKinds default_faults(const scenario::Scenario& s) {
  return s.demonstrates.declared ? s.demonstrates.faults : check::FaultKinds::all();
}

std::set<std::string> enabled_invariants(const scenario::Scenario& s, const model::RunChecker& checker) {
  std::set<std::string> ids = checker.claimed();
  ids.insert(s.demonstrates.breaks.begin(), s.demonstrates.breaks.end());
  ids.insert(model::kNoRunaway);
  ids.insert(model::kProbeWrite);
  return ids;
}

SeedVerdict explore_seed(const scenario::Scenario& base, std::uint64_t seed, check::FaultKinds faults,
                         sim::Trace* trace) {
  SeedVerdict verdict;
  verdict.seed = seed;
  const sim::World probe_world = scenario::make_world(base, seed);
  std::unique_ptr<model::RunChecker> checker = model_of(base).make_checker(base.params, probe_world);
  checker->enable(enabled_invariants(base, *checker));
  const sim::TimeUs unit = std::max<sim::TimeUs>(1'000, checker->time_unit_us(probe_world));
  const sim::TimeUs recover_units = base.demonstrates.recovery_timeouts;

  check::FaultScheduleSpec spec;
  spec.node_count = base.node_names.size();
  spec.time_unit_us = unit;
  spec.start_us = kBootUnits * unit;
  spec.fault_phase_us = std::clamp(kFaultUnits * unit, kMinFaultPhaseUs, kMaxFaultPhaseUs);
  const check::FaultSchedule schedule = check::draw_fault_schedule(spec, faults, seed);
  verdict.schedule = schedule.describe();

  scenario::Scenario s = base;
  const auto worsen = [&](sim::LinkParams& p) {
    p.loss = std::max(p.loss, schedule.loss);
    p.duplicate = std::max(p.duplicate, schedule.duplicate);
    p.reorder = std::max(p.reorder, schedule.reorder);
  };
  worsen(s.link_defaults);
  for (auto& link : s.links) worsen(link.params);
  s.timeline.clear();  // the schedule replaces the scenario's own faults
  // Clients keep every fault busy (several, thinking at most a tenth of the time unit), and
  // stop when the faults heal, so that the settled system can be checked at rest.
  s.workload.clients = std::max<std::uint32_t>(s.workload.clients, kMinClients);
  s.workload.think_time_us = std::min(s.workload.think_time_us, unit / 10);
  s.workload.timeout_us = std::min(s.workload.timeout_us, 2 * unit);
  s.workload.stop_us = std::min(s.workload.stop_us, schedule.heal_at_us);

  sim::World world = scenario::make_world(s, seed);
  world.set_trace_sink(trace);
  world.start();
  Driver driver(world, *checker, schedule.actions, seed);
  driver.run_to(schedule.heal_at_us - 1);
  // The heal sets every clock right, stepping some back: a timer or a delay measured on a clock
  // stepped back by S runs S longer in true time, so recovery and settling get S more.
  sim::TimeUs clock_step_us = 0;
  for (sim::EndpointId id = 0; id < world.node_count(); ++id) {
    clock_step_us = std::max(clock_step_us, std::abs(world.local_time_us(id) - world.now_us()));
  }
  driver.run_to(schedule.heal_at_us);
  model::Violation why;
  const auto poll = [&](sim::TimeUs window, const auto& predicate) {
    const sim::TimeUs step = std::max<sim::TimeUs>(1, unit / 4);
    const sim::TimeUs until = world.now_us() + window;
    while (checker->violations().empty()) {
      if (predicate(world, &why)) return true;
      if (world.now_us() >= until) return false;
      driver.run_to(std::min(until, world.now_us() + step));
    }
    return true;  // a safety violation already ends the seed
  };
  const auto recovered = [&](const sim::World& w, model::Violation* reason) { return checker->recovered(w, reason); };
  const auto converged = [&](const sim::World& w, model::Violation* reason) { return checker->converged(w, reason); };
  if (!poll(recover_units * unit + clock_step_us, recovered)) {
    checker->fail(why.invariant, why.text + " (within " + std::to_string(recover_units) + " time units of " +
                                     std::to_string(unit / 1000) + " ms)");
  }
  // Liveness: a write must get through once things have settled.
  bool probed = checker->violations().empty() && checker->probe_target(world) == sim::kNoEndpoint;
  for (int attempt = 0; attempt < kMaxProbes && !probed && checker->violations().empty(); ++attempt) {
    const sim::EndpointId target = checker->probe_target(world);
    if (target != sim::kNoEndpoint) {
      sim::Action write;
      write.at_us = world.now_us();
      write.type = sim::ActionType::ClientRequest;
      write.node = target;
      write.op_type = sim::OpType::Write;
      write.key = 1;
      world.apply(write);
    }
    driver.run_to(world.now_us() + std::max(unit, s.workload.timeout_us + 1));
    const sim::Operation* op = last_console_op(world);
    probed = op && op->status == sim::OpStatus::Ok;
  }
  if (!probed && checker->violations().empty()) {
    checker->fail(model::kProbeWrite, "no probe write succeeded after the faults healed");
  }
  if (checker->violations().empty() &&
      !poll(kQuietUnits * unit + checker->settle_us(world) + clock_step_us, converged)) {
    checker->fail(why.invariant, why.text);
  }
  checker->at_end(world);

  const auto& breaks = base.demonstrates.breaks;
  for (const model::Violation& v : checker->violations()) {
    const bool on_purpose = std::find(breaks.begin(), breaks.end(), v.invariant) != breaks.end();
    (on_purpose ? verdict.demonstrated : verdict.violations).push_back(v);
  }
  if (!verdict.violations.empty() || !verdict.demonstrated.empty()) {
    for (const scenario::Assumption& a : base.demonstrates.assumptions) {
      if (schedule.used.has(a.fault)) verdict.assumptions_broken.push_back(a);
    }
  }
  verdict.events = world.events_processed();
  return verdict;
}

ExploreResult explore(const scenario::Scenario& scenario, const ExploreOptions& options) {
  ExploreResult result;
  for (std::uint64_t i = 0; i < options.seeds; ++i) {
    SeedVerdict verdict =
        explore_seed(scenario, options.first_seed + i, options.faults.value_or(default_faults(scenario)));
    ++result.seeds_run;
    result.events += verdict.events;
    result.seeds_demonstrating += verdict.demonstrated.empty() ? 0 : 1;
    if (verdict.failed()) {
      ++result.seeds_failed;
      if (options.on_failure) options.on_failure(verdict);
      if (result.failures.size() < ExploreResult::kMaxFailuresKept) result.failures.push_back(std::move(verdict));
    }
    if (options.progress) options.progress(result.seeds_run, options.seeds, result.seeds_failed);
  }
  return result;
}

std::string replay_command(const std::string& scenario_id, std::uint64_t seed, check::FaultKinds faults) {
  return "clusterscope-cli explore " + scenario_id + " --seeds 1 --first-seed " + std::to_string(seed) + " --faults " +
         faults.to_string();
}

}  // namespace cs::explore
