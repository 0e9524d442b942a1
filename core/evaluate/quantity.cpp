#include "evaluate/quantity.h"

#include <cmath>
#include <sstream>

#include "scenario/run_setup.h"
#include "sim/role.h"

namespace cs::evaluate {

namespace {

bool leads(const sim::NodeState& n, sim::Role role) {
  return !sim::is_down(n.status) && (role == sim::Role::Leader || role == sim::Role::Primary);
}

std::string node_name(const scenario::Scenario& s, sim::EndpointId id) {
  return id < s.node_names.size() ? s.node_names[id] : "n" + std::to_string(id + 1);
}

}  // namespace

Quantity read_quantity(const json::Json& j, const std::string& path, const scenario::Scenario& scenario) {
  json::ObjectReader r(j, path);
  Quantity q;
  const auto node = [&](std::string_view key) {
    std::string name = r.string(key);
    if (scenario::node_id(scenario, name) == sim::kNoEndpoint) {
      throw json::JsonError(r.path_of(key), "the scenario \"" + scenario.id + "\" has no node \"" + name + "\"");
    }
    return name;
  };
  const auto flag = [&](std::string_view key) {
    if (!r.boolean(key)) throw json::JsonError(r.path_of(key), "expected true");
    return true;
  };
  int kinds = 0;
  const auto set = [&](Quantity::Kind kind, std::string name = {}, std::int64_t key = 0) {
    q = {kind, std::move(name), key};
    ++kinds;
  };
  if (r.has("metric")) set(Quantity::Kind::Metric, r.string("metric"));
  if (r.has("leader") && flag("leader")) set(Quantity::Kind::Leader);
  if (r.has("leaders_now") && flag("leaders_now")) set(Quantity::Kind::LeadersNow);
  if (r.has("max_leaders_at_once") && flag("max_leaders_at_once")) set(Quantity::Kind::MaxLeadersAtOnce);
  if (r.has("role")) set(Quantity::Kind::Role, node("role"));
  if (r.has("status")) set(Quantity::Kind::Status, node("status"));
  if (r.has("last_read")) set(Quantity::Kind::LastRead, {}, r.integer("last_read"));
  if (r.has("acked_writes") && flag("acked_writes")) set(Quantity::Kind::AckedWrites);
  if (kinds != 1) {
    throw json::JsonError(path,
                          "a quantity names exactly one of metric, leader, leaders_now, max_leaders_at_once, role, "
                          "status, last_read, acked_writes");
  }
  r.finish();
  return q;
}

json::Json quantity_json(const Quantity& q) {
  switch (q.kind) {
    case Quantity::Kind::Metric: return {{"metric", q.name}};
    case Quantity::Kind::Leader: return {{"leader", true}};
    case Quantity::Kind::LeadersNow: return {{"leaders_now", true}};
    case Quantity::Kind::MaxLeadersAtOnce: return {{"max_leaders_at_once", true}};
    case Quantity::Kind::Role: return {{"role", q.name}};
    case Quantity::Kind::Status: return {{"status", q.name}};
    case Quantity::Kind::LastRead: return {{"last_read", q.key}};
    case Quantity::Kind::AckedWrites: return {{"acked_writes", true}};
  }
  return {};
}

Value evaluate(const Quantity& q, const sim::Simulation& sim, const scenario::Scenario& scenario) {
  const sim::World& world = sim.world();
  switch (q.kind) {
    case Quantity::Kind::Metric: {
      for (const auto& [name, value] : scenario::run_metrics(scenario, world)) {
        if (name == q.name) return value;
      }
      return 0.0;
    }
    case Quantity::Kind::Leader:
    case Quantity::Kind::LeadersNow: {
      int count = 0;
      sim::EndpointId who = sim::kNoEndpoint;
      for (sim::EndpointId id = 0; id < world.node_count(); ++id) {
        if (leads(world.node(id), world.node_view(id).role)) ++count, who = id;
      }
      if (q.kind == Quantity::Kind::LeadersNow) return static_cast<double>(count);
      if (count == 0) return std::string("none");
      if (count > 1) return std::string("several");
      return node_name(scenario, who);
    }
    case Quantity::Kind::MaxLeadersAtOnce: return static_cast<double>(world.max_leaders_at_once());
    case Quantity::Kind::Role: {
      const sim::EndpointId id = scenario::node_id(scenario, q.name);
      return std::string(sim::to_string(world.node_view(id).role));
    }
    case Quantity::Kind::Status: {
      const sim::EndpointId id = scenario::node_id(scenario, q.name);
      return std::string(sim::to_string(world.node(id).status));
    }
    case Quantity::Kind::LastRead: {
      const sim::OpLog& ops = world.history().ops();
      const sim::Operation* newest = nullptr;
      for (std::size_t i = 0; i < ops.size(); ++i) {
        const sim::Operation& op = ops[i];
        if (op.type != sim::OpType::Read || op.status != sim::OpStatus::Ok || op.key != q.key) continue;
        if (!newest || op.complete_us >= newest->complete_us) newest = &op;
      }
      if (!newest || !newest->has_value) return std::string("nil");
      return static_cast<double>(newest->value);
    }
    case Quantity::Kind::AckedWrites: {
      const sim::OpLog& ops = world.history().ops();
      double count = 0;
      for (std::size_t i = 0; i < ops.size(); ++i) {
        if (ops[i].type == sim::OpType::Write && ops[i].status == sim::OpStatus::Ok) ++count;
      }
      return count;
    }
  }
  return 0.0;
}

std::string value_text(const Value& v) {
  if (const auto* text = std::get_if<std::string>(&v)) return *text;
  const double d = std::get<double>(v);
  if (d == std::floor(d) && std::fabs(d) < 1e15) return std::to_string(static_cast<std::int64_t>(d));
  std::ostringstream out;
  out.precision(4);
  out << d;
  return out.str();
}

std::string describe(const Quantity& q) {
  switch (q.kind) {
    case Quantity::Kind::Metric: return q.name;
    case Quantity::Kind::Leader: return "the leader";
    case Quantity::Kind::LeadersNow: return "the number of leaders";
    case Quantity::Kind::MaxLeadersAtOnce: return "the most leaders at one instant";
    case Quantity::Kind::Role: return "the role of " + q.name;
    case Quantity::Kind::Status: return "the status of " + q.name;
    case Quantity::Kind::LastRead: return "the value the last read of key " + std::to_string(q.key) + " returned";
    case Quantity::Kind::AckedWrites: return "the acknowledged writes";
  }
  return {};
}

}  // namespace cs::evaluate
