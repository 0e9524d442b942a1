// `compare SCENARIO --change NAME=VALUE|seed=N [--until T] [--json]`: the run and a second branch
// with one change (run/compare.h), side by side: where they part and every metric of both.
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli_args.h"
#include "commands.h"
#include "run/compare.h"
#include "scenario/run_setup.h"
#include "scenario_arg.h"
#include "sim/simulation.h"
#include "usage.h"

namespace cs::cli {

namespace {

std::string seconds_text(sim::TimeUs us) {
  std::ostringstream out;
  out << std::fixed << std::setprecision(3) << static_cast<double>(us) / 1e6 << " s";
  return out.str();
}

std::string record_text(const scenario::Scenario& s, const std::optional<sim::TraceEvent>& e) {
  if (!e) return "(no record yet)";
  const auto name = [&](sim::EndpointId id) {
    return id < s.node_names.size() ? s.node_names[id] : "#" + std::to_string(id);
  };
  std::string out = std::string(sim::to_string(e->type)) + " at " + seconds_text(e->time_us);
  if (e->node != sim::kNoEndpoint) out += ", node " + name(e->node);
  if (e->peer != sim::kNoEndpoint) out += ", peer " + name(e->peer);
  return out;
}

}  // namespace

int cmd_compare(const std::vector<std::string>& argv) {
  const Args args = parse_command_args(argv, "compare");
  if (args.positional.size() != 1) throw UsageError("compare takes exactly one SCENARIO_ID or FILE");
  const auto change_text = args.value("change");
  if (!change_text) throw UsageError("compare needs --change NAME=VALUE or --change seed=N");
  std::string why;
  const auto change = run::parse_change(*change_text, &why);
  if (!change) throw UsageError("--change: " + why);
  scenario::Scenario a;
  scenario::Scenario b;
  std::uint64_t seed_b = 0;
  try {
    a = load_scenario_argument(args.positional[0]);
    seed_b = a.seed;
    b = run::apply_change(a, *change, seed_b);
  } catch (const scenario::ScenarioError& e) {
    std::cerr << "clusterscope-cli compare: " << e.what() << '\n';
    return kExitUsage;
  }
  const std::int64_t until_us = args.value("until") ? parse_duration_us(*args.value("until")) : a.duration_us;
  sim::SimulationLimits limits;
  limits.trace_budget_bytes = std::size_t{64} << 20;
  const auto run_a = scenario::start_run(a, a.seed, limits);
  const auto run_b = scenario::start_run(b, seed_b, limits);
  run_a->run_until(until_us);
  run_b->run_until(until_us);
  const auto divergence = run::first_divergence(run_a->trace(), run_b->trace());
  const auto rows =
      run::metric_diffs(scenario::run_metrics(a, run_a->world()), scenario::run_metrics(b, run_b->world()));

  if (args.flag("json")) {
    nlohmann::json out = {{"scenario", a.id}, {"change", change->to_string()}, {"until_us", until_us}};
    if (divergence) {
      out["divergence"] = {{"index", divergence->index},
                           {"a_us", divergence->a_us},
                           {"b_us", divergence->b_us},
                           {"a", record_text(a, divergence->a)},
                           {"b", record_text(b, divergence->b)}};
    } else {
      out["divergence"] = nullptr;
    }
    nlohmann::json metrics = nlohmann::json::array();
    for (const auto& r : rows) {
      metrics.push_back({{"name", r.name},
                         {"a", r.a ? nlohmann::json(*r.a) : nlohmann::json(nullptr)},
                         {"b", r.b ? nlohmann::json(*r.b) : nlohmann::json(nullptr)},
                         {"differs", r.differs()}});
    }
    out["metrics"] = metrics;
    std::cout << out.dump() << '\n';
    return kExitOk;
  }
  std::cout << a.id << " to " << seconds_text(until_us) << ": A as it is, B with " << change->to_string() << '\n';
  if (divergence) {
    std::cout << "they part at trace record " << divergence->index << ":\n  A: " << record_text(a, divergence->a)
              << "\n  B: " << record_text(b, divergence->b) << '\n';
  } else {
    std::cout << "they do not part: every trace record is the same\n";
  }
  std::cout << "metrics (A | B, * where they differ):\n";
  const auto value = [](const std::optional<double>& v) {
    std::ostringstream out;
    if (v) {
      out << *v;
    } else {
      out << "-";
    }
    return out.str();
  };
  for (const auto& r : rows) {
    std::cout << (r.differs() ? "* " : "  ") << r.name << " = " << value(r.a) << " | " << value(r.b) << '\n';
  }
  return kExitOk;
}

}  // namespace cs::cli
