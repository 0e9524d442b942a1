// The Raft engine: elections, replication, commit, redirection, durability across crash and
// restart, and the invariants after every event under faults.
#include <QtTest>

#include <set>

#include "test_support.h"

using namespace cs;
using namespace test;
using sim::ActionType;
using sim::millis;
using sim::seconds;

namespace {

RaftWorldOptions with_clients(std::uint32_t clients = 4) {
  RaftWorldOptions o;
  o.workload.clients = clients;
  o.workload.think_time_us = 5'000;
  o.workload.key_count = 8;
  o.workload.read_fraction = 0.3;
  o.workload.timeout_us = 500'000;
  return o;
}

}  // namespace

class TestRaft : public QObject {
  Q_OBJECT

 private slots:
  void electsExactlyOneLeader() {
    sim::Simulation sim(raft_world({}));
    consensus::RaftInvariants inv;
    run_checked(sim, seconds(2), inv);
    QVERIFY2(inv.ok(), describe(inv).c_str());
    QCOMPARE(leaders(sim.world()), 1);
    const auto leader = leader_of_highest_term(sim.world());
    for (sim::EndpointId i = 0; i < 5; ++i) {
      QCOMPARE(raft(sim.world(), i).current_term(), raft(sim.world(), leader).current_term());
      QCOMPARE(raft(sim.world(), i).leader_hint(), leader);
    }
    QCOMPARE(sim::Metrics(sim.world().metrics())["leaders_elected"], 1.0);
  }

  void commitsClientWritesOnEveryNode() {
    auto o = with_clients();
    o.workload.stop_us = seconds(4);  // then a quiet second in which every node catches up
    sim::Simulation sim(raft_world(o));
    consensus::RaftInvariants inv;
    run_checked(sim, seconds(5), inv);
    QVERIFY2(inv.ok(), describe(inv).c_str());
    const int ok_writes = count_ops(sim.world(), sim::OpType::Write, sim::OpStatus::Ok);
    QVERIFY(ok_writes > 150);
    QVERIFY(inv.committed_length() > ok_writes);
    // Every acknowledged write is in every node's committed log, exactly once.
    std::set<std::uint64_t> acked;
    for (const auto& op : sim.world().history().ops()) {
      if (op.type == sim::OpType::Write && op.status == sim::OpStatus::Ok) acked.insert(op.id);
    }
    for (sim::EndpointId i = 0; i < 5; ++i) {
      const auto& node = raft(sim.world(), i);
      std::multiset<std::uint64_t> in_log;
      for (std::int64_t k = 1; k <= node.commit_index(); ++k) in_log.insert(node.log().at(k).op_id);
      QCOMPARE(node.commit_index(), inv.committed_length());
      for (auto id : acked) QCOMPARE(in_log.count(id), std::size_t{1});
    }
  }

  void readsSeeTheLatestCommittedWrite() {
    // One client: every read returns the value of the last write it made to that key.
    auto o = with_clients(1);
    o.workload.key_count = 1;
    o.workload.read_fraction = 0.5;
    sim::Simulation sim(raft_world(o));
    consensus::RaftInvariants inv;
    run_checked(sim, seconds(5), inv);
    std::int64_t last_written = 0;
    bool any = false;
    int reads = 0;
    for (const auto& op : sim.world().history().ops()) {
      if (op.status != sim::OpStatus::Ok) continue;
      if (op.type == sim::OpType::Write) {
        last_written = op.value;
        any = true;
      } else {
        QCOMPARE(op.has_value, any);
        if (any) QCOMPARE(op.value, last_written);
        ++reads;
      }
    }
    QVERIFY(reads > 10);
  }

  void followersRedirectClientsToTheLeader() {
    auto o = with_clients(2);
    sim::Simulation probe(raft_world(o));
    probe.run_until(seconds(1));
    const auto leader = leader_of_highest_term(probe.world());
    // Send everything to one follower; the leader answers the clients directly.
    o.workload.target_nodes = {static_cast<sim::EndpointId>((leader + 1) % 5)};
    o.workload.start_us = seconds(1);
    sim::Simulation sim(raft_world(o));
    consensus::RaftInvariants inv;
    run_checked(sim, seconds(3), inv);
    QVERIFY2(inv.ok(), describe(inv).c_str());
    auto m = sim.world().metrics();
    QVERIFY(m["requests_forwarded"] > 50);
    QVERIFY(count_ops(sim.world(), sim::OpType::Write, sim::OpStatus::Ok) > 20);
    QCOMPARE(count_ops(sim.world(), sim::OpType::Write, sim::OpStatus::Fail), 0);
  }

  void crashAndRestartKeepTermVoteAndLog() {
    auto o = with_clients();
    o.timeline = {at(seconds(2), ActionType::Crash, 2), at(seconds(4), ActionType::Restart, 2)};
    sim::Simulation sim(raft_world(o));
    consensus::RaftInvariants inv;
    run_checked(sim, seconds(2), inv);
    const auto term = raft(sim.world(), 2).current_term();
    const auto vote = raft(sim.world(), 2).voted_for();
    const auto length = raft(sim.world(), 2).log().last_index();
    const auto hash = raft(sim.world(), 2).log().prefix_hash(length);
    QVERIFY(length > 20);
    run_checked(sim, seconds(4), inv);  // down: durable state untouched, volatile state gone
    QCOMPARE(sim.world().node(2).status, sim::NodeStatus::Up);
    QCOMPARE(raft(sim.world(), 2).current_term(), term);
    QCOMPARE(raft(sim.world(), 2).voted_for(), vote);
    QCOMPARE(raft(sim.world(), 2).log().prefix_hash(length), hash);
    QCOMPARE(raft(sim.world(), 2).commit_index(), std::int64_t{0});
    QVERIFY(raft(sim.world(), 2).state_machine().empty());
    run_checked(sim, seconds(6), inv);  // it catches up and replays the committed prefix
    QVERIFY2(inv.ok(), describe(inv).c_str());
    QVERIFY(raft(sim.world(), 2).last_applied() > length);
  }

  void leaderCrashElectsANewLeaderInAHigherTerm() {
    sim::Simulation sim(raft_world(with_clients()));
    consensus::RaftInvariants inv;
    run_checked(sim, seconds(2), inv);
    const auto old_leader = leader_of_highest_term(sim.world());
    const auto old_term = raft(sim.world(), old_leader).current_term();
    const auto committed_before = inv.committed_length();
    sim.act(at(0, ActionType::Crash, old_leader));
    run_checked(sim, seconds(4), inv);
    QVERIFY2(inv.ok(), describe(inv).c_str());
    const auto new_leader = leader_of_highest_term(sim.world());
    QVERIFY(new_leader != sim::kNoEndpoint && new_leader != old_leader);
    QVERIFY(raft(sim.world(), new_leader).current_term() > old_term);
    QVERIFY(raft(sim.world(), new_leader).commit_index() > committed_before);
  }

  void minorityLeaderAppendsButNeverCommits() {
    auto o = with_clients();
    sim::Simulation probe(raft_world(o));
    probe.run_until(seconds(1));
    const auto leader = leader_of_highest_term(probe.world());
    const sim::EndpointId buddy = (leader + 1) % 5;
    std::vector<sim::EndpointId> rest;
    for (sim::EndpointId i = 0; i < 5; ++i) {
      if (i != leader && i != buddy) rest.push_back(i);
    }
    o.workload.target_nodes = {leader};
    o.timeline = {partition_at(seconds(1), {{leader, buddy}, rest}), at(seconds(4), ActionType::Heal)};
    sim::Simulation sim(raft_world(o));
    consensus::RaftInvariants inv;
    run_checked(sim, seconds(1), inv);
    const auto commit_at_cut = raft(sim.world(), leader).commit_index();
    run_checked(sim, seconds(4), inv);
    const auto& stranded = raft(sim.world(), leader);
    QVERIFY(stranded.is_leader());  // it still believes it leads
    QVERIFY(stranded.log().last_index() > commit_at_cut + 5);
    QVERIFY(stranded.commit_index() <= commit_at_cut + 1);
    QVERIFY(sim.world().max_leaders_at_once() >= 2);
    run_checked(sim, seconds(6), inv);
    QVERIFY2(inv.ok(), describe(inv).c_str());
    QVERIFY(!raft(sim.world(), leader).is_leader());
    QVERIFY(sim.world().metrics()["entries_truncated"] > 0);  // its uncommitted entries were replaced
  }

  void duplicatedRequestsAreAppliedOnce() {
    auto o = with_clients();
    o.link.duplicate = 0.3;
    o.link.reorder = 0.1;
    sim::Simulation sim(raft_world(o));
    consensus::RaftInvariants inv;
    run_checked(sim, seconds(5), inv);
    QVERIFY2(inv.ok(), describe(inv).c_str());
    const auto leader = leader_of_highest_term(sim.world());
    std::set<std::uint64_t> seen;
    const auto& log = raft(sim.world(), leader).log();
    for (std::int64_t k = 1; k <= log.last_index(); ++k) {
      if (log.at(k).op_id == 0) continue;
      QVERIFY2(seen.insert(log.at(k).op_id).second, "an operation was appended twice");
    }
    QVERIFY(seen.size() > 200);
  }

  void invariantsHoldUnderLossPausesAndPartitions() {
    for (std::uint64_t seed = 1; seed <= 6; ++seed) {
      auto o = with_clients();
      o.seed = seed;
      o.link.loss = 0.05;
      o.link.duplicate = 0.05;
      o.link.reorder = 0.05;
      o.timeline = {partition_at(millis(700), {{0, 1}, {2, 3, 4}}),
                    at(millis(1500), ActionType::Pause, 3),
                    at(millis(1900), ActionType::Crash, 2),
                    partition_at(millis(2200), {{0, 3}, {1, 2, 4}}),
                    at(millis(2600), ActionType::Resume, 3),
                    at(millis(2800), ActionType::Restart, 2),
                    at(millis(3000), ActionType::Heal)};
      sim::Simulation sim(raft_world(o));
      consensus::RaftInvariants inv;
      run_checked(sim, seconds(6), inv);
      QVERIFY2(inv.ok(), describe(inv).c_str());
      QCOMPARE(leaders(sim.world()), 1);
      QVERIFY(inv.checks() > 3'000);
    }
  }

  void checkerCatchesTwoLeadersInOneTerm() {
    // The checker must be able to fail: feed it states that break Election Safety and Log Matching.
    consensus::RaftLog a;
    consensus::RaftLog b;
    a.append({1, 1, 10, 1});
    b.append({1, 1, 20, 2});
    std::vector<consensus::RaftNodeState> states = {{"n1", true, 1, &a, 0, 0, 0}, {"n2", true, 1, &b, 0, 0, 0}};
    consensus::RaftInvariants inv;
    QVERIFY(!inv.check(0, states, nullptr));
    std::set<std::string> names;
    for (const auto& v : inv.violations()) names.insert(v.invariant);
    QVERIFY(names.count("Election Safety"));
    QVERIFY(names.count("Log Matching"));
  }

  void checkerCatchesALostCommittedEntry() {
    consensus::RaftLog a;
    a.append({1, 1, 10, 1});
    a.append({1, 2, 11, 2});
    std::vector<consensus::RaftNodeState> states = {{"n1", true, 1, &a, 2, 0, 0}};
    consensus::RaftInvariants inv;
    QVERIFY(inv.check(0, states, nullptr));
    consensus::RaftLog later;  // a leader of term 2 without the entries committed in term 1
    later.append({2, 5, 50, 9});
    states = {{"n1", false, 2, &a, 2, 0, 0}, {"n2", true, 2, &later, 0, 0, 0}};
    QVERIFY(!inv.check(1, states, nullptr));
    QCOMPARE(inv.violations().front().invariant, std::string("Leader Completeness"));
  }
};

QTEST_GUILESS_MAIN(TestRaft)
#include "test_raft.moc"
