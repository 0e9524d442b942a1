#pragma once
// The World is one whole simulated system at one instant: nodes (protocol state machines), the
// network, clients, the event queue, messages in flight and the history. It is a value: copying it
// is how a checkpoint is taken, and nothing in it refers to anything outside except the trace
// sink, which the owner sets. One event at a time, in (time, sequence) order, so ties are stable.
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "sim/action.h"
#include "sim/clone_ptr.h"
#include "sim/history.h"
#include "sim/message.h"
#include "sim/network.h"
#include "sim/protocol.h"
#include "sim/trace.h"
#include "sim/workload.h"

namespace cs::sim {

struct WorldLimits {
  std::size_t max_in_flight = 1'000'000;      // messages on the wire at once
  std::size_t max_held_per_node = 10'000;     // deliveries and timers queued at a paused node
  std::size_t max_operations = 1'000'000;     // history length
  std::size_t max_events_queued = 4'000'000;  // the event queue itself
};

// A stretch of true time during which a node held the Leader or Primary role.
struct LeadingInterval {
  EndpointId node = kNoEndpoint;
  std::int64_t term = 0;
  TimeUs start_us = 0;
  TimeUs end_us = kTimeNever;  // still leading
};

struct NodeSetup {
  std::string name;
  std::uint32_t region = 0;
  ClonePtr<Protocol> protocol;
  bool spare = false;  // provisioned but not in the cluster until an add-node action
};

struct InFlightMessage {
  std::uint64_t id = 0;
  EndpointId from = kNoEndpoint;
  EndpointId to = kNoEndpoint;
  std::uint16_t kind = 0;
  TimeUs send_us = 0;
  TimeUs arrive_us = 0;
};

struct NodeState {
  std::string name;
  ClonePtr<Protocol> protocol;
  // The node as it was built, before it started: what an added node starts from. Shared and never
  // changed, so checkpoints copy a pointer, not a protocol.
  std::shared_ptr<const Protocol> pristine;
  NodeStatus status = NodeStatus::Up;
  std::uint32_t epoch = 0;                      // bumped on crash: timers from an earlier life are ignored
  std::vector<std::uint32_t> timer_generation;  // per timer kind: setting again supersedes
  TimeUs clock_skew_us = 0;
  std::int64_t clock_drift_ppm = 0;
  Role role = Role::None;
  std::int64_t term = 0;
  Random rng;
};

class World {
 public:
  World() = default;
  World(std::vector<NodeSetup> nodes, Network network, WorkloadSpec workload, std::uint64_t seed,
        WorldLimits limits = {});

  // The scenario's faults and actions, applied at their times once the world starts.
  void set_timeline(std::vector<Action> timeline);
  // Boots every node and schedules the workload and the timeline. Called once, at time 0, by the
  // Simulation that owns this world (so that the trace sees the boot too).
  void start();
  bool started() const { return started_; }

  TimeUs now_us() const { return now_us_; }
  TimeUs next_event_us() const { return queue_.empty() ? kTimeNever : queue_.front().time_us; }
  // Handles the next event. False when nothing is scheduled.
  bool process_next();
  // Moves the clock forward to t with no event in between (t <= next_event_us()).
  void advance_to(TimeUs t);
  void apply(const Action& action);

  void set_trace_sink(Trace* sink) { sink_ = sink; }
  std::uint64_t trace_hash() const { return trace_hash_; }
  std::uint64_t trace_count() const { return trace_count_; }

  // Observation, for the UI and tests.
  std::size_t node_count() const { return nodes_.size(); }
  const NodeState& node(EndpointId id) const { return nodes_.at(id); }
  NodeView node_view(EndpointId id) const;
  TimeUs local_time_us(EndpointId id) const;
  const Network& network() const { return network_; }
  const History& history() const { return history_; }
  const WorkloadSpec& workload() const { return workload_; }
  const std::vector<ClientState>& clients() const { return clients_; }
  std::vector<InFlightMessage> in_flight() const;
  std::size_t in_flight_count() const { return live_messages_ - cancelled_messages_; }
  std::string_view message_name(std::uint16_t kind) const;
  MessageClass classify(std::uint16_t kind) const;
  std::uint64_t events_processed() const { return events_processed_; }
  std::uint64_t messages_sent() const { return messages_sent_; }
  std::uint64_t messages_delivered() const { return messages_delivered_; }
  std::uint64_t messages_dropped() const { return messages_dropped_; }
  Metrics metrics() const;
  EndpointId console_client() const { return console_client_; }
  // The most nodes that held the Leader or Primary role at one instant so far (true time, which
  // no protocol can see): 2 means two nodes acted as leader at once, e.g. in a split brain.
  std::size_t max_leaders_at_once() const { return max_leaders_at_once_; }
  // Who led when, in true time (the first 4,096 intervals of a run), for split-brain metrics.
  const std::vector<LeadingInterval>& leading_intervals() const { return leading_intervals_; }
  bool is_node(EndpointId id) const { return id < nodes_.size(); }

 private:
  friend class NodeContext;

  enum class EventType : std::uint8_t { Deliver, Timer, ClientTick, ClientTimeout, Timeline };
  struct Event {
    TimeUs time_us;
    std::uint64_t seq;
    EventType type;
    EndpointId target;
    std::uint64_t arg;
  };
  struct Slot {
    Message message;
    TimeUs send_us = 0;
    TimeUs arrive_us = 0;
    bool live = false;
    bool cancelled = false;
  };
  struct EventLater {
    bool operator()(const Event& a, const Event& b) const {
      return a.time_us != b.time_us ? a.time_us > b.time_us : a.seq > b.seq;
    }
  };

  void push(TimeUs time_us, EventType type, EndpointId target, std::uint64_t arg);
  Event pop();
  void record(TraceEvent event);

  // Messages.
  void send_message(Message message);
  std::uint32_t allocate_slot(const Message& message, TimeUs arrive_us);
  void release_slot(std::uint32_t slot);
  void handle_delivery(const Event& event);
  void drop(const Message& message, DropReason reason);

  // Nodes.
  void handle_timer(const Event& event);
  void hold(EndpointId node, const Event& event);
  void set_timer(EndpointId node, std::uint16_t timer_kind, TimeUs local_delay_us);
  void cancel_timer(EndpointId node, std::uint16_t timer_kind);
  void set_role(EndpointId node, Role role, std::int64_t term);
  void crash(EndpointId node);
  void restart(EndpointId node);
  void pause(EndpointId node);
  void resume(EndpointId node);
  // Membership: a removed node loses everything (volatile and durable state) and is out until
  // added; an added node starts afresh from its pristine state, as a newly provisioned server.
  void add_node(EndpointId node);
  void remove_node(EndpointId node);
  void drop_in_flight(std::uint64_t message_id);

  // Clients.
  void handle_client_tick(EndpointId client);
  void handle_client_timeout(EndpointId client, std::uint64_t op_id);
  void handle_client_reply(const Message& reply);
  void issue(ClientState& client, EndpointId node, OpType type, std::int64_t key, std::uint8_t level);
  void schedule_next_tick(ClientState& client);
  ClientState& client_state(EndpointId id) { return clients_.at(id - nodes_.size()); }

  std::vector<NodeState> nodes_;
  Network network_;
  WorkloadSpec workload_;
  WorldLimits limits_;
  std::vector<ClientState> clients_;
  EndpointId console_client_ = kNoEndpoint;
  std::optional<Zipf> zipf_;
  std::vector<Action> timeline_;
  bool started_ = false;

  std::vector<Event> queue_;  // a binary min-heap on (time, seq)
  std::uint64_t next_seq_ = 0;
  std::vector<Slot> slots_;
  std::vector<std::uint32_t> free_slots_;
  std::size_t live_messages_ = 0;
  std::size_t cancelled_messages_ = 0;   // live slots dropped by the learner, awaiting their event
  std::vector<std::deque<Event>> held_;  // per node, while paused

  History history_;
  TimeUs now_us_ = 0;
  std::uint64_t next_message_id_ = 1;
  std::uint64_t events_processed_ = 0;
  std::uint64_t messages_sent_ = 0;
  std::uint64_t messages_delivered_ = 0;
  std::uint64_t messages_dropped_ = 0;
  std::uint64_t trace_count_ = 0;
  std::size_t leaders_now_ = 0;
  std::size_t max_leaders_at_once_ = 0;
  std::vector<LeadingInterval> leading_intervals_;
  std::uint64_t trace_hash_ = 0xC1A5'7E5C'09E0ULL;  // any fixed start
  Trace* sink_ = nullptr;
};

}  // namespace cs::sim
