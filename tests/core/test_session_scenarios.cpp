// The session-guarantee scenarios: read-your-writes broken and fixed (by a version token, and by
// reading from the primary after a write), monotonic reads broken and fixed (a sticky replica).
#include <QtTest>

#include "check/session_guarantees.h"
#include "test_support.h"

using namespace cs::sim;
using cs::check::monotonic_reads_violations;
using cs::check::monotonic_writes_violations;
using cs::check::read_your_writes_violations;
using cs::check::writes_follow_reads_violations;
using test::builtin;
using test::metric;
using test::node;
using test::run;

class TestSessionScenarios : public QObject {
  Q_OBJECT

 private slots:
  void replicaLagHidesAUsersOwnWrite() {
    const auto s = builtin("ryw-violation");
    const auto sim = run(s);
    const auto& ops = sim->world().history().ops();
    const auto violations = read_your_writes_violations(ops);
    QVERIFY(violations.size() >= 5);
    for (const auto& v : violations) {
      const Operation& read = ops.at(v.op_id - 1);
      const Operation& own = ops.at(v.cause_id - 1);
      QCOMPARE(own.client, read.client);  // the write the reader missed was its own
      QVERIFY(own.complete_us < read.invoke_us);
      QVERIFY(read.node == node(s, "n2") || read.node == node(s, "n3"));  // served by a replica
    }
    QCOMPARE(metric(s, *sim, "read_your_writes_violations"), static_cast<double>(violations.size()));
  }

  void versionTokenRestoresReadYourWrites() {
    const auto s = builtin("ryw-fixed");
    const auto sim = run(s);
    QVERIFY(read_your_writes_violations(sim->world().history().ops()).empty());
    QVERIFY(metric(s, *sim, "reads_forwarded") > 0);  // replicas behind the token asked n1
    QVERIFY(metric(s, *sim, "ops_ok") > 100);
    // Only reads behind the token went to n1; the replicas still served the others (reading
    // everything from the primary would also give read-your-writes, and no read scaling).
    std::size_t reads = 0;
    for (const auto& op : sim->world().history().ops()) reads += op.type == OpType::Read ? 1 : 0;
    QVERIFY(metric(s, *sim, "reads_forwarded") < static_cast<double>(reads) - 20);
  }

  void readingFromThePrimaryAfterAWriteAlsoWorks() {
    auto s = builtin("ryw-fixed");
    s.params["session"] = std::string("primary-after-write");
    const auto sim = run(s);
    QVERIFY(read_your_writes_violations(sim->world().history().ops()).empty());
    QVERIFY(metric(s, *sim, "reads_forwarded") > 0);
  }

  void loadBalancedReadsGoBackInTime() {
    const auto s = builtin("monotonic-violation");
    const auto sim = run(s);
    const auto& ops = sim->world().history().ops();
    const auto violations = monotonic_reads_violations(ops);
    QVERIFY(violations.size() >= 3);
    // Time goes backwards when a session moves from the up-to-date n2 to the lagging n3.
    for (const auto& v : violations) QCOMPARE(ops.at(v.op_id - 1).node, node(s, "n3"));
  }

  void stickyReplicaKeepsReadsMonotonic() {
    const auto s = builtin("monotonic-fixed");
    const auto sim = run(s);
    QVERIFY(monotonic_reads_violations(sim->world().history().ops()).empty());
    // Not a quieter run: the same replicas still lag and still serve stale reads.
    QVERIFY(metric(s, *sim, "stale_reads") > 0);
    QVERIFY(metric(s, *sim, "ops_ok") > 100);
  }

  void causalOrderAnswerBeforeQuestionAndItsFix() {
    // With two keys and busier sessions, one session reads a value (a question) and writes another
    // (its answer); a reader sent to n2 sees the answer, then asks the lagging n3 for the question
    // and misses it. A sticky replica is the fix: it applies the primary's log in order, and the log puts
    // every write after the writes its author had seen, so a replica with the answer has the
    // question too.
    auto random = builtin("monotonic-violation");
    random.workload.key_count = 2;
    random.workload.clients = 6;
    random.workload.think_time_us = 60'000;
    const auto broken = run(random);
    const auto& broken_ops = broken->world().history().ops();
    const auto answers_first = writes_follow_reads_violations(broken_ops);
    QVERIFY(answers_first.size() >= 3);
    QVERIFY(!monotonic_writes_violations(broken_ops).empty());  // the same disorder, seen through one author's writes
    auto sticky = builtin("monotonic-fixed");
    sticky.workload = random.workload;
    sticky.workload.target = TargetPolicy::Sticky;
    const auto fixed = run(sticky);
    const auto& fixed_ops = fixed->world().history().ops();
    QVERIFY(writes_follow_reads_violations(fixed_ops).empty());
    QVERIFY(monotonic_writes_violations(fixed_ops).empty());
    QVERIFY(monotonic_reads_violations(fixed_ops).empty());
  }
};

QTEST_GUILESS_MAIN(TestSessionScenarios)
#include "test_session_scenarios.moc"
