#include "consensus/consensus_models.h"

#include <algorithm>
#include <cassert>
#include <set>
#include <tuple>
#include <unordered_set>

#include "check/leader_metrics.h"
#include "consensus/consensus_checkers.h"
#include "consensus/paxos_node.h"
#include "consensus/raft_node.h"
#include "model/params.h"

namespace cs::consensus {

using model::count_param;
using model::ms_param;

namespace {

const RaftNode* raft_at(const sim::World& world, sim::EndpointId id) {
  return dynamic_cast<const RaftNode*>(world.node(id).protocol.get());
}

}  // namespace

RaftConfig raft_config_from(const model::ModelParams& p) {
  RaftConfig c;
  c.election_timeout_min_us = ms_param(p, "election_timeout_min_ms");
  c.election_timeout_max_us = ms_param(p, "election_timeout_max_ms");
  c.heartbeat_interval_us = ms_param(p, "heartbeat_interval_ms");
  c.max_batch_entries = count_param(p, "max_batch_entries");
  c.max_log_entries = count_param(p, "max_log_entries");
  assert(c.election_timeout_min_us <= c.election_timeout_max_us);
  return c;
}

std::vector<model::ParamSpec> raft_params() {
  return {
      {"election_timeout_min_ms", 150.0, "shortest randomized election timeout", model::between(1, 600'000)},
      {"election_timeout_max_ms", 300.0, "longest randomized election timeout", model::between(1, 600'000)},
      {"heartbeat_interval_ms", 50.0, "time between the leader's AppendEntries heartbeats", model::between(1, 60'000)},
      {"max_batch_entries", 64.0, "log entries per AppendEntries message", model::whole(1, 100'000)},
      {"max_log_entries", 100000.0, "log capacity; a full log refuses new requests", model::whole(1, 1'000'000)},
  };
}

void check_raft_params(const model::ModelParams& p, std::vector<model::ParamProblem>& problems) {
  model::require_order(p, "election_timeout_min_ms", "election_timeout_max_ms", problems);
}

namespace {

// The authoritative log: the leader of the highest term, or else the most up-to-date log on any
// node (by Raft's own election rule), which holds every committed entry; the writes it holds.
struct RaftAuthority {
  std::vector<const check::LeadershipLedger*> ledgers;
  std::unordered_set<std::uint64_t> kept;
};

RaftAuthority find_raft_authority(const sim::World& world) {
  RaftAuthority a;
  a.ledgers.assign(world.node_count(), nullptr);
  const RaftNode* best = nullptr;
  for (sim::EndpointId id = 0; id < world.node_count(); ++id) {
    const RaftNode* node = raft_at(world, id);
    if (!node) continue;
    a.ledgers[id] = &node->ledger();
    const auto rank = [](const RaftNode* n) {
      return std::make_tuple(n->is_leader() ? n->current_term() : -1, n->log().last_term(), n->log().last_index());
    };
    if (!best || rank(node) > rank(best)) best = node;
  }
  if (best) {
    for (std::int64_t i = 1; i <= best->log().last_index(); ++i) a.kept.insert(best->log().at(i).op_id);
  }
  return a;
}

}  // namespace

void add_raft_run_metrics(const sim::World& world, sim::Metrics& metrics) {
  const RaftAuthority a = find_raft_authority(world);
  check::add_failover_metrics(world, a.ledgers, a.kept, metrics);
}

std::vector<std::uint64_t> raft_lost_writes(const sim::World& world) {
  return check::lost_writes(world.history(), find_raft_authority(world).kept);
}

model::ModelInfo raft_model() {
  model::ModelInfo info{
      "raft",
      "Raft consensus: randomized elections, log replication, commit by majority, redirection.",
      raft_params(),
      [](const model::ModelParams& p, sim::EndpointId self, std::size_t n) -> std::unique_ptr<sim::Protocol> {
        return std::make_unique<RaftNode>(raft_config_from(p), self, n);
      },
      [](const sim::World& world, const model::ModelParams&, sim::Metrics& m) { add_raft_run_metrics(world, m); },
      nullptr,
      [](const model::ModelParams& p, std::size_t) {
        std::vector<model::ParamProblem> problems;
        check_raft_params(p, problems);
        return problems;
      }};
  info.invariants = raft_invariant_list();
  info.make_checker = [](const model::ModelParams&, const sim::World& world) { return make_raft_checker(true, world); };
  info.lost_writes = [](const sim::World& world, const model::ModelParams&) { return raft_lost_writes(world); };
  return info;
}

namespace {

const model::Choices<PaxosConfig::Fix>& fixes() {
  static const model::Choices<PaxosConfig::Fix> kFixes = {{"none", PaxosConfig::Fix::None},
                                                          {"backoff", PaxosConfig::Fix::Backoff},
                                                          {"distinguished", PaxosConfig::Fix::Distinguished}};
  return kFixes;
}

void add_paxos_run_metrics(const sim::World& world, sim::Metrics& m) {
  std::set<std::int64_t> values;
  sim::TimeUs first = sim::kTimeNever;
  for (sim::EndpointId id = 0; id < world.node_count(); ++id) {
    const auto* node = dynamic_cast<const PaxosNode*>(world.node(id).protocol.get());
    if (!node || !node->learned()) continue;
    values.insert(node->learned_value());
    first = std::min(first, check::to_true_time(world, id, node->learned_at_local_us()));
  }
  // More than one value chosen would break Paxos' one promise; the tests check it stays <= 1.
  m["values_chosen"] = static_cast<double>(values.size());
  m["chosen_value"] = values.empty() ? 0.0 : static_cast<double>(*values.begin());
  m["chosen_at_us"] = first == sim::kTimeNever ? -1.0 : static_cast<double>(first);
}

}  // namespace

model::ModelInfo paxos_model() {
  model::ModelInfo info{
      "paxos",
      "Single-decree Paxos: proposers, acceptors and learners agree on one value.",
      {
          {"proposers", 1.0, "how many nodes (the first ones) propose a value", model::whole(0, 200)},
          {"first_proposal_ms", 100.0, "when the first proposer starts", model::between(0, 3'600'000)},
          {"proposer_stagger_ms", 0.0, "each further proposer starts this much later", model::between(0, 3'600'000)},
          {"retry_timeout_ms", 1000.0, "a round not chosen by then is retried with a higher number",
           model::between(1, 3'600'000)},
          {"fix", std::string("none"), "dueling fix: none, backoff (random wait) or distinguished",
           model::choice_names(fixes())},
          {"fix_after_ms", 0.0, "the fix applies to retries from this time on", model::between(0, 3'600'000)},
          {"backoff_max_ms", 300.0, "longest random back-off before a retry", model::between(0, 3'600'000)},
      },
      [](const model::ModelParams& p, sim::EndpointId self, std::size_t n) -> std::unique_ptr<sim::Protocol> {
        PaxosConfig c;
        c.proposers = count_param(p, "proposers");
        c.first_proposal_us = ms_param(p, "first_proposal_ms");
        c.proposer_stagger_us = ms_param(p, "proposer_stagger_ms");
        c.retry_timeout_us = ms_param(p, "retry_timeout_ms");
        c.fix = model::choice_param(p, "fix", fixes());
        c.fix_after_us = ms_param(p, "fix_after_ms");
        c.backoff_max_us = ms_param(p, "backoff_max_ms");
        return std::make_unique<PaxosNode>(c, self, n);
      },
      [](const sim::World& world, const model::ModelParams&, sim::Metrics& m) { add_paxos_run_metrics(world, m); },
      nullptr,
      [](const model::ModelParams& p, std::size_t n) {
        std::vector<model::ParamProblem> problems;
        if (count_param(p, "proposers") > n) {
          problems.push_back({"proposers", "is more than the scenario's " + std::to_string(n) + " nodes"});
        }
        return problems;
      }};
  info.invariants = paxos_invariant_list();
  info.make_checker = [](const model::ModelParams& p, const sim::World&) {
    return make_paxos_checker(ms_param(p, "retry_timeout_ms"));
  };
  return info;
}

}  // namespace cs::consensus
