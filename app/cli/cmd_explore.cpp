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
#include "usage.h"

namespace cs::cli {

namespace {

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

// What the scenario declares and what explore will hold it to.
void print_declaration(std::ostream& out, const scenario::Scenario& s, check::FaultKinds faults) {
  const scenario::Demonstrates& d = s.demonstrates;
  if (!d.declared) {
    out << s.id << " declares nothing (no \"demonstrates\"): every invariant its model claims is checked\n";
  } else if (d.safe) {
    out << s.id << " is declared safe under " << d.faults.to_string() << ", recovering within " << d.recovery_timeouts
        << " time units\n";
    for (const auto& a : d.assumptions) {
      out << "  assumes (no " << check::to_string(a.fault) << "): " << a.assumes << " [broken by " << a.broken_by
          << "]\n";
    }
  } else {
    out << s.id << " breaks " << join(d.breaks) << " on purpose, under " << d.faults.to_string() << '\n';
  }
  if (d.declared && !(faults == d.faults)) out << "  exploring with faults " << faults.to_string() << " instead\n";
}

void print_verdict(std::ostream& out, const explore::SeedVerdict& v) {
  if (v.failed()) {
    out << "seed " << v.seed << " violates:\n";
    for (const auto& violation : v.violations) out << "  [" << violation.invariant << "] " << violation.text << '\n';
  } else if (!v.demonstrated.empty()) {
    out << "seed " << v.seed << " breaks, as the scenario demonstrates:\n";
    for (const auto& violation : v.demonstrated) out << "  [" << violation.invariant << "] " << violation.text << '\n';
  } else {
    out << "seed " << v.seed << " keeps every invariant\n";
  }
  for (const auto& a : v.assumptions_broken) {
    out << "  its faults broke an assumption (" << check::to_string(a.fault) << "): " << a.assumes << "; scenario "
        << a.broken_by << " shows this\n";
  }
}

}  // namespace

int cmd_explore(const std::vector<std::string>& argv) {
  const Args args = parse_command_args(argv, "explore");
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
  const check::FaultKinds faults = options.faults.value_or(explore::default_faults(s));
  if (const auto path = args.value("trace")) {
    // One seed, recorded whole, to look at closely: the trace as JSON lines, the verdict as usual.
    if (options.seeds != 1) throw UsageError("--trace records one seed: give --seeds 1");
    std::ofstream out(*path, std::ios::binary);
    if (!out) throw UsageError("cannot write --trace file \"" + *path + "\"");
    sim::Trace trace(std::size_t{512} << 20);
    const explore::SeedVerdict v = explore::explore_seed(s, options.first_seed, faults, &trace);
    scenario::write_trace_jsonl(trace, scenario::make_world(s, options.first_seed), out);
    print_verdict(std::cout, v);
    std::cout << v.schedule;
    return v.failed() ? kExitFailed : kExitOk;
  }
  const bool quiet = args.flag("quiet");
  const std::string id = args.positional[0];
  if (!quiet) print_declaration(std::cerr, s, faults);
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
    print_verdict(std::cout, v);
    std::cout << "  fault schedule:\n"
              << v.schedule << "  replay: " << explore::replay_command(id, v.seed, faults) << '\n'
              << std::flush;
  };
  const auto started = std::chrono::steady_clock::now();
  const explore::ExploreResult result = explore::explore(s, options);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (!quiet) std::cerr << '\n';
  std::cout << "explored " << result.seeds_run << " seeds of " << s.id << " (faults " << faults.to_string() << ", "
            << result.events << " events) in " << seconds << " s: " << result.seeds_failed
            << (result.seeds_failed == 1 ? " seed violates" : " seeds violate") << " an invariant it keeps\n";
  const bool breaks = s.demonstrates.declared && !s.demonstrates.safe;
  if (breaks) {
    std::cout << result.seeds_demonstrating << " of " << result.seeds_run << " seeds break "
              << join(s.demonstrates.breaks) << ", as the scenario demonstrates\n";
  }
  const bool ok = result.seeds_failed == 0 && (!breaks || result.seeds_demonstrating > 0);
  return ok ? kExitOk : kExitFailed;
}

}  // namespace cs::cli
