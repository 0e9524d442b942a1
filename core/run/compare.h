#pragma once
// "What if?": a run and a second branch of it with one change, and where they part. The change is
// a parameter of the model (replication mode, consistency level, fencing, timeouts, ...) or the
// seed; the branch replays the same scenario, with the same learner actions, under the change, so
// both describe the same situation going two ways. The first divergence is the first trace event
// that differs: from there on the two runs are different stories.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scenario/scenario.h"
#include "sim/protocol.h"
#include "sim/trace.h"

namespace cs::run {

struct Change {
  // Actions: nothing about the model changes; the branch differs only by the learner's own actions
  // after the fork.
  enum class Kind { Param, Seed, Actions };
  Kind kind = Kind::Param;
  std::string param;       // for Param: the parameter's name
  std::string value_json;  // for Param: its new value as JSON (3, true, "sync")
  std::uint64_t seed = 0;  // for Seed
  // "mode=sync", "timeout_ms=150", "fencing=true", "seed=7", "actions"
  std::string to_string() const;
  // For Param: the value as a learner reads it, text without its JSON quotes (sync, 150, true).
  std::string value_text() const;
};

// Reads "NAME=VALUE" (VALUE as JSON when it parses, else as text), "seed=N" or "actions"; nullopt
// with a reason in `error` when it is none of them.
std::optional<Change> parse_change(std::string_view text, std::string* error);

// The scenario under the change, checked like any scenario file (the model refuses values out of
// range): throws scenario::ScenarioError naming the parameter when it is unknown or refused. For
// a seed change the scenario is the same and `seed` is replaced.
scenario::Scenario apply_change(const scenario::Scenario& scenario, const Change& change, std::uint64_t& seed);

struct Divergence {
  std::uint64_t index = 0;  // the first trace record that differs (0-based)
  sim::TimeUs a_us = 0;     // its time in each branch (the other's, when one branch has no such record)
  sim::TimeUs b_us = 0;
  std::optional<sim::TraceEvent> a;  // the records themselves; nullopt where a branch ran out of records
  std::optional<sim::TraceEvent> b;
};

// The first record at which the two traces differ, among the records both still hold; nullopt when
// they agree as far as both go. Compares every field of the record.
std::optional<Divergence> first_divergence(const sim::Trace& a, const sim::Trace& b);
// The same from record `from_index` on, for a search that goes on as both runs go on: when they
// agree as far as both go, `agreed_until` is set to the number of records both hold (the next
// search's start).
std::optional<Divergence> first_divergence(const sim::Trace& a, const sim::Trace& b, std::uint64_t from_index,
                                           std::uint64_t* agreed_until);

struct MetricDiff {
  std::string name;
  std::optional<double> a;  // nullopt: the branch has no such metric
  std::optional<double> b;
  bool differs() const { return a != b; }
};

// Every metric of either branch, by name, with both values.
std::vector<MetricDiff> metric_diffs(const sim::Metrics& a, const sim::Metrics& b);

}  // namespace cs::run
