// The "leaderless" model: parameters, construction, and per-level metrics.
#include <algorithm>
#include <cctype>
#include <set>

#include "model/params.h"
#include "replication/leaderless.h"
#include "replication/models.h"
#include "replication/replication_checkers.h"
#include "replication/run_metrics.h"

namespace cs::replication {

using consistency::ConsistencyLevel;
using model::between;
using model::choice_param;
using model::Choices;
using model::count_param;
using model::flag_param;
using model::ms_param;
using model::text_param;
using model::whole;

namespace {

// "ONE,QUORUM,ALL" -> the levels; names that are not levels go to `unknown` (the check refuses them).
std::vector<ConsistencyLevel> parse_levels(const std::string& text, std::vector<std::string>* unknown = nullptr) {
  std::vector<ConsistencyLevel> levels;
  std::size_t start = 0;
  while (start <= text.size() && !text.empty()) {
    const std::size_t comma = std::min(text.find(',', start), text.size());
    std::string name = text.substr(start, comma - start);
    std::erase_if(name, [](unsigned char c) { return std::isspace(c); });
    const auto level = consistency::level_from_name(name);
    if (level && *level != ConsistencyLevel::Default) {
      levels.push_back(*level);
    } else if (unknown) {
      unknown->push_back(name);
    }
    start = comma + 1;
  }
  return levels;
}

LeaderlessConfig config_from(const model::ModelParams& p) {
  LeaderlessConfig c;
  c.replication_factor = count_param(p, "replication_factor");
  c.read_replicas = count_param(p, "read_replicas");
  c.write_replicas = count_param(p, "write_replicas");
  c.datacenters = count_param(p, "datacenters");
  c.session_levels = parse_levels(text_param(p, "session_levels"));
  c.request_timeout_us = ms_param(p, "request_timeout_ms");
  c.read_repair = flag_param(p, "read_repair");
  c.hinted_handoff = flag_param(p, "hinted_handoff");
  c.hint_replay_interval_us = ms_param(p, "hint_replay_interval_ms");
  c.anti_entropy_interval_us = std::max<sim::TimeUs>(0, model::ms_or_none_param(p, "anti_entropy_interval_ms"));
  c.gossip_interval_us = ms_param(p, "gossip_interval_ms");
  c.failure_timeout_us = ms_param(p, "failure_timeout_ms");
  return c;
}

std::string lower(std::string_view name) {
  std::string out(name);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// With session_levels, the side-by-side figures per level: "quorum_ops_failed", ...
void add_per_level_metrics(const sim::World& world, const LeaderlessConfig& config, sim::Metrics& metrics) {
  const auto n = world.node_count();
  const auto& ops = world.history().ops();
  for (ConsistencyLevel level :
       std::set<ConsistencyLevel>(config.session_levels.begin(), config.session_levels.end())) {
    const auto at_level = [&](const sim::Operation& op) {
      return LeaderlessNode::level_for(config, n, op.client, op.level) == level;
    };
    const std::string prefix = lower(consistency::to_string(level)) + "_";
    double ok = 0, failed = 0;
    for (const auto& op : ops) {
      if (!at_level(op)) continue;
      ok += op.status == sim::OpStatus::Ok ? 1 : 0;
      failed += op.status == sim::OpStatus::Fail ? 1 : 0;
    }
    metrics[prefix + "ops_ok"] = ok;
    metrics[prefix + "ops_failed"] = failed;
    metrics[prefix + "p50_write_latency_us"] = write_latency_percentile_us(ops, 50, at_level);
    metrics[prefix + "p99_write_latency_us"] = write_latency_percentile_us(ops, 99, at_level);
  }
}

}  // namespace

std::vector<model::ParamProblem> check_leaderless(const model::ModelParams& p, std::size_t n) {
  std::vector<std::string> unknown;
  parse_levels(text_param(p, "session_levels"), &unknown);
  std::vector<model::ParamProblem> problems;
  for (const auto& name : unknown) {
    problems.push_back({"session_levels", "\"" + name + "\" is not one of ONE, QUORUM, ALL, LOCAL_QUORUM"});
  }
  if (count_param(p, "datacenters") > n) {
    problems.push_back({"datacenters", "is more than the scenario's " + std::to_string(n) + " nodes"});
  }
  // R or W above N could never be met: every such read or write would fail.
  model::require_order(p, "read_replicas", "replication_factor", problems);
  model::require_order(p, "write_replicas", "replication_factor", problems);
  return problems;
}

model::ModelInfo leaderless_model() {
  model::ModelInfo info{
      "leaderless",
      "Dynamo-style replication: any node coordinates; N replicas, R and W or a consistency level per request.",
      {
          {"replication_factor", 3.0, "N: replicas of each key in each datacentre", whole(1, 200)},
          {"read_replicas", 2.0, "R: answers a read waits for when the request names no level", whole(1, 200)},
          {"write_replicas", 2.0, "W: acknowledgements a write waits for when the request names no level",
           whole(1, 200)},
          {"datacenters", 1.0, "how many datacentres the nodes form (consecutive groups of equal size)", whole(1, 200)},
          {"session_levels", std::string(""),
           "levels the client sessions use in turn, e.g. \"ONE,QUORUM,ALL\"; empty: the workload's level "
           "(1 ONE, 2 QUORUM, 3 ALL, 4 LOCAL_QUORUM; 0 uses R and W)"},
          {"request_timeout_ms", 1000.0, "how long a coordinator waits for replicas", between(1, 3'600'000)},
          {"read_repair", true, "a read that finds an older value on a replica writes the newest back"},
          {"hinted_handoff", true, "a coordinator keeps writes for replicas that missed them and replays them"},
          {"hint_replay_interval_ms", 1000.0, "how often hints are offered to replicas that are up",
           between(1, 3'600'000)},
          {"anti_entropy_interval_ms", 10000.0,
           "how often a node compares all its cells with one peer, in turn, to repair what hints and reads "
           "missed (-1: never)",
           model::none_or_between(1, 3'600'000)},
          {"gossip_interval_ms", 1000.0, "heartbeats by which nodes learn which peers are up", between(1, 600'000)},
          {"failure_timeout_ms", 3000.0, "silence after which a peer counts as down", between(1, 3'600'000)},
      },
      [](const model::ModelParams& p, sim::EndpointId self, std::size_t n) -> std::unique_ptr<sim::Protocol> {
        return std::make_unique<LeaderlessNode>(config_from(p), self, n);
      },
      [](const sim::World& world, const model::ModelParams& p, sim::Metrics& metrics) {
        add_replication_run_metrics(world, metrics);
        const LeaderlessConfig config = config_from(p);
        if (!config.session_levels.empty()) add_per_level_metrics(world, config, metrics);
      },
      nullptr,  // every node talks to every replica: the stage's default "every pair" edges
      check_leaderless,
  };
  info.invariants = leaderless_invariant_list();
  info.make_checker = make_leaderless_checker;
  info.lost_writes = [](const sim::World& world, const model::ModelParams&) { return lost_acknowledged_writes(world); };
  return info;
}

}  // namespace cs::replication
