#include "sim/world.h"

#include <algorithm>
#include <cassert>

namespace cs::sim {

// ---- NodeContext: the only door from a protocol into the world ----

std::size_t NodeContext::node_count() const { return world_.nodes_.size(); }
TimeUs NodeContext::local_now_us() const { return world_.local_time_us(self_); }
Random& NodeContext::random() { return world_.nodes_[self_].rng; }

void NodeContext::send(EndpointId to, Message message) {
  message.from = self_;
  message.to = to;
  world_.send_message(std::move(message));
}

void NodeContext::broadcast(const Message& message) {
  for (EndpointId to = 0; to < world_.nodes_.size(); ++to) {
    if (to != self_) send(to, message);
  }
}

void NodeContext::set_timer(std::uint16_t timer_kind, TimeUs local_delay_us) {
  world_.set_timer(self_, timer_kind, local_delay_us);
}

void NodeContext::cancel_timer(std::uint16_t timer_kind) { world_.cancel_timer(self_, timer_kind); }

void NodeContext::set_role(Role role, std::int64_t term) { world_.set_role(self_, role, term); }

void NodeContext::reply(const Message& request, bool ok, bool has_value, std::int64_t value) {
  assert(request.kind == kind::kClientRead || request.kind == kind::kClientWrite);
  Message out;
  out.kind = kind::kClientReply;
  out.op_id = request.op_id;
  out.key = request.key;
  out.ok = ok;
  out.has_value = has_value;
  out.value = value;
  if (ok) {
    if (Operation* op = world_.history_.find(request.op_id); op && op->answered_us < 0)
      op->answered_us = world_.now_us_;
  }
  send(request.from, out);
}

void NodeContext::power_off(EndpointId node) {
  assert(node != self_ && world_.is_node(node));
  Action off;
  off.at_us = world_.now_us_;
  off.type = ActionType::Crash;
  off.node = node;
  world_.apply(off);
}

// ---- construction ----

World::World(std::vector<NodeSetup> nodes, Network network, WorkloadSpec workload, std::uint64_t seed,
             WorldLimits limits)
    : network_(std::move(network)), workload_(std::move(workload)), limits_(limits), history_(limits.max_operations) {
  Random seeder(seed);
  for (auto& setup : nodes) {
    NodeState state;
    state.name = std::move(setup.name);
    state.protocol = std::move(setup.protocol);
    state.pristine = state.protocol->clone();
    state.status = setup.spare ? NodeStatus::Removed : NodeStatus::Up;
    state.rng = seeder.fork();
    nodes_.push_back(std::move(state));
  }
  held_.resize(nodes_.size());
  // Clients follow the nodes in the id space: the workload's sessions, then the console client
  // through which the learner sends single requests.
  const auto first_client = static_cast<EndpointId>(nodes_.size());
  for (std::uint32_t i = 0; i <= workload_.clients; ++i) {
    ClientState client;
    client.id = first_client + i;
    client.automatic = i < workload_.clients;
    client.rng = seeder.fork();
    clients_.push_back(client);
  }
  console_client_ = clients_.back().id;
  assert(network_.endpoint_count() == nodes_.size() + clients_.size());
  if (workload_.distribution == KeyDistribution::Zipf) zipf_.emplace(workload_.key_count, workload_.zipf_exponent);
  if (workload_.target_nodes.empty()) {
    for (EndpointId n = 0; n < nodes_.size(); ++n) workload_.target_nodes.push_back(n);
  }
}

void World::set_timeline(std::vector<Action> timeline) {
  assert(!started_);
  timeline_ = std::move(timeline);
}

void World::start() {
  assert(!started_ && now_us_ == 0 && events_processed_ == 0);
  started_ = true;
  std::stable_sort(timeline_.begin(), timeline_.end(),
                   [](const Action& a, const Action& b) { return a.at_us < b.at_us; });
  for (std::size_t i = 0; i < timeline_.size(); ++i) {
    push(timeline_[i].at_us, EventType::Timeline, kNoEndpoint, i);
  }
  for (EndpointId id = 0; id < nodes_.size(); ++id) {
    if (nodes_[id].status == NodeStatus::Removed) continue;  // a spare starts when it is added
    NodeContext ctx(*this, id);
    nodes_[id].protocol->start(ctx);
  }
  for (auto& client : clients_) {
    if (!client.automatic) continue;
    const auto offset = static_cast<TimeUs>(client.rng.exponential(static_cast<double>(workload_.think_time_us)));
    push(workload_.start_us + offset, EventType::ClientTick, client.id, 0);
  }
}

// ---- the event queue ----

void World::push(TimeUs time_us, EventType type, EndpointId target, std::uint64_t arg) {
  assert(time_us >= now_us_);
  queue_.push_back(Event{time_us, next_seq_++, type, target, arg});
  std::push_heap(queue_.begin(), queue_.end(), EventLater{});
}

World::Event World::pop() {
  std::pop_heap(queue_.begin(), queue_.end(), EventLater{});
  Event e = queue_.back();
  queue_.pop_back();
  return e;
}

void World::advance_to(TimeUs t) {
  assert(t >= now_us_ && t <= next_event_us());
  now_us_ = t;
}

bool World::process_next() {
  if (queue_.empty()) return false;
  const Event e = pop();
  assert(e.time_us >= now_us_);
  now_us_ = e.time_us;
  ++events_processed_;
  switch (e.type) {
    case EventType::Deliver: handle_delivery(e); break;
    case EventType::Timer: handle_timer(e); break;
    case EventType::ClientTick: handle_client_tick(e.target); break;
    case EventType::ClientTimeout: handle_client_timeout(e.target, e.arg); break;
    case EventType::Timeline: apply(timeline_.at(e.arg)); break;
  }
  return true;
}

void World::record(TraceEvent event) {
  event.time_us = now_us_;
  event.index = trace_count_++;
  trace_hash_ = hash_trace_event(trace_hash_, event);
  if (sink_) sink_->append(event);
}

// ---- messages ----

std::uint32_t World::allocate_slot(const Message& message, TimeUs arrive_us) {
  std::uint32_t slot;
  if (!free_slots_.empty()) {
    slot = free_slots_.back();
    free_slots_.pop_back();
  } else {
    slot = static_cast<std::uint32_t>(slots_.size());
    slots_.emplace_back();
  }
  Slot& s = slots_[slot];
  s.message = message;
  s.send_us = now_us_;
  s.arrive_us = arrive_us;
  s.live = true;
  s.cancelled = false;
  ++live_messages_;
  return slot;
}

void World::release_slot(std::uint32_t slot) {
  Slot& s = slots_[slot];
  assert(s.live);
  s.live = false;
  s.message.entries.reset();
  s.message.payload.reset();
  free_slots_.push_back(slot);
  --live_messages_;
}

void World::drop(const Message& m, DropReason reason) {
  ++messages_dropped_;
  record({.type = TraceType::Drop, .reason = reason, .kind = m.kind, .node = m.to, .peer = m.from, .msg_id = m.id});
}

void World::send_message(Message message) {
  assert(message.to < network_.endpoint_count());
  message.id = next_message_id_++;
  ++messages_sent_;
  auto fate = network_.decide(message.from, message.to, now_us_);
  if (fate.drop == DropReason::None &&
      (live_messages_ + static_cast<std::size_t>(fate.copies) > limits_.max_in_flight ||
       queue_.size() + static_cast<std::size_t>(fate.copies) > limits_.max_events_queued)) {
    fate.drop = DropReason::Overflow;
  }
  record({.type = TraceType::Send,
          .kind = message.kind,
          .node = message.from,
          .peer = message.to,
          .msg_id = message.id,
          .a = fate.drop == DropReason::None ? fate.arrival_us[0] : -1,
          .b = now_us_});
  if (fate.drop != DropReason::None) {
    drop(message, fate.drop);
    return;
  }
  for (int i = 0; i < fate.copies; ++i) {
    const std::uint32_t slot = allocate_slot(message, fate.arrival_us[i]);
    push(fate.arrival_us[i], EventType::Deliver, message.to, slot);
  }
}

void World::handle_delivery(const Event& e) {
  const auto slot = static_cast<std::uint32_t>(e.arg);
  Slot& s = slots_[slot];
  assert(s.live);
  if (s.cancelled) {  // dropped in flight by the learner; the drop is already in the trace
    --cancelled_messages_;
    release_slot(slot);
    return;
  }
  const EndpointId to = s.message.to;
  if (is_node(to)) {
    NodeState& node = nodes_[to];
    if (node.status == NodeStatus::Paused) {
      hold(to, e);  // the slot stays live until the node resumes
      return;
    }
    if (is_down(node.status)) {
      drop(s.message, DropReason::NodeDown);
      release_slot(slot);
      return;
    }
  }
  // A link cut while the message was on the wire loses it too.
  if (const DropReason reason = network_.blocked(s.message.from, to); reason != DropReason::None) {
    drop(s.message, reason);
    release_slot(slot);
    return;
  }
  const Message message = std::move(s.message);
  release_slot(slot);
  ++messages_delivered_;
  record({.type = TraceType::Deliver, .kind = message.kind, .node = to, .peer = message.from, .msg_id = message.id});
  if (is_node(to)) {
    NodeContext ctx(*this, to);
    nodes_[to].protocol->on_message(ctx, message);
  } else if (message.kind == kind::kClientReply) {
    handle_client_reply(message);
  }
}

std::vector<InFlightMessage> World::in_flight() const {
  std::vector<InFlightMessage> out;
  out.reserve(live_messages_);
  for (const Slot& s : slots_) {
    if (!s.live || s.cancelled) continue;
    out.push_back({s.message.id, s.message.from, s.message.to, s.message.kind, s.send_us, s.arrive_us});
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  return out;
}

void World::drop_in_flight(std::uint64_t message_id) {
  for (Slot& s : slots_) {
    if (s.live && !s.cancelled && s.message.id == message_id) {
      s.cancelled = true;
      ++cancelled_messages_;
      drop(s.message, DropReason::UserDrop);
    }
  }
}

// ---- observation ----

NodeView World::node_view(EndpointId id) const {
  const NodeState& node = nodes_.at(id);
  NodeView view = node.protocol->view();
  view.role = node.role;  // the role the node last announced through its context
  view.term = node.term;
  return view;
}

TimeUs World::local_time_us(EndpointId id) const {
  const NodeState& n = nodes_.at(id);
  return now_us_ + n.clock_skew_us + now_us_ / 1'000'000 * n.clock_drift_ppm +
         (now_us_ % 1'000'000) * n.clock_drift_ppm / 1'000'000;
}

std::string_view World::message_name(std::uint16_t k) const {
  switch (k) {
    case kind::kClientRead: return "read";
    case kind::kClientWrite: return "write";
    case kind::kClientReply: return "reply";
    default: return nodes_.empty() ? "?" : nodes_.front().protocol->message_name(k);
  }
}

MessageClass World::classify(std::uint16_t k) const {
  if (k < kind::kFirstProtocolKind) return MessageClass::Client;
  return nodes_.empty() ? MessageClass::Other : nodes_.front().protocol->classify(k);
}

Metrics World::metrics() const {
  Metrics m;
  for (const auto& node : nodes_) node.protocol->add_metrics(m);
  double ok = 0, failed = 0, unknown = 0;
  for (const auto& op : history_.ops()) {
    if (op.status == OpStatus::Ok) ++ok;
    if (op.status == OpStatus::Fail) ++failed;
    if (op.status == OpStatus::Info) ++unknown;
  }
  m["ops_ok"] = ok;
  m["ops_failed"] = failed;
  m["ops_unknown"] = unknown;
  return m;
}

}  // namespace cs::sim
