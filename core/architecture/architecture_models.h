#pragma once
// The small models of lesson 1's architectures, as the registry lists them. Each lives in its own
// file beside this one; intro-cluster needs none of its own (it runs the sharding model).
#include "protocols/registry.h"

namespace cs::architecture {

protocols::ModelInfo client_server_model();
protocols::ModelInfo multi_tier_model();
protocols::ModelInfo gossip_model();
protocols::ModelInfo federation_model();

}  // namespace cs::architecture
