#include "architecture/client_server.h"

#include <cassert>
#include <string>

#include "architecture/architecture_checkers.h"
#include "architecture/architecture_models.h"
#include "architecture/model_params.h"

namespace cs::architecture {

using sim::Message;
using sim::NodeContext;

sim::EndpointId ClientServerConfig::server_for(std::int64_t key) const {
  assert(servers() > 0 && key >= 0);
  return static_cast<sim::EndpointId>(client_nodes + static_cast<std::size_t>(key) % servers());
}

ClientServerNode::ClientServerNode(std::shared_ptr<const ClientServerConfig> config, sim::EndpointId self)
    : config_(std::move(config)), self_(self), loop_(config_->loop, self, kRequestTimer) {
  if (is_client()) return;
  // The database before the run: this server's keys (server_for: key mod servers), visited
  // directly and added at the end of the map in order.
  const auto servers = static_cast<std::int64_t>(config_->servers());
  const auto first = static_cast<std::int64_t>(self_ - config_->client_nodes);
  for (std::int64_t key = first == 0 ? servers : first; key <= config_->rows; key += servers) {
    assert(config_->server_for(key) == self_);
    store_.emplace_hint(store_.end(), key, 0);
  }
}

void ClientServerNode::start(NodeContext& ctx) {
  if (is_client()) loop_.start(ctx);
}

void ClientServerNode::on_timer(NodeContext& ctx, std::uint16_t timer_kind) {
  if (timer_kind != kRequestTimer || !is_client()) return;
  const LoopRequest r = loop_.next(ctx);
  Message m;
  m.kind = kRequest;
  m.op_id = r.id;
  m.key = r.key;
  m.value = r.value;
  m.index = r.write ? 1 : 0;
  ctx.send(config_->server_for(r.key), m);
}

void ClientServerNode::on_message(NodeContext& ctx, const Message& message) {
  if (message.kind == sim::kind::kClientRead || message.kind == sim::kind::kClientWrite) {
    serve_workload(ctx, message);  // a kernel workload client, if the scenario has one
    return;
  }
  if (message.from >= config_->node_count) return;
  (config_->is_client(message.from) ? from_clients_ : from_servers_) += 1;
  if (message.kind == kRequest && !is_client()) serve(ctx, message);
  if (message.kind == kResponse && is_client()) loop_.complete(ctx, message.op_id, message.ok);
}

void ClientServerNode::serve(NodeContext& ctx, const Message& request) {
  ++requests_served_;
  Message answer;
  answer.kind = kResponse;
  answer.op_id = request.op_id;
  answer.key = request.key;
  answer.ok = true;
  if (request.index == 1) {
    if (store_.size() < kMaxKeys || store_.contains(request.key)) {
      store_[request.key] = request.value;
    } else {
      answer.ok = false;  // full: a real server would be out of disk
    }
  } else if (const auto it = store_.find(request.key); it != store_.end()) {
    answer.has_value = true;
    answer.value = it->second;
  }
  ctx.send(request.from, answer);
}

void ClientServerNode::serve_workload(NodeContext& ctx, const Message& request) {
  if (is_client()) {
    ctx.reply(request, false);  // a client stores nothing and answers nothing
    return;
  }
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

void ClientServerNode::on_crash() { loop_.forget(); }

void ClientServerNode::on_restart(NodeContext& ctx) { start(ctx); }

sim::NodeView ClientServerNode::view() const {
  sim::NodeView v;
  if (is_client()) {
    v.detail.add("client: stores no data, %1 answers", {sim::DetailArg::number(loop_.counters().completed)});
  } else {
    v.data_version = static_cast<std::int64_t>(store_.size());
    v.detail.add("server: %1 keys, %2 requests",
                 {sim::DetailArg::number(v.data_version), sim::DetailArg::number(requests_served_)});
  }
  return v;
}

sim::Inspection ClientServerNode::inspect() const {
  using sim::DetailArg;
  sim::Inspection in;
  const auto servers = static_cast<std::int64_t>(config_->servers());
  if (is_client()) {
    const LoopCounters& c = loop_.counters();
    in.state.add("client: sends each request to the server that owns the key");
    add_loop_counters(in.state, c);
    // The driver's whole knowledge of the cluster: which server owns which keys.
    for (std::int64_t i = 0; i < servers; ++i) {
      if (in.cluster.full()) {
        in.cluster.not_shown += servers - i;  // counted, not built
        break;
      }
      in.cluster.add(
          "%1 owns keys k with k mod %2 = %3",
          {DetailArg::node(static_cast<sim::EndpointId>(config_->client_nodes + static_cast<std::size_t>(i))),
           DetailArg::number(servers), DetailArg::number(i)});
    }
    return in;
  }
  in.state.add(
      "stores the keys k with k mod %1 = %2",
      {DetailArg::number(servers), DetailArg::number(static_cast<std::int64_t>(self_ - config_->client_nodes))});
  in.state.add("messages from clients %1, servers %2",
               {DetailArg::number(from_clients_), DetailArg::number(from_servers_)});
  for (auto it = store_.begin(); it != store_.end() && !in.data.full(); ++it) {
    in.data.add("key %1 = %2", {DetailArg::number(it->first), DetailArg::number(it->second)});
  }
  in.data.not_shown += static_cast<std::int64_t>(store_.size() - in.data.lines.size());
  in.cluster.add("answers clients; knows no other server");
  return in;
}

sim::MessageClass ClientServerNode::classify(std::uint16_t message_kind) const {
  return message_kind == kRequest ? sim::MessageClass::Client : sim::MessageClass::Ack;
}

std::string_view ClientServerNode::message_name(std::uint16_t message_kind) const {
  return message_kind == kRequest ? "request" : message_kind == kResponse ? "response" : "?";
}

void ClientServerNode::add_metrics(sim::Metrics& metrics) const {
  const auto& c = loop_.counters();
  if (is_client()) {
    metrics["client_requests_sent"] += static_cast<double>(c.sent);
    metrics["client_answers"] += static_cast<double>(c.completed);
    metrics["client_timeouts"] += static_cast<double>(c.timed_out);
    metrics["client_latency_us_total"] += static_cast<double>(c.latency_us_total);
    metrics["client_to_client_messages"] += static_cast<double>(from_clients_);
    metrics["requests_served_by_clients"] += static_cast<double>(requests_served_);
    metrics["data_on_clients"] += static_cast<double>(store_.size());
  } else {
    metrics["server_requests"] += static_cast<double>(requests_served_);
    metrics["server_to_server_messages"] += static_cast<double>(from_servers_);
    metrics["data_on_servers"] += static_cast<double>(store_.size());
  }
}

namespace {

void add_run_metrics(const sim::World&, const model::ModelParams&, sim::Metrics& m) {
  const double answers = m["client_answers"];
  m["request_ms_mean"] = answers > 0 ? m["client_latency_us_total"] / answers / 1e3 : 0;
  m.erase("client_latency_us_total");
}

// Only the links a client-server system uses: each client to each server.
model::ModelViewData view_data(const sim::World& world, const model::ModelParams&) {
  model::ModelViewData v;
  for (sim::EndpointId a = 0; a < world.node_count(); ++a) {
    const auto* node = dynamic_cast<const ClientServerNode*>(world.node(a).protocol.get());
    if (!node) return {};
    if (!node->is_client()) continue;
    for (sim::EndpointId b = 0; b < world.node_count(); ++b) {
      const auto* other = dynamic_cast<const ClientServerNode*>(world.node(b).protocol.get());
      if (other && !other->is_client()) v.edges.emplace_back(a, b);
    }
  }
  return v;
}

}  // namespace

model::ModelInfo client_server_model() {
  auto params = request_loop_params("client");
  params.insert(params.begin(), {"rows", 20.0, "keys 1..rows are stored before the run, each on its server",
                                 model::whole(0, static_cast<double>(ClientServerNode::kMaxKeys))});
  params.insert(params.begin(), {"client_nodes", 4.0, "the first this many nodes are clients; the rest are servers",
                                 model::whole(0, 199)});
  model::ModelInfo info{
      "client-server",
      "Client nodes send reads and writes to server nodes; only the servers store data (key mod servers picks one).",
      params,
      [](const model::ModelParams& p, sim::EndpointId self, std::size_t node_count) -> std::unique_ptr<sim::Protocol> {
        auto c = std::make_shared<ClientServerConfig>();
        c->node_count = node_count;
        c->client_nodes = count_param(p, "client_nodes");
        c->loop = request_loop_config(p);
        c->rows = static_cast<std::int64_t>(count_param(p, "rows"));
        return std::make_unique<ClientServerNode>(std::move(c), self);
      },
      add_run_metrics,
      view_data,
  };
  info.check = [](const model::ModelParams& p, std::size_t node_count) {
    std::vector<model::ParamProblem> problems;
    // At least one server: a client-server system with no server has nothing to talk to.
    if (count_param(p, "client_nodes") >= node_count) {
      problems.push_back({"client_nodes",
                          "leaves no node to be a server (the scenario has " + std::to_string(node_count) + " nodes)"});
    }
    return problems;
  };
  info.invariants = client_server_invariant_list();
  info.make_checker = [](const model::ModelParams& p, const sim::World&) {
    return make_client_server_checker(p, add_run_metrics);
  };
  return info;
}

}  // namespace cs::architecture
