#pragma once
// What a model promises, as checks a run can be held to. Each model states its invariants (an id
// such as "one-history" and one line saying what it means) and makes a RunChecker for a run of a
// given configuration. `clusterscope-cli explore` drives runs under random faults and asks the
// checker, after every event, whether a safety invariant broke; once the faults heal, whether the
// system recovered (a leader again, every request answered); and at rest, whether everything
// converged. Checkers live beside their models and read the models' own state.
//
// A configuration need not claim every invariant its model can check: leaderless replication
// reads the latest write only with strict quorums, a cache is stale only within its TTL only while
// invalidation is on. claimed() says which hold for this configuration; a scenario that
// demonstrates a broken invariant asks explore to check that one as well (enable()).
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "sim/world.h"

namespace cs::model {

struct Invariant {
  std::string id;    // e.g. "one-history"; what scenario files name
  std::string text;  // one line: what holds
};

struct Violation {
  std::string invariant;
  std::string text;  // what happened, for the report
};

// Invariants the explorer itself checks, for every model.
inline constexpr const char* kRecovers = "recovers";       // back to normal within the stated bound
inline constexpr const char* kProbeWrite = "probe-write";  // a write gets through once settled
inline constexpr const char* kNoRunaway = "no-runaway";    // a run does not flood the network

class RunChecker {
 public:
  static constexpr std::size_t kMaxViolations = 16;
  virtual ~RunChecker() = default;

  // Which of the model's invariants hold for this configuration.
  virtual std::set<std::string> claimed() const = 0;
  // After every event: safety. Report through fail().
  virtual void after_event(const sim::World& world) { (void)world; }
  // Once the faults have healed, polled until true or the bound passes: is the system back to
  // normal (a leader, one primary)? `why` says what is missing.
  virtual bool recovered(const sim::World& world, Violation* why) const {
    (void)world;
    (void)why;
    return true;
  }
  // Where a liveness probe write goes (kNoEndpoint: this model takes none).
  virtual sim::EndpointId probe_target(const sim::World& world) const {
    (void)world;
    return sim::kNoEndpoint;
  }
  // The node that leads right now (leader, primary, coordinator), where targeted faults aim;
  // kNoEndpoint lets the explorer pick one at random.
  virtual sim::EndpointId focus_node(const sim::World& world) const {
    (void)world;
    return sim::kNoEndpoint;
  }
  // With clients stopped and the system settled: did everything converge, did every pending
  // operation finish? Polled until true or the bound passes.
  virtual bool converged(const sim::World& world, Violation* why) const = 0;
  // Once, at the end of a run: safety judged from the whole history (writes acknowledged by two
  // primaries at once, stale reads). Report through fail().
  virtual void at_end(const sim::World& world) { (void)world; }
  // The model's characteristic time (its longest election timeout, failure timeout, TTL or retry
  // interval): fault durations and the recovery bound are multiples of it.
  virtual sim::TimeUs time_unit_us(const sim::World& world) const = 0;
  // Extra time at rest the model needs to converge beyond a few time units (a background repair
  // that visits one peer per round, say).
  virtual sim::TimeUs settle_us(const sim::World& world) const {
    (void)world;
    return 0;
  }

  // Invariants reported; the rest are ignored. The explorer enables what the scenario claims.
  void enable(std::set<std::string> ids) { enabled_ = std::move(ids); }
  bool enabled(const std::string& id) const { return enabled_.contains(id); }
  const std::vector<Violation>& violations() const { return violations_; }
  void fail(const std::string& invariant, std::string text) {
    if (enabled(invariant) && violations_.size() < kMaxViolations) violations_.push_back({invariant, std::move(text)});
  }

 private:
  std::set<std::string> enabled_;
  std::vector<Violation> violations_;
};

}  // namespace cs::model
