#pragma once
// A look inside one node, for the node inspector and `clusterscope-cli run --inspect`: what its
// card has no room for. Its state (term, vote, commit point), the newest entries of its log, its
// data, and its view of the cluster (who it follows, how far each peer has copied). Lines are
// Details (message ids with arguments), so the UI translates them like a card's line.
//
// Built on demand from a node's protocol, never kept: each section holds at most kMaxLines lines
// and says how many it left out, so a node with a long log costs the same to inspect.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "sim/detail.h"

namespace cs::sim {

struct InspectionSection {
  static constexpr std::size_t kMaxLines = 12;
  std::vector<Detail> lines;
  std::int64_t not_shown = 0;    // lines left out (the oldest log entries, the highest keys)
  bool not_shown_first = false;  // the left-out lines come before the shown ones (a log's oldest)

  bool empty() const { return lines.empty() && not_shown == 0; }
  // Adds a line, or counts it as not shown once the section is full.
  void add(Detail line);
  void add(const char* id, std::vector<DetailArg> args = {});
  bool full() const { return lines.size() >= kMaxLines; }
};

struct Inspection {
  InspectionSection state;    // what the node knows about itself beyond its card
  InspectionSection log;      // its newest log entries, oldest of them first
  InspectionSection data;     // what it stores: key = value
  InspectionSection cluster;  // its view of the others

  bool empty() const { return state.empty() && log.empty() && data.empty() && cluster.empty(); }
};

// The English text of an inspection, one section a paragraph (for the CLI and the transcripts).
std::string render_english(const Inspection& inspection, const std::vector<std::string>& node_names);

}  // namespace cs::sim
