#pragma once
// What `clusterscope-cli run` prints and writes: the summary object, the trace as JSON lines and
// the history as JSON (the documented history format the checkers read).
#include <cstdint>
#include <ostream>
#include <string>

#include "scenario/scenario.h"
#include "sim/simulation.h"

namespace cs::scenario {

std::string hex64(std::uint64_t value);

// One JSON object: scenario, seed, until_us, events, trace_hash, messages_*, metrics.
std::string run_summary_json(const sim::Simulation& sim, const Scenario& scenario, std::uint64_t seed);

// Writes the trace records still held (oldest first) as one JSON object per line.
void write_trace_jsonl(const sim::Simulation& sim, std::ostream& out);
// The same for a trace recorded elsewhere (an explored seed); `names` gives the message names.
void write_trace_jsonl(const sim::Trace& trace, const sim::World& names, std::ostream& out);

// {"format": "clusterscope-history", "version": 1, "operations": [...]}
void write_history_json(const sim::World& world, std::ostream& out);

}  // namespace cs::scenario
