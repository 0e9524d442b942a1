// `lab`: real engines on this machine, beside the simulation (lab/). list, run, clean.
#include <csignal>
#include <iostream>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "cli_args.h"
#include "commands.h"
#include "lab/engines.h"
#include "lab/experiments.h"
#include "lab/lab_folder.h"
#include "usage.h"

namespace cs::cli {

namespace {

// Exit status when the engines an experiment needs are not installed.
constexpr int kExitNoEngines = 3;

// Ctrl-C (or a TERM) during a run: the engines run in sessions of their own, so the signal does
// not reach them, and a CLI that died at once would leave them running. The first signal asks the
// run to stop at its next step instead (its clusters stop their processes as they unwind); a
// second one ends the program the usual way, and the next run stops what it left.
volatile std::sig_atomic_t interrupted = 0;

void on_interrupt(int signal) {
  interrupted = 1;
  std::signal(signal, SIG_DFL);
}

int lab_list(const Args& args) {
  nlohmann::json list = nlohmann::json::array();
  for (const lab::Experiment& e : lab::experiments()) {
    const lab::EngineCheck engines = lab::check_engines(e.engines);
    if (args.flag("json")) {
      list.push_back({{"id", e.id},
                      {"lesson", e.lesson},
                      {"scenario", e.scenario},
                      {"title", e.title},
                      {"engines", e.engines},
                      {"ready", engines.ready()},
                      {"missing", engines.explanation()}});
    } else {
      std::cout << e.id << "  (lesson " << e.lesson << ", mirrors " << e.scenario << ")"
                << (engines.ready() ? "" : "  [engines missing]") << "\n    " << e.title << '\n';
    }
  }
  if (args.flag("json")) std::cout << list.dump(2) << '\n';
  std::cout << std::flush;
  return kExitOk;
}

int lab_run(const Args& args) {
  if (args.positional.size() != 2) throw UsageError("lab run takes one EXPERIMENT (see: clusterscope-cli lab list)");
  const lab::Experiment* e = lab::find_experiment(args.positional[1]);
  if (!e) throw UsageError("no experiment \"" + args.positional[1] + "\" (see: clusterscope-cli lab list)");
  const lab::EngineCheck engines = lab::check_engines(e->engines);
  if (!engines.ready()) {
    std::cerr << "clusterscope-cli lab run: " << engines.explanation() << '\n';
    return kExitNoEngines;
  }
  lab::LabFolder folder(lab::lab_root());
  // Held to the end of the run: another program's clean-up must not take these engines for leftovers.
  const auto lock = folder.try_lock_run();
  if (!lock) {
    std::cerr << "clusterscope-cli lab run: another lab run is in progress in " << folder.root().string()
              << " (in another window or terminal); wait for it to end\n";
    return kExitFailed;
  }
  const lab::LabFolder::CleanReport leftovers = folder.stop_leftovers();
  if (leftovers.stopped > 0)
    std::cerr << "lab: stopped " << leftovers.stopped << " process(es) an earlier run left running\n";
  lab::RunOptions options;
  options.simulated_seeds = static_cast<int>(args.unsigned_value("seeds", 20));
  if (options.simulated_seeds < 1 || options.simulated_seeds > 1000) throw UsageError("--seeds expects 1 to 1000");
  options.progress = [](const std::string& line) {
    if (interrupted) throw std::runtime_error("interrupted; every engine process it started is stopped");
    std::cerr << "lab: " << line << '\n';
  };
  options.stop_asked = [] { return interrupted != 0; };
  std::signal(SIGINT, on_interrupt);
  std::signal(SIGTERM, on_interrupt);
  try {
    const lab::ExperimentResult r = lab::run_experiment(*e, folder, options);
    std::cout << (args.flag("json") ? lab::result_json(r) + "\n" : lab::result_text(r));
    return r.left_running || !r.listening_beyond_loopback.empty() ? kExitFailed : kExitOk;
  } catch (const std::exception& error) {
    folder.stop_leftovers();
    std::cerr << "clusterscope-cli lab run: " << error.what() << '\n';
    return kExitFailed;
  }
}

int lab_clean() {
  lab::LabFolder folder(lab::lab_root());
  lab::LabFolder::CleanReport r;
  try {
    r = folder.clean();
  } catch (const std::exception& error) {
    std::cerr << "clusterscope-cli lab clean: " << error.what() << '\n';
    return kExitFailed;
  }
  std::cout << "lab: stopped " << r.stopped << " process(es); removed the runs in " << folder.root().string() << '\n';
  return r.removed ? kExitOk : kExitFailed;
}

}  // namespace

int cmd_lab(const std::vector<std::string>& argv) {
  const Args args = parse_command_args(argv, "lab");
  if (args.positional.empty()) throw UsageError("lab needs list, run EXPERIMENT or clean");
  const std::string& verb = args.positional[0];
  if (verb == "list" && args.positional.size() == 1) return lab_list(args);
  if (verb == "run") return lab_run(args);
  if (verb == "clean" && args.positional.size() == 1) return lab_clean();
  throw UsageError("lab needs list, run EXPERIMENT or clean");
}

}  // namespace cs::cli
