#include "architecture/multi_tier.h"

#include <cassert>

#include "architecture/architecture_checkers.h"
#include "architecture/architecture_models.h"
#include "architecture/model_params.h"

namespace cs::architecture {

using sim::Message;
using sim::NodeContext;

std::string tier_name(Tier tier) {
  switch (tier) {
    case Tier::Presentation: return "presentation";
    case Tier::Application: return "application";
    case Tier::Database: return "database";
  }
  return "?";
}

Tier MultiTierConfig::tier_of(sim::EndpointId node) const {
  if (node < presentation_nodes) return Tier::Presentation;
  if (node < presentation_nodes + application_nodes) return Tier::Application;
  return Tier::Database;
}

sim::EndpointId MultiTierConfig::database_for(std::int64_t key) const {
  assert(database_nodes() > 0 && key >= 0);
  return static_cast<sim::EndpointId>(presentation_nodes + application_nodes +
                                      static_cast<std::size_t>(key) % database_nodes());
}

MultiTierNode::MultiTierNode(std::shared_ptr<const MultiTierConfig> config, sim::EndpointId self)
    : config_(std::move(config)), self_(self), loop_(config_->loop, self, kRequestTimer) {
  if (tier() != Tier::Database) return;
  for (std::int64_t key = 1; key <= config_->rows; ++key) {
    if (config_->database_for(key) == self_) store_[key] = 0;  // the database before the run
  }
}

void MultiTierNode::start(NodeContext& ctx) {
  if (tier() == Tier::Presentation) loop_.start(ctx);
}

void MultiTierNode::on_timer(NodeContext& ctx, std::uint16_t timer_kind) {
  if (timer_kind != kRequestTimer || tier() != Tier::Presentation || config_->application_nodes == 0) return;
  const LoopRequest r = loop_.next(ctx);
  Message m;
  m.kind = kUserRequest;
  m.op_id = r.id;
  m.key = r.key;
  m.value = r.value;
  m.index = r.write ? 1 : 0;
  m.term = 1;
  // A load balancer in front of the application servers: any of them will do.
  const auto app = config_->presentation_nodes + ctx.random().below(config_->application_nodes);
  ctx.send(static_cast<sim::EndpointId>(app), m);
}

void MultiTierNode::on_message(NodeContext& ctx, const Message& message) {
  if (message.kind == sim::kind::kClientRead || message.kind == sim::kind::kClientWrite) {
    ctx.reply(message, false);  // users come in through the presentation tier's own loop
    return;
  }
  if (message.from >= config_->node_count) return;
  received_from_[static_cast<std::size_t>(config_->tier_of(message.from))] += 1;
  switch (tier()) {
    case Tier::Presentation:
      if (message.kind == kUserResponse && loop_.complete(ctx, message.op_id, message.ok)) {
        if (message.ok) hops_total_ += message.term;
      }
      break;
    case Tier::Application:
      if (message.kind == kUserRequest) on_user_request(ctx, message);
      if (message.kind == kQueryResult) on_query_result(ctx, message);
      break;
    case Tier::Database:
      if (message.kind == kQuery) on_query(ctx, message);
      break;
  }
}

void MultiTierNode::on_user_request(NodeContext& ctx, const Message& m) {
  ++handled_;
  if (pending_.size() >= kMaxPending) pending_.erase(pending_.begin());  // the oldest has long timed out
  const std::uint64_t id = next_query_++;
  pending_[id] = {m.from, m.op_id};
  // The business logic would check permissions and rules here; then the data comes from the
  // database tier, over the application server's own connection.
  Message q = m;
  q.kind = kQuery;
  q.op_id = id;
  q.term = m.term + 1;
  ctx.send(config_->database_for(m.key), q);
}

void MultiTierNode::on_query(NodeContext& ctx, const Message& m) {
  ++handled_;
  Message r;
  r.kind = kQueryResult;
  r.op_id = m.op_id;
  r.key = m.key;
  r.term = m.term + 1;
  r.ok = true;
  if (m.index == 1) {
    if (store_.size() < kMaxKeys || store_.contains(m.key)) {
      store_[m.key] = m.value;
    } else {
      r.ok = false;
    }
  } else if (const auto it = store_.find(m.key); it != store_.end()) {
    r.has_value = true;
    r.value = it->second;
  }
  ctx.send(m.from, r);
}

void MultiTierNode::on_query_result(NodeContext& ctx, const Message& m) {
  const auto it = pending_.find(m.op_id);
  if (it == pending_.end()) return;
  Message answer = m;
  answer.kind = kUserResponse;
  answer.op_id = it->second.browser_op;
  answer.term = m.term + 1;
  ctx.send(it->second.browser, answer);
  pending_.erase(it);
}

void MultiTierNode::on_crash() {
  loop_.forget();
  pending_.clear();
}

void MultiTierNode::on_restart(NodeContext& ctx) { start(ctx); }

sim::NodeView MultiTierNode::view() const {
  sim::NodeView v;
  switch (tier()) {
    case Tier::Presentation:
      v.detail.add("presentation (browser): %1 answers", {sim::DetailArg::number(loop_.counters().completed)});
      break;
    case Tier::Application: v.detail.add("application server: %1 requests", {sim::DetailArg::number(handled_)}); break;
    case Tier::Database:
      v.data_version = static_cast<std::int64_t>(store_.size());
      v.detail.add("database: %1 keys", {sim::DetailArg::number(v.data_version)});
      break;
  }
  return v;
}

sim::Inspection MultiTierNode::inspect() const {
  using sim::DetailArg;
  sim::Inspection in;
  const auto databases = static_cast<std::int64_t>(config_->database_nodes());
  const auto first_database = config_->presentation_nodes + config_->application_nodes;
  switch (tier()) {
    case Tier::Presentation: {
      const LoopCounters& c = loop_.counters();
      add_loop_counters(in.state, c);
      if (c.completed > 0) {
        in.state.add("%1 tier hops per answer",
                     {DetailArg::fixed(static_cast<double>(hops_total_) / static_cast<double>(c.completed), 1)});
      }
      in.cluster.add("knows only the %1 application servers, any of them will do",
                     {DetailArg::number(static_cast<std::int64_t>(config_->application_nodes))});
      break;
    }
    case Tier::Application:
      in.state.add("application server: %1 requests wait for the database",
                   {DetailArg::number(static_cast<std::int64_t>(pending_.size()))});
      for (std::int64_t i = 0; i < databases; ++i) {
        if (in.cluster.full()) {
          in.cluster.not_shown += databases - i;  // counted, not built
          break;
        }
        in.cluster.add("%1 owns keys k with k mod %2 = %3",
                       {DetailArg::node(static_cast<sim::EndpointId>(first_database + static_cast<std::size_t>(i))),
                        DetailArg::number(databases), DetailArg::number(i)});
      }
      break;
    case Tier::Database:
      in.state.add(
          "stores the keys k with k mod %1 = %2",
          {DetailArg::number(databases), DetailArg::number(static_cast<std::int64_t>(self_ - first_database))});
      in.state.add("%1 queries run", {DetailArg::number(handled_)});
      for (auto it = store_.begin(); it != store_.end() && !in.data.full(); ++it) {
        in.data.add("key %1 = %2", {DetailArg::number(it->first), DetailArg::number(it->second)});
      }
      in.data.not_shown += static_cast<std::int64_t>(store_.size() - in.data.lines.size());
      in.cluster.add("answers the application tier only");
      break;
  }
  // The path every request takes, as this node saw it: only the neighbouring tiers ever reach it.
  in.state.add("messages from presentation %1, application %2, database %3",
               {DetailArg::number(received_from_[0]), DetailArg::number(received_from_[1]),
                DetailArg::number(received_from_[2])});
  return in;
}

sim::MessageClass MultiTierNode::classify(std::uint16_t message_kind) const {
  switch (message_kind) {
    case kUserRequest: return sim::MessageClass::Client;
    case kQuery: return sim::MessageClass::Replication;  // a different colour: the second tier hop
    default: return sim::MessageClass::Ack;
  }
}

std::string_view MultiTierNode::message_name(std::uint16_t message_kind) const {
  switch (message_kind) {
    case kUserRequest: return "user request";
    case kQuery: return "query";
    case kQueryResult: return "query result";
    case kUserResponse: return "page";
    default: return "?";
  }
}

void MultiTierNode::add_metrics(sim::Metrics& metrics) const {
  const std::string to = tier_name(tier());
  for (std::size_t t = 0; t < kTiers; ++t) {
    metrics[tier_name(static_cast<Tier>(t)) + "_to_" + to + "_messages"] += static_cast<double>(received_from_[t]);
  }
  if (tier() == Tier::Presentation) {
    const auto& c = loop_.counters();
    metrics["requests_sent"] += static_cast<double>(c.sent);
    metrics["requests_completed"] += static_cast<double>(c.completed);
    metrics["request_timeouts"] += static_cast<double>(c.timed_out);
    metrics["request_latency_us_total"] += static_cast<double>(c.latency_us_total);
    metrics["tier_hops_total"] += static_cast<double>(hops_total_);
  }
  if (tier() == Tier::Application) metrics["application_requests"] += static_cast<double>(handled_);
  if (tier() == Tier::Database) metrics["database_queries"] += static_cast<double>(handled_);
}

namespace {

void add_run_metrics(const sim::World&, const model::ModelParams&, sim::Metrics& m) {
  const double done = m["requests_completed"];
  m["request_ms_mean"] = done > 0 ? m["request_latency_us_total"] / done / 1e3 : 0;
  m["tier_hops_per_request"] = done > 0 ? m["tier_hops_total"] / done : 0;
  m.erase("request_latency_us_total");
  m.erase("tier_hops_total");
}

// The links a three-tier system uses: presentation to application, application to database.
model::ModelViewData view_data(const sim::World& world, const model::ModelParams&) {
  model::ModelViewData v;
  std::vector<Tier> tiers;
  for (sim::EndpointId a = 0; a < world.node_count(); ++a) {
    const auto* node = dynamic_cast<const MultiTierNode*>(world.node(a).protocol.get());
    if (!node) return {};
    tiers.push_back(node->tier());
  }
  for (sim::EndpointId a = 0; a < tiers.size(); ++a) {
    for (sim::EndpointId b = 0; b < tiers.size(); ++b) {
      if (static_cast<int>(tiers[b]) == static_cast<int>(tiers[a]) + 1) v.edges.emplace_back(a, b);
    }
  }
  return v;
}

}  // namespace

model::ModelInfo multi_tier_model() {
  auto params = request_loop_params("browser");
  params.insert(params.begin(), {"rows", 20.0, "keys 1..rows are stored before the run, each on its database",
                                 model::whole(0, static_cast<double>(MultiTierNode::kMaxKeys))});
  params.insert(params.begin(),
                {"application_nodes", 2.0, "the next this many nodes are application servers", model::whole(0, 199)});
  params.insert(params.begin(), {"presentation_nodes", 3.0, "the first this many nodes are the presentation tier",
                                 model::whole(0, 199)});
  model::ModelInfo info{
      "multi-tier",
      "Presentation, application and database tiers: a request goes down one tier at a time and the answer comes "
      "back up; browsers never reach the database.",
      params,
      [](const model::ModelParams& p, sim::EndpointId self, std::size_t node_count) -> std::unique_ptr<sim::Protocol> {
        auto c = std::make_shared<MultiTierConfig>();
        c->node_count = node_count;
        c->presentation_nodes = count_param(p, "presentation_nodes");
        c->application_nodes = count_param(p, "application_nodes");
        c->loop = request_loop_config(p);
        c->rows = static_cast<std::int64_t>(count_param(p, "rows"));
        return std::make_unique<MultiTierNode>(std::move(c), self);
      },
      add_run_metrics,
      view_data,
  };
  info.check = [](const model::ModelParams& p, std::size_t node_count) {
    std::vector<model::ParamProblem> problems;
    // The database tier always keeps at least one node.
    if (count_param(p, "presentation_nodes") + count_param(p, "application_nodes") >= node_count) {
      problems.push_back({"application_nodes",
                          "with presentation_nodes leaves no node for the database tier (the "
                          "scenario has " +
                              std::to_string(node_count) + " nodes)"});
    }
    return problems;
  };
  info.invariants = multi_tier_invariant_list();
  info.make_checker = [](const model::ModelParams& p, const sim::World&) {
    return make_multi_tier_checker(p, add_run_metrics);
  };
  return info;
}

}  // namespace cs::architecture
