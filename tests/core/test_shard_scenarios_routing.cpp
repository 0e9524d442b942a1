// The lesson's routing scenarios, run headless: what each one claims, asserted on the run.
//   directory-spof          routing needs the directory; when its node is down nothing routes
//   geo-sharding            rows live in their region, served over local links; sizes follow regions
//   cross-shard-query       a query with the shard key asks one shard; one without asks them all
//   shard-by-user-id        a user's check-ins live together and a history read is targeted
//   vertical-partitioning   every column group holds every row; a full record is a join
#include <QtTest>

#include <map>
#include <set>

#include "scenario/builtin.h"
#include "scenario/run_setup.h"
#include "sharding/shard_messages.h"
#include "sharding/shard_model.h"
#include "sim/simulation.h"
#include "test_support.h"

using namespace cs::sharding;
using cs::scenario::Scenario;
using cs::sim::EndpointId;
using cs::sim::millis;
using cs::sim::OpStatus;
using cs::sim::seconds;
using cs::sim::Simulation;
using cs::sim::TimeUs;

using test::builtin;

namespace {

using Finished = test::FinishedRun;

// Messages of one kind sent in [from, to), from the trace.
std::vector<cs::sim::TraceEvent> sends(const Simulation& sim, std::uint16_t kind, TimeUs from, TimeUs to) {
  std::vector<cs::sim::TraceEvent> out;
  for (auto i = sim.trace().first_index(); i < sim.trace().total(); ++i) {
    const auto& e = sim.trace().at_index(i);
    if (e.type == cs::sim::TraceType::Send && e.kind == kind && e.time_us >= from && e.time_us < to) out.push_back(e);
  }
  return out;
}

// user -> the nodes whose primary store holds any of that user's check-ins.
std::map<std::int64_t, std::set<EndpointId>> homes_of_users(const cs::sim::World& world) {
  std::map<std::int64_t, std::set<EndpointId>> out;
  for (const ShardNode* n : shard_nodes(world)) {
    if (!n->is_active_primary()) continue;
    for (const auto& [key, row] : n->store()) out[row.user_id].insert(n->self());
  }
  return out;
}

}  // namespace

class TestShardScenariosRouting : public QObject {
  Q_OBJECT

 private slots:
  void directoryDownMeansNoRouting() {
    const Scenario s = builtin("directory-spof");
    Finished run(s);
    const TimeUs crash = seconds(3);
    int ok_before = 0, bad_before = 0, ok_after = 0, bad_after = 0;
    for (const auto& op : run.sim.world().history().ops()) {
      QVERIFY(op.status != OpStatus::Info);  // the router gives up before the client does
      const bool before = op.complete_us >= 0 && op.complete_us < crash;
      if (before) (op.status == OpStatus::Ok ? ok_before : bad_before) += 1;
      if (op.invoke_us >= crash && op.status != OpStatus::Pending)
        (op.status == OpStatus::Ok ? ok_after : bad_after) += 1;
    }
    QVERIFY(ok_before >= 10);
    QCOMPARE(bad_before, 0);
    QCOMPARE(ok_after, 0);  // every shard is up, yet nothing can be routed
    QVERIFY(bad_after >= 5);
    for (EndpointId shard = 1; shard <= 3; ++shard) {
      QCOMPARE(run.sim.world().node(shard).status, cs::sim::NodeStatus::Up);
    }
    QCOMPARE(run.sim.world().node(4).status, cs::sim::NodeStatus::Crashed);
    QVERIFY(run.metrics["routing_failures"] >= bad_after);
    // Before the crash every request asked the directory first.
    QCOMPARE(sends(run.sim, msg::kLookup, 0, crash).size(), sends(run.sim, msg::kRequest, 0, crash).size());
  }

  void aRouterCacheHidesTheDirectoryOutageForKnownKeys() {
    Scenario s = builtin("directory-spof");
    s.params["directory_cache"] = true;
    s.workload.key_count = 20;  // few keys: the routers have seen them all before the crash
    Finished run(s);
    int ok_after = 0;
    for (const auto& op : run.sim.world().history().ops()) {
      if (op.invoke_us >= seconds(3) && op.status == OpStatus::Ok) ++ok_after;
    }
    QVERIFY2(ok_after >= 20, qPrintable(QString::number(ok_after)));
  }

  void geoRowsLiveInTheirRegion() {
    const Scenario s = builtin("geo-sharding");
    Finished run(s);
    const auto& world = run.sim.world();
    for (const ShardNode* n : shard_nodes(world)) {
      if (!n->is_active_primary()) continue;
      QVERIFY(!n->store().empty());
      for (const auto& [key, row] : n->store()) QCOMPARE(row.user_id / kRegionStride, std::int64_t{n->shard()});
      // The scenario puts shard r in region r: the data really is where its users are.
      QCOMPARE(world.network().region_of(n->self()), n->shard());
    }
    const auto requests = sends(run.sim, msg::kRequest, 0, s.duration_us);
    QVERIFY(requests.size() > 100);
    for (const auto& e : requests) QCOMPARE(world.network().region_of(e.node), world.network().region_of(e.peer));
    QVERIFY2(run.metrics["single_shard_ms_mean"] < 25,
             qPrintable(QString::number(run.metrics["single_shard_ms_mean"])));
    // Sizes follow the regions' populations (3 : 2 : 1), not an even split.
    const auto snap = snapshot(world);
    QVERIFY(snap.keys[0] > snap.keys[1] && snap.keys[1] > snap.keys[2]);
    QVERIFY(run.metrics["shard_imbalance"] > 1.3);
  }

  void targetedQueryAsksOneShardScatterAsksAll() {
    const Scenario s = builtin("cross-shard-query");
    Finished run(s);
    // The two queries of the timeline, sent by the console client.
    std::vector<cs::sim::Operation> console;
    for (const auto& op : run.sim.world().history().ops()) {
      if (op.client == run.sim.world().console_client()) console.push_back(op);
    }
    QCOMPARE(console.size(), std::size_t{2});
    QCOMPARE(console[0].status, OpStatus::Ok);
    QCOMPARE(console[1].status, OpStatus::Ok);
    QCOMPARE(sends(run.sim, msg::kRequest, seconds(1), millis(2900)).size(), std::size_t{1});
    QCOMPARE(sends(run.sim, msg::kRequest, seconds(3), millis(5900)).size(), std::size_t{4});
    QCOMPARE(sends(run.sim, msg::kReply, seconds(3), millis(5900)).size(), std::size_t{4});
    // The scatter-gather answer waits for the slowest shard: n5 is 60 ms further each way.
    const TimeUs targeted = console[0].complete_us - console[0].invoke_us;
    const TimeUs scatter = console[1].complete_us - console[1].invoke_us;
    QVERIFY2(scatter > targeted && scatter >= millis(240), qPrintable(QString("%1 %2").arg(targeted).arg(scatter)));
    // Over the whole run: every targeted query cost one request, every scatter-gather four.
    const auto& m = run.metrics;
    QVERIFY(m.at("single_shard_queries") > 10 && m.at("scatter_gather_queries") > 3);
    QCOMPARE(m.at("shard_requests"), m.at("single_shard_queries") + 4 * m.at("scatter_gather_queries"));
    QVERIFY(m.at("scatter_gather_ms_mean") > m.at("single_shard_ms_mean"));
  }

  void checkinsByUserStayTogether() {
    const Scenario s = builtin("shard-by-user-id");
    Finished run(s);
    const auto homes = homes_of_users(run.sim.world());
    QVERIFY(homes.size() >= 190);  // nearly every one of the 200 users has check-ins
    for (const auto& [user, nodes] : homes) QCOMPARE(nodes.size(), std::size_t{1});
    // Every history read was targeted.
    QCOMPARE(run.metrics["scatter_gather_queries"], 0.0);
    QVERIFY(run.metrics["single_shard_queries"] > 100);
    // Users are spread over all four shards.
    std::map<EndpointId, int> users_per_node;
    for (const auto& [user, nodes] : homes) ++users_per_node[*nodes.begin()];
    QCOMPARE(users_per_node.size(), std::size_t{4});
    for (const auto& [node, users] : users_per_node) QVERIFY(users >= 30);
  }

  void byCheckinIdHistoriesScatter() {
    // The counterfactual: sharded by check-in id, a user's rows are everywhere and every
    // history read must ask every shard.
    Scenario s = builtin("shard-by-user-id");
    s.params["shard_key"] = std::string("checkin_id");
    Finished run(s);
    std::map<std::int64_t, int> rows_of_user;
    for (const ShardNode* n : shard_nodes(run.sim.world())) {
      for (const auto& [key, row] : n->store()) ++rows_of_user[row.user_id];
    }
    int busy = 0, scattered = 0;
    for (const auto& [user, nodes] : homes_of_users(run.sim.world())) {
      if (rows_of_user[user] < 3) continue;
      ++busy;
      scattered += nodes.size() > 1;
    }
    QVERIFY(busy > 100);
    QVERIFY2(scattered > busy * 8 / 10, qPrintable(QString("%1 of %2").arg(scattered).arg(busy)));
    int reads = 0;
    for (const auto& op : run.sim.world().history().ops()) reads += op.type == cs::sim::OpType::Read;
    QCOMPARE(run.metrics["scatter_gather_queries"], static_cast<double>(reads));
  }

  void columnGroupsEachHoldEveryRow() {
    const Scenario s = builtin("vertical-partitioning");
    Finished run(s);
    const auto nodes = shard_nodes(run.sim.world());
    const ShardConfig& c = nodes[0]->config();
    QCOMPARE(c.partitions(), 2u);
    QCOMPARE(c.column_groups[0].name, std::string("users_core"));
    QCOMPARE(c.column_groups[1].name, std::string("users_profile"));
    std::set<std::size_t> columns;
    for (const auto& g : c.column_groups) {
      QCOMPARE(g.columns.front(), c.schema.primary_key);
      columns.insert(g.columns.begin(), g.columns.end());
    }
    QCOMPARE(columns.size(), c.schema.columns.size());
    QVERIFY(c.column_groups[1].bytes_per_row > c.column_groups[0].bytes_per_row);
    // The same users in both groups, including the ones added during the run.
    std::set<std::int64_t> core, profile;
    for (const auto& [key, row] : nodes[1]->store()) core.insert(row.id);
    for (const auto& [key, row] : nodes[2]->store()) profile.insert(row.id);
    QCOMPARE(core, profile);
    QVERIFY(core.size() > 300);
    QCOMPARE(run.metrics["keys_total"], static_cast<double>(core.size()));
    QCOMPARE(run.metrics["shard_imbalance"], 1.0);
    // A narrow read or an update asks one group; a profile page (or a new user) asks both.
    const auto& m = run.metrics;
    QVERIFY(m.at("single_shard_queries") > 30 && m.at("scatter_gather_queries") > 5);
    // A new user's write first reaches users_core, then also gets a users_profile row.
    const auto new_users = static_cast<double>(core.size() - 300);
    QCOMPARE(m.at("shard_requests"), m.at("single_shard_queries") + 2 * m.at("scatter_gather_queries") + new_users);
    QCOMPARE(m.at("ops_failed") + m.at("ops_unknown"), 0.0);
  }
};

QTEST_APPLESS_MAIN(TestShardScenariosRouting)
#include "test_shard_scenarios_routing.moc"
