#pragma once
// What explore checks for the connection-pool model:
//   connections-within-limit  no database ever holds more connections than max_connections
//   pool-bounded              the pooled database never holds more of the pooler's server
//                             connections than pool_size
#include <memory>
#include <vector>

#include "model/model_info.h"

namespace cs::pooling {

std::vector<model::Invariant> pool_invariant_list();
std::unique_ptr<model::RunChecker> make_pool_checker(const model::ModelParams& params, const sim::World& world);

}  // namespace cs::pooling
