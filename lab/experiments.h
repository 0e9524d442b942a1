#pragma once
// The lab's experiments: each mirrors a lesson's built-in scenario, runs on real engines, and
// reports what the learner compares in the simulation's names and units, beside the simulation's
// own figures for the same parameters.
#include <algorithm>
#include <cassert>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "lab/lab_folder.h"

namespace cs::lab {

struct Experiment {
  std::string id;        // "etcd-leader-election"
  std::string lesson;    // the lesson folder it belongs to: "05-failover"
  std::string scenario;  // the built-in scenario it mirrors: "raft-leader-crash"
  std::string title;
  std::vector<std::string> engines;  // "etcd", "postgresql", "patroni"
};

const std::vector<Experiment>& experiments();
const Experiment* find_experiment(const std::string& id);

// One figure, real and simulated, in the simulation's metric name and unit.
struct Figure {
  std::string metric;  // "failover_time_us"
  std::string meaning;
  double real = 0;
  double simulated = 0;      // mean over the simulated seeds
  double simulated_min = 0;  // and their range
  double simulated_max = 0;
  std::string unit;  // "ms"
};

// `f` with its real value, and the mean and range of `field` over the simulated runs (at least one).
template <typename Run>
Figure summarise_runs(Figure f, double real, const std::vector<Run>& runs, double Run::*field) {
  assert(!runs.empty());
  f.real = real;
  f.simulated_min = f.simulated_max = runs.front().*field;
  double sum = 0;
  for (const Run& r : runs) {
    sum += r.*field;
    f.simulated_min = std::min(f.simulated_min, r.*field);
    f.simulated_max = std::max(f.simulated_max, r.*field);
  }
  f.simulated = sum / static_cast<double>(runs.size());
  return f;
}

struct ExperimentResult {
  std::string experiment;
  std::vector<std::string> parameters;  // the real engines' settings, as the simulation used them
  std::vector<Figure> figures;
  std::vector<std::string> log_lines;  // the engines' lines that show what happened
  std::string run_folder;
  bool left_running = false;  // must be false: every process stopped
  // Must be empty: what the lab's processes were seen listening on beyond 127.0.0.1 and ::1.
  std::vector<std::string> listening_beyond_loopback;
};

struct RunOptions {
  int simulated_seeds = 20;
  // Progress for a long run: one line at a time ("starting 5 etcd members").
  std::function<void(const std::string&)> progress;
  // Whether the learner asked to stop (Stop, Ctrl-C): looked at while the lab waits for an engine
  // too, not only between steps, so a stop takes effect within a moment.
  std::function<bool()> stop_asked;
};

// Runs one experiment. Throws std::runtime_error with a message for the learner when it cannot.
ExperimentResult run_experiment(const Experiment& experiment, LabFolder& lab, const RunOptions& options);

// The result as JSON text, and as lines for a terminal.
std::string result_json(const ExperimentResult& result);
std::string result_text(const ExperimentResult& result);

}  // namespace cs::lab
