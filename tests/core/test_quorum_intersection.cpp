// Quorum arithmetic: R + W > N holds exactly when every read set meets every write set, checked
// by enumerating the subsets for every N up to 9; and the replica counts of the consistency levels.
#include <QtTest>

#include <bit>
#include <cstdint>
#include <vector>

#include "consistency/quorum.h"

using namespace cs::consistency;

namespace {

std::vector<std::uint32_t> subsets_of_size(std::size_t n, std::size_t size) {
  std::vector<std::uint32_t> out;
  for (std::uint32_t mask = 0; mask < (1u << n); ++mask) {
    if (static_cast<std::size_t>(std::popcount(mask)) == size) out.push_back(mask);
  }
  return out;
}

bool every_read_set_meets_every_write_set(std::size_t n, std::size_t r, std::size_t w) {
  const auto reads = subsets_of_size(n, r);
  const auto writes = subsets_of_size(n, w);
  for (auto read : reads) {
    for (auto write : writes) {
      if ((read & write) == 0) return false;
    }
  }
  return true;
}

}  // namespace

class TestQuorumIntersection : public QObject {
  Q_OBJECT

 private slots:
  void overlapRuleMatchesEnumeration() {
    int cases = 0, overlapping = 0;
    for (std::size_t n = 1; n <= 9; ++n) {
      for (std::size_t r = 1; r <= n; ++r) {
        for (std::size_t w = 1; w <= n; ++w) {
          const bool enumerated = every_read_set_meets_every_write_set(n, r, w);
          QVERIFY2(quorums_intersect(n, r, w) == enumerated,
                   qPrintable(QString("N=%1 R=%2 W=%3").arg(n).arg(r).arg(w)));
          ++cases;
          overlapping += enumerated ? 1 : 0;
        }
      }
    }
    QCOMPARE(cases, 285);  // sum of N^2 for N = 1..9
    // Both outcomes occur, so the check above could fail either way.
    QVERIFY(overlapping > 0 && overlapping < cases);
  }

  void majorityMeetsItself() {
    for (std::size_t n = 1; n <= 9; ++n) {
      QVERIFY(quorums_intersect(n, majority(n), majority(n)));
      // Two groups smaller than a majority can miss each other.
      QVERIFY(n < 2 || !quorums_intersect(n, n / 2, n - n / 2));
    }
    QCOMPARE(majority(3), std::size_t{2});
    QCOMPARE(majority(5), std::size_t{3});
    QCOMPARE(majority(6), std::size_t{4});
  }

  void levelsCountReplicas() {
    const ReplicaCounts one_dc{3, 3};
    QCOMPARE(required_answers(ConsistencyLevel::One, one_dc, 2), std::size_t{1});
    QCOMPARE(required_answers(ConsistencyLevel::Quorum, one_dc, 2), std::size_t{2});
    QCOMPARE(required_answers(ConsistencyLevel::All, one_dc, 2), std::size_t{3});
    QCOMPARE(required_answers(ConsistencyLevel::Default, one_dc, 2), std::size_t{2});
    QCOMPARE(required_answers(ConsistencyLevel::Default, one_dc, 7), std::size_t{3});  // clamped to N
    // RF 3 in each of two datacentres: QUORUM needs 4 of 6, LOCAL_QUORUM 2 of the local 3.
    const ReplicaCounts two_dcs{6, 3};
    QCOMPARE(required_answers(ConsistencyLevel::Quorum, two_dcs, 2), std::size_t{4});
    QCOMPARE(required_answers(ConsistencyLevel::LocalQuorum, two_dcs, 2), std::size_t{2});
    QVERIFY(counts_answer_from(ConsistencyLevel::LocalQuorum, true));
    QVERIFY(!counts_answer_from(ConsistencyLevel::LocalQuorum, false));
    QVERIFY(counts_answer_from(ConsistencyLevel::Quorum, false));
  }

  void levelNamesRoundTrip() {
    for (auto level : {ConsistencyLevel::Default, ConsistencyLevel::One, ConsistencyLevel::Quorum,
                       ConsistencyLevel::All, ConsistencyLevel::LocalQuorum}) {
      QCOMPARE(level_from_name(to_string(level)), std::optional<ConsistencyLevel>(level));
      QCOMPARE(level_from_wire(static_cast<std::uint8_t>(level)), level);
    }
    QVERIFY(!level_from_name("quorum"));  // exact spelling, as cqlsh prints it
    QCOMPARE(level_from_wire(99), ConsistencyLevel::Default);
  }
};

QTEST_GUILESS_MAIN(TestQuorumIntersection)
#include "test_quorum_intersection.moc"
