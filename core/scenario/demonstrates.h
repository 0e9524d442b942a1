#pragma once
// What a scenario demonstrates, as its file declares it, so that explore, the tests and the
// validator hold it to that:
//   "demonstrates": {"safe": true, "faults": ["crash", "partition", ...], "recovery_timeouts": 10,
//                    "assumptions": [{"fault": "pause", "assumes": "...", "broken_by": "scenario-id"}]}
// A safe scenario keeps every invariant its model claims for its configuration under the fault
// kinds it lists, and recovers within recovery_timeouts of the model's time unit after they heal.
// A fault kind it leaves out needs an assumption: what the protection relies on that this fault
// would break, and the scenario that shows it breaking.
//   "demonstrates": {"breaks": ["one-history"], "faults": ["partition"]}
// A scenario that breaks an invariant on purpose (a negative control: no fencing, weak quorums)
// names it; explore expects it to break under the listed faults.
#include <functional>
#include <string>
#include <vector>

#include "check/fault_schedule.h"
#include "json/strict_reader.h"
#include "model/model_info.h"

namespace cs::scenario {

struct Assumption {
  check::FaultKind fault = check::FaultKind::Pause;
  std::string assumes;    // e.g. "a paused primary resumes before its leader key expires"
  std::string broken_by;  // the scenario that breaks it
};

struct Demonstrates {
  static constexpr int kDefaultRecoveryTimeouts = 10;
  bool declared = false;  // user files may leave it out; built-in scenarios never do
  bool safe = true;
  check::FaultKinds faults;
  int recovery_timeouts = kDefaultRecoveryTimeouts;
  std::vector<Assumption> assumptions;  // safe: one per fault kind left out
  std::vector<std::string> breaks;      // invariant ids
  bool operator==(const Demonstrates&) const = default;
};

// Reads the "demonstrates" object at `path`; invariant ids are checked against the model's.
Demonstrates read_demonstrates(const json::Json& j, const std::string& path, const model::ModelInfo& model);
json::Json demonstrates_json(const Demonstrates& d);

// Across a set of scenarios (the built-in ones, or a course folder's): every one declares what it
// demonstrates, and every assumption names a scenario of the set that breaks something on
// purpose. `declared(id)` is nullptr for an id not in the set. One message per problem.
std::vector<std::string> check_declarations(const std::vector<std::string>& ids,
                                            const std::function<const Demonstrates*(const std::string&)>& declared);

}  // namespace cs::scenario
