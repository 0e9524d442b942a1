// Lesson 1's scenarios, run headless: what the lesson and its narration claim, asserted on the run.
//   intro-cluster                  replicas of a shard are identical; shards hold disjoint keys
//   client-server                  only servers store data; messages only go client <-> server
//   peer-to-peer                   news of a newcomer reaches all N peers in O(log N) gossip rounds
//   multi-tier                     presentation -> application -> database and back; never p <-> db
//   homogeneous-vs-heterogeneous   one protocol on one side; a translating middleware on the other
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "architecture/client_server.h"
#include "architecture/federation.h"
#include "architecture/gossip.h"
#include "architecture/multi_tier.h"
#include "scenario/builtin.h"
#include "scenario/run_setup.h"
#include "sharding/shard_model.h"
#include "sim/simulation.h"
#include "test_support.h"

using namespace cs::architecture;
using cs::scenario::Scenario;
using cs::sim::EndpointId;
using cs::sim::millis;
using cs::sim::OpStatus;
using cs::sim::seconds;
using cs::sim::Simulation;
using cs::sim::TimeUs;
using cs::sim::TraceEvent;
using cs::sim::TraceType;

using test::builtin;

namespace {

using Finished = test::FinishedRun;

// Messages between nodes (not the kernel's clients) sent during the run, oldest first.
std::vector<TraceEvent> node_sends(const Simulation& sim) {
  std::vector<TraceEvent> out;
  const auto n = sim.world().node_count();
  for (auto i = sim.trace().first_index(); i < sim.trace().total(); ++i) {
    const auto& e = sim.trace().at_index(i);
    if (e.type == TraceType::Send && e.node < n && e.peer < n) out.push_back(e);
  }
  return out;
}

// Sends of `kind` that are on the wire at time t (sent before, arriving after).
std::vector<TraceEvent> in_flight_at(const Simulation& sim, std::uint16_t kind, TimeUs t) {
  std::vector<TraceEvent> out;
  for (const auto& e : node_sends(sim)) {
    if (e.kind == kind && e.time_us <= t && e.a > t) out.push_back(e);
  }
  return out;
}

template <class Node>
const Node& node_at(const Simulation& sim, EndpointId id) {
  const auto* n = dynamic_cast<const Node*>(sim.world().node(id).protocol.get());
  if (!n) qFatal("node %u runs another model", id);
  return *n;
}

QString text(double v) { return QString::number(v); }

}  // namespace

class TestArchitectureScenarios : public QObject {
  Q_OBJECT

 private slots:
  // ---- intro-cluster -------------------------------------------------------------------------

  void introClusterHasThreeShardsOfThreeReplicas() {
    const Scenario s = builtin("intro-cluster");
    Finished run(s);
    const auto nodes = cs::sharding::shard_nodes(run.sim.world());
    QCOMPARE(nodes.size(), std::size_t{9});
    // The narration's groups: n1-n3 are shard s1, n4-n6 shard s2, n7-n9 shard s3; one primary each.
    for (EndpointId id = 0; id < 9; ++id) {
      QCOMPARE(nodes[id]->shard(), id / 3);
      QCOMPARE(nodes[id]->is_primary(), id % 3 == 0);
    }
    int writes = 0;
    for (const auto& op : run.sim.world().history().ops()) {
      writes += op.type == cs::sim::OpType::Write && op.status == OpStatus::Ok;
    }
    QVERIFY2(writes >= 30, qPrintable(text(writes)));
    // The replicas of one shard hold identical data at the end (writes stop at 12 s of 15).
    for (EndpointId primary = 0; primary < 9; primary += 3) {
      QVERIFY(nodes[primary]->store().size() >= 10);
      for (EndpointId r = primary + 1; r < primary + 3; ++r) QVERIFY(nodes[r]->store() == nodes[primary]->store());
    }
    // Different shards hold different keys, and every key lives on exactly one shard.
    std::map<std::int64_t, std::set<cs::sharding::ShardIndex>> shards_of_key;
    for (EndpointId primary = 0; primary < 9; primary += 3) {
      for (const auto& [key, row] : nodes[primary]->store()) shards_of_key[row.user_id].insert(nodes[primary]->shard());
    }
    for (const auto& [key, shards] : shards_of_key) QCOMPARE(shards.size(), std::size_t{1});
    for (const auto& op : run.sim.world().history().ops()) QVERIFY(shards_of_key.contains(op.key));
    QCOMPARE(shards_of_key.size(), std::size_t{60});
  }

  void introClusterReplicasMatchAtTheNarratedTimes() {
    // 1 s: "n1, n2 and n3 hold identical copies"; 2 s: n4 to n6 hold a different slice.
    const Scenario s = builtin("intro-cluster");
    Simulation sim(cs::scenario::make_world(s, s.seed));
    sim.run_until(seconds(1));
    auto nodes = cs::sharding::shard_nodes(sim.world());
    QVERIFY(nodes[1]->store() == nodes[0]->store() && nodes[2]->store() == nodes[0]->store());
    sim.run_until(seconds(2));
    nodes = cs::sharding::shard_nodes(sim.world());
    QVERIFY(nodes[4]->store() == nodes[3]->store() && nodes[5]->store() == nodes[3]->store());
    for (const auto& [key, row] : nodes[3]->store()) QVERIFY(!nodes[0]->store().contains(key));
  }

  // ---- client-server -------------------------------------------------------------------------

  void clientServerMessagesOnlyCrossTheDivide() {
    const Scenario s = builtin("client-server");
    Finished run(s);
    const auto& m = run.metrics;
    const auto is_client = [&](EndpointId id) { return node_at<ClientServerNode>(run.sim, id).is_client(); };
    const auto sends = node_sends(run.sim);
    QVERIFY(sends.size() > 50);
    int requests = 0;
    for (const auto& e : sends) {
      QVERIFY2(is_client(e.node) != is_client(e.peer), qPrintable(QString("%1 -> %2").arg(e.node).arg(e.peer)));
      if (e.kind == ClientServerNode::kRequest) {
        QVERIFY(is_client(e.node));
        ++requests;
      }
    }
    QCOMPARE(m.at("client_to_client_messages"), 0.0);
    QCOMPARE(m.at("server_to_server_messages"), 0.0);
    QCOMPARE(m.at("client_requests_sent"), static_cast<double>(requests));
    // Only the servers store data, and they did all the work: every request was served by one.
    QCOMPARE(m.at("data_on_clients"), 0.0);
    QVERIFY(m.at("data_on_servers") >= 10);
    QCOMPARE(m.at("requests_served_by_clients"), 0.0);
    QVERIFY(m.at("server_requests") >= m.at("client_answers") && m.at("client_answers") >= requests - 4);
    for (EndpointId id = 0; id < run.sim.world().node_count(); ++id) {
      const auto& node = node_at<ClientServerNode>(run.sim, id);
      QCOMPARE(node.store().empty(), node.is_client());
    }
  }

  void clientServerNarrationTimes() {
    const Scenario s = builtin("client-server");
    Finished run(s);
    const auto sends = node_sends(run.sim);
    // At 1 s: client1's first request is on its way to a server, and nothing was sent before it.
    QVERIFY(!sends.empty());
    const TraceEvent first = sends.front();
    QCOMPARE(first.kind, ClientServerNode::kRequest);
    QCOMPARE(first.node, EndpointId{0});
    QVERIFY(first.time_us < seconds(1) && first.a > seconds(1));
    QCOMPARE(in_flight_at(run.sim, ClientServerNode::kRequest, seconds(1)).size(), std::size_t{1});
    // ... and the answer comes back to client1.
    const auto answer = std::find_if(
        sends.begin(), sends.end(), [](const auto& e) { return e.kind == ClientServerNode::kResponse && e.peer == 0; });
    QVERIFY(answer != sends.end() && answer->time_us < millis(1200));
    // By 3 s all four clients are sending.
    std::set<EndpointId> senders;
    for (const auto& e : sends) {
      if (e.kind == ClientServerNode::kRequest && e.time_us <= seconds(3)) senders.insert(e.node);
    }
    QCOMPARE(senders.size(), std::size_t{4});
  }

  // ---- peer-to-peer --------------------------------------------------------------------------

  void gossipReachesEveryoneAtTheNarratedTimes() {
    const Scenario s = builtin("peer-to-peer");
    Finished run(s);
    const auto n = run.sim.world().node_count();
    QCOMPARE(n, std::size_t{16});
    const EndpointId newcomer = 15;
    // Before it joins, n16 is silent and takes no part.
    for (const auto& e : node_sends(run.sim)) {
      if (e.time_us < seconds(1)) QVERIFY(e.node != newcomer && e.peer != newcomer);
    }
    std::vector<TimeUs> learned;
    for (EndpointId id = 0; id < n; ++id) learned.push_back(node_at<GossipNode>(run.sim, id).learned_at_us());
    const auto known_by = [&](TimeUs t) {
      return std::count_if(learned.begin(), learned.end(), [&](TimeUs at) { return at >= 0 && at <= t; });
    };
    // 1 s: n16's announcement to n1 is on its way; once it lands only n1 and n16 know. 3 s: some
    // more know, not everyone. 8 s: everyone.
    const auto joins = in_flight_at(run.sim, GossipNode::kJoin, seconds(1));
    QCOMPARE(joins.size(), std::size_t{1});
    QCOMPARE(joins[0].node, newcomer);
    QCOMPARE(joins[0].peer, EndpointId{0});
    QCOMPARE(known_by(millis(1100)), 2);
    QVERIFY(node_at<GossipNode>(run.sim, 0).learned_at_us() <= millis(1100));
    QVERIFY2(known_by(seconds(3)) > 2 && known_by(seconds(3)) < 16, qPrintable(text(known_by(seconds(3)))));
    QCOMPARE(known_by(seconds(8)), 16);
    // Every peer stores data and forwards requests for keys it does not hold (15 founders store data,
    // all 16 end informed: tests/transcripts/peer-to-peer.txt).
    QVERIFY(run.metrics.at("requests_forwarded") >= 5);
    QVERIFY(run.metrics.at("requests_served") >= run.metrics.at("ops_ok") && run.metrics.at("ops_ok") >= 20);
  }

  void gossipTakesLogarithmicRoundsWithNoCoordinator() {
    // Push gossip with fanout 1 starts from 2 informed nodes (n16 and its seed peer) and can at
    // most double per round, so it needs at least log2(N) - 1 rounds. The expected number of rounds
    // of push gossip is log2 N + ln N + O(1) (Frieze and Grimmett; Pittel), about 6.8 for N = 16, so
    // 2 log2 N + 2 = 10 leaves room for the random tail. The mean must be close to log2 N + ln N.
    Scenario s = builtin("peer-to-peer");
    s.duration_us = seconds(14);
    const double log2n = std::log2(16.0);
    double rounds_total = 0, early_growth = 0;
    int early_samples = 0;
    constexpr int kSeeds = 12;
    for (std::uint64_t seed = 1; seed <= kSeeds; ++seed) {
      Finished run(s, seed);
      const auto& m = run.metrics;
      const double rounds = m.at("gossip_rounds_to_full_knowledge");
      QVERIFY2(rounds >= log2n - 1 && rounds <= 2 * log2n + 2,
               qPrintable(QString("seed %1: %2").arg(seed).arg(rounds)));
      rounds_total += rounds;
      QCOMPARE(m.at("informed_after_round_0"), 2.0);
      QCOMPARE(m.at("informed_after_round_" + std::to_string(static_cast<int>(rounds))), 16.0);
      for (int r = 1; r <= rounds; ++r) {
        const double before = m.at("informed_after_round_" + std::to_string(r - 1));
        const double after = m.at("informed_after_round_" + std::to_string(r));
        QVERIFY(after >= before && after <= 2 * before);  // push, fanout 1: at most doubling
        if (before <= 4) {
          early_growth += after / before;
          ++early_samples;
        }
      }
      // No coordinator: every node gossips, about equally often, and the news reached the nodes
      // through several different peers.
      std::map<EndpointId, int> sent;
      for (const auto& e : node_sends(run.sim)) sent[e.node] += e.kind == GossipNode::kGossip;
      QCOMPARE(sent.size(), std::size_t{16});
      for (const auto& [node, count] : sent) QVERIFY(count >= 1 && count <= 14);
      QCOMPARE(m.at("nodes_sending_gossip"), 16.0);
      QVERIFY2(m.at("distinct_informers") >= 4, qPrintable(text(m.at("distinct_informers"))));
      QVERIFY(m.at("most_informed_by_one_node") <= 8);
    }
    // The lesson's figure: about log2 N + ln N rounds on average (6.8 for 16 nodes).
    const double mean = rounds_total / kSeeds;
    QVERIFY2(std::abs(mean - (log2n + std::log(16.0))) <= 1.2, qPrintable(text(mean)));
    // Early on, nearly every push reaches a node that has not heard yet: roughly doubling.
    QVERIFY2(early_growth / early_samples >= 1.6, qPrintable(text(early_growth / early_samples)));
  }

  // ---- multi-tier ----------------------------------------------------------------------------

  void multiTierRequestsCrossEveryTier() {
    const Scenario s = builtin("multi-tier");
    Finished run(s);
    const auto& m = run.metrics;
    const auto tier = [&](EndpointId id) { return static_cast<int>(node_at<MultiTierNode>(run.sim, id).tier()); };
    const auto sends = node_sends(run.sim);
    QVERIFY(sends.size() > 100);
    for (const auto& e : sends) {
      // Neighbouring tiers only: the presentation tier never talks to the database directly.
      QVERIFY2(std::abs(tier(e.node) - tier(e.peer)) == 1, qPrintable(QString("%1 -> %2").arg(e.node).arg(e.peer)));
    }
    QCOMPARE(m.at("presentation_to_database_messages"), 0.0);
    QCOMPARE(m.at("database_to_presentation_messages"), 0.0);
    QVERIFY(m.at("requests_completed") >= 30);
    // Down and back up: browser -> app -> database -> app -> browser, four tier hops per request.
    QCOMPARE(m.at("tier_hops_per_request"), 4.0);
    QVERIFY(m.at("presentation_to_application_messages") - m.at("application_to_database_messages") <= 3);
    QVERIFY(m.at("database_queries") >= m.at("requests_completed"));
  }

  void multiTierNarrationTimes() {
    const Scenario s = builtin("multi-tier");
    Finished run(s);
    // 1 s: browser1's request is on its way to an application server; no query has left yet.
    const auto requests = in_flight_at(run.sim, MultiTierNode::kUserRequest, seconds(1));
    QCOMPARE(requests.size(), std::size_t{1});
    QCOMPARE(requests[0].node, EndpointId{0});
    QCOMPARE(node_at<MultiTierNode>(run.sim, requests[0].peer).tier(), Tier::Application);
    for (const auto& e : node_sends(run.sim)) {
      if (e.time_us <= seconds(1)) QCOMPARE(e.kind, MultiTierNode::kUserRequest);
    }
    // 2 s: the application tier is querying the database tier, and answers have come back up.
    const auto db = in_flight_at(run.sim, MultiTierNode::kQuery, seconds(2)).size() +
                    in_flight_at(run.sim, MultiTierNode::kQueryResult, seconds(2)).size();
    QVERIFY(db >= 1);
    int pages = 0;
    for (const auto& e : node_sends(run.sim)) pages += e.kind == MultiTierNode::kUserResponse && e.a <= seconds(2);
    QVERIFY(pages >= 1);
  }

  // ---- homogeneous-vs-heterogeneous ----------------------------------------------------------

  void homogeneousSpeaksOneProtocolHeterogeneousTranslates() {
    const Scenario s = builtin("homogeneous-vs-heterogeneous");
    Finished run(s);
    const auto& m = run.metrics;
    const auto& c = node_at<FederationNode>(run.sim, 0).config();
    QCOMPARE(c.homogeneous_sites, std::size_t{3});
    const EndpointId mw = c.middleware(), mysql = 4, oracle = 5;
    QCOMPARE(c.dbms_of(mysql), Dbms::MySql);
    QCOMPARE(c.dbms_of(oracle), Dbms::Oracle);
    for (const auto& e : node_sends(run.sim)) {
      const bool homogeneous = c.is_homogeneous(e.node);
      QCOMPARE(c.is_homogeneous(e.peer), homogeneous);  // the two systems never meet
      if (homogeneous) {
        QVERIFY(e.kind == FederationNode::kPgQuery || e.kind == FederationNode::kPgRows);
        continue;
      }
      QVERIFY(e.node == mw || e.peer == mw);  // MySQL and Oracle never talk to each other
      if (e.node == mw) QCOMPARE(e.kind, FederationNode::query_kind(c.dbms_of(e.peer)));
    }
    QCOMPARE(m.at("dialect_errors"), 0.0);  // every part arrived in its target's dialect
    // Translation happens on the heterogeneous side only: one per part, two parts per query.
    QCOMPARE(m.at("homogeneous_translations"), 0.0);
    QVERIFY(m.at("heterogeneous_queries") >= 10 && m.at("homogeneous_queries") >= 10);
    QVERIFY(m.at("translations") >= 2 * m.at("heterogeneous_queries"));
    QVERIFY(m.at("type_conversions") >= 2 * m.at("heterogeneous_queries"));
    // Every answer merged every part of its side.
    for (const auto& op : run.sim.world().history().ops()) {
      if (op.status != OpStatus::Ok) continue;
      QCOMPARE(op.value, c.all_parts(c.is_homogeneous(op.node)));
    }
    // The middleware's translation step costs time the homogeneous side does not pay.
    const double homogeneous = m.at("homogeneous_query_ms_mean");
    const double heterogeneous = m.at("heterogeneous_query_ms_mean");
    QVERIFY2(heterogeneous >= homogeneous + 20, qPrintable(QString("%1 %2").arg(homogeneous).arg(heterogeneous)));
  }

  void heterogeneousQueryAtTwoSeconds() {
    const Scenario s = builtin("homogeneous-vs-heterogeneous");
    Finished run(s);
    const auto& c = node_at<FederationNode>(run.sim, 0).config();
    // The console's query reaches the middleware just before 2 s; at 2 s it is being translated
    // (no part has left yet), then both parts go out and the merged answer comes back.
    const cs::sim::Operation* query = nullptr;
    for (const auto& op : run.sim.world().history().ops()) {
      if (op.client == run.sim.world().console_client() && op.node == c.middleware()) query = &op;
    }
    QVERIFY(query);
    QCOMPARE(query->status, OpStatus::Ok);
    QCOMPARE(query->value, c.all_parts(false));
    std::vector<TraceEvent> parts;
    for (const auto& e : node_sends(run.sim)) {
      if (e.node == c.middleware() && e.time_us >= query->invoke_us && e.time_us <= query->complete_us)
        parts.push_back(e);
    }
    QCOMPARE(parts.size(), std::size_t{2});
    for (const auto& p : parts) QVERIFY(p.time_us > seconds(2));
  }
};

QTEST_APPLESS_MAIN(TestArchitectureScenarios)
#include "test_architecture_scenarios.moc"
