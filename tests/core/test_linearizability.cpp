// Hand-written histories for each model, good and bad, with crashed and failed operations; the
// evidence a "not linearizable" verdict carries; budgets that end in `unknown`.
#include <QtTest>

#include "check/explain.h"
#include "check/linearizability.h"
#include "test_support.h"

using namespace cs::check;
using test::HistoryBuilder;
using test::nil;
using test::text;
using test::v;

namespace {

Verdict verdict(const HistoryBuilder& b, Model model) { return check_linearizability(b.history(), model).verdict; }

// N crashed writes, all open from the start, then one process reads 1, 2, ..., N and 1 again. The
// last read is impossible (write 1 came before write 2), but proving it means trying the crashed
// writes in every subset: about 2^N (set, value) pairs.
// A shape the look-ahead does not shorten: n writes all at once, then reads of 1, 2 and 1 again,
// which no order allows (1 was written once). Only writes 1 and 2 matter, but every subset of the
// others, each with its last write, is a state the search must try: about n 2^n steps to refute.
HistoryBuilder exponential_history(int n) {
  HistoryBuilder b;
  for (int i = 1; i <= n; ++i) b.write(i, v(i), 0, 1000);
  b.read(0, v(1), 1010, 1015).read(0, v(2), 1020, 1025).read(0, v(1), 1030, 1035);
  return b;
}

}  // namespace

class TestLinearizability : public QObject {
  Q_OBJECT

 private slots:
  // ---- register -------------------------------------------------------------------------------
  void registerSequentialReadSeesTheWrite() {
    HistoryBuilder b;
    b.write(1, v(1), 0, 10).read(2, v(1), 20, 30);
    const auto r = check_linearizability(b.history(), Model::Register);
    QCOMPARE(r.verdict, Verdict::Linearizable);
    QCOMPARE(r.keys.size(), std::size_t{1});
    QCOMPARE(r.keys[0].order, (std::vector<std::uint64_t>{1, 2}));
    QCOMPARE(r.keys[0].value_after_order, v(1));
  }

  void registerReadsDuringAWriteMayGoFromOldToNew() {
    HistoryBuilder b;
    b.write(1, v(1), 0, 100).read(2, nil(), 10, 20).read(3, v(1), 30, 40);
    QCOMPARE(verdict(b, Model::Register), Verdict::Linearizable);
  }

  void registerReadsDuringAWriteMustNotGoBack() {
    // Once a read has seen the new value, a later read must not see the old one.
    HistoryBuilder b;
    b.write(1, v(1), 0, 100).read(2, v(1), 10, 20).read(3, nil(), 30, 40);
    QCOMPARE(verdict(b, Model::Register), Verdict::NotLinearizable);
  }

  void registerStaleReadIsCaughtWithEvidence() {
    HistoryBuilder b;
    b.write(1, v(1), 0, 10).write(1, v(2), 20, 30).read(2, v(1), 40, 50);
    const auto r = check_linearizability(b.history(), Model::Register);
    QCOMPARE(r.verdict, Verdict::NotLinearizable);
    const KeyResult& k = r.keys[0];
    QCOMPARE(k.order, (std::vector<std::uint64_t>{1, 2}));
    QCOMPARE(k.value_after_order, v(2));
    QCOMPARE(k.blocking_op, std::uint64_t{3});
    QCOMPARE(k.stuck_ops, (std::vector<std::uint64_t>{3}));
    QCOMPARE(r.offending_ops(), (std::vector<std::uint64_t>{3}));
    const auto lines = explain(r, b.history());
    QVERIFY(lines.size() >= 2);
    QVERIFY(lines[0].find("2 of 3 operations") != std::string::npos);
    QVERIFY(lines[0].find("value 2") != std::string::npos);
    QVERIFY(lines[1].find("op 3") != std::string::npos && lines[1].find("completed before") != std::string::npos);
  }

  void registerReadOfANeverWrittenValue() {
    HistoryBuilder b;
    b.read(1, nil(), 0, 10).read(1, v(5), 20, 30);
    QCOMPARE(verdict(b, Model::Register), Verdict::NotLinearizable);
  }

  void registerCrashedWriteMayTakeEffect() {
    HistoryBuilder b;
    b.crashed_write(1, v(1), 0).read(2, v(1), 50, 60);
    const auto r = check_linearizability(b.history(), Model::Register);
    QCOMPARE(r.verdict, Verdict::Linearizable);
    QCOMPARE(r.keys[0].order, (std::vector<std::uint64_t>{1, 2}));
  }

  void registerCrashedWriteMayNotTakeEffect() {
    HistoryBuilder b;
    b.write(1, v(1), 0, 10).crashed_write(2, v(2), 20).read(3, v(1), 30, 40).read(3, v(1), 50, 60);
    QCOMPARE(verdict(b, Model::Register), Verdict::Linearizable);
  }

  void registerCrashedWriteSeenCannotBeUndone() {
    // The crashed write took effect (someone read 2); the older value cannot come back.
    HistoryBuilder b;
    b.write(1, v(1), 0, 10).crashed_write(2, v(2), 20).read(3, v(2), 30, 40).read(3, v(1), 50, 60);
    QCOMPARE(verdict(b, Model::Register), Verdict::NotLinearizable);
  }

  void registerCrashedWriteTakesEffectLate() {
    // Invoked early, seen only much later, after other writes: still allowed.
    HistoryBuilder b;
    b.crashed_write(1, v(9), 0).write(2, v(1), 10, 20).read(3, v(1), 30, 40).read(3, v(9), 50, 60);
    QCOMPARE(verdict(b, Model::Register), Verdict::Linearizable);
  }

  void registerFailedWriteMustNotBeSeen() {
    HistoryBuilder ok;
    ok.write(1, v(1), 0, 10).write(2, v(2), 20, 30, OpOutcome::Fail).read(3, v(1), 40, 50);
    QCOMPARE(verdict(ok, Model::Register), Verdict::Linearizable);
    HistoryBuilder bad;
    bad.write(1, v(1), 0, 10).write(2, v(2), 20, 30, OpOutcome::Fail).read(3, v(2), 40, 50);
    QCOMPARE(verdict(bad, Model::Register), Verdict::NotLinearizable);
  }

  void registerTiesCountAsConcurrent() {
    // The read is invoked at the very microsecond the write completes: they may overlap.
    HistoryBuilder b;
    b.write(1, v(1), 0, 10).write(2, v(2), 10, 20).read(3, v(1), 20, 30);
    QCOMPARE(verdict(b, Model::Register), Verdict::Linearizable);
  }

  void keysAreCheckedSeparately() {
    HistoryBuilder b;
    b.write(1, v(1), 0, 10, OpOutcome::Ok, "10").read(2, v(1), 20, 30, OpOutcome::Ok, "10");
    b.write(1, v(1), 0, 10, OpOutcome::Ok, "2").read(2, v(7), 20, 30, OpOutcome::Ok, "2");
    // The same value under another key is no excuse.
    b.read(3, v(1), 40, 50, OpOutcome::Ok, "x");
    const auto r = check_linearizability(b.history(), Model::Register);
    QCOMPARE(r.verdict, Verdict::NotLinearizable);
    QCOMPARE(r.keys.size(), std::size_t{3});
    QCOMPARE(r.keys[0].key, std::string("2"));  // numeric keys in numeric order
    QCOMPARE(r.keys[0].verdict, Verdict::NotLinearizable);
    QCOMPARE(r.keys[1].key, std::string("10"));
    QCOMPARE(r.keys[1].verdict, Verdict::Linearizable);
    QCOMPARE(r.keys[2].verdict, Verdict::NotLinearizable);
    QCOMPARE(r.offending_ops(), (std::vector<std::uint64_t>{4, 5}));
  }

  // ---- cas-register ---------------------------------------------------------------------------
  void casSucceedsOnTheExpectedValue() {
    HistoryBuilder b;
    b.write(1, v(0), 0, 10).cas(2, v(0), v(1), 20, 30).read(3, v(1), 40, 50);
    QCOMPARE(verdict(b, Model::CasRegister), Verdict::Linearizable);
  }

  void casTwiceFromTheSameValueIsImpossible() {
    HistoryBuilder b;
    b.write(1, v(0), 0, 10).cas(2, v(0), v(1), 20, 30).cas(3, v(0), v(2), 40, 50);
    const auto r = check_linearizability(b.history(), Model::CasRegister);
    QCOMPARE(r.verdict, Verdict::NotLinearizable);
    QCOMPARE(r.keys[0].blocking_op, std::uint64_t{3});
    QCOMPARE(r.keys[0].value_after_order, v(1));
  }

  void concurrentCasesOnlyOneWinsFromAValue() {
    HistoryBuilder bad;
    bad.write(1, v(0), 0, 10).cas(2, v(0), v(1), 20, 60).cas(3, v(0), v(2), 30, 70).read(4, v(2), 80, 90);
    QCOMPARE(verdict(bad, Model::CasRegister), Verdict::NotLinearizable);
    HistoryBuilder chained;
    chained.write(1, v(0), 0, 10).cas(2, v(0), v(1), 20, 60).cas(3, v(1), v(2), 30, 70).read(4, v(2), 80, 90);
    QCOMPARE(verdict(chained, Model::CasRegister), Verdict::Linearizable);
  }

  void crashedCasMayTakeEffect() {
    HistoryBuilder b;
    b.write(1, v(0), 0, 10).cas(2, v(0), v(1), 20, kNoTime, OpOutcome::Info).read(3, v(1), 40, 50);
    QCOMPARE(verdict(b, Model::CasRegister), Verdict::Linearizable);
    b.read(3, v(0), 60, 70);  // ...but not be undone afterwards
    QCOMPARE(verdict(b, Model::CasRegister), Verdict::NotLinearizable);
  }

  void crashedCasStillNeedsItsExpectedValue() {
    HistoryBuilder b;
    b.write(1, v(0), 0, 10).cas(2, v(5), v(1), 20, kNoTime, OpOutcome::Info).read(3, v(1), 40, 50);
    QCOMPARE(verdict(b, Model::CasRegister), Verdict::NotLinearizable);
  }

  void failedCasDidNotHappen() {
    HistoryBuilder b;
    b.write(1, v(0), 0, 10).cas(2, v(0), v(1), 20, 30, OpOutcome::Fail).read(3, v(0), 40, 50);
    QCOMPARE(verdict(b, Model::CasRegister), Verdict::Linearizable);
    HistoryBuilder seen;
    seen.write(1, v(0), 0, 10).cas(2, v(0), v(1), 20, 30, OpOutcome::Fail).read(3, v(1), 40, 50);
    QCOMPARE(verdict(seen, Model::CasRegister), Verdict::NotLinearizable);
  }

  // ---- kv -------------------------------------------------------------------------------------
  void kvAppendsInOrder() {
    HistoryBuilder b;
    b.write(1, text("a"), 0, 10).append(2, text("b"), 20, 30).read(3, text("ab"), 40, 50);
    const auto r = check_linearizability(b.history(), Model::Kv);
    QCOMPARE(r.verdict, Verdict::Linearizable);
    QCOMPARE(r.keys[0].value_after_order, text("ab"));
    HistoryBuilder bad;
    bad.write(1, text("a"), 0, 10).append(2, text("b"), 20, 30).read(3, text("ba"), 40, 50);
    QCOMPARE(verdict(bad, Model::Kv), Verdict::NotLinearizable);
  }

  void kvConcurrentAppendsInEitherOrderButBoth() {
    for (const char* seen : {"xy", "yx"}) {
      HistoryBuilder b;
      b.append(1, text("x"), 0, 100).append(2, text("y"), 0, 100).read(3, text(seen), 200, 210);
      QCOMPARE(verdict(b, Model::Kv), Verdict::Linearizable);
    }
    HistoryBuilder lost;
    lost.append(1, text("x"), 0, 100).append(2, text("y"), 0, 100).read(3, text("x"), 200, 210);
    QCOMPARE(verdict(lost, Model::Kv), Verdict::NotLinearizable);
  }

  void kvCrashedAppendMayOrMayNotTakeEffect() {
    for (const char* seen : {"a", "ab"}) {
      HistoryBuilder b;
      b.write(1, text("a"), 0, 10).append(2, text("b"), 20, kNoTime, OpOutcome::Info).read(3, text(seen), 40, 50);
      QCOMPARE(verdict(b, Model::Kv), Verdict::Linearizable);
    }
    HistoryBuilder flicker;
    flicker.write(1, text("a"), 0, 10).append(2, text("b"), 20, kNoTime, OpOutcome::Info);
    flicker.read(3, text("ab"), 40, 50).read(3, text("a"), 60, 70);
    QCOMPARE(verdict(flicker, Model::Kv), Verdict::NotLinearizable);
  }

  void kvIntegersAreTheirDecimalText() {
    HistoryBuilder b;
    b.write(1, v(1), 0, 10).append(2, v(2), 20, 30).read(3, text("12"), 40, 50).read(3, v(12), 60, 70);
    QCOMPARE(verdict(b, Model::Kv), Verdict::Linearizable);
  }

  void kvAbsentKeyReadsNil() {
    HistoryBuilder b;
    b.read(1, nil(), 0, 10, OpOutcome::Ok, "k1").write(2, text("v"), 20, 30, OpOutcome::Ok, "k2");
    b.read(1, nil(), 40, 50, OpOutcome::Ok, "k1");
    QCOMPARE(verdict(b, Model::Kv), Verdict::Linearizable);
    b.read(1, text(""), 60, 70, OpOutcome::Ok, "k1");  // empty text is not absence
    QCOMPARE(verdict(b, Model::Kv), Verdict::NotLinearizable);
  }

  // ---- budgets --------------------------------------------------------------------------------
  void stepBudgetEndsInUnknown() {
    const HistoryBuilder b = exponential_history(16);
    CheckBudget budget;
    budget.max_steps = 5'000;
    const auto r = check_linearizability(b.history(), Model::Register, budget);
    QCOMPARE(r.verdict, Verdict::Unknown);
    QCOMPARE(r.keys[0].unknown_reason, std::string("step budget"));
    QVERIFY(r.steps <= 5'000);
    // With room to finish, the same history is decided.
    QCOMPARE(check_linearizability(exponential_history(8).history(), Model::Register).verdict,
             Verdict::NotLinearizable);
  }

  void timeBudgetUsesTheCallersClock() {
    std::int64_t fake_ns = 0;
    CheckBudget budget;
    budget.max_time_ns = 5'000'000;
    budget.now_ns = [&] { return fake_ns += 1'000'000; };  // every look costs a millisecond
    const auto r = check_linearizability(exponential_history(20).history(), Model::Register, budget);
    QCOMPARE(r.verdict, Verdict::Unknown);
    QCOMPARE(r.keys[0].unknown_reason, std::string("time budget"));
  }

  void memoryBudgetEndsInUnknown() {
    CheckBudget budget;
    budget.max_memory_bytes = 64 * 1024;
    const auto r = check_linearizability(exponential_history(20).history(), Model::Register, budget);
    QCOMPARE(r.verdict, Verdict::Unknown);
    QCOMPARE(r.keys[0].unknown_reason, std::string("memory budget"));
  }

  void anExhaustedBudgetLeavesLaterKeysUnknownNotPassed() {
    HistoryBuilder b;
    b.write(1, v(1), 0, 10, OpOutcome::Ok, "small").read(2, v(1), 20, 30, OpOutcome::Ok, "small");
    for (int i = 1; i <= 16; ++i) b.write(i, v(i), 0, 1000, OpOutcome::Ok, "big");
    b.read(0, v(1), 1010, 1015, OpOutcome::Ok, "big").read(0, v(2), 1020, 1025, OpOutcome::Ok, "big");
    b.read(0, v(1), 1030, 1035, OpOutcome::Ok, "big");
    CheckBudget budget;
    budget.max_steps = 2'000;
    const auto r = check_linearizability(b.history(), Model::Register, budget);
    QCOMPARE(r.verdict, Verdict::Unknown);
    QCOMPARE(r.keys.size(), std::size_t{2});
    QCOMPARE(r.keys[0].key, std::string("big"));
    QCOMPARE(r.keys[0].verdict, Verdict::Unknown);
    QCOMPARE(r.keys[1].verdict, Verdict::Linearizable);  // small keys go first
  }

  // ---- inputs the checker refuses --------------------------------------------------------------
  void operationsOutsideTheModelAreRefused() {
    HistoryBuilder b;
    b.cas(1, v(0), v(1), 0, 10);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, check_linearizability(b.history(), Model::Register));
    QCOMPARE(infer_model(b.history()), Model::CasRegister);
    HistoryBuilder a;
    a.append(1, text("x"), 0, 10);
    QCOMPARE(infer_model(a.history()), Model::Kv);
    QVERIFY(unsupported_operation(Model::CasRegister, a.history()).has_value());
  }

  void duplicateIdsAreRefused() {
    HistoryBuilder b;
    b.write(1, v(1), 0, 10).read(2, v(1), 20, 30);
    OpHistory h = b.history();
    h.ops[1].id = h.ops[0].id;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, check_linearizability(h, Model::Register));
  }

  void emptyHistoryIsLinearizable() {
    QCOMPARE(check_linearizability(OpHistory{}, Model::Register).verdict, Verdict::Linearizable);
  }
};

QTEST_APPLESS_MAIN(TestLinearizability)
#include "test_linearizability.moc"
