// Balance metrics, and the four key workloads against the strategies that suit or defeat them.
#include <QtTest>

#include "sharding/hash.h"
#include "sharding/key_workload.h"
#include "sharding/placement.h"
#include "sharding/shard_metrics.h"

using namespace cs::sharding;

namespace {

// Requests per shard when `n` keys from `workload` are routed by `owner`.
template <class Owner>
std::vector<double> load_of(KeyWorkload workload, std::uint32_t shards, Owner owner, int n = 20'000) {
  KeyStream stream(workload, 42);
  std::vector<double> load(shards, 0);
  for (int i = 0; i < n; ++i) load[owner(stream.next())] += 1;
  return load;
}

ShardIndex hashed(std::int64_t k) { return mod_n_owner(hash_key(k), 4); }

}  // namespace

class TestShardingMetrics : public QObject {
  Q_OBJECT

 private slots:
  void balanceFigures() {
    QCOMPARE(imbalance({10, 10, 10, 10}), 1.0);
    QCOMPARE(imbalance({40, 0, 0, 0}), 4.0);
    QCOMPARE(imbalance({}), 0.0);
    QCOMPARE(coefficient_of_variation({5, 5}), 0.0);
    QVERIFY(std::abs(coefficient_of_variation({0, 10}) - 1.0) < 1e-12);
    QCOMPARE(count_hot({100, 10, 10, 10}, 2.0), std::size_t{1});
    QCOMPARE(count_hot({12, 10, 9, 10}, 2.0), std::size_t{0});
    QCOMPARE(count_hot({3, 0, 0, 0}, 2.0, 5.0), std::size_t{0});  // too little to be a hotspot
    QCOMPARE(count_moved({0, 1, 2}, {0, 2, 2}), std::size_t{1});
  }

  void uniformKeysSpreadUnderHashing() {
    const auto load = load_of({KeyPattern::Uniform, 10'000}, 4, hashed);
    QVERIFY2(imbalance(load) < 1.1, qPrintable(QString::number(imbalance(load))));
    QCOMPARE(count_hot(load, 2.0), std::size_t{0});
  }

  void timestampsMakeTheLastRangeHot() {
    KeyWorkload w{KeyPattern::Timestamps};
    w.first_timestamp_us = 1'000'000;
    // Ranges cut over the past: every new key is beyond the last split point.
    const RangeMap ranges = RangeMap::even(0, 1'000'000, 4);
    const auto by_range = load_of(w, 4, [&](std::int64_t k) { return ranges.owner(k); });
    QCOMPARE(by_range[3], 20'000.0);
    QCOMPARE(count_hot(by_range, 2.0), std::size_t{1});
    // Hashing the same timestamps spreads them.
    QVERIFY(imbalance(load_of(w, 4, hashed)) < 1.1);
  }

  void aCelebrityStaysHotEvenWhenHashed() {
    KeyWorkload w{KeyPattern::Celebrity, 10'000};
    w.celebrity_share = 0.5;
    const auto load = load_of(w, 4, hashed);
    QCOMPARE(count_hot(load, 2.0), std::size_t{1});
    QVERIFY(load[hashed(1)] > 0.55 * 20'000);
    // Hashing spreads keys, not the traffic of one key: the data itself is even.
    const auto keys = load_of({KeyPattern::Uniform, 10'000}, 4, hashed);
    QVERIFY(imbalance(keys) < 1.1);
  }

  void zipfIsSkewedButHashingSpreadsTheTail() {
    KeyWorkload w{KeyPattern::Zipf, 1'000};
    w.zipf_exponent = 1.2;
    KeyStream s(w, 1);
    int ones = 0;
    for (int i = 0; i < 10'000; ++i) ones += s.next() == 1;
    QVERIFY2(ones > 2'000, qPrintable(QString::number(ones)));  // rank 1 dominates
    const double skewed = imbalance(load_of(w, 4, hashed));
    QVERIFY(skewed > imbalance(load_of({KeyPattern::Uniform, 1'000}, 4, hashed)));
  }

  void streamsAreDeterministic() {
    KeyStream a({KeyPattern::Zipf, 100}, 9), b({KeyPattern::Zipf, 100}, 9);
    for (int i = 0; i < 100; ++i) QCOMPARE(a.next(), b.next());
    QCOMPARE(to_string(KeyPattern::Celebrity), std::string_view("celebrity"));
  }
};

QTEST_APPLESS_MAIN(TestShardingMetrics)
#include "test_sharding_metrics.moc"
