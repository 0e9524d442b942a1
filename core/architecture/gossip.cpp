#include "architecture/gossip.h"

#include <algorithm>
#include <bit>
#include <cassert>
#include <cmath>
#include <string>
#include <vector>

#include "architecture/architecture_checkers.h"
#include "architecture/architecture_models.h"
#include "architecture/model_params.h"
#include "sim/client_forwarding.h"

namespace cs::architecture {

using sim::Message;
using sim::NodeContext;

std::uint64_t GossipConfig::everyone() const {
  return node_count >= kMaxNodes ? ~std::uint64_t{0} : (std::uint64_t{1} << node_count) - 1;
}

sim::EndpointId GossipConfig::owner_of(std::int64_t key) const {
  const auto founders = static_cast<std::uint64_t>(node_count - 1);
  return static_cast<sim::EndpointId>(static_cast<std::uint64_t>(key) % founders);
}

std::int64_t GossipConfig::round_of(sim::TimeUs local_us) const {
  return local_us / round_interval_us - join_at_us / round_interval_us;
}

GossipNode::GossipNode(std::shared_ptr<const GossipConfig> config, sim::EndpointId self)
    : config_(std::move(config)), self_(self) {
  assert(config_->node_count >= 2 && config_->node_count <= GossipConfig::kMaxNodes);
  if (inert()) return;
  // The founding members know each other from their configuration (Cassandra's seed list and
  // system.peers); the newcomer knows nobody yet.
  known_ = self_ == config_->newcomer ? 0 : config_->everyone() & ~config_->bit(config_->newcomer);
  if (self_ == config_->newcomer) return;
  // The data set before the run: the keys this founder owns (owner_of: key mod founders), visited
  // directly (rather than testing every key on every node) and appended in order.
  const auto founders = static_cast<std::int64_t>(config_->node_count - 1);
  for (std::int64_t key = self_ == 0 ? founders : static_cast<std::int64_t>(self_); key <= config_->rows;
       key += founders) {
    assert(config_->owner_of(key) == self_);
    store_.append(key, 0);
  }
}

void GossipNode::start(NodeContext& ctx) {
  if (inert()) return;
  if (!is_member()) {
    const sim::TimeUs now = ctx.local_now_us();
    ctx.set_timer(kJoinTimer, config_->join_at_us > now ? config_->join_at_us - now : 0);
    return;
  }
  arm_round(ctx);
}

void GossipNode::arm_round(NodeContext& ctx) {
  const sim::TimeUs interval = config_->round_interval_us;
  ctx.set_timer(kRoundTimer, interval - ctx.local_now_us() % interval);
}

void GossipNode::on_timer(NodeContext& ctx, std::uint16_t timer_kind) {
  if (timer_kind == kJoinTimer && !joined_) {
    joined_ = true;
    known_ = config_->bit(self_) | config_->bit(config_->seed);
    learned_at_us_ = ctx.local_now_us();  // it has always known itself; this is its round 0
    learned_from_ = self_;
    Message hello;
    hello.kind = kJoin;
    hello.value = static_cast<std::int64_t>(known_);
    ctx.send(config_->seed, hello);
    arm_round(ctx);
  } else if (timer_kind == kRoundTimer && is_member()) {
    gossip(ctx);
    arm_round(ctx);
  }
}

void GossipNode::gossip(NodeContext& ctx) {
  std::vector<sim::EndpointId> peers;
  for (sim::EndpointId n = 0; n < config_->node_count; ++n) {
    if (n != self_ && (known_ & config_->bit(n))) peers.push_back(n);
  }
  Message m;
  m.kind = kGossip;
  m.value = static_cast<std::int64_t>(known_);
  // `fanout` distinct peers, each uniformly at random (a partial Fisher-Yates shuffle).
  const std::size_t count = std::min(config_->fanout, peers.size());
  for (std::size_t i = 0; i < count; ++i) {
    const std::size_t j = i + ctx.random().below(peers.size() - i);
    std::swap(peers[i], peers[j]);
    ctx.send(peers[i], m);
    ++gossip_sent_;
  }
}

void GossipNode::merge(NodeContext& ctx, std::uint64_t members, sim::EndpointId from) {
  const bool knew = knows_newcomer();
  known_ |= members & config_->everyone();
  if (!knew && knows_newcomer()) {
    learned_at_us_ = ctx.local_now_us();
    learned_from_ = from;
  }
}

void GossipNode::on_message(NodeContext& ctx, const Message& message) {
  if (inert() || !is_member()) return;  // a silent newcomer hears nothing
  if (message.kind == sim::kind::kClientRead || message.kind == sim::kind::kClientWrite) {
    // Any peer takes a request; the one that holds the key serves it.
    const sim::EndpointId owner = config_->owner_of(message.key);
    if (owner == self_) {
      serve(ctx, message);
    } else {
      ++requests_forwarded_;
      ctx.send(owner, sim::forward_client_request(message, kForward));
    }
    return;
  }
  if (message.from >= config_->node_count) return;
  const auto members = static_cast<std::uint64_t>(message.value);
  switch (message.kind) {
    case kGossip:
      ++gossip_received_;
      merge(ctx, members, message.from);
      break;
    case kJoin: {
      merge(ctx, members, message.from);
      Message ack;
      ack.kind = kJoinAck;
      ack.value = static_cast<std::int64_t>(known_);
      ctx.send(message.from, ack);
      break;
    }
    case kJoinAck: merge(ctx, members, message.from); break;
    case kForward: serve(ctx, sim::unwrap_forwarded_request(message)); break;
    default: break;
  }
}

void GossipNode::serve(NodeContext& ctx, const Message& request) {
  ++requests_served_;
  if (request.kind == sim::kind::kClientWrite) {
    const bool room = store_.size() < kMaxKeys || store_.contains(request.key);
    if (room) store_[request.key] = request.value;
    ctx.reply(request, room);
    return;
  }
  const auto it = store_.find(request.key);
  ctx.reply(request, true, it != store_.end(), it != store_.end() ? it->second : 0);
}

void GossipNode::on_crash() {}

void GossipNode::on_restart(NodeContext& ctx) { start(ctx); }

sim::NodeView GossipNode::view() const {
  sim::NodeView v;
  const sim::DetailArg members = sim::DetailArg::number(std::popcount(known_));
  if (self_ == config_->newcomer) {
    if (joined_) {
      v.detail.add("new node, joined: knows %1 members", {members});
    } else {
      v.detail.add("new node, not a member yet");
    }
  } else {
    v.detail.add(knows_newcomer() ? "peer: knows the new node (%1 members)" : "peer: %1 members, new node unknown",
                 {members});
  }
  return v;
}

sim::Inspection GossipNode::inspect() const {
  using sim::DetailArg;
  const auto seconds = [](sim::TimeUs us) { return DetailArg::fixed(static_cast<double>(us) / 1e6, 1); };
  sim::Inspection in;
  if (inert()) {
    in.state.add("takes no part: a member list holds at most %1 nodes",
                 {DetailArg::number(static_cast<std::int64_t>(GossipConfig::kMaxNodes))});
    return in;
  }
  const sim::EndpointId newcomer = config_->newcomer;
  if (!is_member()) {
    in.state.add("new node: announces itself to %1 at %2 s",
                 {DetailArg::node(config_->seed), seconds(config_->join_at_us)});
    in.cluster.add("knows no member yet");
    return in;
  }
  in.state.add("each round of %1 s, sends its list to %2 random members",
               {seconds(config_->round_interval_us), DetailArg::number(static_cast<std::int64_t>(config_->fanout))});
  if (self_ == newcomer) {
    in.state.add("joined at %1 s through %2", {seconds(learned_at_us_), DetailArg::node(config_->seed)});
  } else {
    in.state.add("stores the keys k with k mod %1 = %2",
                 {DetailArg::number(static_cast<std::int64_t>(config_->node_count - 1)),
                  DetailArg::number(static_cast<std::int64_t>(self_))});
    if (knows_newcomer() && learned_from_ != sim::kNoEndpoint) {
      in.state.add("heard of the new node from %1 at %2 s", {DetailArg::node(learned_from_), seconds(learned_at_us_)});
    }
  }
  in.state.add("%1 gossip messages sent, %2 received",
               {DetailArg::number(gossip_sent_), DetailArg::number(gossip_received_)});

  for (auto it = store_.begin(); it != store_.end() && !in.data.full(); ++it) {
    in.data.add("key %1 = %2", {DetailArg::number(it->first), DetailArg::number(it->second)});
  }
  in.data.not_shown += static_cast<std::int64_t>(store_.size() - in.data.lines.size());

  // Its own member list. The new node first: whether the news has reached this node is the point.
  if (self_ != newcomer) {
    in.cluster.add(knows_newcomer() ? "knows the new node %1" : "does not know the new node %1 yet",
                   {DetailArg::node(newcomer)});
  }
  for (sim::EndpointId n = 0; n < config_->node_count; ++n) {
    if (n == self_ || n == newcomer || (known_ & config_->bit(n)) == 0) continue;
    in.cluster.add("knows member %1", {DetailArg::node(n)});
  }
  return in;
}

sim::MessageClass GossipNode::classify(std::uint16_t message_kind) const {
  switch (message_kind) {
    case kGossip: return sim::MessageClass::Heartbeat;
    case kForward: return sim::MessageClass::Client;
    default: return sim::MessageClass::Other;
  }
}

std::string_view GossipNode::message_name(std::uint16_t message_kind) const {
  switch (message_kind) {
    case kGossip: return "gossip";
    case kJoin: return "join";
    case kJoinAck: return "join ack";
    case kForward: return "forwarded request";
    default: return "?";
  }
}

void GossipNode::add_metrics(sim::Metrics& metrics) const {
  metrics["gossip_messages"] += static_cast<double>(gossip_sent_);
  metrics["gossip_received"] += static_cast<double>(gossip_received_);
  metrics["nodes_sending_gossip"] += gossip_sent_ > 0 ? 1 : 0;
  metrics["nodes_informed"] += knows_newcomer() ? 1 : 0;
  metrics["requests_served"] += static_cast<double>(requests_served_);
  metrics["requests_forwarded"] += static_cast<double>(requests_forwarded_);
  metrics["nodes_storing_data"] += store_.empty() ? 0 : 1;
}

namespace {

// Metrics above this round are not listed one by one (the run is short anyway).
constexpr std::int64_t kMaxListedRounds = 20;

void add_run_metrics(const sim::World& world, const model::ModelParams&, sim::Metrics& m) {
  std::vector<const GossipNode*> nodes;
  for (sim::EndpointId id = 0; id < world.node_count(); ++id) {
    const auto* n = dynamic_cast<const GossipNode*>(world.node(id).protocol.get());
    if (!n) return;
    nodes.push_back(n);
  }
  if (nodes.empty()) return;
  const GossipConfig& c = nodes.front()->config();
  std::int64_t last_round = -1;
  bool everyone = true;
  std::vector<std::int64_t> learned_in(static_cast<std::size_t>(kMaxListedRounds) + 1, 0);
  std::vector<std::int64_t> informed_by(nodes.size(), 0);
  for (const GossipNode* n : nodes) {
    if (n->inert()) continue;
    if (n->learned_at_us() < 0) {
      everyone = false;
      continue;
    }
    const std::int64_t r = c.round_of(n->learned_at_us());
    last_round = std::max(last_round, r);
    learned_in[static_cast<std::size_t>(std::clamp<std::int64_t>(r, 0, kMaxListedRounds))] += 1;
    if (n->learned_from() < nodes.size() && n->learned_from() != n->config().newcomer) {
      informed_by[n->learned_from()] += 1;
    }
  }
  m["log2_nodes"] = std::log2(static_cast<double>(nodes.size()));
  m["gossip_rounds_to_full_knowledge"] = everyone ? static_cast<double>(last_round) : -1.0;
  std::int64_t informed = 0;
  for (std::int64_t r = 0; r <= std::min(last_round, kMaxListedRounds); ++r) {
    informed += learned_in[static_cast<std::size_t>(r)];
    m["informed_after_round_" + std::to_string(r)] = static_cast<double>(informed);
  }
  // No coordinator: the news reached the nodes through many different peers.
  m["distinct_informers"] =
      static_cast<double>(std::count_if(informed_by.begin(), informed_by.end(), [](auto k) { return k > 0; }));
  m["most_informed_by_one_node"] = static_cast<double>(*std::max_element(informed_by.begin(), informed_by.end()));
}

}  // namespace

model::ModelInfo gossip_model() {
  model::ModelInfo info{
      "gossip",
      "Peer-to-peer: every peer stores part of the data and forwards requests for the rest. A newcomer announces "
      "itself to one peer, and every round each member tells a few random peers the members it knows, until "
      "everyone knows (O(log N) rounds).",
      {
          {"join_at_ms", 1000.0, "when the newcomer (the last node) joins; before that it is silent",
           model::between(0, 3'600'000)},
          {"seed_node", 1.0, "1-based number of the peer the newcomer announces itself to", model::whole(1, 63)},
          {"round_interval_ms", 1000.0, "time between two gossip rounds of a node (Cassandra: 1 s)",
           model::between(10, 600'000)},
          {"fanout", 1.0, "peers each member tells per round", model::whole(1, 63)},
          {"rows", 60.0, "keys 1..rows exist before the run, each on the founder that holds it",
           model::whole(0, static_cast<double>(GossipNode::kMaxKeys))},
      },
      [](const model::ModelParams& p, sim::EndpointId self, std::size_t node_count) -> std::unique_ptr<sim::Protocol> {
        auto c = std::make_shared<GossipConfig>();
        // Nodes beyond kMaxNodes stay out of the cluster (inert).
        c->node_count = std::min<std::size_t>(node_count, GossipConfig::kMaxNodes);
        c->newcomer = static_cast<sim::EndpointId>(c->node_count - 1);
        c->seed = static_cast<sim::EndpointId>(count_param(p, "seed_node") - 1);
        c->join_at_us = ms_param(p, "join_at_ms");
        c->round_interval_us = ms_param(p, "round_interval_ms");
        c->fanout = count_param(p, "fanout");
        c->rows = static_cast<std::int64_t>(count_param(p, "rows"));
        return std::make_unique<GossipNode>(std::move(c), self);
      },
      add_run_metrics,
      nullptr,
      [](const model::ModelParams& p, std::size_t node_count) {
        std::vector<model::ParamProblem> problems;
        const std::size_t members = std::min<std::size_t>(node_count, GossipConfig::kMaxNodes);
        const std::string size =
            " (the founders are the nodes before the newcomer: " + std::to_string(members > 0 ? members - 1 : 0) +
            " here)";
        if (members < 2) problems.push_back({"seed_node", "gossip needs a founder and a newcomer: at least 2 nodes"});
        if (count_param(p, "seed_node") + 1 > members) {
          problems.push_back({"seed_node", "names no founder" + size});
        }
        if (count_param(p, "fanout") + 1 > members) {
          problems.push_back({"fanout", "is more than the peers a member can tell" + size});
        }
        return problems;
      },
  };
  info.invariants = gossip_invariant_list();
  info.make_checker = [](const model::ModelParams&, const sim::World& world) { return make_gossip_checker(world); };
  return info;
}

}  // namespace cs::architecture
