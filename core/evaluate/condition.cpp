#include "evaluate/condition.h"

#include <cmath>

namespace cs::evaluate {

Condition read_condition(json::ObjectReader& r, const scenario::Scenario& scenario, const Quantity* shared_quantity) {
  Condition c;
  if (shared_quantity) {
    c.quantity = *shared_quantity;
  } else {
    c.quantity = read_quantity(r.at("quantity"), r.path_of("quantity"), scenario);
  }
  int tests = 0;
  if (const json::Json* e = r.find("equals")) {
    ++tests;
    if (e->is_number()) {
      c.equals = e->get<double>();
    } else if (e->is_string()) {
      c.equals = e->get<std::string>();
    } else {
      throw json::JsonError(r.path_of("equals"), "expected a number or a text");
    }
    c.tolerance = r.number_or("tolerance", 0);
    if (c.tolerance < 0) throw json::JsonError(r.path_of("tolerance"), "must not be negative");
  }
  if (r.has("at_least")) c.at_least = r.number("at_least"), ++tests;
  if (r.has("at_most")) c.at_most = r.number("at_most"), ++tests;
  if (tests == 0 || (c.equals && tests > 1)) {
    throw json::JsonError(r.path(), "give \"equals\", or \"at_least\" and/or \"at_most\"");
  }
  return c;
}

bool holds(const Condition& c, const Value& value) {
  if (c.equals) {
    if (const auto* want = std::get_if<double>(&*c.equals)) {
      const auto* got = std::get_if<double>(&value);
      return got && std::fabs(*got - *want) <= c.tolerance + 1e-9;
    }
    const auto* got = std::get_if<std::string>(&value);
    return got && *got == std::get<std::string>(*c.equals);
  }
  const auto* got = std::get_if<double>(&value);
  if (!got) return false;
  if (c.at_least && *got < *c.at_least) return false;
  if (c.at_most && *got > *c.at_most) return false;
  return true;
}

bool holds(const Condition& c, const sim::Simulation& sim, const scenario::Scenario& scenario) {
  return holds(c, evaluate(c.quantity, sim, scenario));
}

std::string describe(const Condition& c) {
  std::string out = describe(c.quantity);
  if (c.equals) return out + " = " + value_text(*c.equals);
  if (c.at_least) out += " at least " + value_text(*c.at_least);
  if (c.at_least && c.at_most) out += " and";
  if (c.at_most) out += " at most " + value_text(*c.at_most);
  return out;
}

}  // namespace cs::evaluate
