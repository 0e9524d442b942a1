// The "single-leader" model: parameters, construction and what the stage draws.
#include "model/params.h"
#include "replication/models.h"
#include "replication/replication_checkers.h"
#include "replication/run_metrics.h"
#include "replication/single_leader.h"
#include "replication/write_locality.h"

namespace cs::replication {

using model::between;
using model::choice_param;
using model::Choices;
using model::count_param;
using model::flag_param;
using model::ms_param;
using model::text_param;
using model::whole;

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

SingleLeaderConfig config_from(const model::ModelParams& p) {
  SingleLeaderConfig c;
  c.mode = choice_param(p, "mode", modes());
  c.semi_sync_acks = count_param(p, "semi_sync_acks");
  c.topology = choice_param(p, "topology", topologies());
  c.reads = choice_param(p, "reads", read_routings());
  c.session = choice_param(p, "session", session_policies());
  c.primary_after_write_us = ms_param(p, "primary_after_write_ms");
  c.heartbeat_interval_us = ms_param(p, "heartbeat_interval_ms");
  c.apply_delay_us = ms_param(p, "apply_delay_ms");
  return c;
}

}  // namespace

model::ModelInfo single_leader_model() {
  model::ModelInfo info{
      "single-leader",
      "Primary-replica replication: n1 takes every write and streams its log to the replicas.",
      {
          {"mode", std::string("async"),
           "when the primary answers a write: async, semi-sync or sync (a request's level 1, 2 or 3 picks one for that "
           "write alone)",
           model::choice_names(modes())},
          {"semi_sync_acks", 1.0, "semi-sync: how many directly connected replicas must acknowledge (k)",
           whole(0, 199)},
          {"topology", std::string("star"), "how the log travels: star (n1 to everyone) or chain (n1 -> n2 -> ...)",
           model::choice_names(topologies())},
          {"reads", std::string("local"), "where a replica sends client reads: local (its own copy) or primary",
           model::choice_names(read_routings())},
          {"session", std::string("none"),
           "read-your-writes: none, primary-after-write (reads go to n1 for a while after the session wrote) or "
           "version-token (a replica serves a session only once it has applied the session's last write)",
           model::choice_names(session_policies())},
          {"primary_after_write_ms", 2000.0, "primary-after-write: how long reads go to the primary",
           between(0, 3'600'000)},
          {"heartbeat_interval_ms", 500.0, "empty batches that report the primary's position; also the resend check",
           between(1, 60'000)},
          {"apply_delay_ms", 0.0,
           "replicas apply an entry this long after n1 committed it (a busy or deliberately delayed replica)",
           between(0, 3'600'000)},
      },
      [](const model::ModelParams& p, sim::EndpointId self, std::size_t n) -> std::unique_ptr<sim::Protocol> {
        return std::make_unique<SingleLeaderNode>(config_from(p), self, n);
      },
      [](const sim::World& world, const model::ModelParams& p, sim::Metrics& metrics) {
        add_replication_run_metrics(world, metrics);
        add_write_locality_metrics(world, config_from(p), metrics);
      },
      [](const sim::World& world, const model::ModelParams& p) {
        model::ModelViewData data;
        data.edges = replication_edges(config_from(p).topology, {SingleLeaderNode::kPrimary}, world.node_count());
        return data;
      },
  };
  info.invariants = single_leader_invariant_list();
  info.make_checker = make_single_leader_checker;
  info.lost_writes = [](const sim::World& world, const model::ModelParams&) { return lost_acknowledged_writes(world); };
  return info;
}

}  // namespace cs::replication
