#include "consensus/consensus_checkers.h"

#include <algorithm>
#include <map>

#include "consensus/paxos_invariants.h"
#include "consensus/paxos_node.h"
#include "consensus/raft_invariants.h"
#include "consensus/raft_node.h"

namespace cs::consensus {

namespace {

bool up(const sim::World& world, sim::EndpointId id) { return !sim::is_down(world.node(id).status); }

// RaftInvariants names its properties as the thesis does; scenario files use these ids.
const std::map<std::string, std::string>& raft_ids() {
  static const std::map<std::string, std::string> kIds = {
      {"Election Safety", "election-safety"},
      {"Leader Append-Only", "leader-append-only"},
      {"Log Matching", "log-matching"},
      {"Leader Completeness", "leader-completeness"},
      {"State Machine Safety", "state-machine-safety"},
      {"Acknowledged writes", "acknowledged-writes-kept"},
  };
  return kIds;
}

class RaftChecker final : public model::RunChecker {
 public:
  RaftChecker(bool acknowledged_writes_commit, sim::TimeUs unit)
      : acknowledged_writes_commit_(acknowledged_writes_commit), unit_us_(unit) {}

  std::set<std::string> claimed() const override {
    std::set<std::string> ids = {"election-safety",      "leader-append-only", "log-matching", "leader-completeness",
                                 "state-machine-safety", model::kRecovers,     "logs-converge"};
    if (acknowledged_writes_commit_) ids.insert("acknowledged-writes-kept");
    return ids;
  }

  void after_event(const sim::World& world) override {
    if (invariants_.check(world)) return;
    for (std::size_t i = reported_; i < invariants_.violations().size(); ++i) {
      const auto& v = invariants_.violations()[i];
      fail(raft_ids().at(v.invariant),
           v.invariant + " at " + std::to_string(static_cast<double>(v.at_us) / 1e6) + " s: " + v.detail);
    }
    reported_ = invariants_.violations().size();
  }

  bool recovered(const sim::World& world, model::Violation* why) const override {
    if (leader(world) != sim::kNoEndpoint) return true;
    *why = {model::kRecovers, "no leader after the faults healed"};
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

  bool converged(const sim::World& world, model::Violation* why) const override {
    if (!enabled("logs-converge")) return true;
    const sim::EndpointId l = leader(world);
    if (l == sim::kNoEndpoint) {
      *why = {"logs-converge", "no stable leader once the clients had stopped"};
      return false;
    }
    const auto& lead = raft(world, l);
    const std::int64_t last = lead.log().last_index();
    if (lead.commit_index() != last) {
      *why = {"logs-converge", "the leader's log kept uncommitted entries (pending operations never finished)"};
      return false;
    }
    for (sim::EndpointId id = 0; id < world.node_count(); ++id) {
      if (!up(world, id)) continue;
      const auto& n = raft(world, id);
      if (n.log().last_index() != last || n.log().prefix_hash(last) != lead.log().prefix_hash(last) ||
          n.commit_index() != lead.commit_index() || n.last_applied() != n.commit_index()) {
        *why = {"logs-converge", world.node(id).name + " never caught up with the leader's committed log"};
        return false;
      }
    }
    return true;
  }

  sim::TimeUs time_unit_us(const sim::World&) const override { return unit_us_; }

 private:
  static const RaftNode& raft(const sim::World& w, sim::EndpointId id) {
    return dynamic_cast<const RaftNode&>(*w.node(id).protocol);
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

  bool acknowledged_writes_commit_;
  sim::TimeUs unit_us_;
  RaftInvariants invariants_{true};
  std::size_t reported_ = 0;
};

// The longest a node may wait before it stands: its election timeout, plus a span for every
// node ranked above it when priorities are set.
sim::TimeUs election_span_us(const sim::World& world) {
  const auto& c = dynamic_cast<const RaftNode&>(*world.node(0).protocol).config();
  sim::TimeUs ranks = 0;
  for (std::size_t i = 0; i < world.node_count(); ++i) {
    sim::TimeUs higher = 0;
    for (std::size_t j = 0; j < world.node_count(); ++j) higher += c.priority_of(j) > c.priority_of(i) ? 1 : 0;
    ranks = std::max(ranks, higher);
  }
  const sim::TimeUs span = c.election_timeout_max_us - c.election_timeout_min_us;
  return c.election_timeout_max_us + ranks * span;
}

class PaxosChecker final : public model::RunChecker {
 public:
  explicit PaxosChecker(sim::TimeUs unit) : unit_us_(unit) {}

  std::set<std::string> claimed() const override {
    return {"one-value-per-proposal", "one-value-chosen", "learners-right", "validity", "value-chosen"};
  }

  void after_event(const sim::World& world) override {
    if (invariants_.check(world)) return;
    for (std::size_t i = reported_; i < invariants_.violations().size(); ++i) {
      const std::string& text = invariants_.violations()[i];
      fail(text.starts_with("one value per") ? "one-value-per-proposal"
           : text.starts_with("at most one") ? "one-value-chosen"
           : text.starts_with("learners")    ? "learners-right"
                                             : "validity",
           text);
    }
    reported_ = invariants_.violations().size();
  }
  sim::EndpointId focus_node(const sim::World&) const override { return 0; }  // the first proposer
  // Liveness within the recovery bound (random back-off may need several rounds), then again at rest.
  bool recovered(const sim::World& world, model::Violation* why) const override { return converged(world, why); }
  bool converged(const sim::World& world, model::Violation* why) const override {
    if (!enabled("value-chosen")) return true;
    if (!invariants_.chosen()) {
      *why = {"value-chosen", "no value chosen after the faults healed"};
      return false;
    }
    for (sim::EndpointId id = 0; id < world.node_count(); ++id) {
      const auto* node = dynamic_cast<const PaxosNode*>(world.node(id).protocol.get());
      if (node && up(world, id) && node->is_proposer() && !node->learned()) {
        *why = {"value-chosen", "proposer " + world.node(id).name + " never learned the chosen value"};
        return false;
      }
    }
    return true;
  }
  sim::TimeUs time_unit_us(const sim::World&) const override { return unit_us_; }

 private:
  PaxosInvariants invariants_;
  std::size_t reported_ = 0;
  sim::TimeUs unit_us_;
};

}  // namespace

std::vector<model::Invariant> raft_invariant_list() {
  return {
      {"election-safety", "at most one leader per term"},
      {"leader-append-only", "a leader never overwrites or deletes its own entries"},
      {"log-matching", "entries with the same index and term have identical logs up to them"},
      {"leader-completeness", "a committed entry is in the log of every later leader"},
      {"state-machine-safety", "no two nodes commit or apply different entries at one index"},
      {"acknowledged-writes-kept", "every write a client saw succeed is committed"},
      {model::kRecovers, "a leader within the bound after the faults heal"},
      {"logs-converge", "at rest every live node holds the leader's log, committed and applied"},
  };
}

std::unique_ptr<model::RunChecker> make_raft_checker(bool acknowledged_writes_commit, const sim::World& world) {
  return std::make_unique<RaftChecker>(acknowledged_writes_commit, election_span_us(world));
}

std::vector<model::Invariant> paxos_invariant_list() {
  return {
      {"one-value-per-proposal", "acceptors never accept two values for one proposal number"},
      {"one-value-chosen", "at most one value is chosen"},
      {"learners-right", "a node learns only the chosen value"},
      {"validity", "the chosen value is one some proposer proposed"},
      {"value-chosen", "after the faults heal a value is chosen and every proposer learns it"},
  };
}

std::unique_ptr<model::RunChecker> make_paxos_checker(sim::TimeUs retry_timeout_us) {
  return std::make_unique<PaxosChecker>(retry_timeout_us);
}

}  // namespace cs::consensus
