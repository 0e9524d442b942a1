// The copy-on-write map behind large node tables: it must behave as std::map for everything the
// models do, and a copy (a checkpoint) must never see a later change to the original.
#include <QtTest>

#include <cstdint>
#include <map>
#include <random>

#include "sim/cow_map.h"

using Map = cs::sim::CowMap<std::int64_t, std::int64_t, 4>;  // small leaves: many splits

namespace {

bool same(const Map& cow, const std::map<std::int64_t, std::int64_t>& ref) {
  if (cow.size() != ref.size()) return false;
  auto r = ref.begin();
  for (const auto& [k, v] : cow) {
    if (r == ref.end() || r->first != k || r->second != v) return false;
    ++r;
  }
  return true;
}

}  // namespace

class TestCowMap : public QObject {
  Q_OBJECT

 private slots:
  void behavesAsAStdMapThroughRandomChanges() {
    std::mt19937_64 random(11);
    Map cow;
    std::map<std::int64_t, std::int64_t> ref;
    for (int step = 0; step < 20'000; ++step) {
      const std::int64_t key = static_cast<std::int64_t>(random() % 300);
      switch (random() % 5) {
        case 0:
        case 1: cow[key] += step, ref[key] += step; break;
        case 2: QCOMPARE(cow.erase(key), ref.erase(key)); break;
        case 3: QCOMPARE(cow.emplace(key, step), ref.emplace(key, step).second); break;
        default: {
          const auto c = cow.lower_bound(key);
          const auto r = ref.lower_bound(key);
          QCOMPARE(c == cow.end(), r == ref.end());
          if (r != ref.end()) QCOMPARE(c->first, r->first);
        }
      }
      if (step % 1000 == 0) QVERIFY(same(cow, ref));
    }
    QVERIFY(same(cow, ref));
  }

  void appendBuildsTheSameMapAsInsertingInOrder() {
    Map appended;
    Map inserted;
    for (std::int64_t key = 3; key < 1000; key += 7) {
      appended.append(key, key * 2);
      inserted[key] = key * 2;
    }
    QVERIFY(appended == inserted);
    QCOMPARE(appended.size(), inserted.size());
    QCOMPARE(appended.find(10)->second, 20);
    QVERIFY(!appended.contains(11));
    // Changes after appending go where they belong.
    appended[4] = 1;
    inserted[4] = 1;
    appended.erase(10);
    inserted.erase(10);
    QVERIFY(appended == inserted);
  }

  void aCopyNeverSeesLaterChanges() {
    Map original;
    for (std::int64_t key = 0; key < 100; ++key) original.append(key, key);
    const Map checkpoint = original;
    original[50] = -1;
    original.erase(7);
    original.append(1000, 1);
    QCOMPARE(checkpoint.size(), std::size_t{100});
    QCOMPARE(checkpoint.find(50)->second, 50);
    QVERIFY(checkpoint.contains(7));
    QVERIFY(!checkpoint.contains(1000));
    QCOMPARE(original.find(50)->second, -1);
  }
};

QTEST_MAIN(TestCowMap)
#include "test_cow_map.moc"
