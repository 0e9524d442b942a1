// Presets that mirror real systems, as lesson 5 describes them:
//   patroni                  PostgreSQL + Patroni: a leader key with a TTL in a consensus store.
//   mongodb-replica-set      Raft-like elections with priorities, heartbeats every 2 s, an
//                            election timeout of 10 s, write concern "majority" or 1.
//   mysql-group-replication  single-primary mode: each transaction commits once a majority of
//                            members agrees; a new primary is the highest-weight member.
// The last two run the Raft engine (core/consensus) with the system's own knobs and names.
#include <algorithm>
#include <cmath>
#include <tuple>
#include <unordered_set>

#include "consensus/consensus_models.h"
#include "consensus/raft_node.h"
#include "failover/failover_models.h"
#include "failover/patroni_node.h"
#include "failover/run_metrics.h"

namespace cs::failover {

namespace {

using protocols::ModelParams;

sim::TimeUs ms(const ModelParams& p, std::string_view name) {
  return static_cast<sim::TimeUs>(std::llround(protocols::number_param(p, name) * 1000.0));
}
const std::string& text(const ModelParams& p, std::string_view name) {
  return std::get<std::string>(p.find(name)->second);
}

// "2,1,1" -> {2, 1, 1}; missing or unreadable entries are 1.
std::vector<int> numbers(std::string_view list, std::size_t n) {
  std::vector<int> out(n, 1);
  for (std::size_t i = 0; i < n && !list.empty(); ++i) {
    const auto comma = list.find(',');
    const std::string_view item = list.substr(0, comma);
    int value = 0;
    bool digits = !item.empty();
    for (char ch : item) {
      if (ch < '0' || ch > '9') digits = false;
      value = digits ? std::min(1000, value * 10 + (ch - '0')) : value;
    }
    if (digits) out[i] = value;
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return out;
}

void add_patroni_run_metrics(const sim::World& world, sim::Metrics& m) {
  std::vector<const LeadershipLedger*> ledgers(world.node_count(), nullptr);
  const PatroniNode* authority = nullptr;
  sim::EndpointId authority_id = 0;
  const auto rank = [&](sim::EndpointId id, const PatroniNode* n) {
    const bool live_primary = n->is_primary() && !sim::is_down(world.node(id).status);
    return std::make_tuple(live_primary ? n->token() : -1, n->log().last_token(), n->log().last_index());
  };
  for (sim::EndpointId id = 0; id < world.node_count(); ++id) {
    const auto* node = dynamic_cast<const PatroniNode*>(world.node(id).protocol.get());
    if (!node || node->is_dcs()) continue;
    ledgers[id] = &node->ledger();
    if (!authority || rank(id, node) > rank(authority_id, authority)) {
      authority = node;
      authority_id = id;
    }
  }
  std::unordered_set<std::uint64_t> kept;
  if (authority) {
    for (std::int64_t i = 1; i <= authority->log().last_index(); ++i) kept.insert(authority->log().at(i).op_id);
  }
  add_failover_metrics(world, ledgers, kept, m);
}

std::vector<protocols::ParamSpec> raft_engine_params() {
  return {
      {"max_batch_entries", 64.0, "log entries per replication message"},
      {"max_log_entries", 100000.0, "log capacity; a full log refuses new requests"},
  };
}

}  // namespace

protocols::ModelInfo patroni_model() {
  return {"patroni",
          "PostgreSQL with Patroni: a leader key with a time to live in a consensus store decides the primary.",
          {
              {"ttl_ms", 30000.0, "the leader key expires this long after its last renewal"},
              {"loop_wait_ms", 10000.0, "agents run their check loop this often"},
              {"retry_timeout_ms", 10000.0, "a primary that cannot renew the key within this demotes itself"},
              {"maximum_lag_on_failover", 1000000.0, "a replica further behind (in entries) may not take the key"},
              {"replication_interval_ms", 200.0, "WAL shipping interval"},
              {"dcs_node", std::string(""), "the node that plays the consensus store (default: the last)"},
              {"initial_primary", std::string("n1"), "the member that bootstraps the cluster"},
              {"max_log_entries", 100000.0, "log capacity per member"},
          },
          [](const ModelParams& p, sim::EndpointId self, std::size_t n) -> std::unique_ptr<sim::Protocol> {
            PatroniConfig c;
            c.ttl_us = std::max<sim::TimeUs>(1, ms(p, "ttl_ms"));
            c.loop_wait_us = std::max<sim::TimeUs>(1, ms(p, "loop_wait_ms"));
            c.retry_timeout_us = std::max<sim::TimeUs>(1, ms(p, "retry_timeout_ms"));
            c.maximum_lag_on_failover =
                static_cast<std::int64_t>(protocols::number_param(p, "maximum_lag_on_failover"));
            c.replication_interval_us = std::max<sim::TimeUs>(1, ms(p, "replication_interval_ms"));
            const sim::EndpointId dcs = node_param(text(p, "dcs_node"), n);
            c.dcs_node = dcs == sim::kNoEndpoint ? static_cast<sim::EndpointId>(n - 1) : dcs;
            const sim::EndpointId first = node_param(text(p, "initial_primary"), n);
            c.initial_primary = first == sim::kNoEndpoint || first == c.dcs_node ? (c.dcs_node == 0 ? 1 : 0) : first;
            c.max_log_entries = static_cast<std::size_t>(std::max(1.0, protocols::number_param(p, "max_log_entries")));
            return std::make_unique<PatroniNode>(c, self, n);
          },
          [](const sim::World& world, const ModelParams&, sim::Metrics& m) { add_patroni_run_metrics(world, m); },
          nullptr};
}

protocols::ModelInfo mongodb_model() {
  auto params = raft_engine_params();
  params.insert(
      params.begin(),
      {
          {"heartbeat_interval_ms", 2000.0, "members exchange heartbeats this often"},
          {"election_timeout_ms", 10000.0, "electionTimeoutMillis: silence before a secondary calls an election"},
          {"priorities", std::string(""), "per member, e.g. \"2,1,1\"; higher is preferred, 0 never primary"},
          {"write_concern", std::string("majority"), "\"majority\" (acknowledged once a majority has it) or \"1\""},
      });
  return {
      "mongodb-replica-set",
      "A MongoDB replica set: Raft-like elections with priorities; write concern majority or 1.",
      params,
      [](const ModelParams& p, sim::EndpointId self, std::size_t n) -> std::unique_ptr<sim::Protocol> {
        consensus::RaftConfig c;
        c.heartbeat_interval_us = std::max<sim::TimeUs>(1, ms(p, "heartbeat_interval_ms"));
        c.election_timeout_min_us = std::max<sim::TimeUs>(1, ms(p, "election_timeout_ms"));
        // MongoDB adds a random offset of up to 15% so that secondaries do not all stand at once.
        c.election_timeout_max_us = c.election_timeout_min_us + c.election_timeout_min_us * 15 / 100;
        c.max_batch_entries = static_cast<std::size_t>(std::max(1.0, protocols::number_param(p, "max_batch_entries")));
        c.max_log_entries = static_cast<std::size_t>(std::max(1.0, protocols::number_param(p, "max_log_entries")));
        c.priorities = numbers(text(p, "priorities"), n);
        c.priority_takeover = true;
        c.fast_first_election = true;  // rs.initiate() elects at once
        c.ack_after_commit = text(p, "write_concern") != "1";
        c.leader_role = sim::Role::Primary;
        c.follower_role = sim::Role::Replica;
        return std::make_unique<consensus::RaftNode>(c, self, n);
      },
      [](const sim::World& world, const ModelParams&, sim::Metrics& m) { consensus::add_raft_run_metrics(world, m); },
      nullptr};
}

protocols::ModelInfo mysql_group_replication_model() {
  auto params = raft_engine_params();
  params.insert(
      params.begin(),
      {
          {"heartbeat_interval_ms", 1000.0, "group communication keep-alive interval"},
          {"failure_detection_ms", 5000.0, "silence after which members suspect the primary and elect"},
          {"member_weights", std::string(""), "group_replication_member_weight per member, e.g. \"50,60,40\""},
      });
  return {
      "mysql-group-replication",
      "MySQL Group Replication, single-primary mode: commit by majority agreement; the heaviest member takes over.",
      params,
      [](const ModelParams& p, sim::EndpointId self, std::size_t n) -> std::unique_ptr<sim::Protocol> {
        consensus::RaftConfig c;
        c.heartbeat_interval_us = std::max<sim::TimeUs>(1, ms(p, "heartbeat_interval_ms"));
        c.election_timeout_min_us = std::max<sim::TimeUs>(1, ms(p, "failure_detection_ms"));
        c.election_timeout_max_us = c.election_timeout_min_us + c.election_timeout_min_us / 5;
        c.max_batch_entries = static_cast<std::size_t>(std::max(1.0, protocols::number_param(p, "max_batch_entries")));
        c.max_log_entries = static_cast<std::size_t>(std::max(1.0, protocols::number_param(p, "max_log_entries")));
        c.priorities = numbers(text(p, "member_weights"), n);
        c.fast_first_election = true;  // the bootstrapped group has a primary at once
        c.leader_role = sim::Role::Primary;
        c.follower_role = sim::Role::Replica;
        return std::make_unique<consensus::RaftNode>(c, self, n);
      },
      [](const sim::World& world, const ModelParams&, sim::Metrics& m) { consensus::add_raft_run_metrics(world, m); },
      nullptr};
}

}  // namespace cs::failover
