#pragma once
// The command-line tool's one table of commands and options. The argument reader takes each
// command's options from it (an option that is not in the table is an error), --help and
// `help COMMAND` print it, and --man turns it into the manual page, so the three cannot drift.
#include <string>
#include <string_view>
#include <vector>

#include "cli_args.h"

namespace cs::cli {

struct OptionDoc {
  std::string_view name;      // without the dashes: "seed"
  std::string_view argument;  // "N"; empty for a flag
  std::string_view description;
  bool required = false;  // shown without brackets in the synopsis
};

struct CommandDoc {
  std::string_view name;      // "run"
  std::string_view operands;  // "SCENARIO_ID|FILE"; may be empty
  std::string_view description;
  std::vector<OptionDoc> options;
};

const std::vector<CommandDoc>& command_docs();
const CommandDoc* find_command_doc(std::string_view name);

// parse_args with the options `command` has in the table.
Args parse_command_args(const std::vector<std::string>& argv, std::string_view command);

// What --help prints: every command, its synopsis, what it does and its options.
std::string help_text();
// One command, as `clusterscope-cli help COMMAND` and `COMMAND --help` print it.
std::string command_help_text(const CommandDoc& command);
// The manual page clusterscope-cli(1), in roff.
std::string man_page(std::string_view version);

}  // namespace cs::cli
