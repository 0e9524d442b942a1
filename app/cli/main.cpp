// clusterscope-cli: the simulation without a window, for scripts, tests and authors.
#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

#include "cli_args.h"
#include "commands.h"
#include "usage.h"

namespace {

bool asks_for_help(const std::string& arg) { return arg == "--help" || arg == "-h"; }

std::string command_names() {
  std::string names;
  for (const cs::cli::CommandDoc& c : cs::cli::command_docs())
    names += (names.empty() ? "" : ", ") + std::string(c.name);
  return names;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  // The help, the version and the manual page: all from the table in usage.cpp.
  if (args.empty() || asks_for_help(args[0]) || (args[0] == "help" && args.size() == 1)) {
    std::cout << cs::cli::help_text();
    return args.empty() ? cs::cli::kExitUsage : cs::cli::kExitOk;
  }
  if (args[0] == "--version") {
    std::cout << "clusterscope-cli " << CLUSTERSCOPE_VERSION << '\n';
    return cs::cli::kExitOk;
  }
  if (args[0] == "--man") {
    std::cout << cs::cli::man_page(CLUSTERSCOPE_VERSION);
    return cs::cli::kExitOk;
  }
  // `help COMMAND` and `COMMAND ... --help`: one command's synopsis and options.
  const bool help_command = args[0] == "help";
  if (help_command || std::any_of(args.begin() + 1, args.end(), asks_for_help)) {
    const std::string& name = help_command ? args[1] : args[0];
    const cs::cli::CommandDoc* doc = cs::cli::find_command_doc(name);
    if (!doc) {
      std::cerr << "clusterscope-cli: unknown command \"" << name << "\" (commands: " << command_names() << ")\n";
      return cs::cli::kExitUsage;
    }
    std::cout << "usage: clusterscope-cli " << cs::cli::command_help_text(*doc).substr(2);
    return cs::cli::kExitOk;
  }
  const std::string command = args[0];
  args.erase(args.begin());
  try {
    if (command == "list") return cs::cli::cmd_list(args);
    if (command == "run") return cs::cli::cmd_run(args);
    if (command == "lab") return cs::cli::cmd_lab(args);
    if (command == "validate") return cs::cli::cmd_validate(args);
    if (command == "bench") return cs::cli::cmd_bench(args);
    if (command == "explore") return cs::cli::cmd_explore(args);
    if (command == "check") return cs::cli::cmd_check(args);
    if (command == "challenge") return cs::cli::cmd_challenge(args);
    if (command == "quiz") return cs::cli::cmd_quiz(args);
    if (command == "compare") return cs::cli::cmd_compare(args);
    std::cerr << "clusterscope-cli: unknown command \"" << command << "\" (commands: " << command_names()
              << "; clusterscope-cli --help explains them)\n";
    return cs::cli::kExitUsage;
  } catch (const cs::cli::UsageError& e) {
    std::cerr << "clusterscope-cli " << command << ": " << e.what() << "\n(clusterscope-cli help " << command
              << " lists its options)\n";
    return cs::cli::kExitUsage;
  }
}
