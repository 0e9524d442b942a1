// Lesson 2's question templates: replication topologies (star, chain, ring, mesh), answered by the
// topology engine the replication models route their changes with (replication/topology.h).
#include <algorithm>
#include <cassert>
#include <set>

#include "course/template_kit.h"
#include "replication/topology.h"

namespace cs::course::kit {

namespace {

using replication::Topology;

constexpr Topology kTopologies[] = {Topology::Star, Topology::Chain, Topology::Ring, Topology::Mesh};

// Star and chain carry one primary's log; ring and mesh are the multi-leader layouts, where every
// node accepts writes (lesson 2's table).
std::vector<sim::EndpointId> origins_of(Topology t, std::size_t n) {
  if (t == Topology::Star || t == Topology::Chain) return {0};
  std::vector<sim::EndpointId> all(n);
  for (std::size_t i = 0; i < n; ++i) all[i] = static_cast<sim::EndpointId>(i);
  return all;
}

std::string writers_text(Topology t) {
  return t == Topology::Star || t == Topology::Chain ? "n1 is the primary and the only node that accepts writes"
                                                     : "every node accepts writes (multi-leader)";
}

std::string shape_text(Topology t, std::int64_t n) {
  switch (t) {
    case Topology::Star: return "a star: n1 sends to every replica directly";
    case Topology::Chain: return "a chain: n1 -> n2 -> ... -> " + node_name(n - 1) + ", each node feeding the next";
    case Topology::Ring: return "a ring: each node passes changes to the next, " + node_name(n - 1) + " back to n1";
    case Topology::Mesh: return "a mesh: every node sends its changes to every other node";
  }
  return {};
}

// Hops from `origin` to every node, following the engine's next hops; -1 where a change never
// arrives (through `failed`, which neither receives nor passes anything on).
std::vector<std::int64_t> hops_from(Topology t, sim::EndpointId origin, std::size_t n,
                                    sim::EndpointId failed = sim::kNoEndpoint) {
  std::vector<std::int64_t> hops(n, -1);
  hops[origin] = 0;
  std::vector<sim::EndpointId> frontier{origin};
  while (!frontier.empty()) {
    std::vector<sim::EndpointId> next;
    for (sim::EndpointId at : frontier) {
      for (sim::EndpointId to : replication::next_hops(t, at, origin, n)) {
        if (to == failed || hops[to] >= 0) continue;
        hops[to] = hops[at] + 1;
        next.push_back(to);
      }
    }
    frontier = std::move(next);
  }
  return hops;
}

DrawnQuestion topology_links(std::uint64_t seed) {
  sim::Random rng(seed);
  const Topology t = kTopologies[rng.below(4)];
  const std::int64_t n = rng.between(3, 8);
  const auto answer = static_cast<std::int64_t>(
      replication::replication_edges(t, origins_of(t, static_cast<std::size_t>(n)), static_cast<std::size_t>(n))
          .size());
  const std::string why = "In " + shape_text(t, n) + ", with " + writers_text(t) + ", changes travel over " +
                          num(answer) + " one-way links (a link is a stream in one direction).";
  const auto wrong = [&](std::int64_t v, const std::string& mistake) {
    return Option{num(v), num(v) + " links", "Wrong. " + mistake + " " + why};
  };
  OptionSet options({num(answer), num(answer) + " links", "Right. " + why});
  options.add(wrong(n * (n - 1) / 2, "That counts each pair of nodes once; each direction is its own stream."));
  options.add(wrong(n - 1, "That is one link per replica, a star's or a chain's count."));
  options.add(wrong(n, "That is one link per node, a ring's count."));
  options.add(wrong(n * (n - 1), "That is a full mesh: every node sending to every other."));
  options.fill_near(answer, 1, n * n, [&](std::int64_t v) { return wrong(v, "Not what the topology gives."); });
  return make_question("Replication topologies: " + num(n) + " nodes in " + shape_text(t, n) + "; " + writers_text(t) +
                           ". How many one-way replication links carry changes?",
                       options, {{"topology", static_cast<std::int64_t>(t)}, {"n", n}});
}

DrawnQuestion topology_hops(std::uint64_t seed) {
  sim::Random rng(seed);
  const Topology t = kTopologies[rng.below(4)];
  const std::int64_t n = rng.between(4, 8);
  const auto origin =
      static_cast<sim::EndpointId>(t == Topology::Star || t == Topology::Chain ? 0 : rng.between(0, n - 1));
  auto target = static_cast<sim::EndpointId>(rng.between(0, n - 2));
  if (target >= origin) ++target;  // any node but the origin
  const std::int64_t answer = hops_from(t, origin, static_cast<std::size_t>(n))[target];
  assert(answer >= 1);
  const std::string why = "In " + shape_text(t, n) + ", a change that " + node_name(origin) + " accepted reaches " +
                          node_name(target) + " after " + count_of(answer, "hop", "hops") + ".";
  const auto wrong = [&](std::int64_t v, const std::string& mistake) {
    return Option{num(v), count_of(v, "hop", "hops"), "Wrong. " + mistake + " " + why};
  };
  OptionSet options({num(answer), count_of(answer, "hop", "hops"),
                     "Right. " + why + " Each hop adds its delay, so lag grows with the hops."});
  options.add(wrong(1, "Only a star (from the primary) or a mesh sends to every node directly."));
  const std::int64_t forward = (static_cast<std::int64_t>(target) - origin + n) % n;
  options.add(wrong(std::min(forward, n - forward),
                    "Changes go one way round the ring or down the chain, never the shorter way back."));
  options.add(wrong(answer + 1, "That counts the nodes on the way, both ends included, not the hops between them."));
  options.add(wrong(n - 1, "That is the hops to the farthest node, not to " + node_name(target) + "."));
  options.fill_near(answer, 1, n, [&](std::int64_t v) { return wrong(v, "Not what the topology gives."); });
  return make_question("Replication topologies: " + num(n) + " nodes in " + shape_text(t, n) + "; " + writers_text(t) +
                           ". A write is accepted at " + node_name(origin) +
                           ". How many hops does the change take to reach " + node_name(target) + "?",
                       options,
                       {{"topology", static_cast<std::int64_t>(t)}, {"n", n}, {"origin", origin}, {"target", target}});
}

DrawnQuestion topology_failed_node(std::uint64_t seed) {
  sim::Random rng(seed);
  const Topology t = rng.chance(0.5) ? Topology::Chain : Topology::Ring;
  const std::int64_t n = rng.between(4, 8);
  const auto origin = static_cast<sim::EndpointId>(t == Topology::Chain ? 0 : rng.between(0, n - 1));
  auto failed = static_cast<sim::EndpointId>(rng.between(0, n - 2));
  if (failed >= origin) ++failed;
  const std::vector<std::int64_t> hops = hops_from(t, origin, static_cast<std::size_t>(n), failed);
  const auto answer = static_cast<std::int64_t>(std::count(hops.begin(), hops.end(), -1)) - 1;  // not the failed one
  assert(answer >= 0);
  const std::string why = "In " + shape_text(t, n) + ", changes from " + node_name(origin) + " pass through " +
                          node_name(failed) + " to reach the nodes after it, so " +
                          count_of(answer, "node besides it stops", "nodes besides it stop") +
                          " receiving them until it is back (or the topology is changed).";
  const auto wrong = [&](std::int64_t v, const std::string& mistake) {
    return Option{num(v), count_of(v, "node", "nodes"), "Wrong. " + mistake + " " + why};
  };
  OptionSet options({num(answer), count_of(answer, "node", "nodes"), "Right. " + why});
  options.add(wrong(0, "A " + std::string(replication::to_string(t)) +
                           " has no second path: the changes cannot route around the failed node."));
  options.add(wrong(answer + 1, "That counts " + node_name(failed) + " itself; the question asks about the others."));
  options.add(wrong(
      n - 2, "Only the nodes after " + node_name(failed) + " on the way from " + node_name(origin) + " depend on it."));
  options.fill_near(answer, 0, n - 1, [&](std::int64_t v) { return wrong(v, "Not what the topology gives."); });
  return make_question(
      "Replication topologies: " + num(n) + " nodes in " + shape_text(t, n) + ". Writes are accepted at " +
          node_name(origin) + ". " + node_name(failed) + " fails. Apart from " + node_name(failed) +
          ", how many nodes stop receiving " + node_name(origin) + "'s changes?",
      options, {{"topology", static_cast<std::int64_t>(t)}, {"n", n}, {"origin", origin}, {"failed", failed}});
}

}  // namespace

std::vector<QuestionTemplate> lesson2_templates() {
  return {
      {"topology-links", 2, "replication topology: how many one-way links carry changes", topology_links},
      {"topology-hops", 2, "replication topology: how many hops a change takes to reach a node", topology_hops},
      {"topology-failed-node", 2, "replication topology: how many nodes a failed chain or ring node cuts off",
       topology_failed_node},
  };
}

}  // namespace cs::course::kit
