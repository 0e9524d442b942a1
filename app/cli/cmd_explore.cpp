// `explore`: run a scenario under many random fault schedules and check its invariants.
#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli_args.h"
#include "commands.h"
#include "explore/explore.h"
#include "scenario/builtin.h"
#include "scenario/run_report.h"
#include "scenario/run_setup.h"
#include "scenario_arg.h"

namespace cs::cli {

int cmd_explore(const std::vector<std::string>& argv) {
  const Args args = parse_args(argv, {"seeds", "first-seed", "faults", "trace"}, {"quiet"});
  if (args.positional.size() != 1) throw UsageError("explore takes exactly one SCENARIO_ID or FILE");
  scenario::Scenario s;
  try {
    s = load_scenario_argument(args.positional[0]);
  } catch (const scenario::ScenarioError& e) {
    std::cerr << "clusterscope-cli explore: " << e.what() << '\n';
    return kExitUsage;
  }
  std::string why;
  if (!explore::can_explore(s, &why)) throw UsageError(why);

  explore::ExploreOptions options;
  options.seeds = args.unsigned_value("seeds", 100);
  options.first_seed = args.unsigned_value("first-seed", 1);
  if (options.seeds == 0) throw UsageError("--seeds must be at least 1");
  if (const auto faults = args.value("faults")) {
    const auto kinds = check::FaultKinds::parse(*faults);
    if (!kinds || kinds->empty()) {
      throw UsageError(
          "--faults expects a comma-separated list of crash, restart, partition, oneway, loss, dup, "
          "delay, pause, skew; got \"" +
          *faults + "\"");
    }
    options.faults = *kinds;
  }
  if (const auto path = args.value("trace")) {
    // One seed, recorded whole, to look at closely: the trace as JSON lines, the verdict as usual.
    if (options.seeds != 1) throw UsageError("--trace records one seed: give --seeds 1");
    std::ofstream out(*path, std::ios::binary);
    if (!out) throw UsageError("cannot write --trace file \"" + *path + "\"");
    sim::Trace trace(std::size_t{512} << 20);
    const explore::SeedVerdict v = explore::explore_seed(s, options.first_seed, options.faults, &trace);
    scenario::write_trace_jsonl(trace, scenario::make_world(s, options.first_seed), out);
    for (const auto& text : v.violations) std::cout << "  " << text << '\n';
    std::cout << v.schedule;
    return v.violations.empty() ? kExitOk : kExitFailed;
  }
  const bool quiet = args.flag("quiet");
  const std::string id = args.positional[0];
  options.progress = [&](std::uint64_t done, std::uint64_t total, std::uint64_t failed) {
    if (quiet) return;
    // One line, rewritten in place (every seed for short runs, every 10th for long ones).
    if (done == total || total <= 1000 || done % 10 == 0) {
      std::cerr << "\rseed " << options.first_seed + done - 1 << " (" << done << "/" << total << "), " << failed
                << (failed == 1 ? " violation" : " violations") << std::flush;
    }
  };
  options.on_failure = [&](const explore::SeedVerdict& v) {
    if (!quiet) std::cerr << '\n';
    std::cout << "seed " << v.seed << " violates:\n";
    for (const auto& text : v.violations) std::cout << "  " << text << '\n';
    std::cout << "  fault schedule:\n"
              << v.schedule << "  replay: " << explore::replay_command(id, v.seed, options.faults) << '\n'
              << std::flush;
  };
  const auto started = std::chrono::steady_clock::now();
  const explore::ExploreResult result = explore::explore(s, options);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (!quiet) std::cerr << '\n';
  std::cout << "explored " << result.seeds_run << " seeds of " << s.id << " (faults " << options.faults.to_string()
            << ", " << result.events << " events) in " << seconds << " s: " << result.seeds_failed
            << (result.seeds_failed == 1 ? " seed violates" : " seeds violate") << " an invariant\n";
  return result.seeds_failed == 0 ? kExitOk : kExitFailed;
}

}  // namespace cs::cli
