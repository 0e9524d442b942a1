#include "consensus/consensus_models.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <tuple>
#include <unordered_set>

#include "consensus/paxos_node.h"
#include "consensus/raft_node.h"
#include "failover/run_metrics.h"

namespace cs::consensus {

namespace {

sim::TimeUs ms(const protocols::ModelParams& p, std::string_view name) {
  return static_cast<sim::TimeUs>(std::llround(protocols::number_param(p, name) * 1000.0));
}

std::size_t count(const protocols::ModelParams& p, std::string_view name) {
  return static_cast<std::size_t>(std::max(1.0, protocols::number_param(p, name)));
}

const RaftNode* raft_at(const sim::World& world, sim::EndpointId id) {
  return dynamic_cast<const RaftNode*>(world.node(id).protocol.get());
}

}  // namespace

RaftConfig raft_config_from(const protocols::ModelParams& p) {
  RaftConfig c;
  c.election_timeout_min_us = ms(p, "election_timeout_min_ms");
  c.election_timeout_max_us = std::max(c.election_timeout_min_us, ms(p, "election_timeout_max_ms"));
  c.heartbeat_interval_us = ms(p, "heartbeat_interval_ms");
  c.max_batch_entries = count(p, "max_batch_entries");
  c.max_log_entries = count(p, "max_log_entries");
  return c;
}

void add_raft_run_metrics(const sim::World& world, sim::Metrics& metrics) {
  std::vector<const failover::LeadershipLedger*> ledgers(world.node_count(), nullptr);
  // The authoritative log: the leader of the highest term, or else the most up-to-date log on any
  // node (by Raft's own election rule), which holds every committed entry.
  const RaftNode* best = nullptr;
  for (sim::EndpointId id = 0; id < world.node_count(); ++id) {
    const RaftNode* node = raft_at(world, id);
    if (!node) continue;
    ledgers[id] = &node->ledger();
    const auto rank = [](const RaftNode* n) {
      return std::make_tuple(n->is_leader() ? n->current_term() : -1, n->log().last_term(), n->log().last_index());
    };
    if (!best || rank(node) > rank(best)) best = node;
  }
  std::unordered_set<std::uint64_t> kept;
  if (best) {
    for (std::int64_t i = 1; i <= best->log().last_index(); ++i) kept.insert(best->log().at(i).op_id);
  }
  failover::add_failover_metrics(world, ledgers, kept, metrics);
}

protocols::ModelInfo raft_model() {
  return {
      "raft",
      "Raft consensus: randomized elections, log replication, commit by majority, redirection.",
      {
          {"election_timeout_min_ms", 150.0, "shortest randomized election timeout"},
          {"election_timeout_max_ms", 300.0, "longest randomized election timeout"},
          {"heartbeat_interval_ms", 50.0, "time between the leader's AppendEntries heartbeats"},
          {"max_batch_entries", 64.0, "log entries per AppendEntries message"},
          {"max_log_entries", 100000.0, "log capacity; a full log refuses new requests"},
      },
      [](const protocols::ModelParams& p, sim::EndpointId self, std::size_t n) -> std::unique_ptr<sim::Protocol> {
        return std::make_unique<RaftNode>(raft_config_from(p), self, n);
      },
      [](const sim::World& world, const protocols::ModelParams&, sim::Metrics& m) { add_raft_run_metrics(world, m); },
      nullptr};
}

namespace {

PaxosConfig::Fix fix_from(const std::string& name) {
  if (name == "backoff") return PaxosConfig::Fix::Backoff;
  if (name == "distinguished") return PaxosConfig::Fix::Distinguished;
  return PaxosConfig::Fix::None;
}

void add_paxos_run_metrics(const sim::World& world, sim::Metrics& m) {
  std::set<std::int64_t> values;
  sim::TimeUs first = sim::kTimeNever;
  for (sim::EndpointId id = 0; id < world.node_count(); ++id) {
    const auto* node = dynamic_cast<const PaxosNode*>(world.node(id).protocol.get());
    if (!node || !node->learned()) continue;
    values.insert(node->learned_value());
    first = std::min(first, failover::to_true_time(world, id, node->learned_at_local_us()));
  }
  // More than one value chosen would break Paxos' one promise; the tests check it stays <= 1.
  m["values_chosen"] = static_cast<double>(values.size());
  m["chosen_value"] = values.empty() ? 0.0 : static_cast<double>(*values.begin());
  m["chosen_at_us"] = first == sim::kTimeNever ? -1.0 : static_cast<double>(first);
}

}  // namespace

protocols::ModelInfo paxos_model() {
  return {
      "paxos",
      "Single-decree Paxos: proposers, acceptors and learners agree on one value.",
      {
          {"proposers", 1.0, "how many nodes (the first ones) propose a value"},
          {"first_proposal_ms", 100.0, "when the first proposer starts"},
          {"proposer_stagger_ms", 0.0, "each further proposer starts this much later"},
          {"retry_timeout_ms", 1000.0, "a round not chosen by then is retried with a higher number"},
          {"fix", std::string("none"), "dueling fix: none, backoff (random wait) or distinguished"},
          {"fix_after_ms", 0.0, "the fix applies to retries from this time on"},
          {"backoff_max_ms", 300.0, "longest random back-off before a retry"},
      },
      [](const protocols::ModelParams& p, sim::EndpointId self, std::size_t n) -> std::unique_ptr<sim::Protocol> {
        PaxosConfig c;
        c.proposers = std::min(n, static_cast<std::size_t>(std::max(0.0, protocols::number_param(p, "proposers"))));
        c.first_proposal_us = ms(p, "first_proposal_ms");
        c.proposer_stagger_us = ms(p, "proposer_stagger_ms");
        c.retry_timeout_us = std::max<sim::TimeUs>(1, ms(p, "retry_timeout_ms"));
        c.fix = fix_from(std::get<std::string>(p.find("fix")->second));
        c.fix_after_us = ms(p, "fix_after_ms");
        c.backoff_max_us = ms(p, "backoff_max_ms");
        return std::make_unique<PaxosNode>(c, self, n);
      },
      [](const sim::World& world, const protocols::ModelParams&, sim::Metrics& m) { add_paxos_run_metrics(world, m); },
      nullptr};
}

}  // namespace cs::consensus
