// Lesson 4's question templates: quorums (do read and write quorums overlap, the smallest write
// quorum that meets every read) and Cassandra's consistency levels, answered by the quorum maths
// the leaderless model runs on (consistency/quorum.h).
#include <cassert>

#include "consistency/quorum.h"
#include "course/template_kit.h"

namespace cs::course::kit {

namespace {

using consistency::ConsistencyLevel;
using consistency::majority;

std::string nwr(std::int64_t n, std::int64_t w, std::int64_t r) {
  return "N = " + num(n) + ", W = " + num(w) + ", R = " + num(r);
}

DrawnQuestion quorum_overlap(std::uint64_t seed) {
  sim::Random rng(seed);
  const std::int64_t n = rng.chance(0.6) ? 5 : 2 * rng.between(1, 3) + 1;  // mostly the lesson's N = 5; also 3, 7
  const std::int64_t w = rng.between(1, n);
  const std::int64_t r = rng.between(1, n);
  const auto un = static_cast<std::size_t>(n);
  const bool overlap = consistency::quorums_intersect(un, static_cast<std::size_t>(r), static_cast<std::size_t>(w));
  const std::int64_t m = static_cast<std::int64_t>(majority(un));
  const std::string sum = "R + W = " + num(r + w) + (overlap ? " > " : " <= ") + "N = " + num(n);
  const std::string why =
      overlap ? sum + ": a read set of " + num(r) + " and a write set of " + num(w) + " out of " + num(n) +
                    " replicas cannot be disjoint, so every read reaches a replica that acknowledged the latest "
                    "successful write."
              : sum + ": " + num(r) + " replicas for the read and " + num(w) +
                    " others for the write fit side by "
                    "side among " +
                    num(n) + ", so a read can miss the latest successful write.";
  const auto option = [&](std::string value, std::string text, bool right, const std::string& mistake) {
    return Option{std::move(value), std::move(text), (right ? "Right. " : "Wrong. " + mistake + " ") + why};
  };
  const Option yes = option("overlap",
                            "Yes. A read then reaches a replica that acknowledged the latest successful write, but "
                            "overlap alone does not make every read return it (sloppy quorums, failed writes that "
                            "linger, racing reads, last write wins with skewed clocks).",
                            overlap, "They do not overlap.");
  const Option no = option("no-overlap", "No: some read set and some write set share no replica.", !overlap,
                           "Every read set meets every write set.");
  const Option always =
      option("always-latest", "Yes, so every read is guaranteed to return the latest write, whatever happens.", false,
             overlap ? "Overlap is necessary for strong consistency but not enough: sloppy "
                       "quorums, failed writes that linger, racing reads and last write wins with "
                       "skewed clocks can still return an older value."
                     : "They do not even overlap.");
  OptionSet options(overlap ? yes : no);
  options.add(overlap ? no : yes);
  options.add(always);
  if (r + w == n) {
    options.add(option("overlap-at-n", "Yes: R + W = N is enough for every read set to meet every write set.", false,
                       "R + W = N is one short: the sets can split the N replicas between them."));
  } else if (overlap && (r < m || w < m)) {
    options.add(option("needs-majorities",
                       "No: only majorities (" + num(m) + " of " + num(n) +
                           ") are sure to meet, and R and W are "
                           "not both majorities.",
                       false, "Any R and W with R + W > N meet, majorities or not."));
  } else {
    options.add(option("only-if-all-up",
                       overlap ? "Only while all " + num(n) + " replicas are up; a replica down breaks the overlap."
                               : "Yes, as long as all " + num(n) + " replicas are up.",
                       false,
                       "Overlap is about how many replicas answer, not how many are up: a request that gets its " +
                           num(overlap ? w : r) + " answers counts the same either way."));
  }
  return make_question(
      "Quorums: a key lives on N replicas; a write succeeds once W acknowledge and a read waits for R "
      "answers. With " +
          nwr(n, w, r) + ", does every read quorum overlap every write quorum?",
      options, {{"n", n}, {"w", w}, {"r", r}});
}

DrawnQuestion min_write_quorum(std::uint64_t seed) {
  sim::Random rng(seed);
  const std::int64_t n = rng.between(4, 9);  // 4+: four different write quorums exist
  const std::int64_t r = rng.between(1, n);
  std::int64_t answer = 1;
  while (!consistency::quorums_intersect(static_cast<std::size_t>(n), static_cast<std::size_t>(r),
                                         static_cast<std::size_t>(answer))) {
    ++answer;
  }
  assert(answer <= n);
  const std::string why = "Every read set of R = " + num(r) +
                          " meets every write set of W exactly when R + W > N, "
                          "so W must be at least N - R + 1 = " +
                          num(answer) + "; writes then tolerate " + num(n - answer) + " replica(s) down.";
  const auto wrong = [&](std::int64_t v, const std::string& mistake) {
    return Option{num(v), "W = " + num(v), "Wrong. " + mistake + " " + why};
  };
  OptionSet options({num(answer), "W = " + num(answer), "Right. " + why});
  options.add(
      wrong(n - r, "R + W = N is one short: the read and write sets can then split the replicas between them."));
  options.add(wrong(static_cast<std::int64_t>(majority(static_cast<std::size_t>(n))),
                    "A majority is what two equal quorums need; with R = " + num(r) + " the bound is N - R + 1."));
  options.add(wrong(n, "All N replicas also overlap, but more than needed, and one replica down then blocks writes."));
  options.fill_near(answer, 1, n, [&](std::int64_t v) { return wrong(v, "Not the smallest W that overlaps."); });
  return make_question("Quorums: a key lives on N = " + num(n) + " replicas and reads wait for R = " + num(r) +
                           " answers. What is the smallest write quorum W with which every read set meets every "
                           "write set?",
                       options, {{"n", n}, {"r", r}});
}

DrawnQuestion cassandra_level(std::uint64_t seed) {
  sim::Random rng(seed);
  constexpr ConsistencyLevel kLevels[] = {ConsistencyLevel::One, ConsistencyLevel::Quorum, ConsistencyLevel::All,
                                          ConsistencyLevel::LocalQuorum};
  const ConsistencyLevel level = kLevels[rng.below(4)];
  const std::int64_t rf = rng.between(3, 5);
  const std::int64_t dcs = rng.between(2, 3);
  const std::int64_t total = rf * dcs;
  const consistency::ReplicaCounts counts{static_cast<std::size_t>(total), static_cast<std::size_t>(rf)};
  const auto answer = static_cast<std::int64_t>(consistency::required_answers(level, counts, 0));
  const std::string name(consistency::to_string(level));
  std::string rule;
  switch (level) {
    case ConsistencyLevel::One: rule = "ONE needs one answer, from any replica."; break;
    case ConsistencyLevel::Quorum:
      rule = "QUORUM counts the replicas of every datacentre: floor(" + num(total) + "/2) + 1.";
      break;
    case ConsistencyLevel::All: rule = "ALL needs every replica in every datacentre."; break;
    default: rule = "LOCAL_QUORUM counts only the coordinator's datacentre: floor(" + num(rf) + "/2) + 1."; break;
  }
  const std::string why = rule + " That is " + num(answer) + " of the " + num(total) + " replicas.";
  const auto wrong = [&](std::int64_t v, const std::string& mistake) {
    return Option{num(v), count_of(v, "replica", "replicas"), "Wrong. " + mistake + " " + why};
  };
  OptionSet options({num(answer), count_of(answer, "replica", "replicas"), "Right. " + why});
  const auto all_dcs = static_cast<std::int64_t>(majority(static_cast<std::size_t>(total)));
  const auto local = static_cast<std::int64_t>(majority(static_cast<std::size_t>(rf)));
  switch (level) {
    case ConsistencyLevel::One:
      options.add(wrong(dcs, "ONE does not wait for one replica per datacentre."));
      options.add(wrong(all_dcs, "That is QUORUM."));
      options.add(wrong(total, "That is ALL."));
      break;
    case ConsistencyLevel::Quorum:
      options.add(wrong(local, "That counts only one datacentre: LOCAL_QUORUM's rule."));
      options.add(wrong(total / 2, "Half is not a majority: a quorum is more than half (a quorum off by one)."));
      options.add(wrong(total, "That is ALL."));
      break;
    case ConsistencyLevel::All:
      options.add(wrong(rf, "ALL is every replica in every datacentre, not only the local ones."));
      options.add(wrong(all_dcs, "That is QUORUM."));
      options.add(wrong(total - 1, "ALL tolerates no replica down."));
      break;
    default:
      options.add(wrong(all_dcs, "That counts every datacentre: QUORUM's rule."));
      options.add(wrong(rf, "That is every local replica, more than a local majority."));
      options.add(wrong(rf / 2, "Half is not a majority: a quorum is more than half (a quorum off by one)."));
      break;
  }
  options.fill_near(answer, 1, total, [&](std::int64_t v) { return wrong(v, "Not what the level requires."); });
  return make_question("Cassandra: a keyspace keeps " + num(rf) + " replicas of each key in each of " + num(dcs) +
                           " datacentres (" + num(total) +
                           " in all). How many replicas must answer a request at "
                           "consistency level " +
                           name + " before the coordinator replies?",
                       options, {{"level", static_cast<std::int64_t>(level)}, {"rf", rf}, {"dcs", dcs}});
}

}  // namespace

std::vector<QuestionTemplate> lesson4_templates() {
  return {
      {"quorum-overlap", 4, "quorums: do every read and every write quorum overlap, and what that guarantees",
       quorum_overlap},
      {"min-write-quorum", 4, "quorums: the smallest W that meets every read set of R", min_write_quorum},
      {"cassandra-level", 4, "Cassandra: how many replicas a consistency level waits for", cassandra_level},
  };
}

}  // namespace cs::course::kit
