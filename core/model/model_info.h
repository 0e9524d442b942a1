#pragma once
// The models a scenario can name ("model": {"type": "heartbeat", "params": {...}}), with the
// parameters each accepts and their defaults. The scenario loader rejects unknown parameters and
// values of the wrong type, so every model's knobs are listed here in one place.
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "protocols/view_data.h"
#include "sim/protocol.h"
#include "sim/world.h"

namespace cs::protocols {

using ParamValue = std::variant<double, bool, std::string>;
using ModelParams = std::map<std::string, ParamValue, std::less<>>;

struct ParamSpec {
  std::string name;
  ParamValue default_value;
  std::string help;
};

struct ModelInfo {
  std::string type;
  std::string summary;
  std::vector<ParamSpec> params;
  // Makes the state machine for node `self` of `node_count`; params are complete (defaults filled).
  std::function<std::unique_ptr<sim::Protocol>(const ModelParams& params, sim::EndpointId self, std::size_t node_count)>
      make;
  // Optional: metrics that need the whole run (the history, several nodes at once), added to the
  // per-node counters. E.g. stale reads found by comparing reads with acknowledged writes.
  std::function<void(const sim::World& world, const ModelParams& params, sim::Metrics& metrics)> add_run_metrics;
  // Optional: what the ring, heat map and topology views draw for this model right now.
  std::function<ModelViewData(const sim::World& world, const ModelParams& params)> view_data;
};

const std::vector<ModelInfo>& models();
const ModelInfo* find_model(std::string_view type);

double number_param(const ModelParams& params, std::string_view name);

}  // namespace cs::protocols
