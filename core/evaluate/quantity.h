#pragma once
// The one evaluator of run quantities: everything the app asks a run about (a prediction's answer,
// a challenge's goal, a computed question, a comparison's figures) is a Quantity evaluated here,
// against the simulation at its current moment. Content names quantities in JSON, never answers:
//   {"metric": "acked_writes_lost"}     a metric of the run, as `clusterscope-cli run --json` has it
//   {"leader": true}                    the node that leads now ("none", or "several" in a split brain)
//   {"leaders_now": true}               how many nodes hold the leader or primary role now
//   {"max_leaders_at_once": true}       the most that held it at one instant so far (true time)
//   {"role": "n1"} / {"status": "n1"}   a node's role ("leader", "follower", ...) or status ("up", ...)
//   {"last_read": 1}                    the value the newest successful read of key 1 returned ("nil")
//   {"acked_writes": true}              writes the clients had acknowledged so far
// A value is a number or a text; a prediction's option or a goal compares it (see prediction.h).
#include <cstdint>
#include <string>
#include <variant>

#include "json/strict_reader.h"
#include "scenario/scenario.h"
#include "sim/simulation.h"

namespace cs::evaluate {

struct Quantity {
  enum class Kind : std::uint8_t {
    Metric,
    Leader,
    LeadersNow,
    MaxLeadersAtOnce,
    Role,
    Status,
    LastRead,
    AckedWrites,
  };
  Kind kind = Kind::Metric;
  std::string name;      // Metric: the key; Role, Status: the node
  std::int64_t key = 0;  // LastRead
  bool operator==(const Quantity&) const = default;
};

// A number, or a text (node names, roles, "none").
using Value = std::variant<double, std::string>;

// Reads a quantity object at `path`; node names and message kinds are checked against the
// scenario. Throws json::JsonError naming the path.
Quantity read_quantity(const json::Json& j, const std::string& path, const scenario::Scenario& scenario);
json::Json quantity_json(const Quantity& q);

// The quantity's value in the simulation now. A metric the run does not report is 0.
Value evaluate(const Quantity& q, const sim::Simulation& sim, const scenario::Scenario& scenario);

// "12", "0.25", "n3": how a value reads in explanations and the CLI.
std::string value_text(const Value& v);

// What a quantity is, in English, for explanations ("acked_writes_lost", "the leader").
std::string describe(const Quantity& q);

}  // namespace cs::evaluate
