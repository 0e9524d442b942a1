#pragma once
// The lesson-5 models besides plain Raft and Paxos: "failover" (primary/replica with a failover
// manager and switchable split-brain protections) and the presets that mirror real systems,
// "patroni", "mongodb-replica-set" and "mysql-group-replication".
#include <string_view>

#include "model/model_info.h"

namespace cs::failover {

model::ModelInfo failover_model();
model::ModelInfo patroni_model();
model::ModelInfo mongodb_model();
model::ModelInfo mysql_group_replication_model();

// "n3" -> 2. Model parameters name nodes the way every built-in scenario does (n1, n2, ...);
// kNoEndpoint for "" or anything else.
sim::EndpointId node_param(std::string_view name, std::size_t node_count);
// "n2,n5" -> bits 1 and 4.
std::uint64_t node_set_param(std::string_view names, std::size_t node_count);

}  // namespace cs::failover
