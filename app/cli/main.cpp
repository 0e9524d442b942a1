// clusterscope-cli: the simulation without a window, for scripts, tests and authors.
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "cli_args.h"
#include "commands.h"

namespace {

constexpr const char* kUsage =
    "usage: clusterscope-cli <command> [arguments]\n"
    "\n"
    "commands:\n"
    "  list                         built-in scenarios, one id a line\n"
    "  run SCENARIO_ID|FILE [--seed N] [--until 30s] [--trace FILE.jsonl] [--history FILE.json] [--json]\n"
    "      [--history-edn FILE.edn] [--shiviz FILE.log] [--inspect NODE]\n"
    "                               run a scenario headless and print what happened\n"
    "                               (--history-edn: the client history as Jepsen/Knossos EDN; --shiviz: the\n"
    "                               trace with vector clocks, for ShiViz; --inspect: instead, what the node\n"
    "                               holds at the end: state, log, data, view of the cluster)\n"
    "  validate PATH...\n"
    "                               check a course folder (with course.json) or scenario files\n"
    "  bench [--json]               measure the simulation kernel\n"
    "  explore SCENARIO_ID|FILE [--seeds N] [--first-seed S] [--faults "
    "crash,restart,partition,oneway,loss,dup,delay,pause,skew] [--trace FILE.jsonl] [--quiet]\n"
    "                               run many random fault schedules and hold the scenario to what it\n"
    "                               declares (\"demonstrates\"): faults default to those it tolerates;\n"
    "                               exit 1 if a seed violates an invariant it keeps, or if a scenario that\n"
    "                               breaks one on purpose never does (each seed printed with its replay)\n"
    "  check FILE... [--model register|cas-register|kv] [--format json|jepsen|edn] [--budget-ms N]\n"
    "      [--explain] [--json]     is each history linearizable? (exit 0 yes, 1 no, 3 unknown, 2 bad input;\n"
    "                               model and format are guessed when not given (.edn: EDN, as Jepsen,\n"
    "                               Knossos and Porcupine write it); --budget-ms per file,\n"
    "                               default 60000, 0 for none; --explain: for each key that is not, a minimal\n"
    "                               set of operations with no legal order, and why in one sentence)\n"
    "  challenge ID [--actions FILE.json] [--lessons DIR]\n"
    "                               run these learner actions (a JSON list, as a scenario's \"actions\")\n"
    "                               against a lesson's challenge: exit 0 goal met, 1 not met, 2 bad input\n"
    "  quiz LESSON --seed S [--json] [--lessons DIR]\n"
    "                               print a drawn quiz of a lesson (its number or id) with its answers: bank\n"
    "                               questions and a question template whose answer the core computes\n"
    "  compare SCENARIO --change NAME=VALUE|seed=N [--until T] [--json]\n"
    "                               the run and a second branch with one change (a model parameter or the\n"
    "                               seed): the first trace record where they part, and both runs' metrics\n"
    "  --version                    print the version\n";

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    std::cout << kUsage;
    return args.empty() ? cs::cli::kExitUsage : cs::cli::kExitOk;
  }
  if (args[0] == "--version") {
    std::cout << "clusterscope-cli " << CLUSTERSCOPE_VERSION << '\n';
    return cs::cli::kExitOk;
  }
  const std::string command = args[0];
  args.erase(args.begin());
  try {
    if (command == "list") return cs::cli::cmd_list(args);
    if (command == "run") return cs::cli::cmd_run(args);
    if (command == "validate") return cs::cli::cmd_validate(args);
    if (command == "bench") return cs::cli::cmd_bench(args);
    if (command == "explore") return cs::cli::cmd_explore(args);
    if (command == "check") return cs::cli::cmd_check(args);
    if (command == "challenge") return cs::cli::cmd_challenge(args);
    if (command == "quiz") return cs::cli::cmd_quiz(args);
    if (command == "compare") return cs::cli::cmd_compare(args);
    std::cerr << "clusterscope-cli: unknown command \"" << command << "\"\n\n" << kUsage;
    return cs::cli::kExitUsage;
  } catch (const cs::cli::UsageError& e) {
    std::cerr << "clusterscope-cli " << command << ": " << e.what() << '\n';
    return cs::cli::kExitUsage;
  }
}
