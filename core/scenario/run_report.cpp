#include "scenario/run_report.h"

#include <cstdio>

#include <nlohmann/json.hpp>

#include "scenario/run_setup.h"

namespace cs::scenario {

using Json = nlohmann::ordered_json;

std::string hex64(std::uint64_t value) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(value));
  return buf;
}

std::string run_summary_json(const sim::Simulation& sim, const Scenario& scenario, std::uint64_t seed) {
  const sim::World& w = sim.world();
  Json j;
  j["scenario"] = scenario.id;
  j["seed"] = seed;
  j["until_us"] = sim.now_us();
  j["events"] = w.events_processed();
  j["trace_hash"] = hex64(sim.trace_hash());
  j["trace_events"] = w.trace_count();
  j["messages_sent"] = w.messages_sent();
  j["messages_delivered"] = w.messages_delivered();
  j["messages_dropped"] = w.messages_dropped();
  Json metrics = Json::object();
  for (const auto& [k, v] : run_metrics(scenario, w)) metrics[k] = v;
  j["metrics"] = metrics;
  return j.dump();
}

void write_trace_jsonl(const sim::Simulation& sim, std::ostream& out) {
  write_trace_jsonl(sim.trace(), sim.world(), out);
}

void write_trace_jsonl(const sim::Trace& t, const sim::World& w, std::ostream& out) {
  for (std::uint64_t i = t.first_index(); i < t.total(); ++i) {
    const sim::TraceEvent& e = t.at_index(i);
    Json j;
    j["i"] = e.index;
    j["t_us"] = e.time_us;
    j["type"] = std::string(sim::to_string(e.type));
    if (e.node != sim::kNoEndpoint) j["node"] = e.node;
    if (e.peer != sim::kNoEndpoint) j["peer"] = e.peer;
    switch (e.type) {
      case sim::TraceType::Send:
      case sim::TraceType::Deliver:
      case sim::TraceType::Drop:
        j["msg"] = e.msg_id;
        j["kind"] = std::string(w.message_name(e.kind));
        if (e.type == sim::TraceType::Send) j["arrive_us"] = e.a;
        if (e.type == sim::TraceType::Drop) j["reason"] = std::string(sim::to_string(e.reason));
        break;
      case sim::TraceType::Timer: j["timer"] = e.kind; break;
      case sim::TraceType::RoleChange:
        j["role"] = std::string(sim::to_string(static_cast<sim::Role>(e.a)));
        j["term"] = e.b;
        break;
      case sim::TraceType::ClientInvoke:
      case sim::TraceType::ClientComplete:
        j["op"] = e.msg_id;
        j["f"] = std::string(sim::to_string(static_cast<sim::OpType>(e.kind)));
        if (e.type == sim::TraceType::ClientInvoke) {
          j["key"] = e.a;
        } else {
          j["status"] = std::string(sim::to_string(static_cast<sim::OpStatus>(e.a)));
        }
        j["value"] = e.b;
        break;
      case sim::TraceType::Fault:
        j["action"] = std::string(sim::to_string(static_cast<sim::ActionType>(e.kind)));
        j["a"] = e.a;
        break;
    }
    out << j.dump() << '\n';
  }
}

void write_history_json(const sim::World& world, std::ostream& out) {
  Json ops = Json::array();
  for (const auto& op : world.history().ops()) {
    Json j;
    j["id"] = op.id;
    j["client"] = op.client;
    j["node"] = op.node;
    j["f"] = std::string(sim::to_string(op.type));
    j["key"] = op.key;
    j["value"] = op.has_value ? Json(op.value) : Json(nullptr);
    j["invoke_us"] = op.invoke_us;
    j["complete_us"] = op.complete_us;
    // Pending at the end of the run counts as unknown, like a timeout.
    j["status"] = std::string(sim::to_string(op.status == sim::OpStatus::Pending ? sim::OpStatus::Info : op.status));
    ops.push_back(j);
  }
  Json root;
  root["format"] = "clusterscope-history";
  root["version"] = 1;
  root["operations"] = ops;
  out << root.dump(1) << '\n';
}

}  // namespace cs::scenario
