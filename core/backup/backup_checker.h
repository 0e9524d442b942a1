#pragma once
// What explore checks for the backup-321 model:
//   recovers  after the faults heal, production serves again within the bound: it restores from
//             whichever copy survived. Only when every copy was destroyed at once (more disasters
//             than copies) is there nothing to restore from, and nothing is promised.
#include <memory>
#include <vector>

#include "model/run_checker.h"

namespace cs::backup {

std::vector<model::Invariant> backup_invariant_list();
std::unique_ptr<model::RunChecker> make_backup_checker(const sim::World& world);

}  // namespace cs::backup
