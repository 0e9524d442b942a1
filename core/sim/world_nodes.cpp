// Node life cycle inside the World: timers, roles, crash and restart, pause and resume.
#include <algorithm>
#include <cassert>

#include "sim/world.h"

namespace cs::sim {

namespace {
// A timer event's argument packs the timer kind, its generation and the node's epoch, so that a
// superseded timer or one from before a crash is recognised and ignored when it fires.
constexpr std::uint64_t pack_timer(std::uint16_t kind, std::uint32_t generation, std::uint32_t epoch) {
  return (static_cast<std::uint64_t>(epoch & 0xFFFFFFu) << 40) | (static_cast<std::uint64_t>(generation) << 8) |
         (kind & 0xFFu);
}
constexpr std::uint16_t timer_kind_of(std::uint64_t arg) { return static_cast<std::uint16_t>(arg & 0xFFu); }
constexpr std::uint32_t generation_of(std::uint64_t arg) {
  return static_cast<std::uint32_t>((arg >> 8) & 0xFFFFFFFFu);
}
constexpr std::uint32_t epoch_of(std::uint64_t arg) { return static_cast<std::uint32_t>(arg >> 40); }
[[maybe_unused]] constexpr std::uint16_t kMaxTimerKinds = 256;
}  // namespace

void World::set_timer(EndpointId id, std::uint16_t timer_kind, TimeUs local_delay_us) {
  assert(timer_kind < kMaxTimerKinds);
  assert(local_delay_us >= 0);
  NodeState& node = nodes_[id];
  if (node.timer_generation.size() <= timer_kind) node.timer_generation.resize(timer_kind + 1u, 0);
  const std::uint32_t generation = ++node.timer_generation[timer_kind];
  // A node whose clock runs fast (positive drift) sees its local delay elapse sooner in true time.
  // Rounded up: a timer never fires before its local delay has passed, and a delay of 1 us never
  // becomes 0 (a node that re-arms "1 us from now" would otherwise spin at one instant for ever).
  const TimeUs rate = 1'000'000 + node.clock_drift_ppm;
  assert(rate > 0);
  // ceil(local * 10^6 / rate), in parts that cannot overflow: a delay of months (a parameter in
  // seconds read as microseconds) would overflow local * 10^6. A delay beyond decades is "never"
  // for any run and is held there, so that now + delay cannot overflow either.
  constexpr TimeUs kMaxTimerDelayUs = TimeUs{1} << 50;  // about 35 years
  const TimeUs whole = local_delay_us / rate;
  const TimeUs part = local_delay_us % rate;
  const TimeUs true_delay = whole >= kMaxTimerDelayUs / 1'000'000
                                ? kMaxTimerDelayUs
                                : whole * 1'000'000 + (part * 1'000'000 + rate - 1) / rate;
  push(now_us_ + true_delay, EventType::Timer, id, pack_timer(timer_kind, generation, node.epoch));
}

void World::cancel_timer(EndpointId id, std::uint16_t timer_kind) {
  NodeState& node = nodes_[id];
  if (node.timer_generation.size() > timer_kind) ++node.timer_generation[timer_kind];
}

void World::handle_timer(const Event& e) {
  NodeState& node = nodes_[e.target];
  const std::uint16_t kind = timer_kind_of(e.arg);
  if (is_down(node.status) || epoch_of(e.arg) != (node.epoch & 0xFFFFFFu)) return;
  if (kind >= node.timer_generation.size() || generation_of(e.arg) != node.timer_generation[kind]) return;
  if (node.status == NodeStatus::Paused) {
    hold(e.target, e);
    return;
  }
  record({.type = TraceType::Timer, .kind = kind, .node = e.target});
  NodeContext ctx(*this, e.target);
  node.protocol->on_timer(ctx, kind);
}

void World::hold(EndpointId id, const Event& e) {
  auto& held = held_[id];
  if (held.size() >= limits_.max_held_per_node) {
    if (e.type == EventType::Deliver) {
      const auto slot = static_cast<std::uint32_t>(e.arg);
      drop(slots_[slot].message, DropReason::Overflow);
      release_slot(slot);
    }
    return;
  }
  held.push_back(e);
}

void World::set_role(EndpointId id, Role role, std::int64_t term) {
  NodeState& node = nodes_[id];
  if (node.role == role && node.term == term) return;
  const auto leading = [](Role r) { return r == Role::Leader || r == Role::Primary; };
  if (leading(node.role) && (!leading(role) || node.term != term)) {
    if (!leading(role)) --leaders_now_;
    for (auto it = leading_intervals_.rbegin(); it != leading_intervals_.rend(); ++it) {
      if (it->node == id && it->end_us == kTimeNever) {
        it->end_us = now_us_;
        break;
      }
    }
  }
  if (leading(role) && (!leading(node.role) || node.term != term)) {
    if (!leading(node.role)) max_leaders_at_once_ = std::max(max_leaders_at_once_, ++leaders_now_);
    constexpr std::size_t kMaxLeadingIntervals = 4'096;
    if (leading_intervals_.size() < kMaxLeadingIntervals) leading_intervals_.push_back({id, term, now_us_, kTimeNever});
  }
  node.role = role;
  node.term = term;
  record({.type = TraceType::RoleChange, .node = id, .a = static_cast<std::int64_t>(role), .b = term});
}

void World::crash(EndpointId id) {
  NodeState& node = nodes_.at(id);
  if (is_down(node.status)) return;
  // Whatever a paused node was holding is lost with it.
  for (const Event& e : held_[id]) {
    if (e.type != EventType::Deliver) continue;
    const auto slot = static_cast<std::uint32_t>(e.arg);
    drop(slots_[slot].message, DropReason::NodeDown);
    release_slot(slot);
  }
  held_[id].clear();
  node.status = NodeStatus::Crashed;
  ++node.epoch;
  node.timer_generation.clear();
  node.protocol->on_crash();
  set_role(id, Role::None, node.term);
}

void World::restart(EndpointId id) {
  NodeState& node = nodes_.at(id);
  if (node.status != NodeStatus::Crashed) return;
  node.status = NodeStatus::Up;
  NodeContext ctx(*this, id);
  node.protocol->on_restart(ctx);
}

void World::remove_node(EndpointId id) {
  NodeState& node = nodes_.at(id);
  if (node.status == NodeStatus::Removed) return;
  crash(id);  // held messages dropped, timers void, role cleared
  node.status = NodeStatus::Removed;
  node.protocol = ClonePtr<Protocol>(node.pristine->clone());  // decommissioned: its disk goes with it
}

void World::add_node(EndpointId id) {
  NodeState& node = nodes_.at(id);
  if (node.status != NodeStatus::Removed) return;
  node.status = NodeStatus::Up;
  node.protocol = ClonePtr<Protocol>(node.pristine->clone());
  node.timer_generation.clear();
  NodeContext ctx(*this, id);
  node.protocol->start(ctx);
}

void World::pause(EndpointId id) {
  NodeState& node = nodes_.at(id);
  if (node.status == NodeStatus::Up) node.status = NodeStatus::Paused;
}

void World::resume(EndpointId id) {
  NodeState& node = nodes_.at(id);
  if (node.status != NodeStatus::Paused) return;
  node.status = NodeStatus::Up;
  // Everything that arrived or fired during the pause is handled now, in its original order.
  std::deque<Event> held;
  held.swap(held_[id]);
  for (const Event& e : held) push(now_us_, e.type, e.target, e.arg);
}

}  // namespace cs::sim
