// ChunkedLog: copies share chunks, a change copies only the chunk it touches, and reading through
// any copy sees exactly the items that log holds.
#include <QtTest>

#include <algorithm>
#include <numeric>

#include "sim/chunked_log.h"

using Log = cs::sim::ChunkedLog<int, 4>;

class TestChunkedLog : public QObject {
  Q_OBJECT

 private slots:
  void appendsAndReads() {
    Log log;
    for (int i = 0; i < 10; ++i) QCOMPARE(log.push_back(i * 10), i * 10);
    QCOMPARE(log.size(), std::size_t{10});
    QCOMPARE(log[7], 70);
    QCOMPARE(log.back(), 90);
    QCOMPARE(std::accumulate(log.begin(), log.end(), 0), 450);
    QCOMPARE(*std::find(log.begin(), log.end(), 40), 40);
    QCOMPARE(std::distance(log.rbegin(), log.rend()), std::ptrdiff_t{10});
    QVERIFY_THROWS_EXCEPTION(std::out_of_range, log.at(10));
  }

  void copiesShareUntilOneChanges() {
    Log log;
    for (int i = 0; i < 10; ++i) log.push_back(i);
    QCOMPARE(log.unshared_chunks(), std::size_t{3});
    const Log copy = log;
    QCOMPARE(log.unshared_chunks(), std::size_t{0});
    log.mutable_at(1) = 100;  // copies the first chunk only
    QCOMPARE(log.unshared_chunks(), std::size_t{1});
    QCOMPARE(copy[1], 1);
    QCOMPARE(log[1], 100);
    log.push_back(10);  // the partial last chunk is copied before it grows
    QCOMPARE(copy.size(), std::size_t{10});
    QCOMPARE(log.size(), std::size_t{11});
    QCOMPARE(copy.back(), 9);
    QCOMPARE(log.back(), 10);
  }

  void itemsStayWhereTheyAre() {
    Log log;
    int& first = log.push_back(1);
    for (int i = 0; i < 100; ++i) log.push_back(i);
    first = 7;  // still the first item: chunks never move their items
    QCOMPARE(log[0], 7);
  }

  void truncateKeepsTheCopyIntact() {
    Log log;
    for (int i = 0; i < 10; ++i) log.push_back(i);
    const Log copy = log;
    log.truncate(6);
    QCOMPARE(log.size(), std::size_t{6});
    QCOMPARE(log.back(), 5);
    log.push_back(60);
    QCOMPARE(log[6], 60);
    QCOMPARE(copy[6], 6);
    QCOMPARE(copy.size(), std::size_t{10});
    log.truncate(0);
    QVERIFY(log.empty());
  }
};

QTEST_GUILESS_MAIN(TestChunkedLog)
#include "test_chunked_log.moc"
