#pragma once
// A small table model: a schema (columns with a typical size and whether a value can change) and
// rows stored column by column. It can be cut two ways: vertically into column groups, each of
// which repeats the primary key so a record can be joined back together, or horizontally into
// sets of rows by a shard key. The generators build the lesson's users and check-ins tables.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "sharding/placement.h"

namespace cs::sharding {

struct ColumnSpec {
  std::string name;
  std::int32_t bytes = 8;  // typical stored size of one value
  bool changes = false;    // can change after the row is written (a user's city does; an id never)
};

struct TableSchema {
  std::string name;
  std::vector<ColumnSpec> columns;
  std::size_t primary_key = 0;

  static constexpr std::size_t kNoColumn = SIZE_MAX;
  std::size_t column(std::string_view column_name) const;  // kNoColumn if absent
  std::int64_t row_bytes() const;
};

// Rows stored by column: the advisor reads whole columns, a vertical split keeps whole columns.
class Table {
 public:
  static constexpr std::size_t kMaxRows = 10'000'000;

  explicit Table(TableSchema schema);
  void add_row(const std::vector<std::int64_t>& values);  // one value per column, in schema order
  std::size_t row_count() const { return columns_.empty() ? 0 : columns_.front().size(); }
  std::int64_t at(std::size_t row, std::size_t column) const { return columns_.at(column).at(row); }
  const std::vector<std::int64_t>& column(std::size_t c) const { return columns_.at(c); }
  const TableSchema& schema() const { return schema_; }

 private:
  TableSchema schema_;
  std::vector<std::vector<std::int64_t>> columns_;
};

// users(user_id, name, email, country, bio, avatar, last_login), as in the lesson's examples.
TableSchema users_schema();
// checkins(checkin_id, user_id, venue_id, country, city, created_at, status), as Foursquare's.
TableSchema checkins_schema();

// Check-ins in insertion order: ids and created_at grow with every row, some users and venues are
// far busier than others (Zipf), a few countries hold most rows, and most rows share one status.
Table make_checkins(std::size_t rows, std::int64_t users, std::uint64_t seed);

// ---- vertical partitioning ----

struct ColumnGroup {
  std::string name;                  // e.g. users_core
  std::vector<std::size_t> columns;  // schema indexes; the primary key first
  std::int64_t bytes_per_row = 0;
};

// Parses "core=name,email,country,last_login|profile=bio,avatar" into column groups named
// <table>_core, <table>_profile. Every non-key column must appear in exactly one group; the
// primary key is added to each. Returns an empty vector and sets `error` when the spec is wrong.
std::vector<ColumnGroup> split_columns(const TableSchema& schema, std::string_view spec, std::string* error);

// ---- horizontal partitioning ----

// Which rows each shard holds when rows are placed by the value in `key_column`.
std::vector<std::vector<std::size_t>> split_rows(const Table& table, std::size_t key_column, std::uint32_t shards,
                                                 const std::function<ShardIndex(std::int64_t)>& owner);

}  // namespace cs::sharding
