#include "sharding/advisor.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstdio>
#include <functional>
#include <map>
#include <queue>

namespace cs::sharding {

namespace {

std::string fmt(const char* format, double a, double b = 0) {
  char buf[512];
  std::snprintf(buf, sizeof buf, format, a, b);
  return buf;
}

std::string label(const KeyCandidate& c) { return c.column + (c.hashed ? " (hashed)" : " (ranged)"); }

// Sizes of the groups of equal values, largest first.
std::vector<std::int64_t> value_counts(const std::vector<std::int64_t>& values) {
  std::map<std::int64_t, std::int64_t> counts;
  for (const auto v : values) ++counts[v];
  std::vector<std::int64_t> out;
  out.reserve(counts.size());
  for (const auto& [v, n] : counts) out.push_back(n);
  std::sort(out.rbegin(), out.rend());
  return out;
}

KeyScore score_cardinality(const KeyCandidate& c, std::size_t distinct, std::uint32_t shards) {
  // Rows sharing a value can never be split, so a value is the smallest piece a balancer can move.
  // Aim for about a hundred pieces per shard, so that growth can still be spread.
  const double target = 100.0 * shards;
  const double value =
      std::clamp(std::log(static_cast<double>(std::max<std::size_t>(distinct, 1))) / std::log(target), 0.0, 1.0);
  const auto d = static_cast<double>(distinct);
  if (value >= 0.999) {
    return {value, c.column + fmt(" has %.0f distinct values, enough to cut the data into far more pieces than %.0f "
                                  "shards, so it can keep being split as it grows.",
                                  d, shards)};
  }
  return {value, c.column + fmt(" has only %.0f distinct values, so the data can be cut into at most %.0f pieces and "
                                "all rows with one value must stay together on one shard.",
                                d, d)};
}

KeyScore score_skew(const std::vector<std::int64_t>& counts, std::size_t rows, std::uint32_t shards) {
  // The best any placement can do: biggest groups first, each onto the emptiest shard. If even
  // that leaves one shard far above the average, the key itself makes a hotspot.
  std::priority_queue<std::int64_t, std::vector<std::int64_t>, std::greater<>> loads;
  for (std::uint32_t s = 0; s < shards; ++s) loads.push(0);
  std::int64_t fullest = 0;
  for (const auto n : counts) {
    const std::int64_t lightest = loads.top();
    loads.pop();
    loads.push(lightest + n);
    fullest = std::max(fullest, lightest + n);
  }
  const double mean = static_cast<double>(rows) / shards;
  const double ratio = mean > 0 ? static_cast<double>(fullest) / mean : 1.0;
  const double top_share = rows > 0 && !counts.empty() ? static_cast<double>(counts.front()) / rows : 0.0;
  const double value = 1.0 / std::max(1.0, ratio);
  if (ratio >= 1.25) {
    return {value, fmt("Its most common value alone holds %.0f%% of the rows, so even the best placement leaves the "
                       "fullest shard with %.1f times the average: a built-in hotspot.",
                       top_share * 100, ratio)};
  }
  return {value, fmt("Its most common value holds only %.1f%% of the rows, so the values can be spread with the "
                     "fullest shard within %.2f times the average.",
                     top_share * 100, ratio)};
}

KeyScore score_monotonicity(const KeyCandidate& c, const std::vector<std::int64_t>& values) {
  std::size_t rises = 0, changes = 0;
  for (std::size_t i = 1; i < values.size(); ++i) {
    if (values[i] == values[i - 1]) continue;
    ++changes;
    rises += values[i] > values[i - 1] ? 1 : 0;
  }
  const double rising = changes > 0 ? static_cast<double>(rises) / static_cast<double>(changes) : 0.5;
  if (c.hashed) {
    return {1.0, fmt("Hashing scatters consecutive values, so even though %.0f%% of inserts carry a larger value than "
                     "the one before, new rows spread over all shards.",
                     rising * 100)};
  }
  // Half the steps rising is what random order gives; every step rising is a timestamp.
  const double value = 1.0 - std::clamp((rising - 0.5) * 2.0, 0.0, 1.0);
  if (value < 0.5) {
    return {value, fmt("%.0f%% of inserts carry a larger ", rising * 100) + c.column +
                       " than the insert before, so under range sharding every new row lands in the last range, on "
                       "one shard, while the others receive no writes."};
  }
  return {value, "New rows arrive with " + c.column +
                     fmt(" values in no particular order (%.0f%% of steps rise), so inserts spread over the ranges.",
                         rising * 100)};
}

KeyScore score_targeting(const KeyCandidate& c, const std::vector<QuerySpec>& queries) {
  double total = 0, targeted = 0;
  std::string names;
  bool range_lost = false;
  for (const auto& q : queries) {
    total += q.weight;
    if (q.column != c.column) continue;
    if (q.range && c.hashed) {
      range_lost = true;  // neighbouring values are scattered by the hash
      continue;
    }
    targeted += q.weight;
    names += (names.empty() ? "" : ", ") + q.name;
  }
  const double value = total > 0 ? targeted / total : 0.0;
  std::string text;
  if (targeted > 0) {
    text = fmt("%.0f%% of the query mix (", value * 100) + names + ") filters on " + c.column +
           " and goes to one shard; the rest must ask every shard (scatter-gather)";
  } else {
    text = "None of the frequent queries can use " + c.column + ", so every one of them must ask every shard";
  }
  // Still one sentence: the course's point is that hashing gives up range queries on the key.
  text += range_lost ? ", and a range filter on a hashed key is scatter-gather too." : ".";
  return {value, text};
}

KeyScore score_immutability(const KeyCandidate& c, const ColumnSpec& spec) {
  if (spec.changes) {
    return {0.0, c.column +
                     " can change after a row is written, and every change moves the row to another shard "
                     "(a delete on one server and an insert on another)."};
  }
  return {1.0, c.column + " never changes once a row is written, so a row never has to move because of its key."};
}

}  // namespace

std::vector<KeyAdvice> advise_shard_keys(const Table& table, const std::vector<KeyCandidate>& candidates,
                                         const std::vector<QuerySpec>& queries, std::uint32_t shards) {
  assert(shards >= 1);
  std::vector<KeyAdvice> out;
  for (const auto& c : candidates) {
    const std::size_t col = table.schema().column(c.column);
    if (col == TableSchema::kNoColumn) continue;
    const auto& values = table.column(col);
    const auto counts = value_counts(values);
    KeyAdvice a;
    a.column = c.column;
    a.hashed = c.hashed;
    a.cardinality = score_cardinality(c, counts.size(), shards);
    a.skew = score_skew(counts, values.size(), shards);
    a.monotonicity = score_monotonicity(c, values);
    a.targeting = score_targeting(c, queries);
    a.immutability = score_immutability(c, table.schema().columns[col]);
    const std::pair<const char*, const KeyScore*> scores[] = {{"cardinality", &a.cardinality},
                                                              {"skew", &a.skew},
                                                              {"monotonic growth", &a.monotonicity},
                                                              {"query targeting", &a.targeting},
                                                              {"immutability", &a.immutability}};
    // One bad property is enough to ruin a key, so the weakest score counts as much as the
    // (geometric) average of all five. Scores are floored so that a zero does not hide the rest.
    double log_sum = 0;
    const auto* weakest = &scores[0];
    for (const auto& s : scores) {
      log_sum += std::log(std::max(0.01, s.second->value));
      if (s.second->value < weakest->second->value) weakest = &s;
    }
    const double geometric = std::exp(log_sum / 5.0);
    a.overall = 0.5 * weakest->second->value + 0.5 * geometric;
    a.verdict = a.overall >= 0.65 ? "good" : a.overall >= 0.4 ? "fair" : "poor";
    a.summary = label(c) + " is a " + a.verdict + " shard key" +
                (weakest->second->value < 0.65 ? std::string("; its weakest point is ") + weakest->first + "."
                                               : std::string(": it meets all four properties."));
    out.push_back(std::move(a));
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const KeyAdvice& x, const KeyAdvice& y) { return x.overall > y.overall; });
  return out;
}

}  // namespace cs::sharding
