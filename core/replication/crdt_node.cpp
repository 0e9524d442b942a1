#include "replication/crdt_node.h"

#include <cassert>
#include <string>
#include <vector>

#include "replication/payloads.h"

namespace cs::replication {

using sim::Message;
using sim::NodeContext;

namespace {
struct StatePayload final : sim::Payload {
  std::vector<std::pair<std::int64_t, CrdtState>> keys;
};
}  // namespace

CrdtNode::CrdtNode(CrdtConfig config, sim::EndpointId self, std::size_t node_count)
    : config_(config), self_(self), node_count_(node_count) {
  assert(self < node_count);
  assert(config_.products > 0 && config_.full_sync_every > 0);
}

void CrdtNode::start(NodeContext& ctx) {
  ctx.set_role(sim::Role::Replica, 0);
  ctx.set_timer(kGossipTimer, config_.gossip_interval_us);
}

void CrdtNode::on_timer(NodeContext& ctx, std::uint16_t timer_kind) {
  if (timer_kind != kGossipTimer) return;
  gossip(ctx);
  ctx.set_timer(kGossipTimer, config_.gossip_interval_us);
}

void CrdtNode::gossip(NodeContext& ctx) {
  ++round_;
  const bool full = round_ % config_.full_sync_every == 0;
  auto payload = std::make_shared<StatePayload>();
  for (const auto& [key, state] : states_) {
    if (full || dirty_.count(key)) payload->keys.emplace_back(key, state);
  }
  dirty_.clear();
  if (payload->keys.empty()) return;
  Message m;
  m.kind = kState;
  m.payload = std::move(payload);
  ctx.broadcast(m);
}

void CrdtNode::on_message(NodeContext& ctx, const Message& message) {
  switch (message.kind) {
    case kState:
      if (const auto* payload = payload_of<StatePayload>(message)) {
        // Merging is all there is: no comparison of versions, no conflict, no order to respect.
        for (const auto& [key, state] : payload->keys) states_[key].merge(state);
        ++merges_;
      }
      break;
    case sim::kind::kClientWrite: on_write(ctx, message); break;
    case sim::kind::kClientRead: {
      const bool found = states_.count(message.key) != 0;
      ctx.reply(message, true, found || config_.type != CrdtType::LwwRegister, read_value(message.key));
      break;
    }
    default: break;
  }
}

void CrdtNode::on_write(NodeContext& ctx, const Message& request) {
  CrdtState& state = states_[request.key];
  switch (config_.type) {
    case CrdtType::ORSet: {
      const std::int64_t product = request.value % config_.products + 1;
      if (state.set.contains(product)) {
        state.set.remove(product);
      } else if (state.set.tag_count() >= config_.max_tags) {
        ++writes_refused_;
        ctx.reply(request, false);
        return;
      } else {
        state.set.add(product, request.value);  // the write's value is unique per run: a fresh tag
      }
      break;
    }
    case CrdtType::GCounter: state.g_counter.increment(self_); break;
    case CrdtType::PNCounter:
      if (request.value % 2 == 0) {
        state.pn_counter.increment(self_);
      } else {
        state.pn_counter.decrement(self_);
      }
      break;
    case CrdtType::LwwRegister: state.lww_register.assign({ctx.local_now_us(), self_, request.value}); break;
  }
  if (executed_ops_.size() < kMaxExecutedOps) executed_ops_.insert(request.value);
  dirty_.insert(request.key);
  ctx.reply(request, true);
}

std::int64_t CrdtNode::read_value(std::int64_t key) const {
  const auto it = states_.find(key);
  if (it == states_.end()) return 0;
  switch (config_.type) {
    case CrdtType::ORSet: return static_cast<std::int64_t>(it->second.set.elements().size());
    case CrdtType::GCounter: return static_cast<std::int64_t>(it->second.g_counter.value());
    case CrdtType::PNCounter: return it->second.pn_counter.value();
    case CrdtType::LwwRegister: return it->second.lww_register.value();
  }
  return 0;
}

bool CrdtNode::holds_write(std::int64_t key, std::int64_t value) const {
  const auto it = states_.find(key);
  if (it == states_.end()) return false;
  if (config_.type == CrdtType::LwwRegister) {
    return it->second.lww_register.has_value() && it->second.lww_register.value() == value;
  }
  if (config_.type == CrdtType::ORSet && it->second.set.knows_tag(value)) return true;
  return executed_ops_.count(value) != 0;
}

void CrdtNode::on_crash() {
  dirty_.clear();  // the next full round sends everything anyway
}

void CrdtNode::on_restart(NodeContext& ctx) { start(ctx); }

sim::NodeView CrdtNode::view() const {
  sim::NodeView v;
  v.data_version = static_cast<std::int64_t>(states_.size());
  if (!states_.empty()) {
    const std::int64_t key = states_.begin()->first;
    if (config_.type == CrdtType::ORSet) {
      std::string products;
      for (std::int64_t p : states_.begin()->second.set.elements())
        products += (products.empty() ? "" : ",") + std::to_string(p);
      v.detail.add("cart %1: {%2}", {sim::DetailArg::number(key), sim::DetailArg::words(products)});
    } else {
      v.detail.add("key %1 = %2", {sim::DetailArg::number(key), sim::DetailArg::number(read_value(key))});
    }
  }
  return v;
}

sim::Inspection CrdtNode::inspect() const {
  using sim::DetailArg;
  sim::Inspection in;
  switch (config_.type) {
    case CrdtType::ORSet: in.state.add("CRDT: observed-remove set, a concurrent add wins"); break;
    case CrdtType::GCounter: in.state.add("CRDT: grow-only counter, one entry per node"); break;
    case CrdtType::PNCounter: in.state.add("CRDT: counter up and down, two grow-only counters"); break;
    case CrdtType::LwwRegister: in.state.add("CRDT: register, the later stamp wins"); break;
  }
  in.state.add("sends what changed every %1 s, everything every %2 rounds",
               {DetailArg::fixed(static_cast<double>(config_.gossip_interval_us) / 1e6, 1),
                DetailArg::number(static_cast<std::int64_t>(config_.full_sync_every))});
  if (!dirty_.empty()) {
    in.state.add("%1 keys changed since its last round", {DetailArg::number(static_cast<std::int64_t>(dirty_.size()))});
  }
  in.state.add("%1 states merged", {DetailArg::number(merges_)});

  // Each key's state as the type keeps it: the tags of a set, each node's entry of a counter, the
  // stamp of a register. That state, not only the value, is what a merge combines.
  for (const auto& [key, state] : states_) {
    if (in.data.full()) {
      ++in.data.not_shown;
      continue;
    }
    sim::Detail line;
    switch (config_.type) {
      case CrdtType::ORSet: {
        std::string products;
        for (std::int64_t p : state.set.elements()) products += (products.empty() ? "" : ",") + std::to_string(p);
        line.add("cart %1: {%2}", {DetailArg::number(key), DetailArg::words(products)});
        line.add("%1 tags seen", {DetailArg::number(static_cast<std::int64_t>(state.set.tag_count()))});
        break;
      }
      case CrdtType::GCounter:
        line.add("key %1 = %2", {DetailArg::number(key), DetailArg::number(read_value(key))});
        for (sim::EndpointId n = 0; n < node_count_; ++n) {
          const auto entry = static_cast<std::int64_t>(state.g_counter.entry(n));
          if (entry > 0) line.add("%1 counted %2", {DetailArg::node(n), DetailArg::number(entry)});
        }
        break;
      case CrdtType::PNCounter:
        line.add("key %1 = %2", {DetailArg::number(key), DetailArg::number(read_value(key))});
        break;
      case CrdtType::LwwRegister:
        line.add("key %1 = %2", {DetailArg::number(key), DetailArg::number(read_value(key))});
        if (const auto& stamp = state.lww_register.stamp()) {
          line.add("written on %1 at %2 s",
                   {DetailArg::node(stamp->node), DetailArg::fixed(static_cast<double>(stamp->timestamp_us) / 1e6, 3)});
        }
        break;
    }
    in.data.add(std::move(line));
  }

  in.cluster.add("sends its state to all %1 other nodes and merges theirs",
                 {DetailArg::number(static_cast<std::int64_t>(node_count_) - 1)});
  return in;
}

sim::MessageClass CrdtNode::classify(std::uint16_t message_kind) const {
  return message_kind == kState ? sim::MessageClass::Replication : sim::MessageClass::Other;
}

std::string_view CrdtNode::message_name(std::uint16_t message_kind) const {
  return message_kind == kState ? "state" : "?";
}

void CrdtNode::add_metrics(sim::Metrics& metrics) const {
  metrics["state_merges"] += static_cast<double>(merges_);
  metrics["writes_refused"] += static_cast<double>(writes_refused_);
}

}  // namespace cs::replication
