// Witnesses beside linearizability's: session-guarantee violations, lost acknowledged writes and
// two leaders in one term, each with the operations or tenures involved and one sentence that
// names them with their times.
#include <QtTest>

#include <algorithm>

#include "check/leader_metrics.h"
#include "check/session_guarantees.h"
#include "check/violation_witness.h"
#include "run/compare.h"
#include "scenario/builtin.h"
#include "scenario/run_setup.h"
#include "test_support.h"

using namespace cs::check;
using cs::sim::EndpointId;
using cs::sim::Operation;
using cs::sim::OpStatus;
using cs::sim::OpType;
using cs::sim::TimeUs;

namespace {

constexpr EndpointId kAlice = 10, kBob = 11, kCarol = 12, kDave = 13;
constexpr TimeUs kMs = 1000;

// Operations in list order (ids from 1); times in milliseconds.
struct Ops {
  cs::sim::OpLog log;

  Ops& write(EndpointId client, std::int64_t key, std::int64_t value, TimeUs from_ms, TimeUs to_ms) {
    return add(client, OpType::Write, key, value, true, from_ms, to_ms);
  }
  Ops& read(EndpointId client, std::int64_t key, std::optional<std::int64_t> value, TimeUs from_ms, TimeUs to_ms) {
    return add(client, OpType::Read, key, value.value_or(0), value.has_value(), from_ms, to_ms);
  }
  Ops& add(EndpointId client, OpType type, std::int64_t key, std::int64_t value, bool has_value, TimeUs from_ms,
           TimeUs to_ms) {
    Operation op;
    op.id = log.size() + 1;
    op.client = client;
    op.type = type;
    op.key = key;
    op.value = value;
    op.has_value = has_value;
    op.invoke_us = from_ms * kMs;
    op.complete_us = to_ms * kMs;
    op.status = OpStatus::Ok;
    log.push_back(op);
    return *this;
  }
};

bool one_sentence(const std::string& s) { return !s.empty() && s.back() == '.' && s.find(". ") == std::string::npos; }

cs::sim::LeadingInterval tenure(EndpointId node, std::int64_t term, TimeUs from_us, TimeUs to_us) {
  return {node, term, from_us, to_us};
}

}  // namespace

class TestViolationWitness : public QObject {
  Q_OBJECT

 private slots:
  // ---- session guarantees --------------------------------------------------------------------
  void readYourWrites() {
    Ops h;
    h.write(kBob, 1, 5, 0, 10).write(kAlice, 1, 100, 20, 30).read(kAlice, 1, 5, 40, 50);
    const auto v = read_your_writes_violations(h.log);
    QCOMPARE(v.size(), std::size_t{1});
    QCOMPARE(v[0].because_id, std::uint64_t{2});
    const SessionWitness w = session_witness(h.log, v[0]);
    QCOMPARE(w.op_ids, (std::vector<std::uint64_t>{1, 2, 3}));
    QCOMPARE(w.returned_write_id, std::uint64_t{1});
    QCOMPARE(w.sentence, std::string("client 10 read key 1 = 5 at 0.040 s, after its own write key 1 = 100 had "
                                     "completed at 0.030 s, which began after the write key 1 = 5 had completed at "
                                     "0.010 s."));
  }

  void monotonicReads() {
    Ops h;
    h.write(kBob, 1, 100, 0, 10).write(kBob, 1, 200, 20, 30).read(kAlice, 1, 200, 40, 50).read(kAlice, 1, 100, 60, 70);
    const auto v = monotonic_reads_violations(h.log);
    QCOMPARE(v.size(), std::size_t{1});
    QCOMPARE(v[0].because_id, std::uint64_t{3});
    const SessionWitness w = session_witness(h.log, v[0]);
    QCOMPARE(w.op_ids, (std::vector<std::uint64_t>{1, 2, 3, 4}));
    QCOMPARE(w.seen_write_id, std::uint64_t{2});
    QCOMPARE(w.sentence, std::string("client 10 read key 1 = 100 at 0.060 s, after its own earlier read had returned "
                                     "key 1 = 200 at 0.050 s, and the write key 1 = 200 began after the write key 1 = "
                                     "100 had completed at 0.010 s."));
  }

  void monotonicWrites() {
    // Alice writes x then y; Dave sees y, then finds no x.
    Ops h;
    h.write(kAlice, 1, 100, 0, 10).write(kAlice, 2, 200, 20, 30).read(kDave, 2, 200, 40, 50).read(kDave, 1, {}, 60, 70);
    const auto v = monotonic_writes_violations(h.log);
    QCOMPARE(v.size(), std::size_t{1});
    const SessionWitness w = session_witness(h.log, v[0]);
    QCOMPARE(w.read_id, std::uint64_t{4});
    QCOMPARE(w.required_write_id, std::uint64_t{1});
    QCOMPARE(w.because_id, std::uint64_t{3});
    QCOMPARE(w.returned_write_id, std::uint64_t{0});  // nil
    QCOMPARE(w.op_ids, (std::vector<std::uint64_t>{1, 2, 3, 4}));
    QCOMPARE(w.sentence, std::string("client 13 read key 1 = nil at 0.060 s, after it had read key 2 = 200 at 0.050 "
                                     "s, which client 10 wrote after its write key 1 = 100 had completed at 0.010 s."));
  }

  void writesFollowReads() {
    // Bob asks (key 1), Carol reads the question and answers (key 2); Dave sees the answer only.
    Ops h;
    h.write(kBob, 1, 100, 0, 10)
        .read(kCarol, 1, 100, 20, 30)
        .write(kCarol, 2, 200, 40, 50)
        .read(kDave, 2, 200, 60, 70)
        .read(kDave, 1, {}, 80, 90);
    const auto v = writes_follow_reads_violations(h.log);
    QCOMPARE(v.size(), std::size_t{1});
    QCOMPARE(v[0].via_id, std::uint64_t{2});
    const SessionWitness w = session_witness(h.log, v[0]);
    QCOMPARE(w.op_ids, (std::vector<std::uint64_t>{1, 2, 3, 4, 5}));
    QCOMPARE(w.sentence, std::string("client 13 read key 1 = nil at 0.080 s, after it had read key 2 = 200 at 0.070 "
                                     "s, which client 12 wrote after reading key 1 = 100 at 0.030 s."));
  }

  void aRunsSessionWitnessesNameItsOwnOperations() {
    for (const char* id : {"ryw-violation", "monotonic-violation"}) {
      const auto scenario = test::builtin(id);
      const auto sim = test::run(scenario);
      const auto& ops = sim->world().history().ops();
      const auto violations = session_violations(ops);
      QVERIFY2(!violations.empty(), id);
      const auto witnesses = session_witnesses(ops);
      QCOMPARE(witnesses.size(), std::min<std::size_t>(violations.size(), 100));
      for (std::size_t k = 0; k < witnesses.size(); ++k) {
        const SessionWitness& w = witnesses[k];
        QCOMPARE(w.read_id, violations[k].op_id);
        QVERIFY2(one_sentence(w.sentence), w.sentence.c_str());
        QVERIFY(std::find(w.op_ids.begin(), w.op_ids.end(), w.read_id) != w.op_ids.end());
        QVERIFY(std::find(w.op_ids.begin(), w.op_ids.end(), w.required_write_id) != w.op_ids.end());
        // Named as the history names them: the read's client and key are in the sentence.
        const Operation& read = ops[static_cast<std::size_t>(w.read_id - 1)];
        const std::string who = "client " + std::to_string(read.client) + " read key " + std::to_string(read.key);
        QVERIFY2(w.sentence.rfind(who, 0) == 0, w.sentence.c_str());
      }
      QCOMPARE(session_witnesses(ops, 1).size(), std::size_t{1});
    }
  }

  // ---- lost acknowledged writes --------------------------------------------------------------
  void lostWritesSayWhoWroteWhatAndWhenTheyHeard() {
    cs::sim::History history;
    for (std::int64_t i = 1; i <= 4; ++i) {
      Operation op;
      op.client = 5;
      op.node = static_cast<EndpointId>(i % 2);
      op.type = OpType::Write;
      op.key = 1;
      op.value = 7000 + i;
      op.invoke_us = i * 1'000'000;
      op.complete_us = i * 1'000'000 + 200'000;
      op.status = i == 4 ? OpStatus::Fail : OpStatus::Ok;
      QVERIFY(history.invoke(op));
    }
    const std::unordered_set<std::uint64_t> kept{1};
    const auto lost = lost_write_witnesses(history, kept, {"db1", "db2"});
    QCOMPARE(static_cast<std::int64_t>(lost.size()), count_lost_writes(history, kept));
    QCOMPARE(lost.size(), std::size_t{2});  // 2 and 3; 4 failed, so it was never promised
    QCOMPARE(lost[0].op_id, std::uint64_t{2});
    QCOMPARE(lost[0].acknowledged_us, TimeUs{2'200'000});
    QCOMPARE(lost[0].sentence, std::string("client 5 wrote key 1 = 7002 through db1 at 2.000 s and was told it "
                                           "succeeded at 2.200 s, but the authoritative copy does not hold it."));
    QVERIFY(lost[1].sentence.find("through db2 at 3.000 s") != std::string::npos);
    // Past the end of the names, nodes are n<id+1>; and the list is bounded.
    const auto unnamed = lost_write_witnesses(history, kept, {}, 1);
    QCOMPARE(unnamed.size(), std::size_t{1});
    QVERIFY(unnamed[0].sentence.find("through n1 at") != std::string::npos);
  }

  // A run's lost writes (scenario::lost_writes, from the model's own hook) are exactly the writes
  // its metric lost_acknowledged_writes counts: acknowledged writes, in the history's order, each
  // with a witness that names it. `expected` is -1 where any number above 0 will do.
  void aRunsLostWritesAreTheOnesItsMetricCounts_data() {
    QTest::addColumn<QString>("id");
    QTest::addColumn<qint64>("until_us");
    QTest::addColumn<int>("expected");
    QTest::newRow("failover, asynchronous") << "auto-failover-async-loss" << qint64{12'000'000} << 8;
    QTest::newRow("multi-leader conflict") << "multi-master-conflict" << qint64{-1} << -1;
  }

  void aRunsLostWritesAreTheOnesItsMetricCounts() {
    QFETCH(QString, id);
    QFETCH(qint64, until_us);
    QFETCH(int, expected);
    const auto s = test::builtin(id.toStdString());
    const auto sim = test::run(s, until_us);
    const auto& world = sim->world();
    const auto ids = cs::scenario::lost_writes(s, world);
    const auto metrics = cs::scenario::run_metrics(s, world);
    QCOMPARE(static_cast<double>(ids.size()), metrics.at("lost_acknowledged_writes"));
    if (expected >= 0) {
      QCOMPARE(static_cast<int>(ids.size()), expected);
    } else {
      QVERIFY(!ids.empty());
    }
    const auto& ops = world.history().ops();
    for (std::size_t k = 0; k < ids.size(); ++k) {
      QVERIFY(ids[k] >= 1 && ids[k] <= ops.size());
      if (k > 0) QVERIFY(ids[k - 1] < ids[k]);
      const Operation& op = ops[static_cast<std::size_t>(ids[k] - 1)];
      QCOMPARE(op.id, ids[k]);
      QCOMPARE(op.type, OpType::Write);
      QCOMPARE(op.status, OpStatus::Ok);
    }
    std::vector<std::string> names;
    for (EndpointId i = 0; i < world.node_count(); ++i) names.push_back(world.node(i).name);
    const auto witnesses = lost_write_witnesses(ops, ids, names);
    QCOMPARE(witnesses.size(), ids.size());
    for (std::size_t k = 0; k < witnesses.size(); ++k) {
      const LostWriteWitness& w = witnesses[k];
      const Operation& op = ops[static_cast<std::size_t>(ids[k] - 1)];
      QCOMPARE(w.op_id, ids[k]);
      QCOMPARE(w.acknowledged_us, op.complete_us);
      QCOMPARE(w.node, op.node);
      QVERIFY2(one_sentence(w.sentence), w.sentence.c_str());
      const std::string head = "client " + std::to_string(op.client) + " wrote key " + std::to_string(op.key) + " = " +
                               std::to_string(op.value) + " through " + names.at(op.node) + " at ";
      QVERIFY2(w.sentence.rfind(head, 0) == 0, w.sentence.c_str());
    }
    QCOMPARE(lost_write_witnesses(ops, ids, names, 1).size(), std::size_t{1});
  }

  // Every model that counts lost acknowledged writes also says which they are: in every built-in
  // scenario, at its end, the list has as many writes as the metric counts.
  void everyScenarioListsTheWritesItsMetricCounts() {
    int with_losses = 0;
    for (const auto& b : cs::scenario::builtin_scenarios()) {
      const auto s = test::builtin(b.id);
      const auto run = cs::scenario::start_run(s, s.seed);
      run->run_until(s.duration_us);
      const auto metrics = cs::scenario::run_metrics(s, run->world());
      const auto counted = metrics.find("lost_acknowledged_writes");
      if (counted == metrics.end()) continue;
      const auto ids = cs::scenario::lost_writes(s, run->world());
      QVERIFY2(
          static_cast<double>(ids.size()) == counted->second,
          qPrintable(
              QString("%1: %2 ids, metric %3").arg(QString::fromStdString(s.id)).arg(ids.size()).arg(counted->second)));
      if (!ids.empty()) ++with_losses;
    }
    QVERIFY(with_losses >= 3);
  }

  void aReplicaAcknowledgementLosesNoWrites() {
    const auto s = test::builtin("auto-failover-async-loss");
    std::uint64_t seed = s.seed;
    const auto b = cs::run::apply_change(s, *cs::run::parse_change("replica_acks=1", nullptr), seed);
    cs::sim::Simulation sim(cs::scenario::make_world(b, seed));
    sim.run_until(b.duration_us);
    const auto ids = cs::scenario::lost_writes(b, sim.world());
    QVERIFY(ids.empty());
    QCOMPARE(cs::scenario::run_metrics(b, sim.world()).at("lost_acknowledged_writes"), 0.0);
    QVERIFY(lost_write_witnesses(sim.world().history().ops(), ids, {}).empty());
  }

  // ---- two leaders in one term ---------------------------------------------------------------
  void twoLeadersInOneTermSayWhoAndSinceWhen() {
    const std::vector<cs::sim::LeadingInterval> intervals{
        tenure(1, 2, 500'000, 1'000'000),              // n2 alone in term 2
        tenure(0, 3, 1'000'000, 4'000'000),            // n1 leads term 3
        tenure(4, 3, 2'450'000, cs::sim::kTimeNever),  // n5 too, and still does
        tenure(0, 3, 5'000'000, 6'000'000),            // n1 again in term 3: still one of two
        tenure(1, 7, 1'000'000, 2'000'000),            // term 7: three leaders, never at once
        tenure(2, 7, 3'000'000, 4'000'000),
        tenure(3, 7, 5'000'000, 6'000'000)};
    const auto w = two_leaders_witnesses(intervals, {});
    QCOMPARE(w.size(), std::size_t{2});
    QCOMPARE(w[0].term, std::int64_t{3});
    QCOMPARE(w[0].tenures.size(), std::size_t{2});
    QCOMPARE(w[0].tenures[0].node, EndpointId{0});
    QCOMPARE(w[0].together_from_us, TimeUs{2'450'000});
    QCOMPARE(w[0].sentence, std::string("n1 and n5 both led in term 3: n1 from 1.000 s to 4.000 s, n5 from 2.450 s on "
                                        "(both at once from 2.450 s)."));
    QCOMPARE(w[1].together_from_us, TimeUs{-1});
    QCOMPARE(w[1].sentence, std::string("n2, n3 and n4 all led in term 7: n2 from 1.000 s to 2.000 s, n3 from 3.000 s "
                                        "to 4.000 s, n4 from 5.000 s to 6.000 s."));
    QCOMPARE(two_leaders_witnesses(intervals, {"alpha", "beta"}, 1).size(), std::size_t{1});
    QVERIFY(two_leaders_witnesses(intervals, {"alpha"})[0].sentence.rfind("alpha and n5", 0) == 0);
  }

  void raftNeverHasTwoLeadersInATermButMultiLeaderDoesByDesign() {
    for (const char* id : {"raft-leader-crash", "raft-partition-minority-leader", "split-brain-fenced"}) {
      const auto sim = test::run(test::builtin(id));
      QVERIFY2(sim->world().leading_intervals().size() >= 2, id);  // a failover happened
      QVERIFY2(two_leaders_witnesses(sim->world().leading_intervals(), {}).empty(), id);
    }
    // Multi-leader replication has every leader in term 1 on purpose: the caller decides whether
    // the promise applies, the witness only says what happened.
    const auto sim = test::run(test::builtin("multi-master-conflict"));
    std::vector<std::string> names;
    for (EndpointId i = 0; i < sim->world().node_count(); ++i) names.push_back(sim->world().node(i).name);
    const auto w = two_leaders_witnesses(sim->world().leading_intervals(), names);
    QCOMPARE(w.size(), std::size_t{1});
    QCOMPARE(w[0].term, std::int64_t{1});
    QVERIFY2(one_sentence(w[0].sentence), w[0].sentence.c_str());
    QVERIFY2(w[0].sentence.rfind(names[0] + " and " + names[1] + " both led in term 1", 0) == 0, w[0].sentence.c_str());
  }
};

QTEST_GUILESS_MAIN(TestViolationWitness)
#include "test_violation_witness.moc"
