#include "usage.h"

#include <set>

#include "roff.h"

namespace cs::cli {

namespace {

// The options of the program itself, before any command.
const std::vector<OptionDoc>& program_options() {
  static const std::vector<OptionDoc> kOptions = {
      {"help", "", "print this help (help COMMAND or COMMAND --help: one command's)"},
      {"version", "", "print the version"},
      {"man", "", "print this manual page (roff)"},
  };
  return kOptions;
}

constexpr std::string_view kProgram = "clusterscope-cli";
constexpr std::size_t kDescriptionColumn = 31;  // where --help's descriptions start
constexpr std::size_t kWidth = 104;             // the widest --help line

// Appends `text` word by word, breaking lines before `kWidth`; `column` is where the cursor is,
// continuation lines start at `indent`.
void wrap(std::string& out, std::string_view text, std::size_t column, std::size_t indent) {
  bool first = true;
  while (!text.empty()) {
    const std::size_t space = text.find(' ');
    const std::string_view word = text.substr(0, space);
    text = space == std::string_view::npos ? std::string_view{} : text.substr(space + 1);
    if (!first && column + 1 + word.size() > kWidth) {
      out += '\n' + std::string(indent, ' ');
      column = indent;
    } else if (!first) {
      out += ' ';
      ++column;
    }
    out += word;
    column += word.size();
    first = false;
  }
}

std::string option_text(const OptionDoc& o) {
  std::string text = "--" + std::string(o.name);
  if (!o.argument.empty()) text += " " + std::string(o.argument);
  return text;
}

// "run SCENARIO_ID|FILE [--seed N] ...", in pieces that a line break must not split.
std::vector<std::string> synopsis_pieces(const CommandDoc& c) {
  std::vector<std::string> pieces{std::string(c.name)};
  if (!c.operands.empty()) pieces.emplace_back(c.operands);
  for (const OptionDoc& o : c.options) pieces.push_back(o.required ? option_text(o) : "[" + option_text(o) + "]");
  return pieces;
}

// `text`, then its description at kDescriptionColumn (on the next line when `text` reaches it).
void two_columns(std::string& out, const std::string& text, std::size_t indent, std::string_view description) {
  out += std::string(indent, ' ') + text;
  std::size_t column = indent + text.size();
  if (column + 1 >= kDescriptionColumn) {
    out += '\n';
    column = 0;
  }
  out += std::string(kDescriptionColumn - column, ' ');
  wrap(out, description, kDescriptionColumn, kDescriptionColumn);
  out += '\n';
}

}  // namespace

const std::vector<CommandDoc>& command_docs() {
  static const std::vector<CommandDoc> kCommands = {
      {"list", "", "built-in scenarios, one id a line", {}},
      {"run",
       "SCENARIO_ID|FILE",
       "run a scenario headless and print what happened: events, messages, the trace hash and the scenario's "
       "metrics",
       {{"seed", "N", "the run's seed (default: the scenario's own)"},
        {"until", "T", "run to this simulated time: 30s, 1500ms, 250us or 2m (default: the scenario's duration)"},
        {"trace", "FILE.jsonl", "write the whole trace, one JSON record a line"},
        {"history", "FILE.json", "write the clients' history (every operation, invoked and completed) as JSON"},
        {"history-edn", "FILE.edn", "write the client history as Jepsen/Knossos EDN (check reads it)"},
        {"shiviz", "FILE.log", "write the trace with vector clocks, for ShiViz"},
        {"inspect", "NODE",
         "instead of the summary, print what the node holds at the end: state, log, data, view of the cluster"},
        {"json", "", "print the summary as one JSON object"},
        {"measure", "",
         "also print the process's peak memory, wall time, events and checkpoints to standard error as JSON "
         "(for benchmarks)"}}},
      {"validate",
       "PATH...",
       "check a course folder (with course.json: its lessons, quizzes, challenges and scenarios, and each "
       "lesson's core-path word count) or scenario files (exit 0 ok, 1 errors found, 2 unreadable)",
       {}},
      {"bench",
       "[long SCENARIO_ID|FILE]",
       "measure the simulation kernel (events per second, seeks, trace size, the checker, shard placement); "
       "bench long: a long run of one scenario and seeks in it, as JSON",
       {{"json", "", "print the kernel's figures as one JSON object"},
        {"until", "T", "with bench long: how far to run (default 3600s)"},
        {"seeks", "N", "with bench long: how many seeks to time (default 200)"}}},
      {"explore",
       "SCENARIO_ID|FILE",
       "run many random fault schedules and hold the scenario to what it declares (\"demonstrates\"): exit 1 "
       "if a seed violates an invariant it keeps, or if a scenario that breaks one on purpose never does "
       "(each seed printed with its replay)",
       {{"seeds", "N", "how many seeds to run (default 100)"},
        {"first-seed", "S", "the first seed (default 1)"},
        {"faults", "KINDS",
         "the faults to inject, comma-separated: crash, restart, partition, oneway, loss, dup, delay, pause, "
         "skew (default: those the scenario tolerates)"},
        {"trace", "FILE.jsonl", "with --seeds 1: write that seed's whole trace, one JSON record a line"},
        {"quiet", "", "no progress line on standard error"}}},
      {"check",
       "FILE...",
       "is each history linearizable? (exit 0 yes, 1 no, 3 unknown, 2 bad input; the model and format are "
       "guessed when not given: .edn is EDN, as Jepsen, Knossos and Porcupine write it)",
       {{"model", "register|cas-register|kv", "the history's data model"},
        {"format", "json|jepsen|edn", "the files' format"},
        {"budget-ms", "N", "time for each file in milliseconds (default 60000, 0 for none); past it: unknown"},
        {"explain", "",
         "for each key that is not linearizable, a minimal set of operations with no legal order, and why in "
         "one sentence"},
        {"json", "", "print the verdicts as one JSON array"}}},
      {"challenge",
       "ID",
       "run these learner actions against a lesson's challenge: exit 0 goal met, 1 not met, 2 bad input",
       {{"actions", "FILE.json", "the actions, a JSON list as a scenario's \"actions\" (default: none)"},
        {"lessons", "DIR", "the course folder (default: lessons, in the current folder)"}}},
      {"quiz",
       "LESSON",
       "print a drawn quiz of a lesson (its number or id) with its answers: bank questions and a question "
       "template whose answer the core computes; the last lesson's is the final test, drawn from the whole course",
       {{"seed", "S", "the draw's seed: the same seed draws the same quiz", true},
        {"json", "", "print the quiz as JSON"},
        {"lessons", "DIR", "the course folder (default: lessons, in the current folder)"}}},
      {"compare",
       "SCENARIO_ID|FILE",
       "the run and a second branch with one change (a model parameter or the seed): the first trace record "
       "where they part, and both runs' metrics",
       {{"change", "NAME=VALUE|seed=N", "the change: a model parameter (checked as in a scenario file) or the seed",
         true},
        {"until", "T", "run both to this simulated time (default: the scenario's duration)"},
        {"json", "", "print the comparison as JSON"}}},
      {"lab",
       "list|run EXPERIMENT|clean",
       "the live lab: the lessons' experiments on real engines started on 127.0.0.1 (etcd, PostgreSQL, "
       "Patroni), beside the "
       "simulation's figures for the same settings; clean stops whatever the lab left running and removes its "
       "runs. Exit 3 when the engines are not installed",
       {{"json", "", "print the list or the result as JSON"},
        {"seeds", "N", "simulated runs to compare with (default 20)"}}},
  };
  return kCommands;
}

const CommandDoc* find_command_doc(std::string_view name) {
  for (const CommandDoc& c : command_docs()) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

Args parse_command_args(const std::vector<std::string>& argv, std::string_view command) {
  std::set<std::string> with_value;
  std::set<std::string> flags;
  if (const CommandDoc* c = find_command_doc(command)) {
    for (const OptionDoc& o : c->options) (o.argument.empty() ? flags : with_value).emplace(o.name);
  }
  return parse_args(argv, with_value, flags);
}

std::string command_help_text(const CommandDoc& command) {
  std::string out = "  ";
  std::size_t column = 2;
  bool first = true;
  for (const std::string& piece : synopsis_pieces(command)) {
    if (!first && column + 1 + piece.size() > kWidth) {
      out += "\n      ";
      column = 6;
    } else if (!first) {
      out += ' ';
      ++column;
    }
    out += piece;
    column += piece.size();
    first = false;
  }
  if (column + 1 >= kDescriptionColumn || out.find('\n') != std::string::npos) {
    out += '\n';
    column = 0;
  }
  out += std::string(kDescriptionColumn - column, ' ');
  wrap(out, command.description, kDescriptionColumn, kDescriptionColumn);
  out += '\n';
  for (const OptionDoc& o : command.options) two_columns(out, option_text(o), 6, o.description);
  return out;
}

std::string help_text() {
  std::string out =
      "usage: clusterscope-cli <command> [arguments]\n"
      "       clusterscope-cli help [command]\n"
      "\ncommands:\n";
  for (const CommandDoc& c : command_docs()) out += command_help_text(c);
  out += "\noptions:\n";
  for (const OptionDoc& o : program_options()) {
    two_columns(out, o.name == "help" ? "-h, --help" : option_text(o), 2, o.description);
  }
  out +=
      "\nDurations: 30s, 1500ms, 250us, 2m. Exit status: 0 ok, 1 the check failed, 2 bad usage or input,\n"
      "3 unknown (check). The manual page (man clusterscope-cli) says more.\n";
  return out;
}

std::string man_page(std::string_view version) {
  using roff::escape;
  using roff::sentence;
  std::string out = roff::header(kProgram, version,
                                 "clusterscope-cli - run ClusterScope's distributed-database simulation without a "
                                 "window");
  out += ".ad l\n.nh\n.SH SYNOPSIS\n";
  out += "\\fBclusterscope\\-cli\\fP \\fIcommand\\fP [\\fIarguments\\fP]\n.br\n";
  out += "\\fBclusterscope\\-cli help\\fP [\\fIcommand\\fP]\n.br\n";
  out += "\\fBclusterscope\\-cli \\-\\-version\\fP | \\fB\\-\\-man\\fP\n";
  out += ".SH DESCRIPTION\n" +
         escape(
             "clusterscope-cli runs the simulation of ClusterScope, the distributed-database course, without a "
             "window: for scripts, tests and course authors. It runs the built-in scenarios or scenario files, "
             "explores random fault schedules, checks histories for linearizability (its own, or Jepsen's, "
             "Knossos's and Porcupine's), and validates, draws and plays a course's lessons, quizzes and "
             "challenges. A run is deterministic: the same scenario with the same seed gives the same trace, "
             "record for record, on every computer (the trace hash shows it).") +
         "\n.PP\n" +
         escape(
             "Every command checks its arguments: an unknown option or a malformed value is an error (exit "
             "status 2), never ignored. Simulated durations are written 30s, 1500ms, 250us or 2m.") +
         "\n.SH COMMANDS\n";
  for (const CommandDoc& c : command_docs()) {
    out += ".SS " + escape(c.name) + "\n\\fBclusterscope\\-cli " + escape(c.name) + "\\fP";
    if (!c.operands.empty()) out += " " + roff::placeholders(c.operands);
    for (const OptionDoc& o : c.options) {
      // A non-breaking space keeps an option with its argument on one line.
      std::string piece = "\\fB\\-\\-" + escape(o.name) + "\\fP";
      if (!o.argument.empty()) piece += "\\ " + roff::placeholders(o.argument);
      out += " " + (o.required ? piece : "[" + piece + "]");
    }
    out += "\n.RS 4\n.PP\n" + sentence(c.description) + "\n";
    for (const OptionDoc& o : c.options) {
      out += ".TP\n" + roff::option("--" + std::string(o.name), o.argument) + "\n" + sentence(o.description) + "\n";
    }
    out += ".RE\n";
  }
  out += ".SH OPTIONS\n";
  for (const OptionDoc& o : program_options()) {
    out += ".TP\n" + roff::option(o.name == "help" ? "-h, --help" : "--" + std::string(o.name), o.argument) + "\n" +
           sentence(o.description) + "\n";
  }
  out += ".SH EXIT STATUS\n.TP\n.B 0\n" +
         escape(
             "Success: the run finished, the files are valid, every history is "
             "linearizable, the challenge's goal was met.") +
         "\n.TP\n.B 1\n" +
         escape(
             "The check failed: validate found errors, explore found a seed that violates an invariant the "
             "scenario keeps (or none that breaks the one it demonstrates), check found a history that is not "
             "linearizable, the challenge's goal was not met.") +
         "\n.TP\n.B 2\n" +
         escape(
             "Bad usage or bad input: an unknown command or option, a malformed value, a file that cannot be "
             "read, a scenario, course or history that is not valid. validate and check give it precedence over 1 and "
             "3.") +
         "\n.TP\n.B 3\n" +
         escape(
             "check: no verdict for some history within --budget-ms, and no history was bad or not "
             "linearizable. lab run: the engines the experiment needs are not installed (the message names "
             "the packages).") +
         "\n";
  out += ".SH FILES\n.TP\n.I lessons/\n" +
         escape(
             "The course folder that challenge and quiz read when no --lessons DIR is given (the course's "
             "source folder; the desktop program carries its own copy).") +
         "\n.TP\n\\fI*.clusterscope\\fP, \\fI*.json\\fP\n" +
         escape(
             "Scenario files: run, explore, bench long and compare take one in place of a built-in id; "
             "validate checks them.") +
         "\n.PP\n" +
         escape(
             "clusterscope-cli writes only the files named on its command line (--trace, --history, "
             "--history-edn, --shiviz), and lab its runs' folders. It keeps no settings and no progress; "
             "clusterscope(1) lists where the desktop program keeps a learner's.") +
         "\n.TP\n.I ~/.local/share/clusterscope/lab/\n" +
         escape(
             "The live lab's folder: one folder per run (each engine's log, and its data while it runs) and the "
             "register of the processes it started. lab clean empties it.") +
         "\n.TP\n.I /var/tmp/clusterscope-lab/\n" +
         escape(
             "The database servers' data while a run lasts (/var/tmp/clusterscope-lab-UID for a user other "
             "than root): a short path, as a server's socket path must be. When the lab runs as root, the servers "
             "run as the postgres user in a folder it owns. lab clean removes what a run left.") +
         "\n.SH ENVIRONMENT\n.TP\n.B CLUSTERSCOPE_LAB_DIR\n" +
         escape("The live lab's folder, in place of the one above (also under XDG_DATA_HOME when that is set).") +
         "\n.TP\n.B CLUSTERSCOPE_LAB_PATH\n" +
         escape("Where lab looks for the engines' programs, in place of PATH (a colon-separated list).") + "\n";
  out += ".SH EXAMPLES\n.nf\n.RS 4\n";
  for (const std::string_view example :
       {"clusterscope-cli run raft-5 --until 30s --seed 7", "clusterscope-cli explore raft-5 --seeds 1000 --quiet",
        "clusterscope-cli run async-lag-stale-read --history-edn h.edn", "clusterscope-cli check --explain h.edn",
        "clusterscope-cli compare auto-failover-async-loss --change replica_acks=1",
        "clusterscope-cli validate lessons"}) {
    out += escape(example) + "\n";
  }
  out += ".RE\n.fi\n";
  out += ".SH SEE ALSO\n.BR clusterscope (1)\n";
  return out;
}

}  // namespace cs::cli
