#pragma once
// The replication and consistency models a scenario can name (the catalogue lists them).
#include "model/model_info.h"

namespace cs::replication {

model::ModelInfo single_leader_model();  // "single-leader"
model::ModelInfo multi_leader_model();   // "multi-leader"
model::ModelInfo leaderless_model();     // "leaderless"
model::ModelInfo crdt_model();           // "crdt"

}  // namespace cs::replication
