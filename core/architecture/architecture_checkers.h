#pragma once
// What explore checks for lesson 1's architecture models:
//   client-server  client-server-only (messages go only between a client and a server, never
//                  client to client or server to server) and servers-store-data (no client ever
//                  holds data)
//   multi-tier     no-tier-skipped (not one message between the presentation and database tiers)
//   gossip         members-converge (at rest every live member knows every member the others know)
//   federation     every-part-merged (an answered query holds the part of every site of its side)
#include <functional>
#include <memory>
#include <vector>

#include "model/model_info.h"

namespace cs::architecture {

using RunMetricsFn = std::function<void(const sim::World&, const model::ModelParams&, sim::Metrics&)>;

std::vector<model::Invariant> client_server_invariant_list();
std::unique_ptr<model::RunChecker> make_client_server_checker(const model::ModelParams& params, RunMetricsFn metrics);

std::vector<model::Invariant> multi_tier_invariant_list();
std::unique_ptr<model::RunChecker> make_multi_tier_checker(const model::ModelParams& params, RunMetricsFn metrics);

std::vector<model::Invariant> gossip_invariant_list();
std::unique_ptr<model::RunChecker> make_gossip_checker(const sim::World& world);

std::vector<model::Invariant> federation_invariant_list();
std::unique_ptr<model::RunChecker> make_federation_checker(const sim::World& world);

}  // namespace cs::architecture
