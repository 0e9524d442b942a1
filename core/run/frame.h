#pragma once
// A frame: one immutable picture of a run at one moment, built by the core for everything that
// shows a run (the stage, its panels, the CLI, tests). It says what is, in the simulation's own
// terms: nodes with their role, status and details (message ids with arguments), messages on the
// wire with how far they have travelled, recent drops, the network's cuts, the model's view data,
// and, when asked for, the figures: the run's metrics, its chart series, the newest trace records
// and the client history. The UI adds words, colours and layout, and nothing else.
//
// Frames are cheap to keep: the figures are shared between frames that show the same moment, and
// the history and chart samples share their storage with the run (ChunkedLog).
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/view_data.h"
#include "run/series.h"
#include "sim/cuts.h"
#include "sim/detail.h"
#include "sim/history.h"
#include "sim/ids.h"
#include "sim/message.h"
#include "sim/protocol.h"
#include "sim/role.h"
#include "sim/time.h"
#include "sim/trace.h"

namespace cs::run {

struct NodeFrame {
  std::string name;
  std::uint32_t region = 0;
  sim::NodeStatus status = sim::NodeStatus::Up;
  sim::Role role = sim::Role::None;
  std::int64_t term = 0;
  std::int64_t log_length = 0;
  std::int64_t commit_index = 0;
  std::int64_t data_version = 0;
  std::int64_t lag_us = -1;       // -1: not a replica that lags
  std::int64_t lag_entries = -1;  // -1: not a replica that lags
  sim::Detail detail;
  sim::TimeUs clock_skew_us = 0;  // how far the node's clock runs ahead of true time
};

// A message on the wire: `progress` runs from 0 (just sent) to 1 (arriving).
struct TokenFrame {
  std::uint64_t id = 0;
  sim::EndpointId from = sim::kNoEndpoint;
  sim::EndpointId to = sim::kNoEndpoint;
  std::uint16_t kind = 0;
  sim::TimeUs send_us = 0;
  sim::TimeUs arrive_us = 0;
  double progress = 0;
};

// A message lost recently: near the sender when it never left, near the receiver otherwise. `age`
// runs from 0 (just now) to 1 (kDropMarkUs ago).
struct DropFrame {
  sim::EndpointId from = sim::kNoEndpoint;
  sim::EndpointId to = sim::kNoEndpoint;
  bool never_left = false;
  double age = 0;
};
inline constexpr sim::TimeUs kDropMarkUs = 400'000;

// A message delivered recently, so that traffic stays visible when messages cross the wire in
// less than a frame (a 2 ms hop at a tenth of real speed lasts about one frame). `age` runs from 0
// (just arrived) to 1 (the window's length ago). The window is the caller's: a stage playing
// slowly asks for a short one, in simulated time, so that the marks last about as long on screen
// at every speed.
struct ArrivalFrame {
  sim::EndpointId from = sim::kNoEndpoint;
  sim::EndpointId to = sim::kNoEndpoint;
  std::uint16_t kind = 0;
  double age = 0;
};
inline constexpr sim::TimeUs kMaxArrivalWindowUs = kDropMarkUs;
inline constexpr std::size_t kMaxArrivalMarks = 64;  // the newest; a busy run has thousands a second

// What each message kind is called and what it is for (the same for every frame of a run).
struct MessageKind {
  std::string name;
  sim::MessageClass message_class = sim::MessageClass::Other;
};
using MessageKinds = std::vector<MessageKind>;  // indexed by kind; kinds a model never sends are "?"

// The heavier part of a frame, computed when asked for (a panel is showing it).
struct Figures {
  sim::TimeUs time_us = 0;
  sim::Metrics metrics;  // the run's metrics, as `clusterscope-cli run --json` reports them
  Charts charts;         // series sampled in simulated time, up to time_us
  static constexpr std::size_t kMaxEvents = 4'000;
  std::vector<sim::TraceEvent> events;  // the newest trace records up to time_us, oldest first
  sim::OpLog history;                   // the clients' operations so far (shared storage)
  // The acknowledged writes the authoritative data no longer holds (history ids, in its order):
  // those the metric lost_acknowledged_writes counts; empty where the model does not say which.
  std::vector<std::uint64_t> lost_write_ids;
  // For each of them, the node that told the client it had succeeded (the node it was sent to may
  // have passed it on to the primary); kNoEndpoint where the trace no longer holds that reply.
  std::vector<sim::EndpointId> lost_write_acked_by;
};

struct Frame {
  sim::TimeUs time_us = 0;
  std::uint64_t trace_hash = 0;
  std::uint64_t events_processed = 0;
  std::uint64_t messages_sent = 0;
  std::uint64_t messages_delivered = 0;
  std::uint64_t messages_dropped = 0;
  bool has_led = false;  // some node has led so far (so "no leader" is news)
  std::vector<NodeFrame> nodes;
  std::vector<TokenFrame> tokens;
  std::vector<DropFrame> drops;
  std::vector<ArrivalFrame> arrivals;  // oldest first, at most kMaxArrivalMarks
  sim::Cuts cuts;                      // the network's cuts (endpoints beyond the nodes are clients)
  model::ModelViewData view;
  // Rewinding before this is quick only to the kept moments (time 0, narrated moments, the
  // learner's actions); a window shows the rest as history that can no longer be rewound to.
  sim::TimeUs rewind_horizon_us = 0;
  std::vector<sim::TimeUs> quick_moments;  // before the horizon, ascending
  std::shared_ptr<const MessageKinds> kinds;
  std::shared_ptr<const Figures> figures;  // null until asked for; may be from an earlier moment

  bool is_node(sim::EndpointId e) const { return e < nodes.size(); }
  const MessageKind& kind(std::uint16_t k) const;
};

}  // namespace cs::run
