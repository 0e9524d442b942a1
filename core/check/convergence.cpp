#include "check/convergence.h"

#include <algorithm>
#include <cassert>
#include <set>

namespace cs::check {

namespace {

bool clients_idle(const sim::World& world) {
  return std::all_of(world.clients().begin(), world.clients().end(),
                     [](const sim::ClientState& c) { return c.pending_op == 0; });
}

bool same_data(const std::vector<ReplicaSnapshot>& a, const std::vector<ReplicaSnapshot>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i].live != b[i].live || a[i].data != b[i].data) return false;
  }
  return true;
}

}  // namespace

ConvergenceResult check_convergence(const std::vector<ReplicaSnapshot>& replicas, std::size_t max_reported) {
  ConvergenceResult result;
  std::vector<const ReplicaSnapshot*> live;
  for (const auto& r : replicas) {
    if (r.live) live.push_back(&r);
  }
  result.replicas_compared = live.size();
  std::set<std::int64_t> keys;
  for (const auto* r : live) {
    for (const auto& [key, value] : r->data) keys.insert(key);
  }
  result.keys_compared = keys.size();
  for (const std::int64_t key : keys) {
    KeyDivergence d;
    d.key = key;
    bool differs = false;
    for (const auto* r : live) {
      const auto it = r->data.find(key);
      std::optional<std::vector<std::int64_t>> value;
      if (it != r->data.end()) value = it->second;
      differs = differs || (!d.values.empty() && d.values.front().second != value);
      d.values.emplace_back(r->name, std::move(value));
    }
    if (!differs) continue;
    ++result.divergent_keys;
    if (result.divergences.size() < max_reported) result.divergences.push_back(std::move(d));
  }
  result.converged = result.divergent_keys == 0;
  return result;
}

bool quiescent(const sim::World& world) {
  if (!clients_idle(world)) return false;
  for (const auto& m : world.in_flight()) {
    const sim::MessageClass c = world.classify(m.kind);
    if (c == sim::MessageClass::Client || c == sim::MessageClass::Replication || c == sim::MessageClass::Ack) {
      return false;
    }
  }
  return true;
}

SettleResult settle_and_check(sim::Simulation& simulation, const SnapshotFn& snapshot, sim::TimeUs step_us,
                              sim::TimeUs deadline_us, std::size_t max_reported) {
  assert(step_us > 0);
  SettleResult result;
  std::vector<ReplicaSnapshot> previous = snapshot(simulation.world());
  while (simulation.now_us() < deadline_us) {
    simulation.run_until(std::min(deadline_us, simulation.now_us() + step_us));
    std::vector<ReplicaSnapshot> current = snapshot(simulation.world());
    const sim::World& world = simulation.world();
    if (clients_idle(world) && (quiescent(world) || same_data(previous, current))) {
      result.settled = true;
      result.settled_at_us = simulation.now_us();
      result.convergence = check_convergence(current, max_reported);
      return result;
    }
    previous = std::move(current);
  }
  result.convergence = check_convergence(snapshot(simulation.world()), max_reported);
  return result;
}

}  // namespace cs::check
