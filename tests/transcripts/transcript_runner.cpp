// Data-driven tests in the style of etcd's raft testdata. Each file in the transcript folder is a
// script of commands, each followed by "----" and the output it must print, ending at a blank line:
//
//     load raft-5 seed=1
//     ----
//     raft-5: 5 nodes, model raft, seed 1
//
//     run-until 2s
//     ----
//
//     leaders
//     ----
//     n3 leader term 1
//
// (Output never starts with '#': a comment line ends a block's output too.)
// The runner executes the commands against the core and compares what they print with the file;
// `--rewrite` writes the actual output into the files instead (review the diff, then commit it).
// With `--hashes FILE` it also runs every built-in scenario to its end at its own seed and compares
// the trace hashes with the pinned ones in FILE, so a refactor that changes any behaviour fails
// loudly; a built-in scenario missing from FILE fails too.
//
// Commands (node names as the scenario gives them, times as 3s, 1500ms or 250us):
//   load ID [seed=N]                 a built-in scenario
//   run-until T | seek T             run forward to T | go to T (backwards by replay)
//   crash|restart|pause|resume|isolate|add|remove NODE
//   partition A,B | C,D              cut the cluster into groups
//   oneway FROM TO                   cut one direction
//   heal
//   slow NODE MS | skew NODE MS      extra latency | clock skew
//   write NODE KEY [LEVEL] | read NODE KEY [LEVEL]
//   roles | leaders | metrics [NAME...] | hash | history | details
#include <algorithm>
#include <charconv>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "scenario/builtin.h"
#include "scenario/run_report.h"
#include "scenario/run_setup.h"
#include "scenario/scenario.h"
#include "sim/simulation.h"

namespace fs = std::filesystem;
using namespace cs;

namespace {

struct ScriptError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

std::vector<std::string> split_words(const std::string& line) {
  std::istringstream in(line);
  std::vector<std::string> words;
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

std::string number(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

sim::TimeUs parse_time(const std::string& text) {
  const auto ends = [&text](const char* suffix) {
    const std::string s(suffix);
    return text.size() > s.size() && text.compare(text.size() - s.size(), s.size(), s) == 0;
  };
  double scale = 1e6;
  std::string digits = text;
  if (ends("us")) {
    scale = 1, digits = text.substr(0, text.size() - 2);
  } else if (ends("ms")) {
    scale = 1e3, digits = text.substr(0, text.size() - 2);
  } else if (ends("s")) {
    digits = text.substr(0, text.size() - 1);
  } else {
    throw ScriptError("time needs a unit (s, ms or us): " + text);
  }
  try {
    std::size_t used = 0;
    const double v = std::stod(digits, &used);
    if (used != digits.size() || v < 0) throw ScriptError("bad time: " + text);
    return static_cast<sim::TimeUs>(v * scale + 0.5);
  } catch (const std::logic_error&) {
    throw ScriptError("bad time: " + text);
  }
}

std::int64_t parse_int(const std::string& text) {
  std::int64_t v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size()) throw ScriptError("bad number: " + text);
  return v;
}

class Interpreter {
 public:
  std::string run(const std::string& command) {
    const std::vector<std::string> w = split_words(command);
    if (w.empty()) throw ScriptError("empty command");
    const std::string& verb = w[0];
    std::ostringstream out;
    if (verb == "load") {
      load(w, out);
      return out.str();
    }
    if (!sim_) throw ScriptError("load a scenario first");
    if (verb == "run-until") {
      need(w, 2);
      const sim::TimeUs t = parse_time(w[1]);
      if (t < sim_->now_us()) throw ScriptError("run-until goes forward only; use seek");
      sim_->run_until(t);
    } else if (verb == "seek") {
      need(w, 2);
      sim_->seek(parse_time(w[1]));
    } else if (verb == "crash" || verb == "restart" || verb == "pause" || verb == "resume" || verb == "isolate" ||
               verb == "add" || verb == "remove") {
      need(w, 2);
      act(node_action(verb), node(w[1]));
    } else if (verb == "partition") {
      partition(w);
    } else if (verb == "oneway") {
      need(w, 3);
      sim::Action a = action(sim::ActionType::OneWayCut, node(w[1]));
      a.peer = node(w[2]);
      apply(a);
    } else if (verb == "heal") {
      apply(action(sim::ActionType::Heal, sim::kNoEndpoint));
    } else if (verb == "slow" || verb == "skew") {
      need(w, 3);
      sim::Action a = action(verb == "slow" ? sim::ActionType::SlowDown : sim::ActionType::SetClockSkew, node(w[1]));
      a.value = parse_int(w[2]) * 1000;
      apply(a);
    } else if (verb == "write" || verb == "read") {
      if (w.size() != 3 && w.size() != 4) throw ScriptError(verb + " NODE KEY [LEVEL]");
      sim::Action a = action(sim::ActionType::ClientRequest, node(w[1]));
      a.op_type = verb == "write" ? sim::OpType::Write : sim::OpType::Read;
      a.key = parse_int(w[2]);
      if (w.size() == 4) a.level = static_cast<std::uint8_t>(parse_int(w[3]));
      apply(a);
    } else if (verb == "roles") {
      roles(out);
    } else if (verb == "leaders") {
      leaders(out);
    } else if (verb == "details") {
      details(out);
    } else if (verb == "metrics") {
      metrics(w, out);
    } else if (verb == "hash") {
      const sim::World& world = sim_->world();
      out << "t=" << number(static_cast<double>(sim_->now_us()) / 1e6)
          << "s hash=" << scenario::hex64(sim_->trace_hash()) << " events=" << world.events_processed()
          << " sent=" << world.messages_sent() << " delivered=" << world.messages_delivered()
          << " dropped=" << world.messages_dropped() << '\n';
    } else if (verb == "history") {
      history(out);
    } else {
      throw ScriptError("unknown command " + verb);
    }
    return out.str();
  }

 private:
  static void need(const std::vector<std::string>& w, std::size_t n) {
    if (w.size() != n) throw ScriptError(w[0] + " takes " + std::to_string(n - 1) + " argument(s)");
  }

  void load(const std::vector<std::string>& w, std::ostream& out) {
    if (w.size() < 2 || w.size() > 3) throw ScriptError("load ID [seed=N]");
    const auto* builtin = scenario::find_builtin(w[1]);
    if (!builtin) throw ScriptError("no built-in scenario " + w[1]);
    scenario_ = scenario::load_scenario(builtin->json, "builtin:" + w[1]);
    std::uint64_t seed = scenario_.seed;
    if (w.size() == 3) {
      if (w[2].rfind("seed=", 0) != 0) throw ScriptError("load ID [seed=N]");
      seed = static_cast<std::uint64_t>(parse_int(w[2].substr(5)));
    }
    sim_ = scenario::start_run(scenario_, seed);
    out << scenario_.id << ": " << scenario_.node_names.size() << " nodes, model " << scenario_.model << ", seed "
        << seed << '\n';
  }

  sim::EndpointId node(const std::string& name) const {
    const sim::EndpointId id = scenario::node_id(scenario_, name);
    if (id == sim::kNoEndpoint) throw ScriptError("no node " + name + " in " + scenario_.id);
    return id;
  }

  static sim::ActionType node_action(const std::string& verb) {
    if (verb == "crash") return sim::ActionType::Crash;
    if (verb == "restart") return sim::ActionType::Restart;
    if (verb == "pause") return sim::ActionType::Pause;
    if (verb == "resume") return sim::ActionType::Resume;
    if (verb == "isolate") return sim::ActionType::Isolate;
    if (verb == "add") return sim::ActionType::AddNode;
    return sim::ActionType::RemoveNode;
  }

  static sim::Action action(sim::ActionType type, sim::EndpointId node) {
    sim::Action a;
    a.type = type;
    a.node = node;
    return a;
  }

  void act(sim::ActionType type, sim::EndpointId node) { apply(action(type, node)); }

  void apply(const sim::Action& a) {
    if (!sim_->act(a)) throw ScriptError("the action log is full");
  }

  void partition(const std::vector<std::string>& w) {
    sim::Action a = action(sim::ActionType::Partition, sim::kNoEndpoint);
    a.groups.emplace_back();
    for (std::size_t i = 1; i < w.size(); ++i) {
      if (w[i] == "|") {
        a.groups.emplace_back();
        continue;
      }
      std::istringstream names(w[i]);
      for (std::string n; std::getline(names, n, ',');) {
        if (!n.empty()) a.groups.back().push_back(node(n));
      }
    }
    if (a.groups.size() < 2) throw ScriptError("partition A,B | C,D");
    apply(a);
  }

  void roles(std::ostream& out) const {
    const sim::World& world = sim_->world();
    for (sim::EndpointId id = 0; id < world.node_count(); ++id) {
      const sim::NodeState& n = world.node(id);
      out << n.name << ' ' << sim::to_string(n.role) << " term " << n.term << ' ' << sim::to_string(n.status) << '\n';
    }
  }

  void leaders(std::ostream& out) const {
    const sim::World& world = sim_->world();
    bool any = false;
    for (sim::EndpointId id = 0; id < world.node_count(); ++id) {
      const sim::NodeState& n = world.node(id);
      if (sim::is_down(n.status) || (n.role != sim::Role::Leader && n.role != sim::Role::Primary)) continue;
      out << n.name << ' ' << sim::to_string(n.role) << " term " << n.term << '\n';
      any = true;
    }
    if (!any) out << "none\n";
  }

  void details(std::ostream& out) const {
    const sim::World& world = sim_->world();
    for (sim::EndpointId id = 0; id < world.node_count(); ++id) {
      const sim::NodeView v = world.node_view(id);
      out << world.node(id).name << ": " << sim::to_string(v.role) << ' ' << sim::to_string(world.node(id).status)
          << ", log " << v.log_length << ", commit " << v.commit_index << ", data " << v.data_version << ", lag "
          << v.lag_us << " us / " << v.lag_entries << " entries; "
          << sim::render_english(v.detail, scenario_.node_names) << '\n';
    }
  }

  void metrics(const std::vector<std::string>& w, std::ostream& out) const {
    const sim::Metrics m = scenario::run_metrics(scenario_, sim_->world());
    if (w.size() == 1) {
      for (const auto& [name, value] : m) out << name << " = " << number(value) << '\n';
      return;
    }
    for (std::size_t i = 1; i < w.size(); ++i) {
      const auto it = m.find(w[i]);
      out << w[i] << " = " << (it == m.end() ? std::string("(none)") : number(it->second)) << '\n';
    }
  }

  void history(std::ostream& out) const {
    std::size_t counts[4] = {};
    std::size_t reads = 0;
    for (const auto& op : sim_->world().history().ops()) {
      ++counts[static_cast<int>(op.status)];
      if (op.type == sim::OpType::Read) ++reads;
    }
    out << "ops " << sim_->world().history().ops().size() << " (reads " << reads << "): ok " << counts[1] << ", failed "
        << counts[2] << ", unknown " << counts[3] << ", pending " << counts[0] << '\n';
  }

  scenario::Scenario scenario_;
  std::unique_ptr<sim::Simulation> sim_;
};

// One command with its expected output, as read from a file.
struct Block {
  std::vector<std::string> leading;  // comments and blank lines before the command
  std::string command;
  std::string expected;
};

std::vector<Block> parse_file(const fs::path& path) {
  std::ifstream in(path);
  std::vector<Block> blocks;
  Block current;
  std::string line;
  while (std::getline(in, line)) {
    if (current.command.empty()) {
      if (line.empty() || line[0] == '#') {
        current.leading.push_back(line);
        continue;
      }
      current.command = line;
      if (!std::getline(in, line) || line != "----") {
        throw ScriptError(path.string() + ": \"" + current.command + "\" is not followed by ----");
      }
      // The output ends at a blank line, or at a comment that belongs to the next block.
      bool comment_next = false;
      while (std::getline(in, line) && !line.empty()) {
        if (line[0] == '#') {
          comment_next = true;
          break;
        }
        current.expected += line + '\n';
      }
      blocks.push_back(std::move(current));
      current = {};
      if (comment_next) current.leading.push_back(line);
    }
  }
  return blocks;
}

// Runs one script; returns the number of mismatches. With rewrite, writes the actual output back.
int run_file(const fs::path& path, bool rewrite) {
  const std::vector<Block> blocks = parse_file(path);
  Interpreter interpreter;
  std::ostringstream rewritten;
  int failures = 0;
  bool first = true;
  for (const Block& b : blocks) {
    std::string actual;
    try {
      actual = interpreter.run(b.command);
    } catch (const std::exception& e) {
      actual = std::string("error: ") + e.what() + '\n';
    }
    if (actual != b.expected && !rewrite) {
      ++failures;
      std::cerr << path.filename().string() << ": " << b.command << "\n  expected:\n"
                << (b.expected.empty() ? "  (nothing)\n" : b.expected) << "  actual:\n"
                << (actual.empty() ? "  (nothing)\n" : actual);
    }
    // One blank line between blocks, then the block's comments, then its command.
    if (!first && (b.leading.empty() || !b.leading.front().empty())) rewritten << '\n';
    for (const auto& l : b.leading) {
      if (!(first && l.empty())) rewritten << l << '\n';
    }
    rewritten << b.command << "\n----\n" << actual;
    first = false;
  }
  if (rewrite) {
    std::ofstream(path) << rewritten.str();
  }
  return failures;
}

// Every built-in scenario run to its end at its own seed: "id seed until_us hash events".
std::vector<std::string> current_hashes() {
  std::vector<std::string> lines;
  for (const auto& b : scenario::builtin_scenarios()) {
    const scenario::Scenario s = scenario::load_scenario(b.json, "builtin:" + std::string(b.id));
    const auto run = scenario::start_run(s, s.seed);
    run->run_until(s.duration_us);
    lines.push_back(s.id + ' ' + std::to_string(s.seed) + ' ' + std::to_string(s.duration_us) + ' ' +
                    scenario::hex64(run->trace_hash()) + ' ' + std::to_string(run->world().events_processed()));
  }
  return lines;
}

int check_hashes(const fs::path& path, bool rewrite) {
  const std::vector<std::string> actual = current_hashes();
  if (rewrite) {
    std::ofstream out(path);
    out << "# scenario seed until_us trace_hash events: every built-in scenario run to its end at its own seed.\n"
           "# Regenerate with transcript_runner --rewrite only when a change of behaviour is intended.\n";
    for (const auto& l : actual) out << l << '\n';
    return 0;
  }
  std::ifstream in(path);
  std::vector<std::string> pinned;
  for (std::string l; std::getline(in, l);) {
    if (!l.empty() && l[0] != '#') pinned.push_back(l);
  }
  int failures = 0;
  for (const auto& l : actual) {
    const std::string id = l.substr(0, l.find(' '));
    const auto it =
        std::find_if(pinned.begin(), pinned.end(), [&id](const std::string& p) { return p.rfind(id + ' ', 0) == 0; });
    if (it == pinned.end()) {
      std::cerr << "trace hashes: " << id << " is not pinned (run with --rewrite and review)\n";
      ++failures;
    } else if (*it != l) {
      std::cerr << "trace hashes: " << id << " changed\n  pinned: " << *it << "\n  actual: " << l << '\n';
      ++failures;
    }
  }
  if (pinned.size() != actual.size()) {
    std::cerr << "trace hashes: " << pinned.size() << " pinned, " << actual.size() << " built-in scenarios\n";
    ++failures;
  }
  return failures;
}

}  // namespace

int main(int argc, char** argv) {
  bool rewrite = false;
  std::vector<fs::path> dirs;
  fs::path hashes;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--rewrite") {
      rewrite = true;
    } else if (arg == "--hashes" && i + 1 < argc) {
      hashes = argv[++i];
    } else if (!arg.empty() && arg[0] != '-') {
      dirs.emplace_back(arg);
    } else {
      std::cerr << "usage: transcript_runner [--rewrite] [--hashes FILE] [DIR...]\n";
      return 2;
    }
  }
  int failures = 0;
  int files = 0;
  try {
    for (const auto& dir : dirs) {
      std::vector<fs::path> paths;
      for (const auto& e : fs::directory_iterator(dir)) {
        if (e.path().extension() == ".txt") paths.push_back(e.path());
      }
      std::sort(paths.begin(), paths.end());
      for (const auto& p : paths) {
        failures += run_file(p, rewrite);
        ++files;
      }
    }
    if (!hashes.empty()) failures += check_hashes(hashes, rewrite);
  } catch (const std::exception& e) {
    std::cerr << "transcript_runner: " << e.what() << '\n';
    return 2;
  }
  std::cout << files << " transcript(s)" << (hashes.empty() ? "" : " and the pinned trace hashes") << ": "
            << (rewrite         ? "rewritten"
                : failures == 0 ? "ok"
                                : std::to_string(failures) + " mismatch(es)")
            << '\n';
  return failures == 0 ? 0 : 1;
}
