#include "scenario/demonstrates.h"

#include <algorithm>

namespace cs::scenario {

using json::Json;
using json::JsonError;
using json::ObjectReader;

namespace {

check::FaultKind fault_kind(const Json& j, const std::string& path) {
  const std::string name = json::as_string(j, path);
  const auto kinds = check::FaultKinds::parse(name);
  if (!kinds || name.empty() || name.find(',') != std::string::npos) {
    throw JsonError(path, "unknown fault kind \"" + name +
                              "\" (crash, restart, partition, oneway, loss, dup, delay, "
                              "pause or skew)");
  }
  for (std::size_t i = 0; i < check::kFaultKindCount; ++i) {
    if (kinds->has(static_cast<check::FaultKind>(i))) return static_cast<check::FaultKind>(i);
  }
  throw JsonError(path, "no fault kind");
}

}  // namespace

Demonstrates read_demonstrates(const Json& j, const std::string& path, const model::ModelInfo& model) {
  ObjectReader r(j, path);
  Demonstrates d;
  d.declared = true;
  const bool has_safe = r.has("safe");
  const bool has_breaks = r.has("breaks");
  if (has_safe == has_breaks) throw JsonError(path, "give either \"safe\": true or \"breaks\": [invariant ids]");
  const std::string faults_path = r.path_of("faults");
  const Json& faults = r.at("faults");
  for (std::size_t i = 0; i < json::as_array(faults, faults_path).size(); ++i) {
    d.faults.add(fault_kind(faults[i], faults_path + "/" + std::to_string(i)));
  }
  if (d.faults.empty()) throw JsonError(faults_path, "name at least one fault kind");
  if (has_safe) {
    if (!r.boolean("safe")) throw JsonError(r.path_of("safe"), "a scenario that is not safe names what it \"breaks\"");
    const std::int64_t timeouts = r.integer_or("recovery_timeouts", Demonstrates::kDefaultRecoveryTimeouts);
    if (timeouts < 1 || timeouts > 1000) throw JsonError(r.path_of("recovery_timeouts"), "between 1 and 1000");
    d.recovery_timeouts = static_cast<int>(timeouts);
    if (const Json* list = r.find("assumptions")) {
      const std::string list_path = r.path_of("assumptions");
      for (std::size_t i = 0; i < json::as_array(*list, list_path).size(); ++i) {
        ObjectReader a((*list)[i], list_path + "/" + std::to_string(i));
        Assumption assumption;
        assumption.fault = fault_kind(a.at("fault"), a.path_of("fault"));
        if (d.faults.has(assumption.fault)) {
          throw JsonError(a.path_of("fault"), "\"" + std::string(check::to_string(assumption.fault)) +
                                                  "\" is among the faults the scenario tolerates");
        }
        assumption.assumes = a.string("assumes");
        assumption.broken_by = a.string("broken_by");
        if (assumption.assumes.empty()) throw JsonError(a.path_of("assumes"), "say what is assumed");
        if (assumption.broken_by.empty()) throw JsonError(a.path_of("broken_by"), "name the scenario that breaks it");
        d.assumptions.push_back(std::move(assumption));
        a.finish();
      }
    }
    // Every fault kind left out is an assumption, and says so.
    for (std::size_t i = 0; i < check::kFaultKindCount; ++i) {
      const auto kind = static_cast<check::FaultKind>(i);
      const bool named =
          std::any_of(d.assumptions.begin(), d.assumptions.end(), [&](const Assumption& a) { return a.fault == kind; });
      if (!d.faults.has(kind) && !named) {
        throw JsonError(faults_path, "leaves out \"" + std::string(check::to_string(kind)) +
                                         "\": add it, or name the assumption it would break in \"assumptions\"");
      }
    }
  } else {
    d.safe = false;
    const std::string breaks_path = r.path_of("breaks");
    const Json& breaks = r.at("breaks");
    for (std::size_t i = 0; i < json::as_array(breaks, breaks_path).size(); ++i) {
      const std::string id = json::as_string(breaks[i], breaks_path + "/" + std::to_string(i));
      const bool known = std::any_of(model.invariants.begin(), model.invariants.end(),
                                     [&](const model::Invariant& inv) { return inv.id == id; });
      if (!known) {
        std::string ids;
        for (const auto& inv : model.invariants) ids += (ids.empty() ? "" : ", ") + inv.id;
        throw JsonError(breaks_path + "/" + std::to_string(i),
                        "model \"" + model.type + "\" has no invariant \"" + id + "\" (it has: " + ids + ")");
      }
      d.breaks.push_back(id);
    }
    if (d.breaks.empty()) throw JsonError(breaks_path, "name the invariant the scenario breaks");
  }
  r.finish();
  return d;
}

Json demonstrates_json(const Demonstrates& d) {
  Json faults = Json::array();
  for (std::size_t i = 0; i < check::kFaultKindCount; ++i) {
    const auto kind = static_cast<check::FaultKind>(i);
    if (d.faults.has(kind)) faults.push_back(std::string(check::to_string(kind)));
  }
  Json out;
  if (d.safe) {
    out["safe"] = true;
    out["faults"] = faults;
    out["recovery_timeouts"] = d.recovery_timeouts;
    Json assumptions = Json::array();
    for (const auto& a : d.assumptions) {
      assumptions.push_back(
          Json{{"fault", std::string(check::to_string(a.fault))}, {"assumes", a.assumes}, {"broken_by", a.broken_by}});
    }
    if (!assumptions.empty()) out["assumptions"] = assumptions;
  } else {
    out["breaks"] = d.breaks;
    out["faults"] = faults;
  }
  return out;
}

std::vector<std::string> check_declarations(const std::vector<std::string>& ids,
                                            const std::function<const Demonstrates*(const std::string&)>& declared) {
  std::vector<std::string> problems;
  for (const std::string& id : ids) {
    const Demonstrates* d = declared(id);
    if (!d || !d->declared) {
      problems.push_back(id +
                         ": /demonstrates: missing (say \"safe\" with the faults it tolerates, or what it \"breaks\")");
      continue;
    }
    for (std::size_t i = 0; i < d->assumptions.size(); ++i) {
      const Assumption& a = d->assumptions[i];
      const Demonstrates* breaker = declared(a.broken_by);
      const std::string where = id + ": /demonstrates/assumptions/" + std::to_string(i) + "/broken_by: ";
      if (!breaker) {
        problems.push_back(where + "no scenario \"" + a.broken_by + "\"");
      } else if (!breaker->declared || breaker->safe) {
        problems.push_back(where + "\"" + a.broken_by + "\" does not declare that it breaks anything");
      }
    }
  }
  return problems;
}

}  // namespace cs::scenario
