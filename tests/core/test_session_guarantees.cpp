// The history detectors: stale reads and the four session guarantees, on hand-written histories
// whose verdicts are known, including the cases that must not be flagged.
#include <QtTest>

#include <vector>

#include "check/session_guarantees.h"
#include "check/staleness.h"

using namespace cs::check;
using cs::sim::Operation;
using cs::sim::OpStatus;
using cs::sim::OpType;

namespace {

// A history written as a list of operations; ids follow the order of the list.
struct HistoryBuilder {
  cs::sim::OpLog ops;

  HistoryBuilder& write(cs::sim::EndpointId client, std::int64_t key, std::int64_t value, cs::sim::TimeUs invoke_ms,
                        cs::sim::TimeUs complete_ms, OpStatus status = OpStatus::Ok) {
    return add(client, OpType::Write, key, value, true, invoke_ms, complete_ms, status);
  }
  HistoryBuilder& read(cs::sim::EndpointId client, std::int64_t key, std::optional<std::int64_t> value,
                       cs::sim::TimeUs invoke_ms, cs::sim::TimeUs complete_ms) {
    return add(client, OpType::Read, key, value.value_or(0), value.has_value(), invoke_ms, complete_ms, OpStatus::Ok);
  }
  HistoryBuilder& add(cs::sim::EndpointId client, OpType type, std::int64_t key, std::int64_t value, bool has_value,
                      cs::sim::TimeUs invoke_ms, cs::sim::TimeUs complete_ms, OpStatus status) {
    Operation op;
    op.id = ops.size() + 1;
    op.client = client;
    op.type = type;
    op.key = key;
    op.value = value;
    op.has_value = has_value;
    op.invoke_us = invoke_ms * 1000;
    op.complete_us = complete_ms * 1000;
    op.status = status;
    ops.push_back(op);
    return *this;
  }
};

std::vector<std::uint64_t> ids(const std::vector<SessionViolation>& v) {
  std::vector<std::uint64_t> out;
  for (const auto& x : v) out.push_back(x.op_id);
  return out;
}

bool one_sentence(const std::string& s) { return !s.empty() && s.back() == '.' && s.find(". ") == std::string::npos; }

constexpr cs::sim::EndpointId kAlice = 10, kBob = 11, kCarol = 12, kDave = 13;

}  // namespace

class TestSessionGuarantees : public QObject {
  Q_OBJECT

 private slots:
  void staleReadsNeedAnAcknowledgedNewerWrite() {
    HistoryBuilder h;
    h.write(kAlice, 1, 100, 0, 10)            // 1
        .write(kAlice, 1, 200, 20, 30)        // 2: acknowledged at 30
        .read(kBob, 1, 100, 40, 50)           // 3: stale (100 was over before 200 began)
        .read(kBob, 1, 200, 60, 70)           // 4: fresh
        .read(kBob, 1, std::nullopt, 80, 90)  // 5: nil after acknowledged writes: stale
        .write(kCarol, 1, 300, 100, 130)      // 6
        .read(kBob, 1, 200, 110, 120)         // 7: 300 not yet acknowledged: not stale
        .read(kDave, 1, 200, 140, 150);       // 8: 300 acknowledged at 130: stale
    const auto stale = find_stale_reads(h.ops);
    std::vector<std::uint64_t> got;
    for (const auto& s : stale) {
      got.push_back(s.read_id);
      QVERIFY2(one_sentence(s.reason), s.reason.c_str());
    }
    QCOMPARE(got, (std::vector<std::uint64_t>{3, 5, 8}));
    QCOMPARE(stale[0].newer_write_id, std::uint64_t{2});
  }

  void concurrentOrUncertainWritesAreNotStale() {
    HistoryBuilder h;
    h.write(kAlice, 1, 100, 0, 50)                     // 1
        .write(kBob, 1, 200, 10, 40)                   // 2: overlaps 1, so either may be newer
        .read(kCarol, 1, 100, 60, 70)                  // 3: fine: 100 may have been written last
        .write(kDave, 1, 300, 80, 90, OpStatus::Info)  // 4: timed out: may take effect any time
        .write(kAlice, 1, 400, 100, 110)               // 5
        .read(kCarol, 1, 300, 120, 130);               // 6: 300 has no known place in time
    QVERIFY(find_stale_reads(h.ops).empty());
  }

  void readYourWrites() {
    HistoryBuilder h;
    h.write(kBob, 1, 5, 0, 10)                    // 1
        .write(kAlice, 1, 100, 20, 30)            // 2
        .read(kAlice, 1, 5, 40, 50)               // 3: misses her own write: violation
        .read(kAlice, 1, 100, 60, 70)             // 4
        .write(kAlice, 2, 7, 80, 90)              // 5
        .read(kAlice, 2, std::nullopt, 100, 110)  // 6: nil after her write: violation
        .read(kBob, 1, 5, 120, 130)               // 7: Bob never wrote 100: not his guarantee
        .write(kCarol, 3, 1, 140, 150, OpStatus::Info)
        .read(kCarol, 3, std::nullopt, 160, 170);  // 9: the write's outcome is unknown
    const auto v = read_your_writes_violations(h.ops);
    QCOMPARE(ids(v), (std::vector<std::uint64_t>{3, 6}));
    QCOMPARE(v[0].cause_id, std::uint64_t{2});
    QCOMPARE(v[0].guarantee, SessionGuarantee::ReadYourWrites);
    for (const auto& x : v) QVERIFY2(one_sentence(x.reason), x.reason.c_str());
    QVERIFY(v[0].reason.find("own write of 100") != std::string::npos);
  }

  void monotonicReads() {
    HistoryBuilder h;
    h.write(kBob, 1, 100, 0, 10)
        .write(kBob, 1, 200, 20, 30)
        .read(kAlice, 1, 200, 40, 50)  // 3
        .read(kAlice, 1, 100, 60, 70)  // 4: back in time: violation
        .read(kAlice, 1, 200, 80, 90)
        .read(kCarol, 1, 100, 100, 110)  // 6: Carol never saw 200: stale, but monotonic for her
        .read(kCarol, 1, 100, 120, 130);
    const auto v = monotonic_reads_violations(h.ops);
    QCOMPARE(ids(v), (std::vector<std::uint64_t>{4}));
    QCOMPARE(v[0].cause_id, std::uint64_t{2});
    QVERIFY2(one_sentence(v[0].reason), v[0].reason.c_str());
    QVERIFY(v[0].reason.find("read 3") != std::string::npos);
  }

  void monotonicWrites() {
    // Alice writes x then y. Dave sees y, then reads x and finds nothing: for him the writes
    // arrived out of order. Carol reads x before seeing y: not a violation.
    HistoryBuilder h;
    h.write(kAlice, 1, 100, 0, 10)              // 1: x
        .write(kAlice, 2, 200, 20, 30)          // 2: y
        .read(kCarol, 1, std::nullopt, 40, 50)  // 3
        .read(kCarol, 2, 200, 60, 70)           // 4
        .read(kDave, 2, 200, 40, 50)            // 5
        .read(kDave, 1, std::nullopt, 60, 70)   // 6: violation
        .read(kDave, 1, 100, 80, 90);           // 7
    const auto v = monotonic_writes_violations(h.ops);
    QCOMPARE(ids(v), (std::vector<std::uint64_t>{6}));
    QCOMPARE(v[0].cause_id, std::uint64_t{1});
    QVERIFY2(one_sentence(v[0].reason), v[0].reason.c_str());
    QVERIFY(writes_follow_reads_violations(h.ops).empty());
  }

  void writesFollowReadsAnswerBeforeQuestion() {
    // Bob posts a question (key 1), Carol reads it and answers (key 2). Dave sees the answer and
    // then looks for the question, which is not there: an answer seen before the question.
    HistoryBuilder h;
    h.write(kBob, 1, 100, 0, 10)                // 1: question
        .read(kCarol, 1, 100, 20, 30)           // 2
        .write(kCarol, 2, 200, 40, 50)          // 3: answer
        .read(kDave, 2, 200, 60, 70)            // 4
        .read(kDave, 1, std::nullopt, 80, 90);  // 5: violation
    const auto v = writes_follow_reads_violations(h.ops);
    QCOMPARE(ids(v), (std::vector<std::uint64_t>{5}));
    QCOMPARE(v[0].cause_id, std::uint64_t{1});
    QVERIFY(v[0].reason.find("answer seen without its question") != std::string::npos);
    // The fix: Dave's replica keeps causal order, so he finds the question once he has the answer.
    h.ops.mutable_at(h.ops.size() - 1).has_value = true;
    h.ops.mutable_at(h.ops.size() - 1).value = 100;
    QVERIFY(writes_follow_reads_violations(h.ops).empty());
    QVERIFY(session_violations(h.ops).empty());
  }

  void allFourTogether() {
    HistoryBuilder h;
    h.write(kAlice, 1, 100, 0, 10).read(kAlice, 1, std::nullopt, 20, 30);
    const auto all = session_violations(h.ops);
    QCOMPARE(all.size(), std::size_t{1});
    QCOMPARE(all[0].guarantee, SessionGuarantee::ReadYourWrites);
    QCOMPARE(to_string(SessionGuarantee::WritesFollowReads), std::string_view("writes follow reads"));
  }
};

QTEST_GUILESS_MAIN(TestSessionGuarantees)
#include "test_session_guarantees.moc"
