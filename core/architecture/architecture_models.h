#pragma once
// The small models of lesson 1's architectures, as the catalogue lists them. Each lives in its own
// file beside this one; intro-cluster needs none of its own (it runs the sharding model).
#include "model/model_info.h"

namespace cs::architecture {

model::ModelInfo client_server_model();
model::ModelInfo multi_tier_model();
model::ModelInfo gossip_model();
model::ModelInfo federation_model();

}  // namespace cs::architecture
