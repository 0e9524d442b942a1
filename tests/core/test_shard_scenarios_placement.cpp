// The lesson's placement scenarios, run headless: what each one claims, asserted on the run.
//   range-hotspot-timestamps   every insert lands on the shard of the newest range; a split only
//                              moves the hot spot
//   hash-even                  consecutive keys scatter; rows and load stay even
//   mod-n-reshuffle            a fifth shard under mod N moves about 80% of the keys
//   consistent-hash-add-node   a fifth node on a ring moves about 1/5, all of it to the newcomer
#include <QtTest>

#include <map>
#include <set>

#include "scenario/builtin.h"
#include "scenario/run_setup.h"
#include "sharding/hash.h"
#include "sharding/shard_model.h"
#include "sim/simulation.h"
#include "test_support.h"

using namespace cs::sharding;
using cs::scenario::Scenario;
using cs::sim::EndpointId;
using cs::sim::millis;
using cs::sim::seconds;
using cs::sim::Simulation;
using cs::sim::TimeUs;

using test::builtin;

namespace {

std::vector<std::int64_t> writes_per_node(const Simulation& sim) {
  std::vector<std::int64_t> out;
  for (const ShardNode* n : shard_nodes(sim.world())) out.push_back(n->counters().writes_served);
  return out;
}

// Row ids held by each node's primary store.
std::vector<std::set<std::int64_t>> rows_per_node(const cs::sim::World& world) {
  std::vector<std::set<std::int64_t>> out;
  for (const ShardNode* n : shard_nodes(world)) {
    std::set<std::int64_t> ids;
    if (n->is_primary()) {
      for (const auto& [key, row] : n->store()) ids.insert(row.id);
    }
    out.push_back(std::move(ids));
  }
  return out;
}

std::size_t done_moves(const RoutingTable& r) {
  return static_cast<std::size_t>(
      std::count_if(r.moves().begin(), r.moves().end(), [](const Move& m) { return m.done; }));
}

// Steps until the balancer has no move left, returning when that happened.
TimeUs run_until_settled(Simulation& sim, EndpointId balancer, TimeUs start, TimeUs limit) {
  sim.run_until(start);
  for (TimeUs t = start; t <= limit; t += millis(50)) {
    sim.run_until(t);
    if (!shard_nodes(sim.world())[balancer]->routing().migrating()) return t;
  }
  return -1;
}

// Every row sits on exactly one primary, the one the routing table names; none is lost.
void verify_placement(const Simulation& sim, std::size_t expected_rows) {
  const auto nodes = shard_nodes(sim.world());
  std::map<std::int64_t, EndpointId> where;
  for (const ShardNode* n : nodes) {
    if (!n->is_active_primary()) continue;
    for (const auto& [key, row] : n->store()) {
      QVERIFY2(where.emplace(row.id, n->self()).second, "a row is stored on two shards");
      QCOMPARE(n->routing().owner(key.shard_key), n->shard());
    }
  }
  QCOMPARE(where.size(), expected_rows);
}

// The n1..n4 -> n5 join scenarios: when the join started and ended, and the final metrics.
struct JoinRun {
  std::vector<std::set<std::int64_t>> before;
  TimeUs settled_at = -1;
  cs::sim::Metrics metrics;
};

JoinRun run_join(const Scenario& s, Simulation& sim) {
  JoinRun r;
  r.before = rows_per_node(sim.world());
  r.settled_at = run_until_settled(sim, 0, millis(2100), seconds(10));
  sim.run_until(s.duration_us);
  r.metrics = cs::scenario::run_metrics(s, sim.world());
  return r;
}

// Operations that completed between two instants, and how many of them failed.
std::pair<int, int> ops_between(const Simulation& sim, TimeUs from, TimeUs to) {
  int ok = 0, bad = 0;
  for (const auto& op : sim.world().history().ops()) {
    if (op.complete_us < from || op.complete_us > to) continue;
    (op.status == cs::sim::OpStatus::Ok ? ok : bad) += 1;
  }
  return {ok, bad};
}

}  // namespace

class TestShardScenariosPlacement : public QObject {
  Q_OBJECT

 private slots:
  void rangeTimestampsPileOntoTheNewestRange() {
    const Scenario s = builtin("range-hotspot-timestamps");
    Simulation sim(cs::scenario::make_world(s, s.seed));
    sim.run_until(millis(2500));
    auto m = cs::scenario::run_metrics(s, sim.world());
    QCOMPARE(m["range_splits"], 0.0);
    auto writes = writes_per_node(sim);
    QVERIFY2(writes[4] > 20, qPrintable(QString::number(writes[4])));  // n5 owns the newest range
    for (int node = 1; node <= 3; ++node) QCOMPARE(writes[node], std::int64_t{0});
    QCOMPARE(m["hot_shards"], 1.0);
    QVERIFY(m["load_imbalance"] > 3.5);  // one shard of four does all the work

    // Later the newest range is split and its upper half moved: the hot spot moves with it.
    std::set<EndpointId> hot_nodes{4};
    int intervals_checked = 0;
    for (TimeUs t = millis(3000); t <= s.duration_us; t += millis(500)) {
      const RoutingTable before = shard_nodes(sim.world())[0]->routing();
      sim.run_until(t);
      const auto nodes = shard_nodes(sim.world());
      const RoutingTable& after = nodes[0]->routing();
      const auto now = writes_per_node(sim);
      if (before.migrating() || after.migrating() || done_moves(before) != done_moves(after) ||
          before.ranges().size() != after.ranges().size()) {
        writes = now;
        continue;  // a split or a move happened in this interval
      }
      const ShardIndex top = after.ranges().owner_at(after.ranges().size() - 1);
      const EndpointId top_node = nodes[0]->config().primary_of(top);
      std::int64_t total = 0;
      for (std::size_t i = 0; i < now.size(); ++i) total += now[i] - writes[i];
      QVERIFY(total > 0);
      QCOMPARE(now[top_node] - writes[top_node], total);  // every insert hits the newest range
      hot_nodes.insert(top_node);
      ++intervals_checked;
      writes = now;
    }
    QVERIFY(intervals_checked >= 10);
    m = cs::scenario::run_metrics(s, sim.world());
    QVERIFY(m["range_splits"] >= 2);
    QVERIFY2(hot_nodes.size() >= 3, "splitting should have moved the hot spot, not removed it");
    QCOMPARE(m["hot_shards"], 1.0);
    QCOMPARE(m["ops_failed"] + m["ops_unknown"], 0.0);
  }

  void hashSpreadsConsecutiveKeys() {
    const Scenario s = builtin("hash-even");
    Simulation sim(cs::scenario::make_world(s, s.seed));
    sim.run_until(s.duration_us);
    auto m = cs::scenario::run_metrics(s, sim.world());
    QVERIFY2(m["shard_imbalance"] < 1.2, qPrintable(QString::number(m["shard_imbalance"])));
    QVERIFY(m["shard_cv"] < 0.1);
    QCOMPARE(m["hot_shards"], 0.0);
    QVERIFY(m["load_imbalance"] < 1.6);
    QVERIFY(m["keys_total"] > 600);  // 400 rows and the inserts
    // The router handed out consecutive ids; neighbours went to different shards.
    std::map<std::int64_t, EndpointId> inserted;
    for (const ShardNode* n : shard_nodes(sim.world())) {
      for (const auto& [key, row] : n->store()) {
        if (row.id > 1'000'000) inserted[row.id] = n->self();
      }
    }
    QVERIFY(inserted.size() > 200);
    int neighbours = 0, same = 0;
    for (auto it = inserted.begin(); std::next(it) != inserted.end(); ++it) {
      if (std::next(it)->first != it->first + 1) continue;
      ++neighbours;
      same += std::next(it)->second == it->second;
    }
    QVERIFY(neighbours > 200);
    QVERIFY2(same < neighbours * 0.4, qPrintable(QString("%1 of %2").arg(same).arg(neighbours)));
  }

  void theSameKeyByRangeMakesAHotShard() {
    // The counterfactual of hash-even: ranges over the ever-growing id put every insert on the
    // last shard.
    Scenario s = builtin("hash-even");
    s.params["strategy"] = std::string("range");
    Simulation sim(cs::scenario::make_world(s, s.seed));
    sim.run_until(s.duration_us);
    auto m = cs::scenario::run_metrics(s, sim.world());
    QCOMPARE(m["hot_shards"], 1.0);
    QVERIFY(m["shard_imbalance"] > 1.5);
  }

  void modNReshufflesMostKeys() {
    const Scenario s = builtin("mod-n-reshuffle");
    Simulation sim(cs::scenario::make_world(s, s.seed));
    const JoinRun r = run_join(s, sim);
    QCOMPARE(r.metrics.at("keys_total"), 400.0);
    const double moved = r.metrics.at("keys_moved") / r.metrics.at("keys_total");
    QVERIFY2(moved > 0.75 && moved < 0.85, qPrintable(QString::number(moved)));
    QVERIFY2(r.settled_at > 0 && r.settled_at < millis(8000), qPrintable(QString::number(r.settled_at)));
    // Many moved keys went between the old shards, not to n5.
    const auto after = rows_per_node(sim.world());
    std::size_t to_newcomer = after[4].size(), between_old = 0;
    for (int node = 0; node < 4; ++node) {
      for (const auto id : after[node]) between_old += r.before[node].contains(id) ? 0 : 1;
    }
    QVERIFY2(between_old > to_newcomer, qPrintable(QString("%1 vs %2").arg(between_old).arg(to_newcomer)));
    QVERIFY(to_newcomer > 50);
    verify_placement(sim, 400);
    for (std::int64_t key = 1; key <= 400; ++key) {
      QVERIFY(after[mod_n_owner(hash_key(key), 5)].contains(key));
    }
    // Reads and writes went on during the migration, and none failed.
    const auto [ok, bad] = ops_between(sim, millis(2000), r.settled_at);
    QVERIFY2(ok >= 5, qPrintable(QString::number(ok)));
    QCOMPARE(bad, 0);
    QCOMPARE(r.metrics.at("ops_failed") + r.metrics.at("ops_unknown"), 0.0);
  }

  void consistentHashingMovesOneShareToTheNewcomer() {
    const Scenario s = builtin("consistent-hash-add-node");
    Simulation sim(cs::scenario::make_world(s, s.seed));
    const JoinRun r = run_join(s, sim);
    QCOMPARE(r.metrics.at("keys_total"), 600.0);
    const double moved = r.metrics.at("keys_moved") / r.metrics.at("keys_total");
    QVERIFY2(moved > 0.14 && moved < 0.28, qPrintable(QString::number(moved)));  // 1/(N+1) = 0.2
    QVERIFY(r.settled_at > 0 && r.settled_at < millis(8000));
    const auto after = rows_per_node(sim.world());
    for (int node = 0; node < 4; ++node) {
      for (const auto id : after[node]) QVERIFY2(r.before[node].contains(id), "a key moved between old nodes");
    }
    QCOMPARE(static_cast<double>(after[4].size()), r.metrics.at("keys_moved"));
    for (const ShardNode* n : shard_nodes(sim.world())) {
      if (n->self() < 4) QVERIFY2(n->counters().keys_moved > 0, "every old node gives the newcomer some keys");
    }
    verify_placement(sim, 600);
    const auto [ok, bad] = ops_between(sim, millis(2000), r.settled_at);
    QVERIFY(ok >= 3);
    QCOMPARE(bad, 0);
  }
};

QTEST_APPLESS_MAIN(TestShardScenariosPlacement)
#include "test_shard_scenarios_placement.moc"
