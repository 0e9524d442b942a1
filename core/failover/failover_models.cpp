#include "failover/failover_models.h"

#include <algorithm>
#include <cassert>
#include <map>
#include <tuple>
#include <unordered_set>

#include "check/leader_metrics.h"
#include "failover/failover_checker.h"
#include "failover/failover_node.h"
#include "failover/monitoring.h"
#include "model/params.h"

namespace cs::failover {

namespace {

using model::ModelParams;

using model::between;
using model::count_param;
using model::flag_param;
using model::ms_or_none_param;
using model::ms_param;
using model::text_param;
using model::whole;

const model::Choices<FailoverConfig::Detector>& detectors() {
  static const model::Choices<FailoverConfig::Detector> kChoices = {{"heartbeat", FailoverConfig::Detector::Heartbeat},
                                                                    {"tcp", FailoverConfig::Detector::TcpConnect},
                                                                    {"query", FailoverConfig::Detector::Query}};
  return kChoices;
}

const model::Choices<FailoverConfig::Mode>& modes() {
  static const model::Choices<FailoverConfig::Mode> kChoices = {{"automatic", FailoverConfig::Mode::Automatic},
                                                                {"manual", FailoverConfig::Mode::Manual},
                                                                {"none", FailoverConfig::Mode::None}};
  return kChoices;
}

// "n1=blue,n3=connection pooler" -> "blue" for node 0; "" for a node not named.
std::string label_param(std::string_view labels, sim::EndpointId self, std::size_t node_count) {
  while (!labels.empty()) {
    const auto comma = labels.find(',');
    const std::string_view item = labels.substr(0, comma);
    const auto eq = item.find('=');
    if (eq != std::string_view::npos && node_param(item.substr(0, eq), node_count) == self) {
      return std::string(item.substr(eq + 1));
    }
    if (comma == std::string_view::npos) break;
    labels.remove_prefix(comma + 1);
  }
  return {};
}

FailoverConfig config_from(const ModelParams& p, std::size_t n) {
  FailoverConfig c;
  c.detector = model::choice_param(p, "detector", detectors());
  c.heartbeat_interval_us = ms_param(p, "heartbeat_interval_ms");
  c.failure_timeout_us = ms_param(p, "failure_timeout_ms");
  c.check_interval_us = ms_param(p, "check_interval_ms");
  c.check_timeout_us = ms_param(p, "check_timeout_ms");
  c.failed_checks_to_suspect = static_cast<int>(count_param(p, "failed_checks"));
  c.mode = model::choice_param(p, "failover", modes());
  c.candidate_window_us = ms_param(p, "candidate_window_ms");
  c.operator_delay_us = ms_param(p, "operator_delay_ms");
  c.manual_candidate = node_param(text_param(p, "manual_candidate"), n);
  c.max_lag_entries = static_cast<std::int64_t>(model::number_param(p, "max_lag_entries"));
  c.not_promotable = node_set_param(text_param(p, "not_promotable"), n);
  c.switchover_at_us = ms_or_none_param(p, "switchover_at_ms");
  c.switchover_to = node_param(text_param(p, "switchover_to"), n);
  c.switchback_at_us = ms_or_none_param(p, "switchback_at_ms");
  c.replica_acks_required = static_cast<int>(count_param(p, "replica_acks"));
  c.insert_only = flag_param(p, "insert_only");
  c.quorum = flag_param(p, "quorum");
  c.fencing = flag_param(p, "fencing");
  c.stonith = flag_param(p, "stonith");
  c.lease = flag_param(p, "lease");
  c.lease_us = ms_param(p, "lease_ms");
  c.clock_skew_margin_us = ms_param(p, "clock_skew_margin_ms");
  c.stonith_delay_us = ms_param(p, "stonith_delay_ms");
  c.initial_primary = node_param(text_param(p, "initial_primary"), n);
  c.storage_node = node_param(text_param(p, "storage_node"), n);
  c.witnesses = node_set_param(text_param(p, "witnesses"), n);
  c.disk_full_at_us = ms_or_none_param(p, "disk_full_at_ms");
  c.max_connections = static_cast<std::int64_t>(count_param(p, "max_connections"));
  c.max_log_entries = count_param(p, "max_log_entries");
  assert(c.initial_primary != sim::kNoEndpoint && c.holds_data(c.initial_primary));
  return c;
}

// Node names in the parameters ("n1", "n2,n5", "n1=blue"), checked against the scenario's nodes.
void check_node_name(const ModelParams& p, std::string_view name, std::size_t n, bool may_be_empty,
                     std::vector<model::ParamProblem>& problems) {
  const std::string value = text_param(p, name);
  if (value.empty() && may_be_empty) return;
  if (node_param(value, n) == sim::kNoEndpoint) {
    problems.push_back({std::string(name), "\"" + value + "\" is not a node: give n1 to n" + std::to_string(n)});
  }
}

void check_node_names(std::string_view param, std::string_view names, std::size_t n,
                      std::vector<model::ParamProblem>& problems) {
  while (!names.empty()) {
    const auto comma = names.find(',');
    const std::string_view item = names.substr(0, comma);
    const sim::EndpointId id = node_param(item, n);
    if (id == sim::kNoEndpoint || id >= 64) {
      problems.push_back({std::string(param), "\"" + std::string(item) + "\" is not a node: give n1 to n" +
                                                  std::to_string(std::min<std::size_t>(n, 64))});
    }
    if (comma == std::string_view::npos) break;
    names.remove_prefix(comma + 1);
  }
}

std::vector<model::ParamProblem> check_failover(const ModelParams& p, std::size_t n) {
  std::vector<model::ParamProblem> problems;
  model::require_order(p, "check_timeout_ms", "check_interval_ms", problems);
  check_node_name(p, "manual_candidate", n, true, problems);
  check_node_name(p, "initial_primary", n, false, problems);
  check_node_name(p, "storage_node", n, true, problems);
  if (model::number_param(p, "switchover_at_ms") >= 0) check_node_name(p, "switchover_to", n, false, problems);
  check_node_names("not_promotable", text_param(p, "not_promotable"), n, problems);
  check_node_names("witnesses", text_param(p, "witnesses"), n, problems);
  const std::string all_labels = text_param(p, "labels");
  std::string_view labels = all_labels;
  while (!labels.empty()) {
    const auto comma = labels.find(',');
    const std::string_view item = labels.substr(0, comma);
    const auto eq = item.find('=');
    if (eq == std::string_view::npos) {
      problems.push_back({"labels", "\"" + std::string(item) + "\" is not node=label"});
    } else {
      check_node_names("labels", item.substr(0, eq), n, problems);
    }
    if (comma == std::string_view::npos) break;
    labels.remove_prefix(comma + 1);
  }
  if (problems.empty()) {
    const FailoverConfig c = [&] {
      FailoverConfig partial;
      partial.storage_node = node_param(text_param(p, "storage_node"), n);
      partial.witnesses = node_set_param(text_param(p, "witnesses"), n);
      return partial;
    }();
    if (!c.holds_data(node_param(text_param(p, "initial_primary"), n))) {
      problems.push_back({"initial_primary", "is the storage node or a witness: it holds no data to serve"});
    }
  }
  return problems;
}

const FailoverNode* at(const sim::World& world, sim::EndpointId id) {
  return dynamic_cast<const FailoverNode*>(world.node(id).protocol.get());
}

// The authoritative copy: the shared storage if there is one; else the live primary with the
// highest token; else the most advanced log anywhere (nothing has replaced it yet). With the
// operations its log holds, and each node's leadership ledger.
struct Authority {
  std::vector<const check::LeadershipLedger*> ledgers;
  const FailoverNode* node = nullptr;
  sim::EndpointId id = 0;
  std::unordered_set<std::uint64_t> kept;
};

Authority find_authority(const sim::World& world) {
  Authority a;
  a.ledgers.assign(world.node_count(), nullptr);
  const auto rank = [&](sim::EndpointId id, const FailoverNode* n) {
    const bool live_primary = n->is_primary() && !sim::is_down(world.node(id).status);
    return std::make_tuple(n->config().is_storage(id), live_primary ? n->token() : -1, n->log().last_token(),
                           n->log().last_index());
  };
  for (sim::EndpointId id = 0; id < world.node_count(); ++id) {
    const FailoverNode* node = at(world, id);
    if (!node) continue;
    a.ledgers[id] = &node->ledger();
    if (!node->config().is_storage(id) && !node->config().holds_data(id)) continue;
    if (!a.node || rank(id, node) > rank(a.id, a.node)) {
      a.node = node;
      a.id = id;
    }
  }
  if (a.node) {
    for (std::int64_t i = 1; i <= a.node->log().last_index(); ++i) a.kept.insert(a.node->log().at(i).op_id);
  }
  return a;
}

std::vector<std::uint64_t> failover_lost_writes(const sim::World& world) {
  return check::lost_writes(world.history(), find_authority(world).kept);
}

void add_failover_run_metrics(const sim::World& world, sim::Metrics& m) {
  const Authority a = find_authority(world);
  check::add_failover_metrics(world, a.ledgers, a.kept, m);
  if (const FailoverNode* authority = a.node; authority && authority->config().is_storage(a.id)) {
    // With shared storage there is one log, so "two histories" means something narrower: writes
    // the storage accepted from a primary already superseded by one that had written before
    // (fencing rejects exactly these). Concurrent tenures alone do not split the history.
    std::int64_t stale = 0;
    std::int64_t highest = 0;
    for (std::int64_t i = 1; i <= authority->log().last_index(); ++i) {
      const std::int64_t token = authority->log().at(i).term;
      stale += token < highest ? 1 : 0;
      highest = std::max(highest, token);
    }
    m["divergent_writes"] = static_cast<double>(stale);
  }
  add_monitoring_metrics(snapshot(world), m);
}

// insert_only: keys that more than one client was told it had written first.
//   double_bookings  acknowledged writes to a key beyond its first (a night booked twice counts 1)
void add_insert_only_metrics(const sim::World& world, sim::Metrics& m) {
  std::map<std::int64_t, std::int64_t> acked_per_key;
  for (const sim::Operation& op : world.history().ops()) {
    if (op.type == sim::OpType::Write && op.status == sim::OpStatus::Ok) ++acked_per_key[op.key];
  }
  double doubles = 0;
  for (const auto& [key, acked] : acked_per_key) doubles += static_cast<double>(std::max<std::int64_t>(0, acked - 1));
  m["double_bookings"] = doubles;
}

}  // namespace

sim::EndpointId node_param(std::string_view name, std::size_t node_count) {
  if (name.size() < 2 || name[0] != 'n') return sim::kNoEndpoint;
  std::size_t number = 0;
  for (char ch : name.substr(1)) {
    if (ch < '0' || ch > '9') return sim::kNoEndpoint;
    number = number * 10 + static_cast<std::size_t>(ch - '0');
    if (number > node_count) return sim::kNoEndpoint;
  }
  return number >= 1 ? static_cast<sim::EndpointId>(number - 1) : sim::kNoEndpoint;
}

std::uint64_t node_set_param(std::string_view names, std::size_t node_count) {
  std::uint64_t set = 0;
  while (!names.empty()) {
    const auto comma = names.find(',');
    const sim::EndpointId id = node_param(names.substr(0, comma), node_count);
    if (id != sim::kNoEndpoint && id < 64) set |= std::uint64_t{1} << id;
    if (comma == std::string_view::npos) break;
    names.remove_prefix(comma + 1);
  }
  return set;
}

model::ModelInfo failover_model() {
  model::ModelInfo info{
      "failover",
      "A primary and replicas with a failover manager: detection, promotion, split-brain protections.",
      {
          {"detector", std::string("heartbeat"), "failure detection: heartbeat, tcp (connect check) or query",
           model::choice_names(detectors())},
          {"heartbeat_interval_ms", 200.0, "primary heartbeat and log shipping interval", between(1, 60'000)},
          {"failure_timeout_ms", 1000.0, "heartbeat silence after which a replica suspects the primary",
           between(1, 600'000)},
          {"check_interval_ms", 500.0, "time between two TCP or query checks", between(1, 600'000)},
          {"check_timeout_ms", 250.0, "a check unanswered after this has failed", between(1, 600'000)},
          {"failed_checks", 3.0, "failed checks in a row before suspicion", whole(1, 100)},
          {"failover", std::string("automatic"), "who promotes: automatic, manual (an operator) or none",
           model::choice_names(modes())},
          {"candidate_window_ms", 300.0, "how long candidates compare their logs before one promotes",
           between(1, 600'000)},
          {"operator_delay_ms", 30000.0, "manual: from the alarm to the operator's promotion", between(0, 86'400'000)},
          {"manual_candidate", std::string(""), "manual: the replica the operator promotes (default: first)"},
          {"max_lag_entries", -1.0, "a replica further behind may not be promoted (-1: no limit)",
           model::none_or_whole(0, 1e12)},
          {"not_promotable", std::string(""), "nodes never promoted, e.g. \"n2,n4\""},
          {"switchover_at_ms", -1.0, "planned switchover: when the primary starts draining (-1: none)",
           model::none_or_between(0, 86'400'000)},
          {"switchover_to", std::string("n2"), "planned switchover: the replica that takes over"},
          {"switchback_at_ms", -1.0,
           "a second planned switchover, from switchover_to back to the first primary (-1: none)",
           model::none_or_between(0, 86'400'000)},
          {"replica_acks", 0.0,
           "replica acknowledgements a write waits for (0: asynchronous); a request's level above 0 overrides "
           "it for that write",
           whole(0, 199)},
          {"insert_only", false,
           "a write to a key that already has a value is refused (a unique constraint: book if free)"},
          {"labels", std::string(""), "what nodes are, shown on their cards, e.g. \"n1=blue,n2=green\""},
          {"quorum", false, "promotion needs votes from a strict majority of voters"},
          {"fencing", false, "storage rejects writes whose fencing token is below the highest seen"},
          {"stonith", false, "power off unreachable nodes (the old primary) before promoting"},
          {"lease", false, "a primary writes only while a majority has renewed its lease"},
          {"lease_ms", 2000.0, "lease length", between(1, 600'000)},
          {"clock_skew_margin_ms", 0.0, "a primary gives up its lease this much before it expires",
           between(0, 600'000)},
          {"stonith_delay_ms", 1000.0, "time until a power-off is confirmed", between(0, 600'000)},
          {"initial_primary", std::string("n1"), "the primary at the start"},
          {"storage_node", std::string(""), "a shared storage node all primaries write through (\"\": none)"},
          {"witnesses", std::string(""), "voters that hold no data, e.g. \"n5\""},
          {"disk_full_at_ms", -1.0, "when the first primary's disk fills: it accepts connections but hangs",
           model::none_or_between(0, 86'400'000)},
          {"max_connections", 100.0, "connection limit, for the monitoring alert", whole(1, 1'000'000)},
          {"max_log_entries", 100000.0, "log capacity per node", whole(1, 1'000'000)},
      },
      [](const ModelParams& p, sim::EndpointId self, std::size_t n) -> std::unique_ptr<sim::Protocol> {
        FailoverConfig c = config_from(p, n);
        c.label = label_param(text_param(p, "labels"), self, n);
        return std::make_unique<FailoverNode>(std::move(c), self, n);
      },
      [](const sim::World& world, const ModelParams& p, sim::Metrics& m) {
        add_failover_run_metrics(world, m);
        if (flag_param(p, "insert_only")) add_insert_only_metrics(world, m);
      },
      nullptr,
      check_failover};
  info.invariants = primary_invariant_list();
  info.lost_writes = [](const sim::World& world, const ModelParams&) { return failover_lost_writes(world); };
  info.make_checker = [](const ModelParams& p, const sim::World&) {
    PrimaryCheckerSpec spec;
    spec.promotes = text_param(p, "failover") == "automatic";
    spec.insert_only = flag_param(p, "insert_only");
    spec.unit_us = ms_param(p, "failure_timeout_ms");
    spec.run_metrics = [insert_only = spec.insert_only](const sim::World& world, sim::Metrics& m) {
      add_failover_run_metrics(world, m);
      if (insert_only) add_insert_only_metrics(world, m);
    };
    return make_primary_checker(std::move(spec));
  };
  return info;
}

}  // namespace cs::failover
