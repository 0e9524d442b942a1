// `list` and `run`: load a scenario (built-in id or file), run it headless, report.
#include <sys/resource.h>

#include <chrono>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

#include "check/history_edn.h"
#include "check/shiviz_log.h"
#include "cli_args.h"
#include "commands.h"
#include "scenario/builtin.h"
#include "scenario/run_report.h"
#include "scenario/run_setup.h"
#include "scenario_arg.h"
#include "sim/simulation.h"
#include "usage.h"

namespace cs::cli {

int cmd_list(const std::vector<std::string>& argv) {
  if (!argv.empty()) throw UsageError("list takes no arguments");
  for (const auto& s : scenario::builtin_scenarios()) std::cout << s.id << '\n';
  return kExitOk;
}

int cmd_run(const std::vector<std::string>& argv) {
  const Args args = parse_command_args(argv, "run");
  if (args.positional.size() != 1) throw UsageError("run takes exactly one SCENARIO_ID or FILE");
  scenario::Scenario s;
  try {
    s = load_scenario_argument(args.positional[0]);
  } catch (const scenario::ScenarioError& e) {
    std::cerr << "clusterscope-cli run: " << e.what() << '\n';
    return kExitUsage;
  }
  const std::uint64_t seed = args.unsigned_value("seed", s.seed);
  std::optional<sim::EndpointId> inspected;
  if (const auto name = args.value("inspect")) {
    inspected = scenario::node_id(s, *name);
    if (*inspected == sim::kNoEndpoint) throw UsageError("--inspect: the scenario has no node \"" + *name + "\"");
  }
  const std::int64_t until_us = args.value("until") ? parse_duration_us(*args.value("until")) : s.duration_us;

  // Every output file is opened before the run, so that a bad path fails at once.
  const auto open_output = [&args](const std::string& option, std::ofstream& out) {
    if (const auto path = args.value(option)) {
      out.open(*path, std::ios::binary);
      if (!out) throw UsageError("cannot write --" + option + " file \"" + *path + "\"");
    }
  };
  std::ofstream trace_out;
  std::ofstream history_out;
  std::ofstream history_edn_out;
  std::ofstream shiviz_out;
  open_output("trace", trace_out);
  open_output("history", history_out);
  open_output("history-edn", history_edn_out);
  open_output("shiviz", shiviz_out);

  sim::SimulationLimits limits;
  // The whole trace is kept only when it is to be written; otherwise the newest records will do.
  limits.trace_budget_bytes =
      trace_out.is_open() || shiviz_out.is_open() ? std::size_t{256} << 20 : std::size_t{16} << 20;
  const auto started = std::chrono::steady_clock::now();
  const auto run = scenario::start_run(s, seed, limits);
  sim::Simulation& sim = *run;
  sim.run_until(until_us);
  const double wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

  if (trace_out.is_open()) scenario::write_trace_jsonl(sim, trace_out);
  if (history_out.is_open()) scenario::write_history_json(sim.world(), history_out);
  if (history_edn_out.is_open())
    check::write_history_edn(check::from_sim_history(sim.world().history()), history_edn_out);
  if (shiviz_out.is_open()) {
    const check::ShivizSummary summary = check::write_shiviz_log(sim.trace(), sim.world(), shiviz_out);
    if (summary.forgotten_records > 0) {
      // The trace keeps the newest records within its budget: say what the diagram lacks.
      std::cerr << "clusterscope-cli run: --shiviz: the trace no longer held its oldest " << summary.forgotten_records
                << " records; " << summary.receives_without_send << " receives are drawn without their send\n";
    }
  }
  if (args.flag("measure")) {
    // The process's own figures, for the memory benchmark (not part of the run: they vary).
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::cerr << "{\"peak_rss_mib\":" << static_cast<double>(usage.ru_maxrss) / 1024.0 << ",\"wall_s\":" << wall_s
              << ",\"events\":" << sim.world().events_processed() << ",\"checkpoints\":" << sim.checkpoint_count()
              << "}\n";
  }
  if (inspected) {
    // A look inside one node at the end of the run, as the window's node inspector shows it.
    std::cout << render_english(sim.world().node(*inspected).protocol->inspect(), s.node_names);
    return kExitOk;
  }
  if (args.flag("json")) {
    std::cout << scenario::run_summary_json(sim, s, seed) << '\n';
  } else {
    const auto& w = sim.world();
    std::cout << s.id << " (seed " << seed << ") ran to " << static_cast<double>(until_us) / 1e6
              << " s: " << w.events_processed() << " events, " << w.messages_sent() << " messages sent, "
              << w.messages_delivered() << " delivered, " << w.messages_dropped() << " dropped\n"
              << "trace hash " << scenario::hex64(sim.trace_hash()) << '\n';
    for (const auto& [name, value] : scenario::run_metrics(s, w)) std::cout << "  " << name << " = " << value << '\n';
  }
  return kExitOk;
}

}  // namespace cs::cli
