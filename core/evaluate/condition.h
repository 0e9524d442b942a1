#pragma once
// A condition on a run: a quantity compared with a value ({"quantity": {"metric": "acked_writes_lost"},
// "at_least": 1}). Challenge goals are conditions that must all hold at one moment; a prediction's
// options are conditions of which exactly one holds at the step's moment.
#include <optional>
#include <string>

#include "evaluate/quantity.h"

namespace cs::evaluate {

struct Condition {
  Quantity quantity;
  // Exactly one of: equal to a value (a number within `tolerance`, or a text), or within a range.
  std::optional<Value> equals;
  double tolerance = 0;
  std::optional<double> at_least;
  std::optional<double> at_most;
  bool operator==(const Condition&) const = default;
};

// Reads {"quantity": {...}, "equals": 3 | "n2", "tolerance": 0.5, "at_least": 1, "at_most": 4} from
// the object `r` reads, or, with `shared_quantity` given (a prediction's options share one), the
// same without "quantity". The caller reads the object's other keys and finishes it.
Condition read_condition(json::ObjectReader& r, const scenario::Scenario& scenario,
                         const Quantity* shared_quantity = nullptr);
bool holds(const Condition& c, const Value& value);
bool holds(const Condition& c, const sim::Simulation& sim, const scenario::Scenario& scenario);
// "acked_writes_lost at least 1", for the CLI and error messages.
std::string describe(const Condition& c);

}  // namespace cs::evaluate
