#pragma once
// What the core test suites share, in one place:
//   scenarios    load a built-in scenario, run it (to a time or to its end with its metrics), find a
//                node, read a protocol's state, the trace records of a type, one metric;
//   lesson 5     Raft worlds built in code, actions at a time, runs with the Raft invariants
//                checked after every event, leader counts;
//   histories    a compact way to write a history by hand for the linearizability checker, and a
//                check that a verdict's evidence is what it claims.
#include <QtTest>

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "check/linearizability.h"
#include "consensus/raft_invariants.h"
#include "consensus/raft_node.h"
#include "scenario/builtin.h"
#include "scenario/run_setup.h"
#include "scenario/scenario.h"
#include "sim/simulation.h"

namespace test {

// ---- scenarios ----
inline cs::scenario::Scenario builtin(std::string_view id) {
  const auto* b = cs::scenario::find_builtin(id);
  if (!b) qFatal("no built-in scenario %s", std::string(id).c_str());
  return cs::scenario::load_scenario(b->json, "builtin:" + std::string(id));
}

// Runs the scenario to `until_us` (its whole duration by default).
inline std::unique_ptr<cs::sim::Simulation> run(const cs::scenario::Scenario& s, cs::sim::TimeUs until_us = -1) {
  auto sim = std::make_unique<cs::sim::Simulation>(cs::scenario::make_world(s, s.seed));
  sim->run_until(until_us < 0 ? s.duration_us : until_us);
  return sim;
}

// A node's id by name; a scenario without it stops the test.
inline cs::sim::EndpointId node(const cs::scenario::Scenario& s, std::string_view name) {
  const auto id = cs::scenario::node_id(s, name);
  if (id == cs::sim::kNoEndpoint) qFatal("scenario %s has no node %s", s.id.c_str(), std::string(name).c_str());
  return id;
}

template <class T>
const T& protocol_of(const cs::sim::World& world, cs::sim::EndpointId id) {
  return dynamic_cast<const T&>(*world.node(id).protocol);
}

// Every trace record of `type` (and message kind, unless kind is 0) still in the trace.
inline std::vector<cs::sim::TraceEvent> events(const cs::sim::Simulation& sim, cs::sim::TraceType type,
                                               std::uint16_t kind = 0) {
  std::vector<cs::sim::TraceEvent> out;
  for (auto i = sim.trace().first_index(); i < sim.trace().total(); ++i) {
    const auto& e = sim.trace().at_index(i);
    if (e.type == type && (kind == 0 || e.kind == kind)) out.push_back(e);
  }
  return out;
}

inline double metric(const cs::scenario::Scenario& s, const cs::sim::Simulation& sim, const std::string& name) {
  const auto metrics = cs::scenario::run_metrics(s, sim.world());
  const auto it = metrics.find(name);
  if (it == metrics.end()) qFatal("no metric %s", name.c_str());
  return it->second;
}

struct FinishedRun {
  cs::sim::Simulation sim;
  cs::sim::Metrics metrics;
  FinishedRun(const cs::scenario::Scenario& s, std::uint64_t seed) : sim(cs::scenario::make_world(s, seed)) {
    sim.run_until(s.duration_us);
    metrics = cs::scenario::run_metrics(s, sim.world());
  }
  explicit FinishedRun(const cs::scenario::Scenario& s) : FinishedRun(s, s.seed) {}
  const cs::sim::OpLog& ops() const { return sim.world().history().ops(); }
};

// ---- lesson 5: Raft worlds and invariants ----
struct RaftWorldOptions {
  std::size_t nodes = 5;
  cs::consensus::RaftConfig config{};
  cs::sim::LinkParams link{10'000, 2'000, 0.0, 0.0, 0.0};
  cs::sim::WorkloadSpec workload{};
  std::uint64_t seed = 1;
  std::vector<cs::sim::Action> timeline{};
};

inline cs::sim::World raft_world(const RaftWorldOptions& o) {
  std::vector<cs::sim::NodeSetup> nodes;
  for (std::size_t i = 0; i < o.nodes; ++i) {
    auto protocol = std::make_unique<cs::consensus::RaftNode>(o.config, static_cast<cs::sim::EndpointId>(i), o.nodes);
    nodes.push_back({"n" + std::to_string(i + 1), 0, cs::sim::ClonePtr<cs::sim::Protocol>(std::move(protocol))});
  }
  cs::sim::Network net(o.nodes + o.workload.clients + 1, o.link, o.seed * 977 + 3);
  cs::sim::World w(std::move(nodes), std::move(net), o.workload, o.seed);
  w.set_timeline(o.timeline);
  return w;
}

inline const cs::consensus::RaftNode& raft(const cs::sim::World& w, cs::sim::EndpointId id) {
  return dynamic_cast<const cs::consensus::RaftNode&>(*w.node(id).protocol);
}

inline cs::sim::Action at(cs::sim::TimeUs t, cs::sim::ActionType type,
                          cs::sim::EndpointId node = cs::sim::kNoEndpoint) {
  cs::sim::Action a;
  a.at_us = t;
  a.type = type;
  a.node = node;
  return a;
}

inline cs::sim::Action partition_at(cs::sim::TimeUs t, std::vector<std::vector<cs::sim::EndpointId>> groups) {
  cs::sim::Action a = at(t, cs::sim::ActionType::Partition);
  a.groups = std::move(groups);
  return a;
}

// Runs to `until`, checking the Raft invariants after every single event.
inline void run_checked(cs::sim::Simulation& sim, cs::sim::TimeUs until, cs::consensus::RaftInvariants& invariants) {
  while (sim.world().next_event_us() <= until) {
    sim.step();
    invariants.check(sim.world());
  }
  sim.run_until(until);
}

inline std::string describe(const cs::consensus::RaftInvariants& invariants) {
  std::string out;
  for (const auto& v : invariants.violations()) out += v.invariant + ": " + v.detail + "; ";
  return out;
}

inline int leaders(const cs::sim::World& w) {
  int n = 0;
  for (cs::sim::EndpointId i = 0; i < w.node_count(); ++i) {
    if (w.node(i).status != cs::sim::NodeStatus::Crashed && raft(w, i).is_leader()) ++n;
  }
  return n;
}

inline cs::sim::EndpointId leader_of_highest_term(const cs::sim::World& w) {
  cs::sim::EndpointId best = cs::sim::kNoEndpoint;
  for (cs::sim::EndpointId i = 0; i < w.node_count(); ++i) {
    if (w.node(i).status == cs::sim::NodeStatus::Crashed || !raft(w, i).is_leader()) continue;
    if (best == cs::sim::kNoEndpoint || raft(w, i).current_term() > raft(w, best).current_term()) best = i;
  }
  return best;
}

inline int count_ops(const cs::sim::World& w, cs::sim::OpType type, cs::sim::OpStatus status) {
  int n = 0;
  for (const auto& op : w.history().ops()) n += (op.type == type && op.status == status) ? 1 : 0;
  return n;
}

// ---- histories written by hand ----
using cs::check::HistoryOp;
using cs::check::kNoTime;
using cs::check::OpFunction;
using cs::check::OpHistory;
using cs::check::OpOutcome;
using cs::check::Value;

// Times: [invoke, complete]; complete = kNoTime (or outcome Info) for a crashed operation.
class HistoryBuilder {
 public:
  HistoryBuilder& write(std::int64_t process, Value v, std::int64_t t0, std::int64_t t1, OpOutcome o = OpOutcome::Ok,
                        std::string key = "") {
    return add(process, OpFunction::Write, std::move(v), Value::nil(), t0, t1, o, std::move(key));
  }
  HistoryBuilder& read(std::int64_t process, Value v, std::int64_t t0, std::int64_t t1, OpOutcome o = OpOutcome::Ok,
                       std::string key = "") {
    return add(process, OpFunction::Read, std::move(v), Value::nil(), t0, t1, o, std::move(key));
  }
  HistoryBuilder& cas(std::int64_t process, Value expected, Value next, std::int64_t t0, std::int64_t t1,
                      OpOutcome o = OpOutcome::Ok, std::string key = "") {
    return add(process, OpFunction::Cas, std::move(expected), std::move(next), t0, t1, o, std::move(key));
  }
  HistoryBuilder& append(std::int64_t process, Value v, std::int64_t t0, std::int64_t t1, OpOutcome o = OpOutcome::Ok,
                         std::string key = "") {
    return add(process, OpFunction::Append, std::move(v), Value::nil(), t0, t1, o, std::move(key));
  }
  // A crashed operation: invoked, never completed.
  HistoryBuilder& crashed_write(std::int64_t process, Value v, std::int64_t t0, std::string key = "") {
    return write(process, std::move(v), t0, kNoTime, OpOutcome::Info, std::move(key));
  }
  const OpHistory& history() const { return h_; }

 private:
  HistoryBuilder& add(std::int64_t process, OpFunction f, Value a, Value b, std::int64_t t0, std::int64_t t1,
                      OpOutcome o, std::string key) {
    HistoryOp op;
    op.id = h_.ops.size() + 1;
    op.process = process;
    op.key = std::move(key);
    op.f = f;
    op.value = std::move(a);
    op.new_value = std::move(b);
    op.outcome = o;
    op.invoke_time = t0;
    op.complete_time = t1;
    h_.ops.push_back(std::move(op));
    return *this;
  }
  OpHistory h_;
};

inline Value v(std::int64_t x) { return Value::of(x); }
inline Value text(const char* s) { return Value::of_text(s); }
inline Value nil() { return Value::nil(); }

// The reference semantics, written independently of the checker's: one step of `op` on a key's
// value; nullopt when the model forbids it.
inline std::optional<Value> reference_step(cs::check::Model model, const HistoryOp& op, const Value& state) {
  const auto as_text = [&](const Value& x) {
    if (model == cs::check::Model::Kv && x.kind == Value::Kind::Int) return Value::of_text(std::to_string(x.integer));
    return x;
  };
  const Value s = as_text(state);
  switch (op.f) {
    case OpFunction::Read:
      if (op.outcome == OpOutcome::Info || s == as_text(op.value)) return s;
      return std::nullopt;
    case OpFunction::Write: return as_text(op.value);
    case OpFunction::Cas:
      if (s == as_text(op.value)) return as_text(op.new_value);
      return std::nullopt;
    case OpFunction::Append: return Value::of_text((s.is_nil() ? "" : s.text) + as_text(op.value).text);
  }
  return std::nullopt;
}

inline bool precedes(const HistoryOp& a, const HistoryOp& b) {
  return a.outcome != OpOutcome::Info && a.complete_time != kNoTime && a.complete_time < b.invoke_time;
}

// Checks that `order` (ids) is a legal sequential run of the model on one key, each operation at
// most once, none failed, and never placing an operation before one that really preceded it
// unless that one is placed too. With `complete`, every ok operation of the key must be in it.
// Returns "" when fine, else what is wrong.
inline std::string verify_order(const OpHistory& h, cs::check::Model model, const std::string& key,
                                const std::vector<std::uint64_t>& order, bool complete, Value* final_value = nullptr) {
  std::map<std::uint64_t, const HistoryOp*> by_id;
  for (const auto& op : h.ops) by_id[op.id] = &op;
  std::set<std::uint64_t> placed;
  Value state = Value::nil();
  for (const std::uint64_t id : order) {
    if (!by_id.count(id)) return "unknown id " + std::to_string(id);
    const HistoryOp& op = *by_id[id];
    if (op.key != key) return "op " + std::to_string(id) + " is of another key";
    if (op.outcome == OpOutcome::Fail) return "failed op " + std::to_string(id) + " placed";
    if (!placed.insert(id).second) return "op " + std::to_string(id) + " placed twice";
    for (const auto& other : h.ops) {
      if (other.key == key && other.outcome == OpOutcome::Ok && precedes(other, op) && !placed.count(other.id)) {
        return "op " + std::to_string(id) + " placed before op " + std::to_string(other.id) + ", which preceded it";
      }
    }
    const auto next = reference_step(model, op, state);
    if (!next) return "op " + std::to_string(id) + " is not legal after the ops before it";
    state = *next;
  }
  if (complete) {
    for (const auto& op : h.ops) {
      if (op.key == key && op.outcome == OpOutcome::Ok && !placed.count(op.id)) {
        return "ok op " + std::to_string(op.id) + " missing from the order";
      }
    }
  }
  if (final_value) *final_value = state;
  return "";
}

}  // namespace test
