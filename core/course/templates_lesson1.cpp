// Lesson 1's question templates: gossip in a peer-to-peer cluster, answered by running the
// lesson's own scenario ("peer-to-peer") with the drawn seed, seed peer and fanout, and reading
// the run's metrics through the one evaluator of run quantities.
#include <algorithm>
#include <cassert>
#include <cmath>

#include "course/challenge.h"
#include "course/template_kit.h"
#include "evaluate/quantity.h"
#include "scenario/run_setup.h"

namespace cs::course::kit {

namespace {

constexpr sim::TimeUs kGossipRunUs = 31'000'000;  // the join at 1 s and 30 rounds after it
constexpr int kMaxRunSeedTries = 16;

struct GossipOutcome {
  std::int64_t run_seed = 0;
  std::int64_t nodes = 0;
  std::int64_t rounds_to_all = -1;           // the round in which the last node learned
  std::vector<std::int64_t> informed_after;  // [r]: nodes that knew at the end of round r
};

double metric(const sim::Simulation& run, const scenario::Scenario& s, const std::string& name) {
  const evaluate::Value v = evaluate::evaluate({evaluate::Quantity::Kind::Metric, name, 0}, run, s);
  return std::get<double>(v);
}

// Runs the lesson's gossip scenario. A run in which some node has not heard after 30 rounds (far
// in the tail) would make a poor question, so the next run seed is tried instead: deterministic.
GossipOutcome run_gossip(std::int64_t run_seed, std::int64_t seed_node, std::int64_t fanout) {
  scenario::Scenario s = *builtin_scenario("peer-to-peer");
  s.params["seed_node"] = static_cast<double>(seed_node);
  s.params["fanout"] = static_cast<double>(fanout);
  s.duration_us = kGossipRunUs;
  for (int attempt = 0; attempt < kMaxRunSeedTries; ++attempt, ++run_seed) {
    const auto run = scenario::start_run(s, static_cast<std::uint64_t>(run_seed));
    run->run_until(kGossipRunUs);
    GossipOutcome out;
    out.run_seed = run_seed;
    out.nodes = static_cast<std::int64_t>(s.node_names.size());
    out.rounds_to_all = static_cast<std::int64_t>(metric(*run, s, "gossip_rounds_to_full_knowledge"));
    if (out.rounds_to_all < 0) continue;
    for (std::int64_t r = 0; r <= out.rounds_to_all; ++r) {
      out.informed_after.push_back(static_cast<std::int64_t>(metric(*run, s, "informed_after_round_" + num(r))));
    }
    return out;
  }
  assert(false && "gossip never reached every node");
  return {};
}

std::string growth_text(const GossipOutcome& g) {
  std::string text;
  for (std::size_t r = 0; r < g.informed_after.size(); ++r) text += (r ? ", " : "") + num(g.informed_after[r]);
  return text;
}

std::string setup_text(const GossipOutcome& g, std::int64_t seed_node, std::int64_t fanout) {
  return "Peer-to-peer gossip, as in Cassandra: " + num(g.nodes) + " peers, of which " + node_name(g.nodes - 1) +
         " is new. At 1 s it announces itself to " + node_name(seed_node - 1) +
         "; from then on, once a second (one round), every member tells " +
         count_of(fanout, "random peer", "random peers") + " the members it knows. In the run with seed " +
         num(g.run_seed) + ", ";
}

// The fewest rounds possible: every message reaches a node that had not heard yet, so the informed
// nodes multiply by (fanout + 1) each round, starting from 2 (the newcomer and its seed peer).
std::int64_t perfect_rounds(std::int64_t nodes, std::int64_t fanout) {
  std::int64_t rounds = 0;
  for (std::int64_t informed = 2; informed < nodes; informed *= fanout + 1) ++rounds;
  return rounds;
}

DrawnQuestion gossip_rounds_to_all(std::uint64_t seed) {
  sim::Random rng(seed);
  const std::int64_t run_seed = rng.between(1, 1'000'000);
  const std::int64_t seed_node = rng.between(1, 15);
  const std::int64_t fanout = rng.between(1, 2);
  const GossipOutcome g = run_gossip(run_seed, seed_node, fanout);
  const std::int64_t answer = g.rounds_to_all;
  const std::string why = "In this run the nodes that knew " + node_name(g.nodes - 1) +
                          " after each round (round 0 is the announcement) were " + growth_text(g) +
                          ": the last one learned in round " + num(answer) + ".";
  const auto wrong = [&](std::int64_t v, const std::string& mistake) {
    return Option{num(v), "Round " + num(v), "Wrong. " + mistake + " " + why};
  };
  OptionSet options({num(answer), "Round " + num(answer),
                     "Right. " + why +
                         " Peers are picked at random and often already know, so growth falls short of "
                         "multiplying each round, yet it stays O(log N): log2 N + ln N is about " +
                         num(std::lround(std::log2(g.nodes) + std::log(g.nodes))) + " here."});
  options.add(wrong(g.nodes - 1,
                    "That is one new node per round, as if the news went from node to node in turn; every "
                    "informed node passes it on, so the informed group grows roughly exponentially."));
  options.add(wrong(perfect_rounds(g.nodes, fanout),
                    "That is the best case, in which every message reaches a node that had not heard yet. "
                    "Random peers often know already, so real gossip needs more rounds."));
  options.add(wrong(1, "There is no central server that tells everyone at once: each member tells only " +
                           count_of(fanout, "peer", "peers") + " per round."));
  options.fill_near(answer, 1, 40, [&](std::int64_t v) { return wrong(v, "Not what the run shows."); });
  return make_question(setup_text(g, seed_node, fanout) + "in which gossip round after the join does the last of the " +
                           num(g.nodes) + " nodes learn of " + node_name(g.nodes - 1) + "?",
                       options, {{"run_seed", g.run_seed}, {"seed_node", seed_node}, {"fanout", fanout}});
}

DrawnQuestion gossip_informed_after_round(std::uint64_t seed) {
  sim::Random rng(seed);
  const std::int64_t run_seed = rng.between(1, 1'000'000);
  const std::int64_t seed_node = rng.between(1, 15);
  const std::int64_t fanout = 1;
  const GossipOutcome g = run_gossip(run_seed, seed_node, fanout);
  // A round before the last, so that the answer is not simply "all of them". With fanout 1 the
  // informed at most double per round from 2, so 16 nodes need at least 3 rounds.
  assert(g.rounds_to_all >= 3);
  const std::int64_t round = rng.between(1, std::min<std::int64_t>(4, g.rounds_to_all - 1));
  const std::int64_t answer = g.informed_after[static_cast<std::size_t>(round)];
  const std::string why = "In this run the nodes that knew " + node_name(g.nodes - 1) +
                          " after rounds 0, 1, 2, ... were " + growth_text(g) + ": after round " + num(round) + ", " +
                          num(answer) + ".";
  const auto wrong = [&](std::int64_t v, const std::string& mistake) {
    return Option{num(v), num(v) + " nodes", "Wrong. " + mistake + " " + why};
  };
  OptionSet options({num(answer), num(answer) + " nodes",
                     "Right. " + why +
                         " A peer picked at random may already know, so the group at most doubles "
                         "each round, and usually grows by less."});
  options.add(wrong(std::min<std::int64_t>(g.nodes, std::int64_t{2} << round),
                    "Doubling every round (2, 4, 8, ...) is the best case, in which every message reaches a node "
                    "that had not heard yet."));
  options.add(wrong(round + 2,
                    "That is one new node per round, as if only one node passed the news on; every informed "
                    "node gossips."));
  options.add(wrong(g.nodes, "Gossip does not reach everyone at once; each member tells one peer per round."));
  options.fill_near(answer, 2, g.nodes, [&](std::int64_t v) { return wrong(v, "Not what the run shows."); });
  return make_question(
      setup_text(g, seed_node, fanout) + "how many of the " + num(g.nodes) + " nodes (" + node_name(g.nodes - 1) +
          " included) know of " + node_name(g.nodes - 1) + " at the end of round " + num(round) + "?",
      options, {{"run_seed", g.run_seed}, {"seed_node", seed_node}, {"fanout", fanout}, {"round", round}});
}

}  // namespace

std::vector<QuestionTemplate> lesson1_templates() {
  return {
      {"gossip-rounds-to-all", 1, "gossip: in which round does the last node learn of the newcomer (a run)",
       gossip_rounds_to_all},
      {"gossip-informed-after-round", 1, "gossip: how many nodes know of the newcomer after round r (a run)",
       gossip_informed_after_round},
  };
}

}  // namespace cs::course::kit
