// The table model: schemas, generated check-ins, and cutting a table by columns or by rows.
#include <QtTest>

#include <numeric>
#include <set>

#include "sharding/hash.h"
#include "sharding/table.h"

using namespace cs::sharding;

class TestShardingTable : public QObject {
  Q_OBJECT

 private slots:
  void checkinsGrowInTimeAndAreSkewed() {
    const Table t = make_checkins(5'000, 1'000, 7);
    QCOMPARE(t.row_count(), std::size_t{5'000});
    const auto& created = t.column(t.schema().column("created_at"));
    for (std::size_t i = 1; i < created.size(); ++i) QVERIFY(created[i] > created[i - 1]);
    // Zipf activity: user 1 is far busier than the average user.
    const auto& users = t.column(t.schema().column("user_id"));
    const auto busiest = std::count(users.begin(), users.end(), 1);
    QVERIFY2(busiest > 5 * 5'000 / 1'000, qPrintable(QString::number(busiest)));
    QVERIFY(t.schema().columns[t.schema().column("city")].changes);
    QVERIFY(!t.schema().columns[t.schema().column("user_id")].changes);
    // Same seed, same table.
    QCOMPARE(make_checkins(100, 50, 7).column(1), make_checkins(100, 50, 7).column(1));
  }

  void verticalSplitRepeatsTheKeyAndCoversEveryColumnOnce() {
    const TableSchema users = users_schema();
    std::string error;
    const auto groups = split_columns(users, "core=name,email,country,last_login|profile=bio,avatar", &error);
    QVERIFY2(error.empty(), error.c_str());
    QCOMPARE(groups.size(), std::size_t{2});
    QCOMPARE(groups[0].name, std::string("users_core"));
    QCOMPARE(groups[1].name, std::string("users_profile"));
    std::multiset<std::size_t> seen;
    for (const auto& g : groups) {
      QCOMPARE(g.columns.front(), users.primary_key);  // each piece can be joined back on user_id
      seen.insert(g.columns.begin() + 1, g.columns.end());
    }
    QCOMPARE(seen.size() + 1, users.columns.size());
    QCOMPARE(std::set<std::size_t>(seen.begin(), seen.end()).size(), seen.size());
    // The profile group is the bulky one: that is why it is kept apart.
    QVERIFY(groups[1].bytes_per_row > 10 * groups[0].bytes_per_row);
  }

  void verticalSplitRejectsBadSpecs() {
    const TableSchema users = users_schema();
    std::string error;
    QVERIFY(split_columns(users, "core=name,email|profile=bio,avatar", &error).empty());
    QVERIFY(error.find("every column") != std::string::npos);
    QVERIFY(split_columns(users, "core=name,name,email,country,last_login|p=bio,avatar", &error).empty());
    QVERIFY(error.find("two groups") != std::string::npos);
    QVERIFY(split_columns(users, "core=name,shoe_size|p=bio", &error).empty());
    QVERIFY(error.find("shoe_size") != std::string::npos);
    QVERIFY(split_columns(users, "name,email", &error).empty());
  }

  void horizontalSplitPutsEveryRowOnExactlyOneShard() {
    const Table t = make_checkins(2'000, 300, 11);
    const std::size_t user = t.schema().column("user_id");
    const auto parts = split_rows(t, user, 4, [](std::int64_t v) { return static_cast<ShardIndex>(hash_key(v) % 4); });
    std::size_t total = 0;
    for (std::uint32_t s = 0; s < 4; ++s) {
      total += parts[s].size();
      for (const auto r : parts[s]) QCOMPARE(static_cast<ShardIndex>(hash_key(t.at(r, user)) % 4), ShardIndex{s});
    }
    QCOMPARE(total, t.row_count());
  }
};

QTEST_APPLESS_MAIN(TestShardingTable)
#include "test_sharding_table.moc"
