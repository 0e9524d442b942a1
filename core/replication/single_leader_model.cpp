// The "single-leader" model: parameters, construction and what the stage draws.
#include "replication/model_params.h"
#include "replication/models.h"
#include "replication/run_metrics.h"
#include "replication/single_leader.h"
#include "replication/write_locality.h"

namespace cs::replication {

namespace {

const Choices<CommitMode>& modes() {
  static const Choices<CommitMode> c = {
      {"async", CommitMode::Async}, {"semi-sync", CommitMode::SemiSync}, {"sync", CommitMode::Sync}};
  return c;
}
const Choices<Topology>& topologies() {
  static const Choices<Topology> c = {
      {"star", Topology::Star}, {"chain", Topology::Chain}, {"ring", Topology::Ring}, {"mesh", Topology::Mesh}};
  return c;
}
const Choices<ReadRouting>& read_routings() {
  static const Choices<ReadRouting> c = {{"local", ReadRouting::Local}, {"primary", ReadRouting::Primary}};
  return c;
}
const Choices<SessionPolicy>& session_policies() {
  static const Choices<SessionPolicy> c = {{"none", SessionPolicy::None},
                                           {"primary-after-write", SessionPolicy::PrimaryAfterWrite},
                                           {"version-token", SessionPolicy::VersionToken}};
  return c;
}

SingleLeaderConfig config_from(const protocols::ModelParams& p) {
  SingleLeaderConfig c;
  c.mode = choice_param(p, "mode", modes());
  c.semi_sync_acks = count_param(p, "semi_sync_acks");
  c.topology = choice_param(p, "topology", topologies());
  c.reads = choice_param(p, "reads", read_routings());
  c.session = choice_param(p, "session", session_policies());
  c.primary_after_write_us = ms_param(p, "primary_after_write_ms");
  c.heartbeat_interval_us = std::max<sim::TimeUs>(1'000, ms_param(p, "heartbeat_interval_ms"));
  c.apply_delay_us = ms_param(p, "apply_delay_ms");
  return c;
}

}  // namespace

std::vector<std::string> single_leader_param_problems(const protocols::ModelParams& p) {
  std::vector<std::string> problems;
  for (auto problem : {choice_problem(p, "mode", modes()), choice_problem(p, "topology", topologies()),
                       choice_problem(p, "reads", read_routings()), choice_problem(p, "session", session_policies())}) {
    if (problem) problems.push_back(*problem);
  }
  return problems;
}

protocols::ModelInfo single_leader_model() {
  return {
      "single-leader",
      "Primary-replica replication: n1 takes every write and streams its log to the replicas.",
      {
          {"mode", std::string("async"),
           "when the primary answers a write: async, semi-sync or sync (a request's level 1, 2 or 3 picks one for that "
           "write alone)"},
          {"semi_sync_acks", 1.0, "semi-sync: how many directly connected replicas must acknowledge (k)"},
          {"topology", std::string("star"), "how the log travels: star (n1 to everyone) or chain (n1 -> n2 -> ...)"},
          {"reads", std::string("local"), "where a replica sends client reads: local (its own copy) or primary"},
          {"session", std::string("none"),
           "read-your-writes: none, primary-after-write (reads go to n1 for a while after the session wrote) or "
           "version-token (a replica serves a session only once it has applied the session's last write)"},
          {"primary_after_write_ms", 2000.0, "primary-after-write: how long reads go to the primary"},
          {"heartbeat_interval_ms", 500.0, "empty batches that report the primary's position; also the resend check"},
          {"apply_delay_ms", 0.0,
           "replicas apply an entry this long after n1 committed it (a busy or deliberately delayed replica)"},
      },
      [](const protocols::ModelParams& p, sim::EndpointId self, std::size_t n) -> std::unique_ptr<sim::Protocol> {
        return std::make_unique<SingleLeaderNode>(config_from(p), self, n);
      },
      [](const sim::World& world, const protocols::ModelParams& p, sim::Metrics& metrics) {
        add_replication_run_metrics(world, metrics);
        add_write_locality_metrics(world, config_from(p), metrics);
      },
      [](const sim::World& world, const protocols::ModelParams& p) {
        protocols::ModelViewData data;
        data.edges = replication_edges(config_from(p).topology, {SingleLeaderNode::kPrimary}, world.node_count());
        return data;
      },
  };
}

}  // namespace cs::replication
