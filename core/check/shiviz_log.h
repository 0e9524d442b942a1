#pragma once
// A run's trace as a ShiViz log (ShiViz draws a space-time diagram from vector clocks). The file
// starts with the log parsing regular expression on its first line and an empty second line (no
// delimiter between executions), as ShiViz reads a dropped file and GoVector writes its logs; then
// each event is two lines, its host and vector clock as JSON, then what happened:
//   (?<host>\S*) (?<clock>{.*})\n(?<event>.*)
//
//   n1 {"n1":1}
//   0.000000 s: send append-entries #1 to n2
//   n2 {"n1":1,"n2":1}
//   0.003000 s: receive append-entries #1 from n1
// Hosts are the nodes (by name), the clients ("client-<id>") and "faults" for faults that belong
// to no single node (a partition, a heal). The clocks are computed from the trace: a host's own
// entry counts its events (from 1, one step per event, as ShiViz requires), and a receive merges
// the sender's clock as it was at the send. Drops are not events of any host: a send whose message
// was lost says so.
#include <cstdint>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "sim/trace.h"
#include "sim/world.h"

namespace cs::check {

// The log parsing regular expression, written on the log's first line.
inline constexpr std::string_view kShivizRegex = "(?<host>\\S*) (?<clock>{.*})\\n(?<event>.*)";

struct ShivizNames {
  std::vector<std::string> endpoints;                           // by endpoint id: the nodes, then the clients
  std::size_t node_count = 0;                                   // endpoints below this are nodes
  std::function<std::string_view(std::uint16_t)> message_name;  // by message kind
};
// The world's node names and message names (the world must outlive the names).
ShivizNames shiviz_names(const sim::World& world);

struct ShivizSummary {
  std::uint64_t events = 0;
  std::size_t hosts = 0;  // that have at least one event
  // Receives whose send the trace no longer held (it keeps the newest records): they are drawn as
  // local events, without the arrow from their sender.
  std::uint64_t receives_without_send = 0;
  std::uint64_t forgotten_records = 0;  // the oldest records the trace no longer held
};

// Writes the records the trace still holds, oldest first. Memory: one clock per host, one small
// record per message the trace holds, and the sender's clock per message between its send and its
// last delivery (what is in flight).
ShivizSummary write_shiviz_log(const sim::Trace& trace, const ShivizNames& names, std::ostream& out);
ShivizSummary write_shiviz_log(const sim::Trace& trace, const sim::World& world, std::ostream& out);

}  // namespace cs::check
