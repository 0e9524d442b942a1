#pragma once
// The "connection-pool" model as the catalogue lists it: databases with a connection limit and a
// few cores, and optionally one pooler in front of one of them, so that a scenario can show the
// same clients with and without a pool side by side.
#include "model/model_info.h"

namespace cs::pooling {

model::ModelInfo connection_pool_model();

}  // namespace cs::pooling
