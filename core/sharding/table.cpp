#include "sharding/table.h"

#include <algorithm>
#include <cassert>
#include <set>

#include "sim/random.h"

namespace cs::sharding {

std::size_t TableSchema::column(std::string_view column_name) const {
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (columns[i].name == column_name) return i;
  }
  return kNoColumn;
}

std::int64_t TableSchema::row_bytes() const {
  std::int64_t total = 0;
  for (const auto& c : columns) total += c.bytes;
  return total;
}

Table::Table(TableSchema schema) : schema_(std::move(schema)), columns_(schema_.columns.size()) {}

void Table::add_row(const std::vector<std::int64_t>& values) {
  assert(values.size() == columns_.size());
  assert(row_count() < kMaxRows);
  for (std::size_t c = 0; c < values.size(); ++c) columns_[c].push_back(values[c]);
}

TableSchema users_schema() {
  // Sizes are typical, not exact: what matters is that bio and avatar dwarf the rest.
  return {"users",
          {{"user_id", 8},
           {"name", 24},
           {"email", 32},
           {"country", 2, true},
           {"bio", 400, true},
           {"avatar", 4000, true},
           {"last_login", 8, true}},
          0};
}

TableSchema checkins_schema() {
  return {"checkins",
          {{"checkin_id", 12},
           {"user_id", 8},
           {"venue_id", 8},
           {"country", 2},
           {"city", 4, true},  // the user's current city: changes when they move
           {"created_at", 8},
           {"status", 1, true}},
          0};
}

namespace {
// A few countries hold most users, as in real apps: weights of the 20 countries, largest first.
constexpr double kCountryWeights[] = {30, 14, 10, 8, 6, 5, 4, 4, 3, 3, 2, 2, 2, 1.5, 1.5, 1, 1, 1, 1, 1};
// visible, private, flagged, deleted.
constexpr double kStatusWeights[] = {70, 20, 7, 3};

template <std::size_t N>
std::int64_t weighted_pick(const double (&weights)[N], sim::Random& rng) {
  double total = 0;
  for (const double w : weights) total += w;
  double x = rng.unit() * total;
  for (std::size_t i = 0; i < N; ++i) {
    if (x < weights[i]) return static_cast<std::int64_t>(i);
    x -= weights[i];
  }
  return static_cast<std::int64_t>(N - 1);
}
}  // namespace

Table make_checkins(std::size_t rows, std::int64_t users, std::uint64_t seed) {
  assert(users >= 1);
  Table t(checkins_schema());
  sim::Random rng(seed);
  const sim::Zipf user_activity(static_cast<std::uint64_t>(users), 0.6);
  const sim::Zipf venue_popularity(5'000, 1.1);  // stadiums and airports
  std::int64_t created_at_ms = 1'700'000'000'000;
  for (std::size_t i = 0; i < rows; ++i) {
    const auto user = static_cast<std::int64_t>(user_activity.draw(rng));
    const std::int64_t country = weighted_pick(kCountryWeights, rng);
    const std::int64_t city = country * 100 + rng.between(0, 9);
    created_at_ms += 1 + static_cast<std::int64_t>(rng.below(2'000));
    t.add_row({static_cast<std::int64_t>(i) + 1, user, static_cast<std::int64_t>(venue_popularity.draw(rng)), country,
               city, created_at_ms, weighted_pick(kStatusWeights, rng)});
  }
  return t;
}

std::vector<ColumnGroup> split_columns(const TableSchema& schema, std::string_view spec, std::string* error) {
  auto fail = [&](std::string message) {
    if (error) *error = std::move(message);
    return std::vector<ColumnGroup>{};
  };
  std::vector<ColumnGroup> groups;
  std::set<std::size_t> used;
  std::size_t pos = 0;
  while (pos <= spec.size()) {
    const std::size_t bar = std::min(spec.find('|', pos), spec.size());
    const std::string_view part = spec.substr(pos, bar - pos);
    pos = bar + 1;
    const std::size_t eq = part.find('=');
    if (eq == std::string_view::npos || eq == 0) return fail("a column group is written name=col,col");
    ColumnGroup g;
    g.name = schema.name + "_" + std::string(part.substr(0, eq));
    g.columns.push_back(schema.primary_key);
    std::string_view cols = part.substr(eq + 1);
    while (!cols.empty()) {
      const std::size_t comma = std::min(cols.find(','), cols.size());
      const std::string_view name = cols.substr(0, comma);
      cols = comma < cols.size() ? cols.substr(comma + 1) : std::string_view{};
      const std::size_t c = schema.column(name);
      if (c == TableSchema::kNoColumn) return fail("no column \"" + std::string(name) + "\" in " + schema.name);
      if (c == schema.primary_key) continue;  // repeated in every group anyway
      if (!used.insert(c).second) return fail("column \"" + std::string(name) + "\" is in two groups");
      g.columns.push_back(c);
    }
    for (const std::size_t c : g.columns) g.bytes_per_row += schema.columns[c].bytes;
    groups.push_back(std::move(g));
  }
  if (used.size() + 1 != schema.columns.size()) return fail("every column must be in one group");
  return groups;
}

std::vector<std::vector<std::size_t>> split_rows(const Table& table, std::size_t key_column, std::uint32_t shards,
                                                 const std::function<ShardIndex(std::int64_t)>& owner) {
  std::vector<std::vector<std::size_t>> out(shards);
  const auto& keys = table.column(key_column);
  for (std::size_t r = 0; r < keys.size(); ++r) {
    const ShardIndex s = owner(keys[r]);
    assert(s < shards);
    out[s].push_back(r);
  }
  return out;
}

}  // namespace cs::sharding
