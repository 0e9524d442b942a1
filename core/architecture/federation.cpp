#include "architecture/federation.h"

#include <algorithm>
#include <bit>
#include <cassert>
#include <sstream>

#include "architecture/architecture_checkers.h"
#include "architecture/architecture_models.h"
#include "architecture/model_params.h"

namespace cs::architecture {

using sim::Message;
using sim::NodeContext;

// One shape per DBMS, so that a translation can place the name as its language needs.
const char* site_shape(Dbms dbms) {
  switch (dbms) {
    case Dbms::PostgreSql: return "PostgreSQL site; parts answered: %1";
    case Dbms::MySql: return "MySQL site; parts answered: %1";
    case Dbms::Oracle: return "Oracle site; parts answered: %1";
    case Dbms::SqlServer: return "SQL Server site; parts answered: %1";
  }
  return "PostgreSQL site; parts answered: %1";
}

Dbms FederationConfig::dbms_of(sim::EndpointId node) const {
  if (!is_heterogeneous_site(node) || dialects.empty()) return Dbms::PostgreSql;
  return dialects[(node - middleware() - 1) % dialects.size()];
}

std::int64_t FederationConfig::part_bit(sim::EndpointId node) const {
  const std::size_t index = is_homogeneous(node) ? node : node - middleware() - 1;
  assert(index < 62);
  return std::int64_t{1} << index;
}

std::int64_t FederationConfig::all_parts(bool homogeneous) const {
  const std::size_t sites = homogeneous ? homogeneous_sites : heterogeneous_sites();
  return (std::int64_t{1} << sites) - 1;
}

std::uint16_t FederationNode::query_kind(Dbms dbms) {
  switch (dbms) {
    case Dbms::PostgreSql: return kPgQuery;
    case Dbms::MySql: return kMySqlQuery;
    case Dbms::Oracle: return kOracleQuery;
    case Dbms::SqlServer: return kSqlServerQuery;
  }
  return kPgQuery;
}

FederationNode::FederationNode(std::shared_ptr<const FederationConfig> config, sim::EndpointId self)
    : config_(std::move(config)), self_(self) {}

void FederationNode::start(NodeContext&) {}

void FederationNode::on_message(NodeContext& ctx, const Message& m) {
  if (m.kind == sim::kind::kClientWrite) {
    ctx.reply(m, false);  // a query federation: reads only
    return;
  }
  if (m.kind == sim::kind::kClientRead) {
    on_client_query(ctx, m);
    return;
  }
  switch (m.kind) {
    case kPgQuery:
    case kMySqlQuery:
    case kOracleQuery:
    case kSqlServerQuery: answer_part(ctx, m); break;
    case kPgRows: merge(ctx, m.op_id, m.value); break;
    case kNativeRows:
      // The site's own types (an Oracle DATE carries a time of day, a MySQL DATE does not)
      // become the common ones before merging.
      ++type_conversions_;
      merge(ctx, m.op_id, m.value);
      break;
    case kDialectError: ++dialect_errors_; break;
    default: break;
  }
}

std::uint64_t FederationNode::remember(const Message& client) {
  if (pending_.size() >= kMaxPending) pending_.erase(pending_.begin());  // its client gave up long ago
  const std::uint64_t id = next_query_++;
  pending_[id] = {client, 0};
  ++queries_coordinated_;
  return id;
}

void FederationNode::on_client_query(NodeContext& ctx, const Message& m) {
  if (config_->is_homogeneous(self_)) {
    // Same DBMS everywhere: ask the peers directly, in the protocol they share; no translation.
    const std::uint64_t id = remember(m);
    Message part;
    part.kind = kPgQuery;
    part.op_id = id;
    part.key = m.key;
    for (sim::EndpointId peer = 0; peer < config_->homogeneous_sites; ++peer) {
      if (peer != self_) ctx.send(peer, part);
    }
    merge(ctx, id, config_->part_bit(self_));  // its own rows
    return;
  }
  if (self_ != config_->middleware() || config_->heterogeneous_sites() == 0 || queued_.size() >= kMaxQueued) {
    ctx.reply(m, false);  // a heterogeneous site is reached through the middleware only
    return;
  }
  // Split into one part per site and translate each: the parts leave when all are translated.
  const std::uint64_t id = remember(m);
  const auto parts = static_cast<sim::TimeUs>(config_->heterogeneous_sites());
  const sim::TimeUs start = queued_.empty() ? ctx.local_now_us() : std::max(ctx.local_now_us(), queued_.back().due_us);
  queued_.push_back({id, start + parts * config_->translate_us});
  if (queued_.size() == 1) ctx.set_timer(kTranslateTimer, queued_.front().due_us - ctx.local_now_us());
}

void FederationNode::on_timer(NodeContext& ctx, std::uint16_t timer_kind) {
  if (timer_kind != kTranslateTimer) return;
  while (!queued_.empty() && queued_.front().due_us <= ctx.local_now_us()) {
    send_parts(ctx, queued_.front().query);
    queued_.pop_front();
  }
  if (!queued_.empty()) ctx.set_timer(kTranslateTimer, queued_.front().due_us - ctx.local_now_us());
}

void FederationNode::send_parts(NodeContext& ctx, std::uint64_t query) {
  const auto it = pending_.find(query);
  if (it == pending_.end()) return;
  for (auto site = static_cast<sim::EndpointId>(config_->middleware() + 1); site < config_->node_count; ++site) {
    Message part;
    part.kind = query_kind(config_->dbms_of(site));
    part.op_id = query;
    part.key = it->second.client.key;
    ctx.send(site, part);
    ++translations_;
  }
}

void FederationNode::answer_part(NodeContext& ctx, const Message& m) {
  Message answer;
  answer.op_id = m.op_id;
  answer.key = m.key;
  const bool speaks = (config_->is_homogeneous(self_) || config_->is_heterogeneous_site(self_)) &&
                      m.kind == query_kind(config_->dbms_of(self_));
  if (!speaks) {
    ++dialect_errors_;
    answer.kind = kDialectError;
  } else {
    ++parts_answered_;
    answer.kind = config_->is_homogeneous(self_) ? kPgRows : kNativeRows;
    answer.value = config_->part_bit(self_);
  }
  ctx.send(m.from, answer);
}

void FederationNode::merge(NodeContext& ctx, std::uint64_t query, std::int64_t part) {
  const auto it = pending_.find(query);
  if (it == pending_.end()) return;
  Pending& p = it->second;
  p.parts |= part;
  const bool homogeneous = config_->is_homogeneous(self_);
  if (p.parts != config_->all_parts(homogeneous)) return;
  ctx.reply(p.client, true, true, p.parts);
  pending_.erase(it);
}

void FederationNode::on_crash() {
  pending_.clear();
  queued_.clear();
}

void FederationNode::on_restart(NodeContext&) {}

sim::NodeView FederationNode::view() const {
  sim::NodeView v;
  if (self_ == config_->middleware()) {
    v.detail.add("middleware: splits, translates, merges; %1 translations", {sim::DetailArg::number(translations_)});
  } else if (config_->is_homogeneous(self_)) {
    v.detail.add("PostgreSQL site; parts answered: %1",
                 {sim::DetailArg::number(parts_answered_ + queries_coordinated_)});
  } else {
    v.detail.add(site_shape(config_->dbms_of(self_)), {sim::DetailArg::number(parts_answered_)});
  }
  return v;
}

namespace {
// One shape per DBMS, as for the card, so a translation can place the name as its language needs.
const char* speaks_shape(Dbms dbms) {
  switch (dbms) {
    case Dbms::PostgreSql: return "speaks PostgreSQL only";
    case Dbms::MySql: return "speaks MySQL's dialect only";
    case Dbms::Oracle: return "speaks Oracle's dialect only";
    case Dbms::SqlServer: return "speaks SQL Server's dialect only";
  }
  return "speaks PostgreSQL only";
}

const char* peer_shape(Dbms dbms) {
  switch (dbms) {
    case Dbms::PostgreSql: return "%1 runs PostgreSQL: asked directly, no translation";
    case Dbms::MySql: return "%1 runs MySQL: parts translated into its dialect";
    case Dbms::Oracle: return "%1 runs Oracle: parts translated into its dialect";
    case Dbms::SqlServer: return "%1 runs SQL Server: parts translated into its dialect";
  }
  return "%1 runs PostgreSQL: asked directly, no translation";
}
}  // namespace

sim::Inspection FederationNode::inspect() const {
  using sim::DetailArg;
  sim::Inspection in;
  const bool middleware = self_ == config_->middleware();
  if (middleware) {
    in.state.add(
        "middleware: %1 queries in translation, %2 waiting for parts",
        {DetailArg::number(static_cast<std::int64_t>(queued_.size())),
         DetailArg::number(static_cast<std::int64_t>(pending_.size() - std::min(pending_.size(), queued_.size())))});
    in.state.add("translates each part in %1 ms",
                 {DetailArg::fixed(static_cast<double>(config_->translate_us) / 1e3, 0)});
    in.state.add("%1 answers converted to common types", {DetailArg::number(type_conversions_)});
  } else {
    in.state.add(speaks_shape(config_->dbms_of(self_)));
    if (config_->is_homogeneous(self_)) {
      in.state.add("coordinates %1 queries", {DetailArg::number(static_cast<std::int64_t>(pending_.size()))});
    }
  }
  if (dialect_errors_ > 0) in.state.add("%1 queries in the wrong dialect", {DetailArg::number(dialect_errors_)});

  // The queries it coordinates, each with the parts merged so far.
  const auto sites =
      static_cast<std::int64_t>(middleware ? config_->heterogeneous_sites() : config_->homogeneous_sites);
  for (const auto& [id, p] : pending_) {
    if (in.log.full()) {
      ++in.log.not_shown;
      continue;
    }
    in.log.add("query %1 on key %2: %3 of %4 parts merged",
               {DetailArg::number(static_cast<std::int64_t>(id)), DetailArg::number(p.client.key),
                DetailArg::number(std::popcount(static_cast<std::uint64_t>(p.parts))), DetailArg::number(sites)});
  }

  if (middleware) {
    for (auto site = static_cast<sim::EndpointId>(config_->middleware() + 1); site < config_->node_count; ++site) {
      in.cluster.add(peer_shape(config_->dbms_of(site)), {DetailArg::node(site)});
    }
  } else if (config_->is_homogeneous(self_)) {
    for (sim::EndpointId peer = 0; peer < config_->homogeneous_sites; ++peer) {
      if (peer != self_) in.cluster.add(peer_shape(Dbms::PostgreSql), {DetailArg::node(peer)});
    }
  } else {
    in.cluster.add("answers only queries from %1, in its own dialect", {DetailArg::node(config_->middleware())});
  }
  return in;
}

sim::MessageClass FederationNode::classify(std::uint16_t message_kind) const {
  switch (message_kind) {
    case kPgQuery:
    case kMySqlQuery:
    case kOracleQuery:
    case kSqlServerQuery: return sim::MessageClass::Client;
    case kDialectError: return sim::MessageClass::Other;
    default: return sim::MessageClass::Ack;
  }
}

std::string_view FederationNode::message_name(std::uint16_t message_kind) const {
  switch (message_kind) {
    case kPgQuery: return "query (PostgreSQL protocol)";
    case kPgRows: return "rows (PostgreSQL protocol)";
    case kMySqlQuery: return "query in MySQL's dialect (LIMIT n)";
    case kOracleQuery: return "query in Oracle's dialect (FETCH FIRST n ROWS ONLY)";
    case kSqlServerQuery: return "query in SQL Server's dialect (TOP n)";
    case kNativeRows: return "rows in the site's own types";
    case kDialectError: return "syntax error: not my dialect";
    default: return "?";
  }
}

void FederationNode::add_metrics(sim::Metrics& metrics) const {
  const bool homogeneous = config_->is_homogeneous(self_);
  metrics[homogeneous ? "homogeneous_site_parts" : "heterogeneous_site_parts"] += static_cast<double>(parts_answered_);
  metrics[homogeneous ? "homogeneous_translations" : "translations"] += static_cast<double>(translations_);
  metrics["type_conversions"] += static_cast<double>(type_conversions_);
  metrics["dialect_errors"] += static_cast<double>(dialect_errors_);
}

namespace {

std::vector<Dbms> parse_dialects(const std::string& text) {
  std::vector<Dbms> out;
  std::stringstream in(text);
  for (std::string item; std::getline(in, item, ',');) {
    if (item == "mysql") out.push_back(Dbms::MySql);
    if (item == "oracle") out.push_back(Dbms::Oracle);
    if (item == "sqlserver") out.push_back(Dbms::SqlServer);
  }
  return out;
}

const FederationNode* first_node(const sim::World& world) {
  return world.node_count() > 0 ? dynamic_cast<const FederationNode*>(world.node(0).protocol.get()) : nullptr;
}

// Query latency per side, from the history: what the clients experienced.
void add_run_metrics(const sim::World& world, const model::ModelParams&, sim::Metrics& m) {
  const FederationNode* node = first_node(world);
  if (!node) return;
  const FederationConfig& c = node->config();
  double us[2] = {0, 0}, n[2] = {0, 0};
  for (const auto& op : world.history().ops()) {
    if (op.status != sim::OpStatus::Ok) continue;
    const bool homogeneous = c.is_homogeneous(op.node);
    if (!homogeneous && op.node != c.middleware()) continue;
    us[homogeneous] += static_cast<double>(op.complete_us - op.invoke_us);
    n[homogeneous] += 1;
  }
  m["homogeneous_queries"] = n[1];
  m["heterogeneous_queries"] = n[0];
  m["homogeneous_query_ms_mean"] = n[1] > 0 ? us[1] / n[1] / 1e3 : 0;
  m["heterogeneous_query_ms_mean"] = n[0] > 0 ? us[0] / n[0] / 1e3 : 0;
}

// The links each side uses: every pair of PostgreSQL sites; the middleware and each of its sites.
// The heterogeneous sites have no link to each other: they could not understand one another.
model::ModelViewData view_data(const sim::World& world, const model::ModelParams&) {
  model::ModelViewData v;
  const FederationNode* node = first_node(world);
  if (!node) return v;
  const FederationConfig& c = node->config();
  for (sim::EndpointId a = 0; a < c.homogeneous_sites; ++a) {
    for (sim::EndpointId b = a + 1; b < c.homogeneous_sites; ++b) v.edges.emplace_back(a, b);
  }
  for (auto site = static_cast<sim::EndpointId>(c.middleware() + 1); site < c.node_count; ++site) {
    v.edges.emplace_back(c.middleware(), site);
  }
  return v;
}

}  // namespace

model::ModelInfo federation_model() {
  model::ModelInfo info{
      "federation",
      "Homogeneous sites (one DBMS, one protocol) beside heterogeneous ones (different DBMSs) behind a middleware "
      "that splits each query, translates the parts and merges the answers.",
      {
          {"homogeneous_sites", 3.0, "the first this many nodes run PostgreSQL; the next node is the middleware",
           model::whole(0, 60)},
          {"dialects", std::string("mysql,oracle"),
           "DBMSs of the nodes after the middleware, in turn: mysql, oracle or sqlserver"},
          {"translate_ms", 15.0, "time the middleware takes to translate one part of a query",
           model::between(0, 60'000)},
      },
      [](const model::ModelParams& p, sim::EndpointId self, std::size_t node_count) -> std::unique_ptr<sim::Protocol> {
        auto c = std::make_shared<FederationConfig>();
        c->node_count = node_count;
        // A side has at most 60 sites (one bit each in an answer); nodes beyond them take no part.
        c->homogeneous_sites = count_param(p, "homogeneous_sites");
        c->node_count = std::min(node_count, c->homogeneous_sites + 1 + 60);
        c->dialects = parse_dialects(model::text_param(p, "dialects"));
        c->translate_us = ms_param(p, "translate_ms");
        return std::make_unique<FederationNode>(std::move(c), self);
      },
      add_run_metrics,
      view_data,
      [](const model::ModelParams& p, std::size_t node_count) {
        std::vector<model::ParamProblem> problems;
        if (count_param(p, "homogeneous_sites") >= node_count) {
          problems.push_back({"homogeneous_sites", "leaves no node for the middleware (the scenario has " +
                                                       std::to_string(node_count) + " nodes)"});
        }
        const std::string dialects = model::text_param(p, "dialects");
        std::stringstream in(dialects);
        std::size_t named = 0;
        for (std::string item; std::getline(in, item, ',');) {
          if (item != "mysql" && item != "oracle" && item != "sqlserver") {
            problems.push_back({"dialects", "\"" + item + "\" is not one of mysql, oracle, sqlserver"});
          }
          ++named;
        }
        if (named == 0) problems.push_back({"dialects", "names no DBMS (give mysql, oracle or sqlserver)"});
        return problems;
      },
  };
  info.invariants = federation_invariant_list();
  info.make_checker = [](const model::ModelParams&, const sim::World& world) { return make_federation_checker(world); };
  return info;
}

}  // namespace cs::architecture
