// Presets that mirror real systems, as lesson 5 describes them:
//   patroni                  PostgreSQL + Patroni: a leader key with a TTL in a consensus store.
//   mongodb-replica-set      Raft-like elections with priorities, heartbeats every 2 s, an
//                            election timeout of 10 s, write concern "majority" or 1.
//   mysql-group-replication  single-primary mode: each transaction commits once a majority of
//                            members agrees; a new primary is the highest-weight member.
// The last two run the Raft engine (core/consensus) with the system's own knobs and names.
#include <algorithm>
#include <tuple>
#include <unordered_set>

#include "check/leader_metrics.h"
#include "consensus/consensus_checkers.h"
#include "consensus/consensus_models.h"
#include "consensus/raft_node.h"
#include "failover/failover_checker.h"
#include "failover/failover_models.h"
#include "failover/patroni_node.h"
#include "model/params.h"

namespace cs::failover {

namespace {

using model::ModelParams;

using model::between;
using model::count_param;
using model::ms_param;
using model::text_param;
using model::whole;

constexpr int kMaxWeight = 1000;

// "2,1,1" -> {2, 1, 1}: one weight per member; members the list does not reach weigh 1.
std::vector<int> weights(std::string_view list, std::size_t n) {
  std::vector<int> out(n, 1);
  const std::vector<double> given = model::number_list(list);
  for (std::size_t i = 0; i < n && i < given.size(); ++i) out[i] = static_cast<int>(given[i]);
  return out;
}

// Every entry a whole number from 0 to kMaxWeight, and no more entries than members.
void check_weights(const ModelParams& p, std::string_view name, std::size_t n,
                   std::vector<model::ParamProblem>& problems) {
  const std::string list = text_param(p, name);
  std::size_t entries = 0;
  for (std::size_t start = 0; start <= list.size() && !list.empty(); ++entries) {
    const std::size_t comma = std::min(list.find(',', start), list.size());
    const std::string item = list.substr(start, comma - start);
    const std::vector<double> v = model::number_list(item);
    if (v.size() != 1 || v[0] < 0 || v[0] > kMaxWeight || v[0] != static_cast<int>(v[0])) {
      problems.push_back(
          {std::string(name), "\"" + item + "\" is not a whole number from 0 to " + std::to_string(kMaxWeight)});
    }
    start = comma + 1;
  }
  if (entries > n) {
    problems.push_back(
        {std::string(name), "gives " + std::to_string(entries) + " weights for " + std::to_string(n) + " members"});
  }
}

void check_node_name(const ModelParams& p, std::string_view name, std::size_t n, bool may_be_empty,
                     std::vector<model::ParamProblem>& problems) {
  const std::string value = text_param(p, name);
  if (value.empty() && may_be_empty) return;
  if (node_param(value, n) == sim::kNoEndpoint) {
    problems.push_back({std::string(name), "\"" + value + "\" is not a node: give n1 to n" + std::to_string(n)});
  }
}

// The member that plays the consensus store: the one named, or the last.
sim::EndpointId dcs_of(const ModelParams& p, std::size_t n) {
  const sim::EndpointId dcs = node_param(text_param(p, "dcs_node"), n);
  return dcs == sim::kNoEndpoint ? static_cast<sim::EndpointId>(n - 1) : dcs;
}

const model::Choices<bool>& write_concerns() {
  static const model::Choices<bool> kChoices = {{"majority", true}, {"1", false}};
  return kChoices;
}

// Each member's leadership ledger, and the operations the authoritative copy holds: the live
// primary with the highest token, else the most advanced log.
struct PatroniAuthority {
  std::vector<const check::LeadershipLedger*> ledgers;
  std::unordered_set<std::uint64_t> kept;
};

PatroniAuthority find_patroni_authority(const sim::World& world) {
  PatroniAuthority a;
  a.ledgers.assign(world.node_count(), nullptr);
  const PatroniNode* authority = nullptr;
  sim::EndpointId authority_id = 0;
  const auto rank = [&](sim::EndpointId id, const PatroniNode* n) {
    const bool live_primary = n->is_primary() && !sim::is_down(world.node(id).status);
    return std::make_tuple(live_primary ? n->token() : -1, n->log().last_token(), n->log().last_index());
  };
  for (sim::EndpointId id = 0; id < world.node_count(); ++id) {
    const auto* node = dynamic_cast<const PatroniNode*>(world.node(id).protocol.get());
    if (!node || node->is_dcs()) continue;
    a.ledgers[id] = &node->ledger();
    if (!authority || rank(id, node) > rank(authority_id, authority)) {
      authority = node;
      authority_id = id;
    }
  }
  if (authority) {
    for (std::int64_t i = 1; i <= authority->log().last_index(); ++i) a.kept.insert(authority->log().at(i).op_id);
  }
  return a;
}

void add_patroni_run_metrics(const sim::World& world, sim::Metrics& m) {
  const PatroniAuthority a = find_patroni_authority(world);
  check::add_failover_metrics(world, a.ledgers, a.kept, m);
}

std::vector<model::ParamSpec> raft_engine_params() {
  return {
      {"max_batch_entries", 64.0, "log entries per replication message", whole(1, 100'000)},
      {"max_log_entries", 100000.0, "log capacity; a full log refuses new requests", whole(1, 1'000'000)},
  };
}

}  // namespace

model::ModelInfo patroni_model() {
  model::ModelInfo info{
      "patroni",
      "PostgreSQL with Patroni: a leader key with a time to live in a consensus store decides the primary.",
      {
          {"ttl_ms", 30000.0, "the leader key expires this long after its last renewal", between(1, 3'600'000)},
          {"loop_wait_ms", 10000.0, "agents run their check loop this often", between(1, 3'600'000)},
          {"retry_timeout_ms", 10000.0, "a primary that cannot renew the key within this demotes itself",
           between(1, 3'600'000)},
          {"maximum_lag_on_failover", 1000000.0, "a replica further behind (in entries) may not take the key",
           whole(0, 1e12)},
          {"replication_interval_ms", 200.0, "WAL shipping interval", between(1, 60'000)},
          {"dcs_node", std::string(""), "the node that plays the consensus store (default: the last)"},
          {"initial_primary", std::string("n1"), "the member that bootstraps the cluster"},
          {"max_log_entries", 100000.0, "log capacity per member", whole(1, 1'000'000)},
      },
      [](const ModelParams& p, sim::EndpointId self, std::size_t n) -> std::unique_ptr<sim::Protocol> {
        PatroniConfig c;
        c.ttl_us = ms_param(p, "ttl_ms");
        c.loop_wait_us = ms_param(p, "loop_wait_ms");
        c.retry_timeout_us = ms_param(p, "retry_timeout_ms");
        c.maximum_lag_on_failover = static_cast<std::int64_t>(count_param(p, "maximum_lag_on_failover"));
        c.replication_interval_us = ms_param(p, "replication_interval_ms");
        c.dcs_node = dcs_of(p, n);
        c.initial_primary = node_param(text_param(p, "initial_primary"), n);
        c.max_log_entries = count_param(p, "max_log_entries");
        return std::make_unique<PatroniNode>(c, self, n);
      },
      [](const sim::World& world, const ModelParams&, sim::Metrics& m) { add_patroni_run_metrics(world, m); },
      nullptr,
      [](const ModelParams& p, std::size_t n) {
        std::vector<model::ParamProblem> problems;
        if (n < 2) problems.push_back({"dcs_node", "Patroni needs a member and a consensus store: 2 nodes or more"});
        check_node_name(p, "dcs_node", n, true, problems);
        check_node_name(p, "initial_primary", n, false, problems);
        if (problems.empty() && node_param(text_param(p, "initial_primary"), n) == dcs_of(p, n)) {
          problems.push_back({"initial_primary", "is the consensus store (dcs_node), which holds no database"});
        }
        return problems;
      }};
  info.lost_writes = [](const sim::World& world, const ModelParams&) {
    return check::lost_writes(world.history(), find_patroni_authority(world).kept);
  };
  info.invariants = primary_invariant_list();
  info.make_checker = [](const ModelParams& p, const sim::World&) {
    PrimaryCheckerSpec spec;
    spec.unit_us = ms_param(p, "ttl_ms");
    spec.run_metrics = add_patroni_run_metrics;
    return make_primary_checker(std::move(spec));
  };
  return info;
}

model::ModelInfo mongodb_model() {
  auto params = raft_engine_params();
  params.insert(
      params.begin(),
      {
          {"heartbeat_interval_ms", 2000.0, "members exchange heartbeats this often", between(1, 60'000)},
          {"election_timeout_ms", 10000.0, "electionTimeoutMillis: silence before a secondary calls an election",
           between(1, 600'000)},
          {"priorities", std::string(""), "per member, e.g. \"2,1,1\"; higher is preferred, 0 never primary"},
          {"write_concern", std::string("majority"), "\"majority\" (acknowledged once a majority has it) or \"1\"",
           model::choice_names(write_concerns())},
      });
  model::ModelInfo info{
      "mongodb-replica-set",
      "A MongoDB replica set: Raft-like elections with priorities; write concern majority or 1.",
      params,
      [](const ModelParams& p, sim::EndpointId self, std::size_t n) -> std::unique_ptr<sim::Protocol> {
        consensus::RaftConfig c;
        c.heartbeat_interval_us = ms_param(p, "heartbeat_interval_ms");
        c.election_timeout_min_us = ms_param(p, "election_timeout_ms");
        // MongoDB adds a random offset of up to 15% so that secondaries do not all stand at once.
        c.election_timeout_max_us = c.election_timeout_min_us + c.election_timeout_min_us * 15 / 100;
        c.max_batch_entries = count_param(p, "max_batch_entries");
        c.max_log_entries = count_param(p, "max_log_entries");
        c.priorities = weights(text_param(p, "priorities"), n);
        c.priority_takeover = true;
        c.fast_first_election = true;  // rs.initiate() elects at once
        c.ack_after_commit = model::choice_param(p, "write_concern", write_concerns());
        c.leader_role = sim::Role::Primary;
        c.follower_role = sim::Role::Replica;
        return std::make_unique<consensus::RaftNode>(c, self, n);
      },
      [](const sim::World& world, const ModelParams&, sim::Metrics& m) { consensus::add_raft_run_metrics(world, m); },
      nullptr,
      [](const ModelParams& p, std::size_t n) {
        std::vector<model::ParamProblem> problems;
        check_weights(p, "priorities", n, problems);
        return problems;
      }};
  info.invariants = consensus::raft_invariant_list();
  info.lost_writes = [](const sim::World& world, const ModelParams&) { return consensus::raft_lost_writes(world); };
  info.make_checker = [](const ModelParams& p, const sim::World& world) {
    return consensus::make_raft_checker(model::choice_param(p, "write_concern", write_concerns()), world);
  };
  return info;
}

model::ModelInfo mysql_group_replication_model() {
  auto params = raft_engine_params();
  params.insert(
      params.begin(),
      {
          {"heartbeat_interval_ms", 1000.0, "group communication keep-alive interval", between(1, 60'000)},
          {"failure_detection_ms", 5000.0, "silence after which members suspect the primary and elect",
           between(1, 600'000)},
          {"member_weights", std::string(""), "group_replication_member_weight per member, e.g. \"50,60,40\""},
      });
  model::ModelInfo info{
      "mysql-group-replication",
      "MySQL Group Replication, single-primary mode: commit by majority agreement; the heaviest member takes over.",
      params,
      [](const ModelParams& p, sim::EndpointId self, std::size_t n) -> std::unique_ptr<sim::Protocol> {
        consensus::RaftConfig c;
        c.heartbeat_interval_us = ms_param(p, "heartbeat_interval_ms");
        c.election_timeout_min_us = ms_param(p, "failure_detection_ms");
        c.election_timeout_max_us = c.election_timeout_min_us + c.election_timeout_min_us / 5;
        c.max_batch_entries = count_param(p, "max_batch_entries");
        c.max_log_entries = count_param(p, "max_log_entries");
        c.priorities = weights(text_param(p, "member_weights"), n);
        c.fast_first_election = true;  // the bootstrapped group has a primary at once
        c.leader_role = sim::Role::Primary;
        c.follower_role = sim::Role::Replica;
        return std::make_unique<consensus::RaftNode>(c, self, n);
      },
      [](const sim::World& world, const ModelParams&, sim::Metrics& m) { consensus::add_raft_run_metrics(world, m); },
      nullptr,
      [](const ModelParams& p, std::size_t n) {
        std::vector<model::ParamProblem> problems;
        check_weights(p, "member_weights", n, problems);
        return problems;
      }};
  info.invariants = consensus::raft_invariant_list();
  info.lost_writes = [](const sim::World& world, const ModelParams&) { return consensus::raft_lost_writes(world); };
  info.make_checker = [](const ModelParams&, const sim::World& world) {
    return consensus::make_raft_checker(true, world);
  };
  return info;
}

}  // namespace cs::failover
