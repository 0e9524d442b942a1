#include "catalogue/catalogue.h"

#include "architecture/architecture_models.h"
#include "backup/backup_model.h"
#include "caching/caching_model.h"
#include "consensus/consensus_models.h"
#include "failover/failover_models.h"
#include "heartbeat/heartbeat.h"
#include "pooling/pooling_model.h"
#include "replication/models.h"
#include "sharding/shard_model.h"

namespace cs::catalogue {

const std::vector<model::ModelInfo>& models() {
  static const std::vector<model::ModelInfo> kModels = {
      heartbeat::heartbeat_model(),
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

const model::ModelInfo* find_model(std::string_view type) {
  for (const auto& m : models()) {
    if (m.type == type) return &m;
  }
  return nullptr;
}

}  // namespace cs::catalogue
