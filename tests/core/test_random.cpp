// The project's own random generator and distributions: fixed streams, correct shapes.
#include <QtTest>

#include <cmath>

#include "sim/random.h"

using cs::sim::Random;
using cs::sim::Zipf;

class TestRandom : public QObject {
  Q_OBJECT

 private slots:
  void sameSeedSameStream() {
    Random a(42), b(42), c(43);
    bool differs = false;
    for (int i = 0; i < 1000; ++i) {
      const auto x = a.next_u64();
      QCOMPARE(x, b.next_u64());
      differs = differs || x != c.next_u64();
    }
    QVERIFY(differs);
  }

  void knownFirstValues() {
    // Pinned so that a change to the generator (which would change every run) is noticed.
    Random r(1);
    const std::uint64_t first = r.next_u64();
    const std::uint64_t second = r.next_u64();
    Random again(1);
    QCOMPARE(again.next_u64(), first);
    QCOMPARE(again.next_u64(), second);
    QCOMPARE(first, Q_UINT64_C(0xb3f2af6d0fc710c5));
  }

  void belowStaysInRangeAndCoversIt() {
    Random r(7);
    std::array<int, 6> counts{};
    for (int i = 0; i < 60000; ++i) {
      const auto v = r.below(6);
      QVERIFY(v < 6);
      ++counts[v];
    }
    for (int c : counts) QVERIFY2(std::abs(c - 10000) < 500, qPrintable(QString::number(c)));
  }

  void betweenIsInclusive() {
    Random r(3);
    bool saw_lo = false, saw_hi = false;
    for (int i = 0; i < 10000; ++i) {
      const auto v = r.between(-2, 2);
      QVERIFY(v >= -2 && v <= 2);
      saw_lo = saw_lo || v == -2;
      saw_hi = saw_hi || v == 2;
    }
    QVERIFY(saw_lo && saw_hi);
  }

  void exponentialMean() {
    Random r(5);
    double sum = 0;
    const int n = 200000;
    for (int i = 0; i < n; ++i) sum += r.exponential(10.0);
    QVERIFY(std::abs(sum / n - 10.0) < 0.2);
  }

  void normalMeanAndDeviation() {
    Random r(9);
    double sum = 0, sq = 0;
    const int n = 200000;
    for (int i = 0; i < n; ++i) {
      const double x = r.normal(5.0, 2.0);
      sum += x;
      sq += x * x;
    }
    const double mean = sum / n;
    const double sd = std::sqrt(sq / n - mean * mean);
    QVERIFY(std::abs(mean - 5.0) < 0.03);
    QVERIFY(std::abs(sd - 2.0) < 0.03);
  }

  void zipfFavoursLowRanks() {
    Random r(11);
    Zipf z(100, 1.0);
    std::vector<int> counts(101, 0);
    const int n = 200000;
    for (int i = 0; i < n; ++i) {
      const auto k = z.draw(r);
      QVERIFY(k >= 1 && k <= 100);
      ++counts[k];
    }
    // P(1)/P(2) = 2 for s = 1; the harmonic number H(100) ~ 5.187 gives P(1) ~ 0.193.
    QVERIFY(std::abs(static_cast<double>(counts[1]) / n - 0.193) < 0.01);
    QVERIFY(std::abs(static_cast<double>(counts[1]) / counts[2] - 2.0) < 0.15);
    QVERIFY(counts[1] > counts[10] && counts[10] > counts[100]);
  }
};

QTEST_APPLESS_MAIN(TestRandom)
#include "test_random.moc"
