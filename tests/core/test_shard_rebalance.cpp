// Rebalancing as a process: chunks migrate in simulated time while reads and writes go on, no
// acknowledged write is lost, replicas follow their primary, crashes of a source or of a router
// are survived, and a rewind replays the same migration.
#include <QtTest>

#include <map>
#include <set>

#include "catalogue/catalogue.h"
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
using cs::sim::OpStatus;
using cs::sim::OpType;
using cs::sim::seconds;
using cs::sim::Simulation;
using cs::sim::TimeUs;

using test::builtin;

namespace {

std::string nodes_json(int n) {
  std::string out = "[";
  for (int i = 1; i <= n; ++i) out += std::string(i > 1 ? ", " : "") + "{\"name\": \"n" + std::to_string(i) + "\"}";
  return out + "]";
}

Scenario make(const std::string& params, int nodes, const std::string& workload, const std::string& timeline = "[]",
              double duration_s = 12) {
  const std::string text = R"({"version": 1, "id": "t", "title": "t",
    "model": {"type": "sharding", "params": )" +
                           params + R"(},
    "nodes": )" + nodes_json(nodes) +
                           R"(,
    "network": {"latency_ms": 20, "jitter_ms": 4},
    "workload": )" + workload +
                           R"(,
    "timeline": )" + timeline +
                           R"(,
    "duration_s": )" + std::to_string(duration_s) +
                           "}";
  return cs::scenario::load_scenario(text, "test");
}

const ShardNode& node(const Simulation& sim, EndpointId id) { return *shard_nodes(sim.world()).at(id); }

bool migrating(const Simulation& sim) {
  for (const ShardNode* n : shard_nodes(sim.world())) {
    if (n->config().balancer() == n->self()) return n->routing().migrating();
  }
  return false;
}

// Every row sits on exactly one active primary, the one its routing table names.
std::map<std::int64_t, Row> placed_rows(const Simulation& sim) {
  std::map<std::int64_t, Row> rows;
  for (const ShardNode* n : shard_nodes(sim.world())) {
    if (!n->is_active_primary()) continue;
    for (const auto& [key, row] : n->store()) {
      if (!rows.emplace(row.id, row).second) qWarning("row %lld on two shards", static_cast<long long>(row.id));
      if (n->routing().owner(key.shard_key) != n->shard())
        qWarning("row %lld misplaced", static_cast<long long>(row.id));
    }
  }
  return rows;
}

std::size_t placed_row_count_if_valid(const Simulation& sim) {
  std::size_t total = 0;
  for (const ShardNode* n : shard_nodes(sim.world())) {
    if (!n->is_active_primary()) continue;
    for (const auto& [key, row] : n->store()) {
      if (n->routing().owner(key.shard_key) != n->shard()) return 0;
      ++total;
    }
  }
  return placed_rows(sim).size() == total ? total : 0;
}

}  // namespace

class TestShardRebalance : public QObject {
  Q_OBJECT

 private slots:
  void writesDuringAMigrationAreKept() {
    const Scenario s = make(R"({"strategy": "hash_mod", "shards": 4, "rows": 300, "add_shard_at_ms": 1000,
                                "migration_batch_rows": 5, "migration_interval_ms": 100})",
                            5,
                            R"({"clients": 6, "think_time_ms": 40, "read_fraction": 0.3, "keys": 300,
                                "target": "random", "nodes": ["n1", "n2", "n3", "n4"], "timeout_ms": 3000,
                                "stop_s": 9})");
    Simulation sim(cs::scenario::make_world(s, 4));
    sim.run_until(millis(1100));
    QVERIFY(migrating(sim));
    sim.run_until(seconds(12));
    QVERIFY(!migrating(sim));
    QCOMPARE(placed_row_count_if_valid(sim), std::size_t{300});
    const auto rows = placed_rows(sim);
    // For every key whose last write did not overlap another write, the stored value is that one.
    std::map<std::int64_t, std::vector<const cs::sim::Operation*>> writes;
    int during = 0;
    for (const auto& op : sim.world().history().ops()) {
      QCOMPARE(op.status, OpStatus::Ok);
      if (op.type == OpType::Write) writes[op.key].push_back(&op);
      if (op.type == OpType::Write && op.invoke_us > millis(1000) && op.invoke_us < millis(4000)) ++during;
    }
    QVERIFY2(during > 50, qPrintable(QString::number(during)));
    int checked = 0;
    for (const auto& [key, ops] : writes) {
      const auto* last = ops.back();
      const bool alone =
          std::all_of(ops.begin(), ops.end() - 1, [&](const auto* o) { return o->complete_us < last->invoke_us; });
      if (!alone) continue;
      QCOMPARE(rows.at(key).value, last->value);
      ++checked;
    }
    QVERIFY(checked > 150);
    QVERIFY(cs::scenario::run_metrics(s, sim.world())["keys_moved"] > 200);
  }

  void replicasFollowTheirPrimary() {
    // n1 routes; n2..n9 are four shards of a primary and a replica; the fourth joins at 1.5 s.
    // n3, the replica of the first shard, is down from 3 s to 5 s and misses writes meanwhile.
    const Scenario s = make(R"({"strategy": "consistent_hash", "vnodes": 32, "router_nodes": "1", "replicas": 2,
                                "shards": 3, "rows": 600, "add_shard_at_ms": 1500})",
                            9,
                            R"({"clients": 4, "think_time_ms": 60, "read_fraction": 0.3, "keys": 600,
                                "nodes": ["n1"], "timeout_ms": 3000, "stop_s": 8})",
                            R"([{"at_s": 3, "action": "crash", "node": "n3"},
                                {"at_s": 5, "action": "restart", "node": "n3"}])");
    Simulation sim(cs::scenario::make_world(s, 2));
    sim.run_until(millis(4900));
    QVERIFY(node(sim, 2).store() != node(sim, 1).store());  // behind while it was down
    sim.run_until(seconds(12));
    QVERIFY(!migrating(sim));
    const auto m = cs::scenario::run_metrics(s, sim.world());
    QCOMPARE(m.at("keys_total"), 600.0);
    const double moved = m.at("keys_moved") / 600.0;
    QVERIFY2(moved > 0.12 && moved < 0.4, qPrintable(QString::number(moved)));  // 1/(N+1) = 0.25
    QVERIFY(m.at("rows_replicated") > 100);
    const auto nodes = shard_nodes(sim.world());
    const ShardConfig& c = nodes[0]->config();
    for (ShardIndex shard = 0; shard < 4; ++shard) {
      const ShardNode& primary = *nodes[c.primary_of(shard)];
      QCOMPARE(primary.store().empty(), false);
      for (const EndpointId r : c.secondaries_of(shard)) {
        QCOMPARE(nodes[r]->store(), primary.store());
        QCOMPARE(sim.world().node(r).role, cs::sim::Role::Replica);
      }
      QCOMPARE(sim.world().node(c.primary_of(shard)).role, cs::sim::Role::Primary);
    }
  }

  void aSourceCrashDuringAMigrationIsSurvived() {
    Scenario s = builtin("mod-n-reshuffle");
    cs::sim::Action crash, restart;
    crash.type = cs::sim::ActionType::Crash;
    crash.at_us = millis(2300);
    crash.node = 1;
    restart = crash;
    restart.type = cs::sim::ActionType::Restart;
    restart.at_us = millis(3300);
    s.timeline = {crash, restart};
    s.duration_us = seconds(20);
    Simulation sim(cs::scenario::make_world(s, s.seed));
    sim.run_until(millis(2400));
    QVERIFY(migrating(sim));
    sim.run_until(s.duration_us);
    QVERIFY(!migrating(sim));
    QCOMPARE(placed_row_count_if_valid(sim), std::size_t{400});
    // Once n2 was back, requests succeeded again.
    int later = 0;
    for (const auto& op : sim.world().history().ops()) {
      if (op.invoke_us < seconds(8) || op.invoke_us > seconds(18)) continue;
      QCOMPARE(op.status, OpStatus::Ok);
      ++later;
    }
    QVERIFY(later > 20);
  }

  void aRestartedRouterLearnsTheNewPlacement() {
    // A router (like mongos) keeps its routing table in memory only; after a restart it routes by
    // the old placement and the shards' "not owner" answers put it right. n1 also runs the
    // balancer, whose metadata is durable, so the router that crashes is n2.
    const Scenario s = make(R"({"strategy": "hash_mod", "router_nodes": "1,2", "shards": 4, "rows": 300,
                                "add_shard_at_ms": 1000})",
                            7,
                            R"({"clients": 3, "think_time_ms": 80, "read_fraction": 0.5, "keys": 300,
                                "nodes": ["n2"], "timeout_ms": 1000})",
                            R"([{"at_s": 6, "action": "crash", "node": "n2"},
                                {"at_s": 6.2, "action": "restart", "node": "n2"}])");
    Simulation sim(cs::scenario::make_world(s, 9));
    sim.run_until(millis(5900));
    QVERIFY(!migrating(sim));
    QCOMPARE(node(sim, 1).routing().epoch(), 1u);
    const auto retries_before = node(sim, 1).counters().not_owner_retries;
    sim.run_until(seconds(6) + 1);
    QCOMPARE(node(sim, 1).routing().epoch(), 0u);  // forgotten
    sim.run_until(seconds(12));
    QVERIFY(node(sim, 1).counters().not_owner_retries > retries_before);
    QCOMPARE(node(sim, 1).routing().epoch(), 1u);
    int after = 0;
    for (const auto& op : sim.world().history().ops()) {
      if (op.invoke_us < millis(6300) || op.invoke_us > millis(11'000)) continue;
      QCOMPARE(op.status, OpStatus::Ok);
      ++after;
    }
    QVERIFY(after > 30);
  }

  void rewindReplaysTheSameMigration() {
    const Scenario s = builtin("consistent-hash-add-node");
    Simulation straight(cs::scenario::make_world(s, 3));
    straight.run_until(seconds(9));
    Simulation wandering(cs::scenario::make_world(s, 3));
    wandering.run_until(seconds(6));
    wandering.seek(millis(2500));  // back into the middle of the migration
    QVERIFY(migrating(wandering));
    wandering.run_until(seconds(9));
    QCOMPARE(wandering.trace_hash(), straight.trace_hash());
  }

  void viewShowsTheRingKeysAndMigrations() {
    const Scenario s = builtin("consistent-hash-add-node");
    const auto* model = cs::catalogue::find_model("sharding");
    QVERIFY(model && model->view_data);
    Simulation sim(cs::scenario::make_world(s, s.seed));
    sim.run_until(millis(1000));
    auto v = model->view_data(sim.world(), s.params);
    QCOMPARE(v.ring.size(), std::size_t{4 * 32});
    QCOMPARE(v.keys.size(), std::size_t{500});  // a bounded sample of the 600 rows
    QCOMPARE(v.shards.size(), std::size_t{4});
    QVERIFY(v.migrations.empty());
    for (const auto& k : v.keys) {
      QVERIFY(k.position >= 0 && k.position < 1 && k.node < 4 && !k.moving);
    }
    for (const auto& p : v.ring) QVERIFY(p.position >= 0 && p.position < 1);
    sim.run_until(millis(2300));
    v = model->view_data(sim.world(), s.params);
    QCOMPARE(v.ring.size(), std::size_t{5 * 32});
    QCOMPARE(v.shards.size(), std::size_t{5});
    QVERIFY(!v.migrations.empty());
    for (const auto& mg : v.migrations) {
      QVERIFY(mg.progress >= 0 && mg.progress <= 1);
      QCOMPARE(mg.to, EndpointId{4});
    }
    QVERIFY(std::any_of(v.keys.begin(), v.keys.end(), [](const auto& k) { return k.moving; }));
    sim.run_until(seconds(10));
    v = model->view_data(sim.world(), s.params);
    QVERIFY(v.migrations.empty());
    QVERIFY(std::none_of(v.keys.begin(), v.keys.end(), [](const auto& k) { return k.moving; }));
    std::int64_t keys = 0;
    for (const auto& cell : v.shards) keys += cell.keys;
    QCOMPARE(keys, std::int64_t{600});
  }

  void aCelebrityKeepsItsShardHot() {
    // Hashing spreads keys, not the traffic of one key: half of all reads are about user 1.
    Scenario s = builtin("shard-by-user-id");
    s.params["celebrity_share"] = 0.5;
    s.workload.read_fraction = 1.0;
    Simulation sim(cs::scenario::make_world(s, s.seed));
    sim.run_until(s.duration_us);
    const auto m = cs::scenario::run_metrics(s, sim.world());
    QCOMPARE(m.at("hot_shards"), 1.0);
    QVERIFY(m.at("shard_imbalance") < 1.3);  // the data is still even
    const auto* model = cs::catalogue::find_model("sharding");
    const auto v = model->view_data(sim.world(), s.params);
    QCOMPARE(std::count_if(v.shards.begin(), v.shards.end(), [](const auto& c) { return c.hot; }), 1L);
  }

  void aCrashedShardTakesOnlyItsOwnKeysOffline() {
    const Scenario s = make(R"({"strategy": "hash_mod", "router_nodes": "1", "shards": 4, "rows": 400})", 5,
                            R"({"clients": 4, "think_time_ms": 60, "read_fraction": 0.8, "keys": 400,
                                "nodes": ["n1"], "timeout_ms": 2000})",
                            R"([{"at_s": 2, "action": "crash", "node": "n3"}])", 8);
    Simulation sim(cs::scenario::make_world(s, 5));
    sim.run_until(s.duration_us);
    int ok = 0, bad = 0;
    for (const auto& op : sim.world().history().ops()) {
      if (op.invoke_us < millis(2100) || op.status == OpStatus::Pending) continue;
      const bool on_n3 = mod_n_owner(hash_key(op.key), 4) == 1;
      if (op.status == OpStatus::Ok) {
        QVERIFY(!on_n3);
        ++ok;
      } else {
        QVERIFY(on_n3);
        ++bad;
      }
    }
    QVERIFY(ok > 3 * bad / 2 && bad > 10);
  }
};

QTEST_APPLESS_MAIN(TestShardRebalance)
#include "test_shard_rebalance.moc"
