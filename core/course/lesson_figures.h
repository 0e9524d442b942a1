#pragma once
// The lessons' figures: which figure each lesson has, what it shows and which simulation runs it
// is drawn from, and what those runs say (frames at chosen moments, lag series, the replicas a
// quorum read and write reached, role periods, Raft's state changes). The UI draws them
// (ui/export/lesson_figures.h) into lessons/NN-name/figures/NAME.svg; a test draws them again and
// compares what they show with the checked-in files, so a figure cannot drift from the simulation.
// The words on a figure are course content, in English like the lesson text.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "run/frame.h"
#include "sim/role.h"
#include "sim/time.h"

namespace cs::course {

// One picture inside a figure: a scenario's default run (its own seed) at a moment.
struct FigurePanelSpec {
  std::string scenario;
  sim::TimeUs at_us = 0;
  std::string caption;
};

struct FigureSpec {
  std::string lesson;  // the lesson folder, e.g. "03-sharding"
  std::string name;    // the file: figures/<name>.svg
  // What is drawn: "stages" (the stage's cluster drawing of each panel), "ring" (the hash ring of
  // each panel), "heatmap" (load per shard of each panel), "lag" (replication lag over time per
  // panel's run, up to until_us), "quorum" (a write and the next read of its key: which replicas
  // each reached), "raft-states" (Raft's states with the changes a run made, and its terms),
  // "timeline" (each node's role over time, and the network cuts: a sequence of the run).
  std::string kind;
  std::string title;  // one line: what the figure shows (the SVG's title)
  std::vector<FigurePanelSpec> panels;
  sim::TimeUs until_us = 0;  // for lag, raft-states and timeline: how long the run is followed
  int columns = 1;           // panels per row
};

// Every figure of the course, lesson by lesson.
const std::vector<FigureSpec>& lesson_figures();

// ---- what the runs say ----

struct StagePanel {
  std::string caption;
  run::Frame frame;  // with its figures (metrics)
  std::string layout;
  std::vector<std::string> region_names;
  std::vector<std::string> notes;  // lines under the panel, computed from the run
};

struct LagLine {
  std::string node;
  std::vector<std::pair<double, double>> points;  // (seconds, milliseconds behind)
};

struct LagPanel {
  std::string caption;
  std::vector<LagLine> lines;
  double p50_write_ms = 0;  // the run's median write latency
  std::int64_t stale_reads = 0;
  double max_lag_ms = 0;
};

struct QuorumPanel {
  std::string caption;
  int n = 0, w = 0, r = 0;
  std::vector<std::string> replicas;   // the key's replicas
  std::vector<std::string> write_set;  // the replicas whose answers made the write's quorum
  std::vector<std::string> read_set;   // ... the read's
  double write_s = 0, read_s = 0;      // when the write was acknowledged, when the read answered
  bool found = false;                  // the run had such a pair
  bool stale = false;                  // the read returned an older value than the write's
};

struct RolePeriod {
  double from_s = 0, to_s = 0;
  sim::Role role = sim::Role::None;
  sim::NodeStatus status = sim::NodeStatus::Up;
  std::int64_t term = 0;
};

struct Timeline {
  double until_s = 0;
  std::vector<std::string> nodes;
  std::vector<std::vector<RolePeriod>> periods;            // per node, in time order
  std::vector<std::pair<double, double>> cuts;             // the network was cut between nodes
  std::vector<std::pair<double, double>> several_leaders;  // two or more nodes led at once
  std::vector<std::string> region_of;                      // per node ("" without regions)
};

struct StateChange {
  sim::Role from = sim::Role::None;
  sim::Role to = sim::Role::None;
  int count = 0;
};

struct RaftStates {
  std::vector<StateChange> changes;                                // between follower, candidate and leader
  std::vector<std::pair<std::int64_t, std::string>> term_leaders;  // each term that had a leader
  std::int64_t last_term = 0;
  int crashes = 0;  // leaders that crashed
};

struct FigureData {
  FigureSpec spec;
  std::vector<StagePanel> stages;    // stages, ring, heatmap
  std::vector<LagPanel> lags;        // lag
  std::vector<QuorumPanel> quorums;  // quorum
  Timeline timeline;                 // timeline, raft-states
  RaftStates raft;                   // raft-states
};

// Runs the figure's scenarios and gathers what it shows. Throws std::runtime_error for a scenario
// that is not built in.
FigureData figure_data(const FigureSpec& spec);

}  // namespace cs::course
