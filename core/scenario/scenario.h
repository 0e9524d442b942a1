#pragma once
// A scenario: everything needed to start a run, as data. Loaded strictly from JSON (version 1);
// see lessons/scenarios/README.md for the format.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/model_info.h"
#include "scenario/demonstrates.h"
#include "sim/action.h"
#include "sim/network.h"
#include "sim/workload.h"

namespace cs::scenario {

struct NarrationStep {
  std::optional<sim::TimeUs> at_us;
  std::string text;
  std::vector<std::string> highlight;  // node names
};

struct ViewHints {
  std::string kind = "cluster";  // which stage view shows this scenario: cluster, ring or heatmap
  std::string layout = "circle";
  double speed = 0.1;  // playback speed the stage starts at (simulated s per real s)
};

// A second branch of a saved run ("What if?"): the one change it was started with, in the form
// run/compare.h reads ("mode=sync", "seed=7", or "actions" for the learner's own actions only), the
// moment it was forked at, and the branch's own learner actions (those before the fork included).
struct Comparison {
  std::string change;
  sim::TimeUs fork_us = 0;
  std::vector<sim::Action> actions;
  bool operator==(const Comparison&) const = default;
};

struct Scenario {
  std::string id;
  std::string title;
  std::string description;
  std::string model;
  model::ModelParams params;  // complete: defaults filled in
  std::vector<sim::Region> regions;
  std::vector<std::string> node_names;
  std::vector<std::uint32_t> node_regions;
  std::vector<bool> node_spares;  // spare nodes start outside the cluster, until an add-node action
  sim::LinkParams link_defaults;
  sim::TimeUs region_overhead_us = 2'000;
  struct Link {
    sim::EndpointId from;
    sim::EndpointId to;
    sim::LinkParams params;
  };
  std::vector<Link> links;
  sim::WorkloadSpec workload;
  std::uint32_t client_region = 0;
  std::vector<sim::Action> timeline;
  // A learner's recorded actions (a saved run). Unlike the timeline, each applies after every
  // event at its time, exactly where it happened, so a saved run reopens exactly as it was.
  std::vector<sim::Action> actions;
  ViewHints view;
  std::vector<NarrationStep> narration;
  std::uint64_t seed = 1;
  sim::TimeUs duration_us = 30'000'000;
  Demonstrates demonstrates;             // what explore and the tests hold it to (demonstrates.h)
  std::optional<Comparison> comparison;  // a saved run's second branch, if it was being compared
};

class ScenarioError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Parses and validates. `source` names the file (or "builtin:ID") in error messages.
Scenario load_scenario(std::string_view text, const std::string& source);
// Writes a scenario back out in the same format; load_scenario(save_scenario(s)) == s.
std::string save_scenario(const Scenario& scenario);

sim::EndpointId node_id(const Scenario& scenario, std::string_view name);  // kNoEndpoint if unknown

// One action as scenario files write it ({"at": "2s", "action": "crash", "node": "n1"}), for the
// files that list actions outside a scenario (a challenge's recorded solution).
sim::Action read_action_json(const json::Json& j, const std::string& path, const Scenario& scenario);
json::Json action_to_json(const sim::Action& action, const Scenario& scenario);

}  // namespace cs::scenario
