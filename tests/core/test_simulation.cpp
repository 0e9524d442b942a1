// The kernel's promises: determinism, rewind by replay, and faults that do exactly what they say.
#include <QtTest>

#include <set>

#include "ping_protocol.h"
#include "scenario/builtin.h"
#include "scenario/run_setup.h"
#include "sim/simulation.h"

using namespace cs::sim;
using test::action;
using test::ping;
using test::ping_world;
using test::PingOptions;

namespace {

std::uint64_t heartbeat_hash(std::uint64_t seed, TimeUs until) {
  const auto* b = cs::scenario::find_builtin("cluster-heartbeat");
  auto s = cs::scenario::load_scenario(b->json, "builtin");
  s.link_defaults.loss = 0.05;
  s.link_defaults.duplicate = 0.02;
  s.link_defaults.reorder = 0.02;
  Simulation sim(cs::scenario::make_world(s, seed));
  sim.run_until(until);
  return sim.trace_hash();
}

std::vector<TraceEvent> all_events(const Simulation& sim) {
  std::vector<TraceEvent> out;
  for (auto i = sim.trace().first_index(); i < sim.trace().total(); ++i) out.push_back(sim.trace().at_index(i));
  return out;
}

PingOptions lossy() {
  PingOptions o;
  o.link.latency_us = 2'000;
  o.link.jitter_us = 1'000;
  o.link.loss = 0.05;
  o.link.duplicate = 0.05;
  o.link.reorder = 0.05;
  o.workload.clients = 3;
  o.workload.key_count = 5;
  o.workload.think_time_us = 20'000;
  o.workload.timeout_us = 50'000;
  return o;
}

}  // namespace

class TestSimulation : public QObject {
  Q_OBJECT

 private slots:
  void sameSeedSameHash() { QCOMPARE(heartbeat_hash(5, seconds(20)), heartbeat_hash(5, seconds(20))); }

  void differentSeedsDiffer() { QVERIFY(heartbeat_hash(5, seconds(20)) != heartbeat_hash(6, seconds(20))); }

  void seekBackAndReplayGivesTheSameRun() {
    PingOptions o = lossy();
    o.timeline = {action(seconds(4), ActionType::Crash, 2), action(seconds(7), ActionType::Restart, 2)};
    Simulation straight(ping_world(o));
    straight.act(action(0, ActionType::Pause, 1));
    straight.run_until(millis(1500));
    straight.act(action(0, ActionType::Resume, 1));
    straight.run_until(seconds(60));

    Simulation wandering(ping_world(o));
    wandering.act(action(0, ActionType::Pause, 1));
    wandering.run_until(millis(1500));
    wandering.act(action(0, ActionType::Resume, 1));
    wandering.run_until(seconds(30));
    wandering.seek(seconds(10));
    QCOMPARE(wandering.now_us(), seconds(10));
    wandering.seek(millis(1200));  // before the resume: the replay must apply it again
    wandering.run_until(seconds(60));

    QCOMPARE(wandering.trace_hash(), straight.trace_hash());
    QCOMPARE(wandering.world().events_processed(), straight.world().events_processed());
    QCOMPARE(wandering.world().history().ops().size(), straight.world().history().ops().size());
    QVERIFY(straight.world().history().ops().size() > 100);
  }

  void seekForwardPastCheckpointsMatchesRunningThere() {
    Simulation a(ping_world(lossy()));
    a.run_until(seconds(40));
    a.seek(seconds(2));
    a.seek(seconds(33));
    Simulation b(ping_world(lossy()));
    b.run_until(seconds(33));
    QCOMPARE(a.trace_hash(), b.trace_hash());
    QCOMPARE(a.trace().at_index(a.trace().total() - 1).index, b.trace().total() - 1);
  }

  void actingInThePastStartsABranch() {
    Simulation sim(ping_world({}));
    sim.run_until(seconds(5));
    sim.act(action(0, ActionType::Crash, 0));
    sim.run_until(seconds(8));
    sim.seek(seconds(3));
    QCOMPARE(sim.actions().size(), std::size_t{1});  // seeking alone keeps the future
    sim.act(action(0, ActionType::Pause, 1));
    QCOMPARE(sim.actions().size(), std::size_t{1});
    QCOMPARE(sim.actions()[0].type, ActionType::Pause);
    QCOMPARE(sim.actions()[0].at_us, seconds(3));
    sim.run_until(seconds(8));
    QCOMPARE(sim.world().node(0).status, NodeStatus::Up);  // the crash was discarded
    QCOMPARE(sim.world().node(1).status, NodeStatus::Paused);
  }

  void undoTakesBackTheLastActionAsIfNeverTaken() {
    // Undo replays the run without the newest action: the same trace as a run that never took it,
    // at the same time; earlier actions stay. Also when the learner had gone back before it.
    Simulation straight(ping_world(lossy()));
    straight.run_until(seconds(2));
    straight.act(action(0, ActionType::Pause, 1));
    straight.run_until(seconds(9));

    Simulation undone(ping_world(lossy()));
    undone.run_until(seconds(2));
    undone.act(action(0, ActionType::Pause, 1));
    undone.run_until(seconds(5));
    undone.act(action(0, ActionType::Crash, 0));
    undone.run_until(seconds(9));
    QVERIFY(undone.trace_hash() != straight.trace_hash());
    QVERIFY(undone.undo_last_action());
    QCOMPARE(undone.now_us(), seconds(5));  // back to where the action was taken
    undone.run_until(seconds(9));
    QCOMPARE(undone.actions().size(), std::size_t{1});
    QCOMPARE(undone.trace_hash(), straight.trace_hash());
    QCOMPARE(undone.world().node(0).status, NodeStatus::Up);

    // Gone back before the action, then undo: the run stays at that earlier time.
    undone.seek(seconds(1));
    QVERIFY(undone.undo_last_action());
    QCOMPARE(undone.now_us(), seconds(1));
    QVERIFY(undone.actions().empty());
    undone.run_until(seconds(9));
    Simulation untouched(ping_world(lossy()));
    untouched.run_until(seconds(9));
    QCOMPARE(undone.trace_hash(), untouched.trace_hash());
    QVERIFY(!undone.undo_last_action());
  }

  void resetEmptiesTheActionLog() {
    Simulation sim(ping_world({}));
    sim.run_until(seconds(1));
    sim.act(action(0, ActionType::Crash, 0));
    sim.reset();
    QCOMPARE(sim.now_us(), TimeUs{0});
    QVERIFY(sim.actions().empty());
    sim.run_until(seconds(2));
    QCOMPARE(sim.world().node(0).status, NodeStatus::Up);
  }

  void partitionDropsExactlyTheCrossingMessages() {
    PingOptions o;
    Action cut = action(seconds(1), ActionType::Partition);
    cut.groups = {{0, 1}, {2, 3, 4}};
    o.timeline = {cut, action(seconds(2), ActionType::Heal)};
    Simulation sim(ping_world(o));
    sim.run_until(seconds(3));
    const auto side = [](EndpointId e) { return e <= 1 ? 0 : 1; };
    int crossing_drops = 0, inside_deliveries = 0, crossing_after_heal = 0;
    for (const auto& e : all_events(sim)) {
      const bool crossing = side(e.node) != side(e.peer);
      const bool during = e.time_us > seconds(1) + millis(2) && e.time_us < seconds(2);
      if (e.type == TraceType::Drop) {
        QCOMPARE(e.reason, DropReason::Partition);
        QVERIFY(crossing);
        QVERIFY(e.time_us >= seconds(1) && e.time_us <= seconds(2));
        ++crossing_drops;
      }
      if (e.type == TraceType::Deliver && during) {
        QVERIFY2(!crossing, "a message crossed the partition");
        ++inside_deliveries;
      }
      if (e.type == TraceType::Deliver && crossing && e.time_us > seconds(2) + millis(2)) ++crossing_after_heal;
    }
    QVERIFY(crossing_drops > 100);
    QVERIFY(inside_deliveries > 100);
    QVERIFY(crossing_after_heal > 100);
  }

  void oneWayCutBlocksOneDirection() {
    PingOptions o;
    Action cut = action(0, ActionType::OneWayCut, 0);
    cut.peer = 1;
    o.timeline = {cut};
    Simulation sim(ping_world(o));
    sim.run_until(seconds(1));
    int forward = 0, backward = 0, dropped = 0;
    for (const auto& e : all_events(sim)) {
      if (e.type == TraceType::Deliver && e.peer == 0 && e.node == 1) ++forward;
      if (e.type == TraceType::Deliver && e.peer == 1 && e.node == 0) ++backward;
      if (e.type == TraceType::Drop) {
        QCOMPARE(e.reason, DropReason::OneWay);
        QCOMPARE(e.peer, EndpointId{0});
        QCOMPARE(e.node, EndpointId{1});
        ++dropped;
      }
    }
    QCOMPARE(forward, 0);
    QVERIFY(backward > 50);
    QVERIFY(dropped > 50);
  }

  void isolationCutsANodeOff() {
    PingOptions o;
    o.timeline = {action(0, ActionType::Isolate, 3)};
    Simulation sim(ping_world(o));
    sim.run_until(seconds(1));
    QVERIFY(ping(sim.world(), 3).received.empty());
    for (const auto& e : all_events(sim)) {
      if (e.type == TraceType::Drop) {
        QCOMPARE(e.reason, DropReason::Isolated);
        QVERIFY(e.node == 3 || e.peer == 3);
      }
    }
  }

  void pauseHoldsDeliveriesUntilResume() {
    PingOptions o;
    o.timeline = {action(millis(500), ActionType::Pause, 2), action(millis(900), ActionType::Resume, 2)};
    Simulation sim(ping_world(o));
    sim.run_until(millis(899));
    const std::size_t held_count = ping(sim.world(), 2).received.size();
    sim.run_until(millis(900));
    QVERIFY(ping(sim.world(), 2).received.size() > held_count + 100);  // all of it at once, at resume
    for (const auto& e : all_events(sim)) {
      if (e.node != 2 || e.time_us <= millis(500) || e.time_us >= millis(900)) continue;
      QVERIFY2(e.type != TraceType::Deliver && e.type != TraceType::Timer, "a paused node handled something");
    }
    sim.run_until(seconds(2));
    QCOMPARE(sim.world().messages_dropped(), std::uint64_t{0});  // a pause loses nothing
  }

  void crashLosesVolatileStateAndTimers() {
    PingOptions o;
    o.timeline = {action(millis(500), ActionType::Crash, 4), action(millis(800), ActionType::Restart, 4)};
    Simulation sim(ping_world(o));
    sim.run_until(millis(499));
    QVERIFY(!ping(sim.world(), 4).received.empty());
    sim.run_until(millis(500));
    QVERIFY(ping(sim.world(), 4).received.empty());
    QCOMPARE(sim.world().node(4).status, NodeStatus::Crashed);
    const std::int64_t sent_at_crash = ping(sim.world(), 4).sent;
    sim.run_until(millis(799));
    QCOMPARE(ping(sim.world(), 4).sent, sent_at_crash);  // no timer fired while down
    int down_drops = 0;
    for (const auto& e : all_events(sim)) {
      if (e.type == TraceType::Drop) {
        QCOMPARE(e.reason, DropReason::NodeDown);
        QCOMPARE(e.node, EndpointId{4});
        ++down_drops;
      }
      if (e.node == 4 && e.time_us > millis(500)) QVERIFY(e.type != TraceType::Timer && e.type != TraceType::Deliver);
    }
    QVERIFY(down_drops > 50);
    sim.run_until(seconds(1));
    QCOMPARE(ping(sim.world(), 4).boots, 2);  // durable state survived the crash
    QVERIFY(ping(sim.world(), 4).sent > sent_at_crash);
  }

  void userCanDropAMessageInFlight() {
    PingOptions o;
    o.link.latency_us = 5'000;
    Simulation sim(ping_world(o));
    sim.run_until(millis(12));
    const auto flying = sim.world().in_flight();
    QVERIFY(!flying.empty());
    Action drop = action(0, ActionType::DropMessage);
    drop.value = static_cast<std::int64_t>(flying.front().id);
    sim.act(drop);
    QCOMPARE(sim.world().in_flight().size(), flying.size() - 1);
    sim.run_until(millis(30));
    int user_drops = 0;
    for (const auto& e : all_events(sim)) {
      if (e.type == TraceType::Drop) ++user_drops;
      if (e.type == TraceType::Deliver) QVERIFY(e.msg_id != flying.front().id);
    }
    QCOMPARE(user_drops, 1);
  }

  void lossAndDuplicationShowInTheCounts() {
    PingOptions o;
    o.link.loss = 0.2;
    o.link.duplicate = 0.3;
    Simulation sim(ping_world(o));
    sim.run_until(seconds(5));
    const auto& w = sim.world();
    QVERIFY(w.messages_dropped() > 0);
    // Duplicates are extra deliveries of the same message.
    QVERIFY(w.messages_delivered() > w.messages_sent() - w.messages_dropped());
    std::map<std::uint64_t, int> deliveries;
    for (const auto& e : all_events(sim)) {
      if (e.type == TraceType::Drop) QCOMPARE(e.reason, DropReason::Loss);
      if (e.type == TraceType::Deliver) ++deliveries[e.msg_id];
    }
    int twice = 0;
    for (const auto& [id, count] : deliveries) twice += count == 2 ? 1 : 0;
    QVERIFY(twice > 100);
  }

  void clockSkewAndDriftAreLocal() {
    PingOptions o;
    Action skew = action(0, ActionType::SetClockSkew, 1);
    skew.value = 250'000;
    Action drift = action(0, ActionType::SetClockDrift, 2);
    drift.value = 100'000;  // 10% fast
    o.timeline = {skew, drift};
    Simulation sim(ping_world(o));
    sim.run_until(seconds(10));
    QCOMPARE(sim.world().local_time_us(0), seconds(10));
    QCOMPARE(sim.world().local_time_us(1), seconds(10) + 250'000);
    QCOMPARE(sim.world().local_time_us(2), seconds(11));
    // A fast clock fires its 10 ms timers about 10% more often in true time.
    const double ratio =
        static_cast<double>(ping(sim.world(), 2).sent) / static_cast<double>(ping(sim.world(), 0).sent);
    QVERIFY2(ratio > 1.08 && ratio < 1.12, qPrintable(QString::number(ratio)));
  }

  void regionsSetLatencyFromDistance() {
    Network net(2, LinkParams{100, 0, 0, 0, 0}, 1);
    // Two points on the equator 10 degrees apart: about 1,112 km.
    net.set_regions({{"a", 0.0, 0.0}, {"b", 0.0, 10.0}}, {0, 1}, 1'000);
    const auto p = net.params(0, 1);
    QVERIFY2(std::abs(p.latency_us - (100 + 1'000 + 5'560)) < 20, qPrintable(QString::number(p.latency_us)));
    QCOMPARE(net.params(0, 0).latency_us, TimeUs{100});
  }

  void clientsRecordACompleteHistory() {
    PingOptions o = lossy();
    o.link.loss = 0;
    Simulation sim(ping_world(o));
    sim.run_until(seconds(5));
    const auto& ops = sim.world().history().ops();
    QVERIFY(ops.size() > 100);
    std::set<std::uint64_t> ids;
    for (const auto& op : ops) {
      QVERIFY(ids.insert(op.id).second);
      if (op.status == OpStatus::Pending) continue;
      QCOMPARE(op.status, OpStatus::Ok);
      QVERIFY(op.complete_us > op.invoke_us);
      QVERIFY(op.key >= 1 && op.key <= 5);
      if (op.type == OpType::Read) QCOMPARE(op.value, std::int64_t{7});
    }
  }

  void timedOutOperationsAreUnknown() {
    PingOptions o = lossy();
    o.link.loss = 0;
    o.timeline = {action(seconds(1), ActionType::Crash, 0), action(seconds(1), ActionType::Crash, 1),
                  action(seconds(1), ActionType::Crash, 2), action(seconds(1), ActionType::Crash, 3),
                  action(seconds(1), ActionType::Crash, 4)};
    Simulation sim(ping_world(o));
    sim.run_until(seconds(3));
    int unknown = 0;
    for (const auto& op : sim.world().history().ops()) {
      if (op.invoke_us > seconds(1) + millis(10) && op.status != OpStatus::Pending) {
        QCOMPARE(op.status, OpStatus::Info);
        ++unknown;
      }
    }
    QVERIFY(unknown > 10);
  }

  void traceIsBoundedAndQueryableByTime() {
    SimulationLimits limits;
    limits.trace_budget_bytes = 1000 * Trace::bytes_per_event();
    Simulation sim(ping_world({}), limits);
    sim.run_until(seconds(2));
    const Trace& t = sim.trace();
    QCOMPARE(t.size(), std::size_t{1000});
    QVERIFY(t.total() > 5000);
    QCOMPARE(t.first_index(), t.total() - 1000);
    const auto window = t.window(seconds(2) - millis(20), seconds(2) + 1, 100000);
    QVERIFY(!window.empty());
    for (std::size_t i = 0; i < window.size(); ++i) {
      QVERIFY(window[i].time_us >= seconds(2) - millis(20));
      if (i > 0) QCOMPARE(window[i].index, window[i - 1].index + 1);
    }
    QCOMPARE(window.back().index, t.total() - 1);
  }

  // The trace never moves what it holds: a record's address stays put while thousands more are
  // appended (a single growing vector copied itself on every doubling, a stall that grew with the
  // run), and records wrap around the budget across the chunks they live in.
  void traceRecordsStayWhereTheyAre() {
    Trace t(10'000 * Trace::bytes_per_event());
    const auto event = [&t](TimeUs time_us) {
      TraceEvent e;
      e.index = t.total();
      e.time_us = time_us;
      return e;
    };
    t.append(event(0));
    const TraceEvent* first = &t.at_index(0);
    for (int i = 1; i < 9'000; ++i) t.append(event(i));
    QCOMPARE(&t.at_index(0), first);
    QCOMPARE(t.at_index(8'999).time_us, TimeUs{8'999});
    for (int i = 9'000; i < 25'001; ++i) t.append(event(i));
    QCOMPARE(t.size(), std::size_t{10'000});
    QCOMPARE(t.first_index(), std::uint64_t{15'001});
    for (std::uint64_t i = t.first_index(); i < t.total(); ++i) QCOMPARE(t.at_index(i).time_us, static_cast<TimeUs>(i));
    QCOMPARE(&t.at_index(20'000), first);  // 20,000 % 10,000: the first record's place, reused
    const auto window = t.window(24'990, 25'001, 100);
    QCOMPARE(window.size(), std::size_t{11});
    QCOMPARE(window.front().index, std::uint64_t{24'990});
  }

  void aTraceRestartedFurtherOnKeepsRecording() {
    // A seek can jump forward to a checkpoint: numbering continues far past the records held, in
    // a chunk never used before (and at an offset inside it).
    Trace t(100'000 * Trace::bytes_per_event());
    TraceEvent e;
    for (std::uint64_t i = 0; i < 10; ++i) {
      e.index = i;
      e.time_us = static_cast<TimeUs>(i);
      t.append(e);
    }
    t.restart_at(50'123);
    for (std::uint64_t i = 50'123; i < 50'200; ++i) {
      e.index = i;
      e.time_us = static_cast<TimeUs>(i);
      t.append(e);
    }
    QCOMPARE(t.first_index(), std::uint64_t{50'123});
    QCOMPARE(t.at_index(50'123).time_us, TimeUs{50'123});
    QCOMPARE(t.at_index(50'199).time_us, TimeUs{50'199});
    t.restart_at(7);  // back into the first chunk, over what it held
    e.index = 7;
    e.time_us = 60'000;
    t.append(e);
    QCOMPARE(t.at_index(7).time_us, TimeUs{60'000});
  }

  void checkpointsStayBounded() {
    SimulationLimits limits;
    limits.checkpoint_interval_us = millis(10);
    limits.recent_window_us = seconds(1);
    limits.sparse_interval_us = millis(100);
    limits.max_sparse = 10;
    limits.max_anchors = 5;
    Simulation sim(ping_world({}), limits);
    sim.keep_moments({millis(2500), millis(777)});
    sim.run_until(seconds(10));
    for (int i = 0; i < 8; ++i) {  // learner actions: only the newest max_anchors keep a checkpoint
      sim.run_until(sim.now_us() + millis(5));
      Action a;
      a.type = ActionType::Heal;
      QVERIFY(sim.act(a));
    }
    sim.run_until(seconds(20));
    // 101 in the last second (both ends), 10 sparse, 5 actions, 2 moments and time 0 at most.
    QVERIFY2(sim.checkpoint_count() <= 119, qPrintable(QString::number(sim.checkpoint_count())));
    QCOMPARE(sim.rewind_horizon_us(), seconds(19));
    const auto quick = sim.quick_moments_before_horizon();
    QVERIFY(std::find(quick.begin(), quick.end(), millis(2500)) != quick.end());
    QVERIFY(std::find(quick.begin(), quick.end(), millis(777)) != quick.end());
    QCOMPARE(std::count_if(quick.begin(), quick.end(), [](TimeUs t) { return t > seconds(10); }), 5);
    // Seeking anywhere is still exact: to a kept moment, into a thinned stretch, into the window.
    for (const TimeUs t : {millis(2500), millis(3333), seconds(10) + millis(13), seconds(19) + millis(555)}) {
      Simulation fresh(ping_world({}), limits);
      for (const Action& a : sim.actions()) {
        fresh.run_until(std::min(t, a.at_us));
        if (a.at_us > t) break;
        Action copy = a;
        QVERIFY(fresh.act(copy));
      }
      fresh.run_until(t);
      sim.seek(t);
      QCOMPARE(sim.now_us(), t);
      QCOMPARE(sim.trace_hash(), fresh.trace_hash());
    }
  }
};

QTEST_APPLESS_MAIN(TestSimulation)
#include "test_simulation.moc"
