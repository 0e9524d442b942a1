#pragma once
// What `explore` checks for each lesson-5 model. Safety after every event; liveness once the
// faults have healed:
//   Raft family (raft, mongodb-replica-set, mysql-group-replication): the Raft invariants; a
//     leader within 10 election timeouts; a probe write succeeds; afterwards every node holds the
//     leader's log, all of it committed and applied (pending operations finished).
//   Primary/replica family (failover, patroni): one history (no divergent writes); with
//     automatic failover, exactly one primary after settling.
//   Paxos: one value chosen at most, learners right; after healing, a value is chosen and every
//     proposer has learned it.
#include <memory>
#include <string>
#include <vector>

#include "scenario/scenario.h"
#include "sim/world.h"

namespace cs::explore {

class ExploreChecker {
 public:
  virtual ~ExploreChecker() = default;
  // After every event. Adds to violations().
  virtual void after_event(const sim::World& world) = 0;
  // Liveness predicates, polled by the runner: true as soon as they hold; if one never does
  // within its window, its last `why` is reported. Has the system recovered after the heal (a
  // leader, one primary)?
  virtual bool recovered(const sim::World& world, std::string* why) const = 0;
  // Where a liveness probe write goes (kNoEndpoint: this model takes no probe).
  virtual sim::EndpointId probe_target(const sim::World& world) const = 0;
  // The node that leads right now (leader, primary, first proposer), where targeted faults aim.
  virtual sim::EndpointId focus_node(const sim::World& world) const = 0;
  // With clients stopped: has everything converged and every pending operation finished?
  virtual bool converged(const sim::World& world, std::string* why) const = 0;
  // The model's characteristic time (its longest election timeout, failure timeout or retry
  // interval), read from a world built from the scenario.
  virtual sim::TimeUs time_unit_us(const sim::World& world) const = 0;

  const std::vector<std::string>& violations() const { return violations_; }
  void fail(std::string text);

 protected:
  std::vector<std::string> violations_;
};

// nullptr if explore knows no invariants for the scenario's model.
std::unique_ptr<ExploreChecker> make_explore_checker(const scenario::Scenario& scenario);

}  // namespace cs::explore
