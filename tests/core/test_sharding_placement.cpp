// Placement rules: stable hashing, hash mod N, the consistent-hash ring, ranges, and the routing
// table that follows a rebalance; plus the bench's placement at a small size.
#include <QtTest>

#include <map>
#include <set>

#include "bench/shard_bench.h"
#include "sharding/hash.h"
#include "sharding/placement.h"
#include "sharding/routing_table.h"
#include "sharding/shard_metrics.h"
#include "sim/random.h"

using namespace cs::sharding;

namespace {

double moved_fraction_mod_n(std::uint32_t before, std::uint32_t after, std::int64_t keys) {
  std::size_t moved = 0;
  for (std::int64_t k = 1; k <= keys; ++k) {
    moved += mod_n_owner(hash_key(k), before) != mod_n_owner(hash_key(k), after) ? 1 : 0;
  }
  return static_cast<double>(moved) / static_cast<double>(keys);
}

std::int64_t fake_clock() {
  static std::int64_t t = 0;
  return t += 1000;
}

}  // namespace

class TestShardingPlacement : public QObject {
  Q_OBJECT

 private slots:
  void hashIsStableAndScattersNeighbours() {
    // Fixed values: the same key must land on the same shard on every platform and compiler.
    QCOMPARE(mix64(0), 0xE220A8397B1DCDAFULL);
    QCOMPARE(hash_key(1), mix64(1));
    QCOMPARE(fnv1a("a"), 0xAF63DC4C8601EC8CULL);
    QVERIFY(hash_key(1) != hash_key(2));
    // Consecutive keys: about a quarter of neighbours share a shard out of four, not all of them.
    int same = 0;
    for (std::int64_t k = 1; k < 1000; ++k) same += mod_n_owner(hash_key(k), 4) == mod_n_owner(hash_key(k + 1), 4);
    QVERIFY2(same > 180 && same < 320, qPrintable(QString::number(same)));
    const double p = ring_position(~std::uint64_t{0});
    QVERIFY(p < 1.0 && p > 0.999);
  }

  void modNMovesMostKeys() {
    const double four_to_five = moved_fraction_mod_n(4, 5, 100'000);
    QVERIFY2(std::abs(four_to_five - 0.8) < 0.01, qPrintable(QString::number(four_to_five)));
    const double nine_to_ten = moved_fraction_mod_n(9, 10, 100'000);
    QVERIFY2(std::abs(nine_to_ten - 0.9) < 0.01, qPrintable(QString::number(nine_to_ten)));
  }

  void ringOwnerIsFirstPositionClockwise() {
    const HashRing ring(5, 8);
    QCOMPARE(ring.points().size(), std::size_t{40});
    cs::sim::Random rng(3);
    for (int i = 0; i < 2000; ++i) {
      const std::uint64_t h = rng.next_u64();
      // Brute force: the smallest position >= h, else the smallest of all.
      const HashRing::Point* best = nullptr;
      for (const auto& p : ring.points()) {
        if (p.position >= h && (!best || p.position < best->position)) best = &p;
      }
      if (!best) best = &ring.points().front();
      QCOMPARE(ring.owner(h), best->shard);
    }
    QCOMPARE(ring.owner(ring.points()[7].position), ring.points()[7].shard);
  }

  void ringJoinMovesAboutOneOverNPlusOneAndOnlyToTheNewcomer() {
    for (const std::uint32_t vnodes : {64u, 256u}) {
      HashRing ring(4, vnodes);
      const std::int64_t keys = 50'000;
      std::vector<ShardIndex> before, after;
      for (std::int64_t k = 1; k <= keys; ++k) before.push_back(ring.owner(hash_key(k)));
      ring.add_shard(4, vnodes);
      for (std::int64_t k = 1; k <= keys; ++k) after.push_back(ring.owner(hash_key(k)));
      const double fraction = static_cast<double>(count_moved(before, after)) / keys;
      QVERIFY2(fraction > 0.14 && fraction < 0.26, qPrintable(QString::number(fraction)));
      std::set<ShardIndex> givers;
      for (std::size_t i = 0; i < before.size(); ++i) {
        if (before[i] == after[i]) continue;
        QCOMPARE(after[i], ShardIndex{4});
        givers.insert(before[i]);
      }
      QCOMPARE(givers.size(), std::size_t{4});  // a little from every old shard
    }
  }

  void moreVirtualNodesEvenTheSpread() {
    auto cv_for = [](std::uint32_t vnodes) {
      const HashRing ring(8, vnodes);
      std::vector<double> counts(8, 0);
      for (std::int64_t k = 1; k <= 40'000; ++k) counts[ring.owner(hash_key(k))] += 1;
      return coefficient_of_variation(counts);
    };
    const double one = cv_for(1);
    const double many = cv_for(128);
    QVERIFY2(many < one && many < 0.1, qPrintable(QString("%1 %2").arg(one).arg(many)));
  }

  void rangeMapSplitsAndFindsRanges() {
    RangeMap m = RangeMap::even(1, 400, 4);
    QCOMPARE(m.size(), std::size_t{4});
    QCOMPARE(m.owner(1), ShardIndex{0});
    QCOMPARE(m.owner(100), ShardIndex{0});
    QCOMPARE(m.owner(101), ShardIndex{1});
    QCOMPARE(m.owner(-5), ShardIndex{0});         // below everything: the first range
    QCOMPARE(m.owner(1'000'000), ShardIndex{3});  // the last range has no upper end
    QVERIFY(m.is_last(m.range_of(1'000'000)));
    QVERIFY(m.split(350));
    QVERIFY(!m.split(350));  // already a boundary
    QCOMPARE(m.size(), std::size_t{5});
    QCOMPARE(m.owner(360), ShardIndex{3});
    m.set_owner(m.range_of(360), 1);
    QCOMPARE(m.owner(349), ShardIndex{3});
    QCOMPARE(m.owner(360), ShardIndex{1});
    QCOMPARE(m.ranges_owned(1), std::size_t{2});
    QCOMPARE(m.end(m.range_of(320)), std::int64_t{350});
  }

  void routingTableFollowsHashMoves() {
    RoutingTable t(Strategy::HashMod, 4, 1, RangeMap::even(1, 100, 4));
    const auto moves = t.join();
    QCOMPARE(moves.size(), std::size_t{16});  // every ordered pair of distinct shards, to a shard < 5
    QCOMPARE(t.shards(), 5u);
    std::int64_t key = 1;
    while (mod_n_owner(hash_key(key), 4) == mod_n_owner(hash_key(key), 5)) ++key;
    const ShardIndex from = mod_n_owner(hash_key(key), 4);
    const ShardIndex to = mod_n_owner(hash_key(key), 5);
    QCOMPARE(t.owner(key), from);  // until the chunk has moved, the old owner serves it
    const Move* m = t.move_covering(key);
    QVERIFY(m && m->from == from && m->to == to);
    QVERIFY(t.covers(*m, key));
    QVERIFY(t.mark_done(m->id));
    QCOMPARE(t.owner(key), to);
    QVERIFY(!t.move_covering(key));
    // A node that missed the join catches up from the epoch a message carries.
    RoutingTable late(Strategy::HashMod, 4, 1, RangeMap::even(1, 100, 4));
    late.join_until(1);
    QCOMPARE(late.shards(), 5u);
    QCOMPARE(late.owner(key), from);
  }

  void routingTableFollowsRangeMoves() {
    RoutingTable t(Strategy::Range, 2, 1, RangeMap::even(1, 100, 2));
    QVERIFY(t.split(80));
    Move m;
    m.id = RoutingTable::kFirstRangeMoveId;
    m.from = 1;
    m.to = 0;
    m.is_range = true;
    m.lo = 80;
    m.hi = std::numeric_limits<std::int64_t>::max();
    t.add_move(m);
    QCOMPARE(t.owner(90), ShardIndex{1});
    QVERIFY(t.move_covering(90));
    QVERIFY(!t.move_covering(70));
    t.mark_done(m.id);
    QCOMPARE(t.owner(90), ShardIndex{0});
    QCOMPARE(t.owner(70), ShardIndex{1});
    // A router that never heard of the split learns the range from a shard's answer.
    RoutingTable stale(Strategy::Range, 2, 1, RangeMap::even(1, 100, 2));
    stale.learn_range(80, std::numeric_limits<std::int64_t>::max(), 0);
    QCOMPARE(stale.owner(1'000), ShardIndex{0});
    QCOMPARE(stale.owner(79), ShardIndex{1});
  }

  void benchPlacementIsCorrectAtSmallSize() {
    const auto r = cs::bench::place_then_join(20'000, 50, 64, fake_clock);
    QCOMPARE(r.owners.size(), std::size_t{20'000});
    const double fraction = static_cast<double>(r.moved.size()) / 20'000.0;
    QVERIFY2(fraction > 0.5 / 51 && fraction < 2.0 / 51, qPrintable(QString::number(fraction)));
    HashRing ring(51, 64);  // the same ring built in one go gives the same owners
    for (std::uint32_t k = 0; k < 20'000; k += 97) QCOMPARE(r.owners[k], ring.owner(hash_key(k + 1)));
    for (const auto k : r.moved) QCOMPARE(r.owners[k], ShardIndex{50});
    // Memory that grows with keys: the key and its owner (plus the few moved indexes), and only
    // that: ten times the keys, ten times the bytes.
    QVERIFY(r.per_key_bytes >= 20'000 * 12 && r.per_key_bytes < 20'000 * 14);
    const auto big = cs::bench::place_then_join(200'000, 50, 64, fake_clock);
    const double ratio = static_cast<double>(big.per_key_bytes) / static_cast<double>(r.per_key_bytes);
    QVERIFY2(ratio > 9.5 && ratio < 10.5, qPrintable(QString::number(ratio)));
    QCOMPARE(big.ring_bytes, r.ring_bytes);  // the ring does not grow with keys
  }
};

QTEST_APPLESS_MAIN(TestShardingPlacement)
#include "test_sharding_placement.moc"
