#pragma once
// A protocol is a state machine, in the style of etcd's raft: the simulation hands a node one
// input at a time (start, a message, a timer, a crash, a restart) together with a NodeContext,
// and the node says through the context what it wants to happen: messages to send, timers to set,
// its new role, replies to clients. It never touches the network or the clock itself.
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "sim/detail.h"
#include "sim/ids.h"
#include "sim/inspection.h"
#include "sim/message.h"
#include "sim/random.h"
#include "sim/role.h"
#include "sim/time.h"

namespace cs::sim {

class World;

// What the stage shows on a node's card.
struct NodeView {
  Role role = Role::None;
  std::int64_t term = 0;
  std::int64_t log_length = 0;
  std::int64_t commit_index = 0;
  std::int64_t data_version = 0;  // e.g. the last applied write
  // Replication lag behind the node this one copies from, for lag charts; -1 where it does not apply.
  std::int64_t lag_us = -1;
  std::int64_t lag_entries = -1;
  Detail detail;  // one short line, protocol-specific, as message ids with arguments
};

using Metrics = std::map<std::string, double>;

class NodeContext {
 public:
  NodeContext(World& world, EndpointId self) : world_(world), self_(self) {}

  EndpointId self() const { return self_; }
  std::size_t node_count() const;
  // The node's own clock: simulated time with this node's skew and drift applied. Timestamps and
  // leases must use this, never the simulation's true time.
  TimeUs local_now_us() const;
  Random& random();

  void send(EndpointId to, Message message);
  void broadcast(const Message& message);  // to every other node
  // One pending timer per kind: setting it again replaces it. The delay is in local time.
  void set_timer(std::uint16_t timer_kind, TimeUs local_delay_us);
  void cancel_timer(std::uint16_t timer_kind);
  void set_role(Role role, std::int64_t term);
  // Answers a client request (a message of kind kClientRead or kClientWrite).
  void reply(const Message& request, bool ok, bool has_value = false, std::int64_t value = 0);
  // STONITH: cuts the power of another node through a channel that needs neither that node nor the
  // network (a switched PDU, IPMI, a cloud API). The node crashes at once, exactly as with the
  // `crash` action (and is traced as one), and stays down until something restarts it.
  void power_off(EndpointId node);

 private:
  World& world_;
  EndpointId self_;
};

class Protocol {
 public:
  virtual ~Protocol() = default;
  virtual std::unique_ptr<Protocol> clone() const = 0;

  virtual void start(NodeContext& ctx) = 0;
  virtual void on_message(NodeContext& ctx, const Message& message) = 0;
  virtual void on_timer(NodeContext& ctx, std::uint16_t timer_kind) = 0;
  // Loses volatile state; what the protocol declares durable survives. Timers are already gone.
  virtual void on_crash() = 0;
  virtual void on_restart(NodeContext& ctx) = 0;

  virtual NodeView view() const = 0;
  // What the node inspector shows beyond the card: its state, log, data and view of the cluster.
  // A model with nothing more to show keeps the default (the inspector then shows the card).
  virtual Inspection inspect() const { return {}; }
  virtual MessageClass classify(std::uint16_t message_kind) const = 0;
  virtual std::string_view message_name(std::uint16_t message_kind) const = 0;
  // Adds this node's counters into the run's metrics (summed over nodes by the simulation).
  virtual void add_metrics(Metrics& metrics) const { (void)metrics; }
};

}  // namespace cs::sim
