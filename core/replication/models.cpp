#include "replication/models.h"

namespace cs::replication {

std::vector<std::string> param_problems(std::string_view model, const protocols::ModelParams& params) {
  if (model == "single-leader") return single_leader_param_problems(params);
  if (model == "multi-leader") return multi_leader_param_problems(params);
  if (model == "leaderless") return leaderless_param_problems(params);
  if (model == "crdt") return crdt_param_problems(params);
  return {};
}

}  // namespace cs::replication
