#pragma once
// What explore checks for the heartbeat model:
//   suspect-after-timeout  a follower suspects the leader only after hearing nothing from it for
//                          the whole failure timeout (measured in true time; a follower's clock
//                          that runs fast shortens it, which is the assumption clocks keep rate)
//   recovers               after the faults heal, no live follower suspects the live leader
#include <memory>
#include <vector>

#include "model/run_checker.h"

namespace cs::heartbeat {

std::vector<model::Invariant> heartbeat_invariant_list();
std::unique_ptr<model::RunChecker> make_heartbeat_checker(const sim::World& world);

}  // namespace cs::heartbeat
