#include "check/fault_schedule.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <cstdio>

#include "sim/random.h"

namespace cs::check {

namespace {

constexpr std::array<std::string_view, kFaultKindCount> kNames = {"crash", "restart", "partition", "oneway", "loss",
                                                                  "dup",   "delay",   "pause",     "skew"};

sim::Action make(sim::TimeUs at, sim::ActionType type, sim::EndpointId node = sim::kNoEndpoint,
                 std::int64_t value = 0) {
  sim::Action a;
  a.at_us = at;
  a.type = type;
  a.node = node;
  a.value = value;
  return a;
}

sim::TimeUs scaled(sim::Random& rng, sim::TimeUs unit, double lo, double hi) {
  return static_cast<sim::TimeUs>(static_cast<double>(unit) * (lo + (hi - lo) * rng.unit()));
}

std::string node_name(sim::EndpointId id) {
  return is_leader_marker(id) ? "the leader (as of fault " + std::to_string(id - kLeaderMarker + 1) + ")"
                              : "n" + std::to_string(id + 1);
}

}  // namespace

std::string_view to_string(FaultKind kind) { return kNames.at(static_cast<std::size_t>(kind)); }

FaultKinds FaultKinds::all() {
  FaultKinds k;
  for (std::size_t i = 0; i < kFaultKindCount; ++i) k.add(static_cast<FaultKind>(i));
  return k;
}

std::optional<FaultKinds> FaultKinds::parse(std::string_view text) {
  FaultKinds kinds;
  while (!text.empty()) {
    const auto comma = text.find(',');
    const std::string_view name = text.substr(0, comma);
    const auto it = std::find(kNames.begin(), kNames.end(), name);
    if (it == kNames.end()) return std::nullopt;
    kinds.add(static_cast<FaultKind>(it - kNames.begin()));
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return kinds;
}

std::string FaultKinds::to_string() const {
  std::string out;
  for (std::size_t i = 0; i < kFaultKindCount; ++i) {
    if (!has(static_cast<FaultKind>(i))) continue;
    if (!out.empty()) out += ',';
    out += kNames[i];
  }
  return out;
}

FaultSchedule draw_fault_schedule(const FaultScheduleSpec& spec, FaultKinds kinds, std::uint64_t seed) {
  assert(spec.node_count >= 1 && spec.time_unit_us > 0 && spec.fault_phase_us > 0);
  // Its own stream: the schedule must not depend on how the run consumes randomness.
  sim::Random rng(seed ^ 0xFA'17'5C'ED'00'11'22'33ULL);
  FaultSchedule s;
  const sim::TimeUs unit = spec.time_unit_us;
  const sim::TimeUs begin = spec.start_us;
  s.heal_at_us = begin + spec.fault_phase_us;
  const auto n = static_cast<std::uint64_t>(spec.node_count);
  const auto random_node = [&] { return static_cast<sim::EndpointId>(rng.below(n)); };
  sim::EndpointId marker = kLeaderMarker;  // one per episode
  const auto any_node = [&] { return rng.chance(0.4) ? marker : random_node(); };
  const auto before_heal = [&](sim::TimeUs t) { return std::min(t, s.heal_at_us); };

  for (FaultKind k : {FaultKind::Loss, FaultKind::Dup, FaultKind::Delay}) {
    if (kinds.has(k)) s.used.add(k);
  }
  if (kinds.has(FaultKind::Loss)) s.loss = 0.01 + 0.09 * rng.unit();
  if (kinds.has(FaultKind::Dup)) s.duplicate = 0.01 + 0.09 * rng.unit();
  if (kinds.has(FaultKind::Delay)) s.reorder = 0.01 + 0.04 * rng.unit();

  std::vector<FaultKind> episodes;
  for (FaultKind k : {FaultKind::Crash, FaultKind::Partition, FaultKind::OneWay, FaultKind::Delay, FaultKind::Pause,
                      FaultKind::Skew}) {
    if (kinds.has(k)) episodes.push_back(k);
  }
  // A schedule with only "restart" still needs crashes to restart.
  if (episodes.empty() && kinds.has(FaultKind::Restart)) episodes.push_back(FaultKind::Crash);
  const std::int64_t count = episodes.empty() ? 0 : rng.between(8, 40);
  for (std::int64_t e = 0; e < count; ++e) {
    const FaultKind kind = episodes[rng.below(episodes.size())];
    marker = kLeaderMarker + static_cast<sim::EndpointId>(e);
    const sim::TimeUs t = begin + static_cast<sim::TimeUs>(rng.below(static_cast<std::uint64_t>(spec.fault_phase_us)));
    s.used.add(kind);
    switch (kind) {
      case FaultKind::Crash: {
        const sim::EndpointId node = any_node();
        s.actions.push_back(make(t, sim::ActionType::Crash, node));
        if (kinds.has(FaultKind::Restart)) {
          s.used.add(FaultKind::Restart);
          // Often quickly: a node back within one election round is where a forgotten vote or
          // term would show; a blip shorter than a message's flight even more so.
          const double r = rng.unit();
          const sim::TimeUs down = r < 0.3   ? scaled(rng, unit, 0.005, 0.1)
                                   : r < 0.7 ? scaled(rng, unit, 0.1, 1.0)
                                             : scaled(rng, unit, 1.0, 6.0);
          s.actions.push_back(make(before_heal(t + down), sim::ActionType::Restart, node));
        }
        break;
      }
      case FaultKind::Partition: {
        if (rng.chance(0.2)) {
          s.actions.push_back(make(t, sim::ActionType::Isolate, any_node()));
        } else {
          std::vector<sim::EndpointId> order(spec.node_count);
          for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<sim::EndpointId>(i);
          for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng.below(i)]);
          const std::size_t groups = std::min<std::size_t>(spec.node_count, rng.chance(0.7) ? 2 : 3);
          sim::Action cut = make(t, sim::ActionType::Partition);
          cut.groups.resize(groups);
          for (std::size_t i = 0; i < order.size(); ++i) {
            // The first `groups` nodes seed one group each, so no group is empty.
            cut.groups[i < groups ? i : rng.below(groups)].push_back(order[i]);
          }
          // Sometimes the leader, wherever it is then, is moved into the first group.
          if (rng.chance(0.3)) cut.groups.front().insert(cut.groups.front().begin(), marker);
          s.actions.push_back(cut);
        }
        s.actions.push_back(make(before_heal(t + scaled(rng, unit, 1, 10)), sim::ActionType::Heal));
        break;
      }
      case FaultKind::OneWay: {
        const sim::EndpointId from = any_node();
        sim::EndpointId to = random_node();
        if (to == from) to = static_cast<sim::EndpointId>((to + 1) % n);
        sim::Action cut = make(t, sim::ActionType::OneWayCut, from);
        cut.peer = to;
        s.actions.push_back(cut);
        s.actions.push_back(make(before_heal(t + scaled(rng, unit, 1, 10)), sim::ActionType::Heal));
        break;
      }
      case FaultKind::Delay: {
        const sim::EndpointId node = any_node();
        s.actions.push_back(make(t, sim::ActionType::SlowDown, node, scaled(rng, unit, 0.1, 2)));
        s.actions.push_back(make(before_heal(t + scaled(rng, unit, 1, 10)), sim::ActionType::SlowDown, node, 0));
        break;
      }
      case FaultKind::Pause: {
        const sim::EndpointId node = any_node();
        s.actions.push_back(make(t, sim::ActionType::Pause, node));
        s.actions.push_back(make(before_heal(t + scaled(rng, unit, 0.5, 8)), sim::ActionType::Resume, node));
        break;
      }
      case FaultKind::Skew: {
        const sim::EndpointId node = any_node();
        const sim::TimeUs skew = scaled(rng, unit, -4, 4);
        s.actions.push_back(make(t, sim::ActionType::SetClockSkew, node, skew));
        s.actions.push_back(make(t, sim::ActionType::SetClockDrift, node, rng.between(-50'000, 50'000)));
        break;
      }
      default: break;
    }
  }
  // The heal: every fault ends at once.
  s.actions.push_back(make(s.heal_at_us, sim::ActionType::Heal));
  for (sim::EndpointId id = 0; id < spec.node_count; ++id) {
    s.actions.push_back(make(s.heal_at_us, sim::ActionType::Resume, id));
    s.actions.push_back(make(s.heal_at_us, sim::ActionType::Restart, id));
    if (kinds.has(FaultKind::Delay)) s.actions.push_back(make(s.heal_at_us, sim::ActionType::SlowDown, id, 0));
    if (kinds.has(FaultKind::Skew)) {
      s.actions.push_back(make(s.heal_at_us, sim::ActionType::SetClockSkew, id, 0));
      s.actions.push_back(make(s.heal_at_us, sim::ActionType::SetClockDrift, id, 0));
    }
  }
  std::stable_sort(s.actions.begin(), s.actions.end(),
                   [](const sim::Action& a, const sim::Action& b) { return a.at_us < b.at_us; });
  return s;
}

std::string FaultSchedule::describe() const {
  std::string out;
  char line[160];
  std::snprintf(line, sizeof line, "  link loss %.3f, duplicate %.3f, reorder %.3f; heal at %.3f s\n", loss, duplicate,
                reorder, static_cast<double>(heal_at_us) / 1e6);
  out += line;
  for (const sim::Action& a : actions) {
    if (a.at_us == heal_at_us) continue;  // the heal itself is in the first line
    std::string what = std::string(sim::to_string(a.type));
    if (a.node != sim::kNoEndpoint) what += " " + node_name(a.node);
    if (a.type == sim::ActionType::OneWayCut) what += " -> " + node_name(a.peer);
    if (a.type == sim::ActionType::Partition) {
      for (const auto& g : a.groups) {
        what += " [";
        for (std::size_t i = 0; i < g.size(); ++i) what += (i ? " " : "") + node_name(g[i]);
        what += "]";
      }
    }
    if (a.type == sim::ActionType::SlowDown || a.type == sim::ActionType::SetClockSkew) {
      what += " " + std::to_string(a.value / 1000) + " ms";
    }
    if (a.type == sim::ActionType::SetClockDrift) what += " " + std::to_string(a.value) + " ppm";
    std::snprintf(line, sizeof line, "  %9.3f s  ", static_cast<double>(a.at_us) / 1e6);
    out += line + what + "\n";
  }
  return out;
}

}  // namespace cs::check
