#pragma once
// A tiny protocol for kernel tests: every node pings every other node every 10 ms and remembers
// what it received (volatile) and how often it was started (durable).
#include <memory>
#include <utility>
#include <vector>

#include "sim/protocol.h"
#include "sim/world.h"

namespace test {

class PingNode final : public cs::sim::Protocol {
 public:
  static constexpr std::uint16_t kPing = cs::sim::kind::kFirstProtocolKind;
  std::vector<std::pair<cs::sim::EndpointId, std::int64_t>> received;  // volatile
  int boots = 0;                                                       // durable
  std::int64_t sent = 0;

  std::unique_ptr<cs::sim::Protocol> clone() const override { return std::make_unique<PingNode>(*this); }
  void start(cs::sim::NodeContext& ctx) override {
    ++boots;
    ctx.set_role(cs::sim::Role::Follower, 0);
    ctx.set_timer(0, 10'000);
  }
  void on_message(cs::sim::NodeContext& ctx, const cs::sim::Message& m) override {
    if (m.kind == kPing) received.emplace_back(m.from, m.index);
    if (m.kind == cs::sim::kind::kClientWrite || m.kind == cs::sim::kind::kClientRead) ctx.reply(m, true, true, 7);
  }
  void on_timer(cs::sim::NodeContext& ctx, std::uint16_t) override {
    cs::sim::Message m;
    m.kind = kPing;
    m.index = ++sent;
    ctx.broadcast(m);
    ctx.set_timer(0, 10'000);
  }
  void on_crash() override { received.clear(); }
  void on_restart(cs::sim::NodeContext& ctx) override { start(ctx); }
  cs::sim::NodeView view() const override { return {}; }
  cs::sim::MessageClass classify(std::uint16_t) const override { return cs::sim::MessageClass::Other; }
  std::string_view message_name(std::uint16_t) const override { return "ping"; }
};

struct PingOptions {
  std::size_t nodes = 5;
  cs::sim::LinkParams link{};
  cs::sim::WorkloadSpec workload{};
  std::uint64_t seed = 1;
  std::vector<cs::sim::Action> timeline{};
};

inline cs::sim::World ping_world(const PingOptions& o) {
  std::vector<cs::sim::NodeSetup> nodes;
  for (std::size_t i = 0; i < o.nodes; ++i) {
    std::string name = "n";
    name += std::to_string(i + 1);
    nodes.push_back({std::move(name), 0, cs::sim::ClonePtr<cs::sim::Protocol>(std::make_unique<PingNode>())});
  }
  cs::sim::Network net(o.nodes + o.workload.clients + 1, o.link, o.seed * 31 + 7);
  cs::sim::World w(std::move(nodes), std::move(net), o.workload, o.seed);
  w.set_timeline(o.timeline);
  return w;
}

inline const PingNode& ping(const cs::sim::World& w, cs::sim::EndpointId id) {
  return dynamic_cast<const PingNode&>(*w.node(id).protocol);
}

inline cs::sim::Action action(cs::sim::TimeUs at, cs::sim::ActionType type,
                              cs::sim::EndpointId node = cs::sim::kNoEndpoint) {
  cs::sim::Action a;
  a.at_us = at;
  a.type = type;
  a.node = node;
  return a;
}

}  // namespace test
