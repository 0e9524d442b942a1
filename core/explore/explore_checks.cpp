#include "explore/explore_checks.h"

#include <algorithm>
#include <cmath>

#include "consensus/paxos_invariants.h"
#include "consensus/paxos_node.h"
#include "consensus/raft_invariants.h"
#include "consensus/raft_node.h"
#include "scenario/run_setup.h"

namespace cs::explore {

namespace {

bool up(const sim::World& world, sim::EndpointId id) { return !sim::is_down(world.node(id).status); }

sim::TimeUs ms_param(const scenario::Scenario& s, const char* name, double fallback) {
  const auto it = s.params.find(name);
  const double value =
      it != s.params.end() && std::holds_alternative<double>(it->second) ? std::get<double>(it->second) : fallback;
  return static_cast<sim::TimeUs>(std::llround(value * 1000.0));
}

class RaftChecker final : public ExploreChecker {
 public:
  explicit RaftChecker(bool acknowledged_writes_commit) : invariants_(acknowledged_writes_commit) {}

  void after_event(const sim::World& world) override {
    if (invariants_.check(world)) return;
    for (std::size_t i = reported_; i < invariants_.violations().size(); ++i) {
      const auto& v = invariants_.violations()[i];
      fail(v.invariant + " at " + std::to_string(static_cast<double>(v.at_us) / 1e6) + " s: " + v.detail);
    }
    reported_ = invariants_.violations().size();
  }

  bool recovered(const sim::World& world, std::string* why) const override {
    if (leader(world) != sim::kNoEndpoint) return true;
    *why = "Liveness: no leader within 10 election timeouts after the faults healed";
    return false;
  }

  sim::EndpointId probe_target(const sim::World& world) const override { return leader(world); }
  sim::EndpointId focus_node(const sim::World& world) const override {
    // Any node that believes it leads, newest term first: a stale leader is a target too.
    sim::EndpointId best = sim::kNoEndpoint;
    for (sim::EndpointId id = 0; id < world.node_count(); ++id) {
      if (!up(world, id) || !raft(world, id).is_leader()) continue;
      if (best == sim::kNoEndpoint || raft(world, id).current_term() > raft(world, best).current_term()) best = id;
    }
    return best;
  }

  bool converged(const sim::World& world, std::string* why) const override {
    const sim::EndpointId l = leader(world);
    if (l == sim::kNoEndpoint) {
      *why = "Liveness: no stable leader once the clients had stopped";
      return false;
    }
    const auto& lead = raft(world, l);
    const std::int64_t last = lead.log().last_index();
    if (lead.commit_index() != last) {
      *why = "Liveness: the leader's log kept uncommitted entries (pending operations never finished)";
      return false;
    }
    for (sim::EndpointId id = 0; id < world.node_count(); ++id) {
      if (!up(world, id)) continue;
      const auto& n = raft(world, id);
      if (n.log().last_index() != last || n.log().prefix_hash(last) != lead.log().prefix_hash(last) ||
          n.commit_index() != lead.commit_index() || n.last_applied() != n.commit_index()) {
        *why = "Liveness: " + world.node(id).name + " never caught up with the leader's committed log";
        return false;
      }
    }
    return true;
  }

  sim::TimeUs time_unit_us(const sim::World& world) const override { return election_span(world); }

 private:
  static const consensus::RaftNode& raft(const sim::World& w, sim::EndpointId id) {
    return dynamic_cast<const consensus::RaftNode&>(*w.node(id).protocol);
  }
  // The leader everyone follows: a live leader whose term no live node exceeds.
  static sim::EndpointId leader(const sim::World& world) {
    std::int64_t top = 0;
    for (sim::EndpointId id = 0; id < world.node_count(); ++id) {
      if (up(world, id)) top = std::max(top, raft(world, id).current_term());
    }
    for (sim::EndpointId id = 0; id < world.node_count(); ++id) {
      if (up(world, id) && raft(world, id).is_leader() && raft(world, id).current_term() == top) return id;
    }
    return sim::kNoEndpoint;
  }
  static sim::TimeUs election_span(const sim::World& world) {
    const auto& c = raft(world, 0).config();
    // With priorities, a node waits a span longer for every node ranked above it.
    sim::TimeUs ranks = 0;
    for (std::size_t i = 0; i < world.node_count(); ++i) {
      sim::TimeUs higher = 0;
      for (std::size_t j = 0; j < world.node_count(); ++j) higher += c.priority_of(j) > c.priority_of(i) ? 1 : 0;
      ranks = std::max(ranks, higher);
    }
    const sim::TimeUs span = c.election_timeout_max_us - c.election_timeout_min_us;
    return c.election_timeout_max_us + ranks * span;
  }

  consensus::RaftInvariants invariants_;
  std::size_t reported_ = 0;
};

class PrimaryChecker final : public ExploreChecker {
 public:
  PrimaryChecker(scenario::Scenario s, bool promotes, sim::TimeUs unit)
      : scenario_(std::move(s)), promotes_(promotes), unit_us_(unit) {}

  void after_event(const sim::World&) override {}  // divergence is recorded by the nodes and checked below

  bool recovered(const sim::World& world, std::string* why) const override {
    if (!promotes_ || primaries(world) == 1) return true;
    *why = "Liveness: " + std::to_string(primaries(world)) + " primaries 10 failure timeouts after the faults healed";
    return false;
  }

  sim::EndpointId probe_target(const sim::World&) const override { return sim::kNoEndpoint; }
  sim::EndpointId focus_node(const sim::World& world) const override {
    for (sim::EndpointId id = 0; id < world.node_count(); ++id) {
      if (up(world, id) && world.node(id).role == sim::Role::Primary) return id;
    }
    return sim::kNoEndpoint;
  }

  bool converged(const sim::World& world, std::string* why) const override {
    const double divergent = scenario::run_metrics(scenario_, world)["divergent_writes"];
    if (divergent == 0) return true;
    *why = "One history: " + std::to_string(static_cast<long long>(divergent)) +
           " writes were acknowledged by two primaries at once (split brain)";
    return false;
  }

  sim::TimeUs time_unit_us(const sim::World&) const override { return unit_us_; }

 private:
  static int primaries(const sim::World& world) {
    int n = 0;
    for (sim::EndpointId id = 0; id < world.node_count(); ++id) {
      n += up(world, id) && world.node(id).role == sim::Role::Primary ? 1 : 0;
    }
    return n;
  }

  scenario::Scenario scenario_;
  bool promotes_;
  sim::TimeUs unit_us_;
};

class PaxosChecker final : public ExploreChecker {
 public:
  explicit PaxosChecker(sim::TimeUs unit) : unit_us_(unit) {}

  void after_event(const sim::World& world) override {
    if (invariants_.check(world)) return;
    for (std::size_t i = reported_; i < invariants_.violations().size(); ++i) fail(invariants_.violations()[i]);
    reported_ = invariants_.violations().size();
  }
  bool recovered(const sim::World&, std::string*) const override { return true; }
  sim::EndpointId probe_target(const sim::World&) const override { return sim::kNoEndpoint; }
  sim::EndpointId focus_node(const sim::World&) const override { return 0; }  // the first proposer
  bool converged(const sim::World& world, std::string* why) const override {
    if (!invariants_.chosen()) {
      *why = "Liveness: no value chosen after the faults healed";
      return false;
    }
    for (sim::EndpointId id = 0; id < world.node_count(); ++id) {
      const auto* node = dynamic_cast<const consensus::PaxosNode*>(world.node(id).protocol.get());
      if (node && up(world, id) && node->is_proposer() && !node->learned()) {
        *why = "Liveness: proposer " + world.node(id).name + " never learned the chosen value";
        return false;
      }
    }
    return true;
  }
  sim::TimeUs time_unit_us(const sim::World&) const override { return unit_us_; }

 private:
  consensus::PaxosInvariants invariants_;
  std::size_t reported_ = 0;
  sim::TimeUs unit_us_;
};

}  // namespace

void ExploreChecker::fail(std::string text) {
  if (violations_.size() < 16) violations_.push_back(std::move(text));
}

std::unique_ptr<ExploreChecker> make_explore_checker(const scenario::Scenario& s) {
  if (s.model == "raft" || s.model == "mysql-group-replication") return std::make_unique<RaftChecker>(true);
  if (s.model == "mongodb-replica-set") {
    const auto it = s.params.find("write_concern");
    const bool majority = it == s.params.end() || std::get<std::string>(it->second) != "1";
    return std::make_unique<RaftChecker>(majority);
  }
  if (s.model == "failover") {
    const bool automatic = std::get<std::string>(s.params.at("failover")) == "automatic";
    return std::make_unique<PrimaryChecker>(s, automatic, ms_param(s, "failure_timeout_ms", 1000));
  }
  if (s.model == "patroni") return std::make_unique<PrimaryChecker>(s, true, ms_param(s, "ttl_ms", 30000));
  if (s.model == "paxos") return std::make_unique<PaxosChecker>(ms_param(s, "retry_timeout_ms", 1000));
  return nullptr;
}

}  // namespace cs::explore
