#include "protocols/registry.h"

#include <cassert>
#include <cmath>

#include "architecture/architecture_models.h"
#include "backup/backup_model.h"
#include "caching/caching_model.h"
#include "consensus/consensus_models.h"
#include "failover/failover_models.h"
#include "pooling/pooling_model.h"
#include "protocols/heartbeat.h"
#include "replication/models.h"
#include "sharding/shard_model.h"

namespace cs::protocols {

double number_param(const ModelParams& params, std::string_view name) {
  const auto it = params.find(name);
  assert(it != params.end() && std::holds_alternative<double>(it->second));
  return std::get<double>(it->second);
}

namespace {
sim::TimeUs ms_param(const ModelParams& params, std::string_view name) {
  return static_cast<sim::TimeUs>(std::llround(number_param(params, name) * 1000.0));
}
}  // namespace

const std::vector<ModelInfo>& models() {
  static const std::vector<ModelInfo> kModels = {
      {"heartbeat",
       "A fixed leader sends heartbeats; followers suspect it after a silence.",
       {
           {"heartbeat_interval_ms", 150.0, "time between two heartbeats from the leader"},
           {"failure_timeout_ms", 500.0, "silence after which a follower suspects the leader"},
       },
       [](const ModelParams& p, sim::EndpointId, std::size_t) -> std::unique_ptr<sim::Protocol> {
         HeartbeatConfig config;
         config.heartbeat_interval_us = ms_param(p, "heartbeat_interval_ms");
         config.failure_timeout_us = ms_param(p, "failure_timeout_ms");
         return std::make_unique<HeartbeatNode>(config);
       },
       nullptr,
       nullptr},
      replication::single_leader_model(),
      replication::multi_leader_model(),
      replication::leaderless_model(),
      replication::crdt_model(),
      consensus::raft_model(),
      consensus::paxos_model(),
      failover::failover_model(),
      failover::patroni_model(),
      failover::mongodb_model(),
      failover::mysql_group_replication_model(),
      sharding::sharding_model_info(),
      architecture::client_server_model(),
      architecture::multi_tier_model(),
      architecture::gossip_model(),
      architecture::federation_model(),
      backup::backup_model(),
      pooling::connection_pool_model(),
      caching::cache_aside_model(),
  };
  return kModels;
}

const ModelInfo* find_model(std::string_view type) {
  for (const auto& m : models()) {
    if (m.type == type) return &m;
  }
  return nullptr;
}

}  // namespace cs::protocols
