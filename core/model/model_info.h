#pragma once
// The contract every model implements: what a scenario can name ("model": {"type": "raft",
// "params": {...}}), the parameters it accepts with their defaults and ranges, and the functions
// that build its nodes, add its run-wide metrics and describe what its views draw. This sits at the
// bottom of the core, above sim/ only: models include it, and the catalogue (catalogue/) lists them.
//
// Every number a model reads states its range here. The scenario loader refuses a value outside
// it (and a model's own cross-parameter check), naming the file and JSON path, so a model never
// has to clamp, and no value a file can hold makes a run spin or hang.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "model/run_checker.h"
#include "model/view_data.h"
#include "sim/protocol.h"
#include "sim/world.h"

namespace cs::model {

using ParamValue = std::variant<double, bool, std::string>;
using ModelParams = std::map<std::string, ParamValue, std::less<>>;

// The values a number parameter accepts, inclusive; `whole` numbers only for counts and indexes;
// `or_none`: -1 is accepted too and means "none" (no switchover, no limit).
struct Range {
  double min = 0;
  double max = 0;
  bool whole = false;
  bool or_none = false;
};
constexpr Range between(double min, double max) { return {min, max, false, false}; }
constexpr Range whole(double min, double max) { return {min, max, true, false}; }
constexpr Range none_or_between(double min, double max) { return {min, max, false, true}; }
constexpr Range none_or_whole(double min, double max) { return {min, max, true, true}; }

// A parameter: its name, default, one line of help, and what it accepts. The constructors make
// every number state its range (a number without one does not compile).
struct ParamSpec {
  ParamSpec(std::string name, double default_value, std::string help, Range range)
      : name(std::move(name)), default_value(default_value), help(std::move(help)), range(range) {}
  ParamSpec(std::string name, bool default_value, std::string help)
      : name(std::move(name)), default_value(default_value), help(std::move(help)) {}
  // Text; `choices` lists the accepted values (empty: any text, which the model's check reads).
  ParamSpec(std::string name, std::string default_value, std::string help, std::vector<std::string> choices = {})
      : name(std::move(name)),
        default_value(std::move(default_value)),
        help(std::move(help)),
        choices(std::move(choices)) {}
  ParamSpec(std::string name, const char* default_value, std::string help, std::vector<std::string> choices = {})
      : ParamSpec(std::move(name), std::string(default_value), std::move(help), std::move(choices)) {}

  std::string name;
  ParamValue default_value;
  std::string help;
  std::optional<Range> range;        // number parameters
  std::vector<std::string> choices;  // text parameters that pick one of a few values
};

// A parameter value that is in range on its own but not together with the others or with the
// scenario's nodes (a minimum above its maximum, a node index beyond the last node).
struct ParamProblem {
  std::string param;
  std::string message;
};

struct ModelInfo {
  std::string type;
  std::string summary;
  std::vector<ParamSpec> params;
  // Makes the state machine for node `self` of `node_count`; params are complete (defaults filled)
  // and have passed the range and `check` tests.
  std::function<std::unique_ptr<sim::Protocol>(const ModelParams& params, sim::EndpointId self, std::size_t node_count)>
      make;
  // Optional: metrics that need the whole run (the history, several nodes at once), added to the
  // per-node counters. E.g. stale reads found by comparing reads with acknowledged writes.
  std::function<void(const sim::World& world, const ModelParams& params, sim::Metrics& metrics)> add_run_metrics;
  // Optional: what the ring, heat map and topology views draw for this model right now.
  std::function<ModelViewData(const sim::World& world, const ModelParams& params)> view_data;
  // Optional: problems among the parameters (after the range test) for a scenario of `node_count`.
  std::function<std::vector<ParamProblem>(const ModelParams& params, std::size_t node_count)> check = nullptr;
  // Every invariant the model's checker can check (a scenario names them), and the checker for a
  // run of a world built with `params` (run_checker.h). Every model has both.
  std::vector<Invariant> invariants = {};
  std::function<std::unique_ptr<RunChecker>(const ModelParams& params, const sim::World& world)> make_checker = nullptr;
  // Optional, for a model that reports lost_acknowledged_writes: the operation ids of those writes
  // (acknowledged, status Ok, and no longer in the authoritative data), in the history's order. The
  // metric is this list's size: both come from the same function.
  std::function<std::vector<std::uint64_t>(const sim::World& world, const ModelParams& params)> lost_writes = nullptr;
};

}  // namespace cs::model
