// Lesson 3's question templates: hash mod N against the hash ring when a shard joins, and range
// partitioning (which shard holds a key, how many shards a range query asks), all answered by the
// placement engine the sharding model routes with (sharding/placement.h, hash.h, shard_metrics.h).
#include <cassert>
#include <set>

#include "course/template_kit.h"
#include "sharding/hash.h"
#include "sharding/placement.h"
#include "sharding/shard_metrics.h"

namespace cs::course::kit {

namespace {

using sharding::ShardIndex;

std::string pair_value(std::int64_t mod_n, std::int64_t ring) { return "mod:" + num(mod_n) + " ring:" + num(ring); }
std::string pair_text(std::int64_t mod_n, std::int64_t ring) {
  return "mod N: " + num(mod_n) + " keys; hash ring: " + num(ring) + " keys";
}

DrawnQuestion keys_moved_on_join(std::uint64_t seed) {
  sim::Random rng(seed);
  const std::int64_t keys = rng.between(200, 2000);
  const auto shards = static_cast<std::uint32_t>(rng.between(3, 8));
  const auto vnodes = static_cast<std::uint32_t>(rng.between(8, 64));
  // Keys 1..K, placed as the sharding model places them: by hash_key, then the rule.
  std::vector<ShardIndex> mod_before, mod_after, ring_before, ring_after;
  sharding::HashRing ring(shards, vnodes);
  sharding::HashRing grown(shards, vnodes);
  grown.add_shard(shards, vnodes);
  for (std::int64_t k = 1; k <= keys; ++k) {
    const std::uint64_t h = sharding::hash_key(k);
    mod_before.push_back(sharding::mod_n_owner(h, shards));
    mod_after.push_back(sharding::mod_n_owner(h, shards + 1));
    ring_before.push_back(ring.owner(h));
    ring_after.push_back(grown.owner(h));
  }
  const auto mod_moved = static_cast<std::int64_t>(sharding::count_moved(mod_before, mod_after));
  const auto ring_moved = static_cast<std::int64_t>(sharding::count_moved(ring_before, ring_after));
  const std::int64_t fair = (keys + shards / 2) / (shards + 1);  // the newcomer's fair share, rounded
  const std::string why = "Placing the " + num(keys) + " keys before and after the join: under hash mod N a key " +
                          "stays only if hash mod " + num(shards) + " equals hash mod " + num(shards + 1) + ", so " +
                          num(mod_moved) + " move (about N/(N+1) = " + num(shards) + "/" + num(shards + 1) +
                          "); on the ring only the keys on the arcs the newcomer's " + num(vnodes) +
                          " positions take over move: " + num(ring_moved) + " (about 1/(N+1), " + num(fair) + ").";
  const auto wrong = [&](std::int64_t m, std::int64_t r, const std::string& mistake) {
    return Option{pair_value(m, r), pair_text(m, r), "Wrong. " + mistake + " " + why};
  };
  OptionSet options({pair_value(mod_moved, ring_moved), pair_text(mod_moved, ring_moved), "Right. " + why});
  options.add(
      wrong(ring_moved, mod_moved, "The two are swapped: mod N is the rule that reshuffles almost everything."));
  options.add(wrong(fair, fair,
                    "Under mod N a key's shard depends on N itself, so changing N moves far more than the "
                    "newcomer's fair share."));
  options.add(wrong(keys, 0,
                    "Not every key moves under mod N (some have the same remainder for both N), and the ring "
                    "does move the keys the newcomer takes over."));
  options.add(wrong(mod_moved, fair * shards, "The ring moves only the newcomer's share, not everyone else's."));
  // Near misses on the ring's count, should the mistakes above have collided.
  for (std::int64_t d = 1; !options.full(); ++d) {
    options.add(wrong(mod_moved, ring_moved + d, "Not what the placement engine counts."));
  }
  return make_question("Sharding: " + num(keys) + " keys (1 to " + num(keys) + ") are spread over " + num(shards) +
                           " shards by their hash, and a shard joins. How many keys change shard under hash mod N, "
                           "and how many on a hash ring where every shard has " +
                           num(vnodes) + " virtual nodes?",
                       options, {{"keys", keys}, {"shards", shards}, {"vnodes", vnodes}});
}

// A range map over keys lo..hi cut into `shards` ranges of about equal width, with its split points
// drawn as parameters so that the question states them.
struct Ranges {
  std::int64_t lo = 0, hi = 0;
  sharding::RangeMap map;
  kit::Params params;
  std::string text;
};

Ranges draw_ranges(sim::Random& rng) {
  Ranges r;
  r.lo = 1;
  r.hi = rng.between(4, 40) * 25;                                     // 100 .. 1000
  const auto shards = static_cast<std::uint32_t>(rng.between(4, 6));  // 4+: three wrong nodes exist
  r.map = sharding::RangeMap::even(r.lo, r.hi, shards);
  r.params = {{"hi", r.hi}, {"shards", static_cast<std::int64_t>(r.map.size())}};
  r.text =
      "Range partitioning: keys " + num(r.lo) + " to " + num(r.hi) + " are cut into " + num(r.map.size()) + " ranges: ";
  for (std::size_t i = 0; i < r.map.size(); ++i) {
    const std::int64_t from = i == 0 ? r.lo : r.map.start(i);
    const std::int64_t to = r.map.is_last(i) ? r.hi : r.map.end(i) - 1;
    r.text += (i ? ", " : "") + node_name(r.map.owner_at(i)) + " holds " + num(from) + "-" + num(to);
    if (i > 0) r.params.push_back({"split" + num(static_cast<std::int64_t>(i)), r.map.start(i)});
  }
  r.text += ". ";
  return r;
}

DrawnQuestion range_owner(std::uint64_t seed) {
  sim::Random rng(seed);
  const Ranges r = draw_ranges(rng);
  // A key at or next to a split point: where the boundary mistakes happen.
  const std::size_t split = 1 + static_cast<std::size_t>(rng.below(r.map.size() - 1));
  const std::int64_t key = r.map.start(split) + rng.between(-1, 1);
  const ShardIndex answer = r.map.owner(key);
  const std::size_t range = r.map.range_of(key);
  const std::string why = node_name(answer) + "'s range is " + num(range == 0 ? r.lo : r.map.start(range)) + "-" +
                          num(r.map.is_last(range) ? r.hi : r.map.end(range) - 1) + ", which holds " + num(key) +
                          ": a range includes its first key and ends just before the next range's first key.";
  const auto wrong = [&](std::int64_t shard, const std::string& mistake) {
    return Option{node_name(shard), node_name(shard), "Wrong. " + mistake + " " + why};
  };
  OptionSet options({node_name(answer), node_name(answer), "Right. " + why});
  // The shard on the other side of the nearest split point: a boundary counted to the wrong side.
  const std::int64_t other = key >= r.map.start(split) ? r.map.owner_at(split - 1) : r.map.owner_at(split);
  options.add(wrong(other, "That puts the key on the wrong side of the split at " + num(r.map.start(split)) + "."));
  const auto shards = static_cast<std::uint32_t>(r.map.size());
  options.add(wrong(sharding::mod_n_owner(sharding::hash_key(key), shards),
                    "That is where hash mod " + num(shards) + " would put it; these are ranges of the key itself."));
  options.add(wrong(key % shards, "Key mod " + num(shards) + " is a hash-style rule, not range partitioning."));
  for (ShardIndex s = 0; !options.full(); ++s) options.add(wrong(s, "Not the range that holds " + num(key) + "."));
  kit::Params params = r.params;
  params.push_back({"key", key});
  return make_question(r.text + "Which node holds key " + num(key) + "?", options, std::move(params));
}

std::string shards_value(std::int64_t range, std::int64_t hash) { return "range:" + num(range) + " hash:" + num(hash); }
std::string shards_text(std::int64_t range, std::int64_t hash) {
  return "range partitioning: " + num(range) + "; hash mod N: " + num(hash);
}

DrawnQuestion range_query_shards(std::uint64_t seed) {
  sim::Random rng(seed);
  const Ranges r = draw_ranges(rng);
  const auto shards = static_cast<std::uint32_t>(r.map.size());
  const std::int64_t width = rng.between(20, (r.hi - r.lo) / 2);
  const std::int64_t from = rng.between(r.lo, r.hi - width);
  const std::int64_t to = from + width;
  std::set<ShardIndex> by_range, by_hash;
  for (std::int64_t k = from; k <= to; ++k) {
    by_range.insert(r.map.owner(k));
    by_hash.insert(sharding::mod_n_owner(sharding::hash_key(k), shards));
  }
  const auto in_range = static_cast<std::int64_t>(by_range.size());
  const auto in_hash = static_cast<std::int64_t>(by_hash.size());
  const std::string why = "Keys " + num(from) + "-" + num(to) + " lie in " + count_of(in_range, "range", "ranges") +
                          " of the map, so range partitioning asks " + count_of(in_range, "shard", "shards") +
                          "; hashing scatters neighbouring keys, and these " + num(width + 1) + " keys land on " +
                          num(in_hash) + " of the " + num(shards) + " shards under hash mod " + num(shards) + ".";
  const auto wrong = [&](std::int64_t a, std::int64_t b, const std::string& mistake) {
    return Option{shards_value(a, b), shards_text(a, b), "Wrong. " + mistake + " " + why};
  };
  OptionSet options({shards_value(in_range, in_hash), shards_text(in_range, in_hash), "Right. " + why});
  options.add(
      wrong(in_hash, in_range, "The two are swapped: ranges keep neighbouring keys together, hashing does not."));
  options.add(
      wrong(in_range, 1, "A hash does not keep neighbouring keys together; that is what range partitioning does."));
  options.add(
      wrong(shards, shards, "A range query under range partitioning asks only the shards whose ranges it covers."));
  options.add(wrong(1, 1, "The query spans more than one range here."));
  for (std::int64_t d = 1; !options.full(); ++d)
    options.add(wrong(in_range + d, in_hash, "Count the ranges it covers."));
  kit::Params params = r.params;
  params.push_back({"from", from});
  params.push_back({"to", to});
  return make_question(r.text + "A query asks for keys " + num(from) + " to " + num(to) +
                           ". How many shards must it ask, and how many would it ask if the same " + num(shards) +
                           " shards placed keys by hash mod " + num(shards) + " instead?",
                       options, std::move(params));
}

}  // namespace

std::vector<QuestionTemplate> lesson3_templates() {
  return {
      {"keys-moved-on-join", 3, "a shard joins: keys that move under hash mod N and on a hash ring",
       keys_moved_on_join},
      {"range-owner", 3, "range partitioning: which node holds a key next to a split point", range_owner},
      {"range-query-shards", 3, "a range query: shards asked under range partitioning and under hash mod N",
       range_query_shards},
  };
}

}  // namespace cs::course::kit
