// The node inspector's data: a look inside each model's nodes (state, log, data, view of the
// cluster) that agrees with the node's own state and stays bounded however long the run.
#include <QtTest>

#include <bit>
#include <cstring>
#include <numeric>

#include "architecture/client_server.h"
#include "architecture/federation.h"
#include "architecture/gossip.h"
#include "architecture/multi_tier.h"
#include "backup/backup_node.h"
#include "caching/app_cache_node.h"
#include "caching/backing_database.h"
#include "consensus/paxos_node.h"
#include "failover/failover_node.h"
#include "failover/patroni_node.h"
#include "heartbeat/heartbeat.h"
#include "pooling/database_node.h"
#include "pooling/pooler_node.h"
#include "replication/crdt_node.h"
#include "replication/leaderless.h"
#include "replication/multi_leader.h"
#include "replication/single_leader.h"
#include "sharding/shard_node.h"
#include "test_support.h"

using namespace cs;

namespace {

std::string inspect_text(const sim::Simulation& sim, const scenario::Scenario& s, std::string_view node) {
  return render_english(sim.world().node(scenario::node_id(s, node)).protocol->inspect(), s.node_names);
}

std::unique_ptr<sim::Simulation> run_to(const scenario::Scenario& s, sim::TimeUs until_us) {
  auto sim = std::make_unique<sim::Simulation>(scenario::make_world(s, s.seed));
  sim->run_until(until_us);
  return sim;
}

bool is(const sim::DetailPart& part, const char* id) { return std::strcmp(part.id, id) == 0; }

// The lines of `section` whose first part has message id `id`.
std::vector<const sim::Detail*> lines_with(const sim::InspectionSection& section, const char* id) {
  std::vector<const sim::Detail*> out;
  for (const sim::Detail& line : section.lines) {
    if (!line.parts.empty() && is(line.parts.front(), id)) out.push_back(&line);
  }
  return out;
}

const sim::Detail* line_with(const sim::InspectionSection& section, const char* id) {
  const auto lines = lines_with(section, id);
  return lines.empty() ? nullptr : lines.front();
}

std::int64_t arg(const sim::Detail& line, std::size_t part, std::size_t index) {
  return line.parts.at(part).args.at(index).integer;
}

std::size_t total(const sim::InspectionSection& section) {
  return section.lines.size() + static_cast<std::size_t>(section.not_shown);
}

// A data section of "key %1 = %2" lines says exactly what the node's map holds, in key order.
void verify_key_values(const sim::InspectionSection& data, const std::map<std::int64_t, std::int64_t>& store) {
  QCOMPARE(total(data), store.size());
  auto it = store.begin();
  for (const sim::Detail& line : data.lines) {
    QVERIFY(is(line.parts.front(), "key %1 = %2"));
    QCOMPARE(arg(line, 0, 0), it->first);
    QCOMPARE(arg(line, 0, 1), it->second);
    ++it;
  }
}

std::string node_label(const scenario::Scenario& s, sim::EndpointId id) {
  return s.id + " " + (id < s.node_names.size() ? s.node_names[id] : std::to_string(id));
}

}  // namespace

class TestInspection : public QObject {
  Q_OBJECT

 private slots:
  void sectionsAreBoundedAndCountWhatTheyLeaveOut() {
    sim::InspectionSection section;
    for (int i = 0; i < 30; ++i) section.add("term %1", {sim::DetailArg::number(i)});
    QCOMPARE(section.lines.size(), sim::InspectionSection::kMaxLines);
    QCOMPARE(section.not_shown, 30 - static_cast<std::int64_t>(sim::InspectionSection::kMaxLines));
  }

  void raftShowsTheNewestLogEntriesItsDataAndWhoItFollows() {
    const auto s = test::builtin("raft-5");
    sim::Simulation sim(scenario::make_world(s, s.seed));
    sim.run_until(sim::seconds(5));
    for (sim::EndpointId id = 0; id < sim.world().node_count(); ++id) {
      const auto& node = dynamic_cast<const consensus::RaftNode&>(*sim.world().node(id).protocol);
      const sim::Inspection in = node.inspect();
      // The log section ends with the newest entry and counts the older ones it leaves out.
      const std::int64_t last = node.log().last_index();
      QVERIFY(last > static_cast<std::int64_t>(sim::InspectionSection::kMaxLines));
      QCOMPARE(in.log.not_shown + static_cast<std::int64_t>(in.log.lines.size()), last);
      QVERIFY(in.log.not_shown_first);
      QCOMPARE(in.log.lines.back().parts.front().args.front().integer, last);
      // One data line per key of the state machine.
      QCOMPARE(static_cast<std::size_t>(in.data.lines.size() + in.data.not_shown), node.state_machine().size());
      // The leader lists every other node; a follower names its leader.
      if (node.is_leader()) {
        QCOMPARE(in.cluster.lines.size(), sim.world().node_count() - 1);
      } else {
        QCOMPARE(in.cluster.lines.size(), std::size_t{1});
        QCOMPARE(in.cluster.lines[0].parts[0].args[0].integer, static_cast<std::int64_t>(node.leader_hint()));
      }
    }
    const std::string text = inspect_text(sim, s, "n1");
    QVERIFY2(text.find("more not shown") != std::string::npos, text.c_str());
    QVERIFY2(text.find("View of the cluster:") != std::string::npos, text.c_str());
  }

  void everyBuiltinScenarioShowsEveryUpNodeWithinBounds() {
    for (const auto& b : scenario::builtin_scenarios()) {
      const auto s = test::builtin(b.id);
      sim::Simulation sim(scenario::make_world(s, s.seed));
      // Every second to the end: through the faults, restarts and moves of each scenario.
      std::vector<sim::TimeUs> moments;
      for (sim::TimeUs t = sim::seconds(1); t < s.duration_us; t += sim::seconds(1)) moments.push_back(t);
      moments.push_back(s.duration_us);
      for (const sim::TimeUs t : moments) {
        sim.run_until(t);
        for (sim::EndpointId id = 0; id < sim.world().node_count(); ++id) {
          const auto& node = sim.world().node(id);
          const sim::Inspection in = node.protocol->inspect();
          const std::string where = node_label(s, id) + " at " + std::to_string(t / 1000) + " ms";
          if (node.status == sim::NodeStatus::Up) QVERIFY2(!in.empty(), where.c_str());
          for (const auto* section : {&in.state, &in.log, &in.data, &in.cluster}) {
            QVERIFY2(section->lines.size() <= sim::InspectionSection::kMaxLines, where.c_str());
            QVERIFY2(section->not_shown >= 0, where.c_str());
            for (const sim::Detail& line : section->lines) {
              QVERIFY2(!line.parts.empty(), where.c_str());
              // Node arguments are ids the UI can name: never out of the scenario's nodes.
              for (const auto& part : line.parts) {
                for (const auto& a : part.args) {
                  if (a.kind == sim::DetailArg::Kind::Node) {
                    QVERIFY2(a.integer >= 0 && static_cast<std::size_t>(a.integer) < sim.world().node_count(),
                             where.c_str());
                  }
                }
              }
            }
          }
        }
      }
    }
  }

  void failoverPrimaryShowsItsLogAndReplicasNameWhomTheyFollow() {
    const auto s = test::builtin("auto-failover-async-loss");
    for (const sim::TimeUs t : {sim::seconds(3), s.duration_us}) {
      const auto sim = run_to(s, t);
      bool saw_primary = false;
      for (sim::EndpointId id = 0; id < sim->world().node_count(); ++id) {
        if (sim->world().node(id).status != sim::NodeStatus::Up) continue;
        const auto& node = test::protocol_of<failover::FailoverNode>(sim->world(), id);
        const sim::Inspection in = node.inspect();
        verify_key_values(in.data, node.log().data());
        if (node.log().last_index() > 0) {
          QCOMPARE(arg(in.log.lines.back(), 0, 0), node.log().last_index());
          QCOMPARE(arg(in.log.lines.back(), 0, 1), failover::epoch_of(node.log().last_token()));
          QCOMPARE(total(in.log), static_cast<std::size_t>(node.log().last_index()));
        }
        if (node.is_primary()) {
          saw_primary = true;
          // One line per other node, each with how far that replica has copied.
          QCOMPARE(total(in.cluster), sim->world().node_count() - 1);
        } else if (node.known_primary() != sim::kNoEndpoint) {
          const sim::Detail* follows = line_with(in.cluster, "follows %1, token %2");
          QVERIFY(follows);
          QCOMPARE(arg(*follows, 0, 0), static_cast<std::int64_t>(node.known_primary()));
          QCOMPARE(arg(*follows, 0, 1), failover::epoch_of(node.token()));
        }
        const sim::Detail* token = line_with(in.state, "highest token seen %1");
        QVERIFY(token);
        QCOMPARE(arg(*token, 0, 0), failover::epoch_of(node.highest_token_seen()));
      }
      QVERIFY(saw_primary);
    }
  }

  void patroniDcsNamesTheKeyHolderAndReplicasFollowIt() {
    const auto s = test::builtin("patroni-style");
    const sim::EndpointId dcs = test::node(s, "n4");
    // Before n1 crashes (4 s), and once a replica has won the key after its TTL ran out.
    for (const sim::TimeUs t : {sim::seconds(3), sim::seconds(14)}) {
      const auto sim = run_to(s, t);
      const auto& store = test::protocol_of<failover::PatroniNode>(sim->world(), dcs);
      QVERIFY(store.is_dcs());
      const sim::Inspection dcs_view = store.inspect();
      const sim::Detail* key = line_with(dcs_view.data, "DCS: leader key %1, TTL %2 s");
      QVERIFY(key);
      QCOMPARE(arg(*key, 0, 0), static_cast<std::int64_t>(store.key_holder()));
      for (sim::EndpointId id = 0; id < sim->world().node_count(); ++id) {
        if (id == dcs || sim->world().node(id).status != sim::NodeStatus::Up) continue;
        const auto& node = test::protocol_of<failover::PatroniNode>(sim->world(), id);
        const sim::Inspection in = node.inspect();
        verify_key_values(in.data, node.log().data());
        QCOMPARE(node.is_primary(), id == store.key_holder());
        if (!node.is_primary()) {
          const sim::Detail* from = line_with(in.cluster, "replicates from %1");
          QVERIFY(from);
          QCOMPARE(arg(*from, 0, 0), static_cast<std::int64_t>(store.key_holder()));
        }
      }
    }
  }

  void poolerAndDatabaseShowTheirConnections() {
    const auto s = test::builtin("connection-pooling");
    const auto sim = run_to(s, sim::seconds(5));
    const auto& db = test::protocol_of<pooling::DatabaseNode>(sim->world(), test::node(s, "db-pooled"));
    const sim::Inspection in = db.inspect();
    const sim::Detail& connections = in.state.lines.front();
    QCOMPARE(arg(connections, 0, 1), static_cast<std::int64_t>(db.pooled_connections()));
    QCOMPARE(arg(connections, 0, 0) + arg(connections, 0, 1), static_cast<std::int64_t>(db.open_connections()));
    QVERIFY(db.pooled_connections() > 0);
    std::int64_t held = 0;
    for (const sim::Detail* line : lines_with(in.cluster, "%1 holds %2 server connections")) {
      QCOMPARE(arg(*line, 0, 0), static_cast<std::int64_t>(test::node(s, "pgbouncer")));
      held += arg(*line, 0, 1);
    }
    QCOMPARE(held, static_cast<std::int64_t>(db.pooled_connections()));

    const auto& pooler = test::protocol_of<pooling::PoolerNode>(sim->world(), test::node(s, "pgbouncer"));
    const sim::Inspection p = pooler.inspect();
    if (pooler.waiting() == 0) {
      QVERIFY(line_with(p.state, "no client waiting"));
    } else {
      const sim::Detail* waiting = line_with(p.state, "%1 clients waiting, the first since %2 s");
      QVERIFY(waiting);
      QCOMPARE(arg(*waiting, 0, 0), static_cast<std::int64_t>(pooler.waiting()));
    }
    const sim::Detail* pools = line_with(p.cluster, "pools connections to %1");
    QVERIFY(pools);
    QCOMPARE(arg(*pools, 0, 0), static_cast<std::int64_t>(test::node(s, "db-pooled")));
  }

  void paxosShowsEachAcceptorsPromiseAndTheChosenValue() {
    const auto s = test::builtin("paxos-basic");
    const auto sim = run_to(s, s.duration_us);
    for (sim::EndpointId id = 0; id < sim->world().node_count(); ++id) {
      const auto& node = test::protocol_of<consensus::PaxosNode>(sim->world(), id);
      const sim::Inspection in = node.inspect();
      const sim::Detail* promised = line_with(in.state, "acceptor: promised proposal %1");
      QVERIFY(promised);
      QCOMPARE(arg(*promised, 0, 0), node.promised());
      if (node.accepted_number() > 0) {
        const sim::Detail* accepted = line_with(in.state, "accepted proposal %1 with value %2");
        QVERIFY(accepted);
        QCOMPARE(arg(*accepted, 0, 0), node.accepted_number());
        QCOMPARE(arg(*accepted, 0, 1), node.accepted_value());
      }
      QVERIFY(node.learned());
      const sim::Detail* chosen = line_with(in.data, "chosen value %1");
      QVERIFY(chosen);
      QCOMPARE(arg(*chosen, 0, 0), node.learned_value());
    }
  }

  void shardNodesShowTheirRowsAndTheirCopyOfTheRanges() {
    {
      const auto s = test::builtin("hash-even");
      const auto sim = run_to(s, sim::seconds(5));
      for (sim::EndpointId id = 0; id < sim->world().node_count(); ++id) {
        const auto& node = test::protocol_of<sharding::ShardNode>(sim->world(), id);
        if (node.shard() == sharding::kNoShard || id == node.config().directory) continue;
        const sim::Inspection in = node.inspect();
        QCOMPARE(total(in.data), node.store().size());
        QVERIFY(!node.store().empty());
        // Rows in shard-key order, as the store keeps them.
        QCOMPARE(arg(in.data.lines.front(), 0, 2), node.store().begin()->first.shard_key);
        QCOMPARE(arg(in.data.lines.front(), 0, 0), node.store().begin()->second.id);
      }
    }
    const auto s = test::builtin("range-hotspot-timestamps");
    const auto sim = run_to(s, s.duration_us);
    bool saw_router = false;
    for (sim::EndpointId id = 0; id < sim->world().node_count(); ++id) {
      const auto& node = test::protocol_of<sharding::ShardNode>(sim->world(), id);
      const sim::Inspection in = node.inspect();
      const sharding::RangeMap& ranges = node.routing().ranges();
      if (node.config().is_router(id) && node.shard() == sharding::kNoShard) {
        saw_router = true;
        // The router's own copy of the ranges comes last in its view: every range, shown or counted.
        std::size_t range_lines = 0;
        for (const sim::Detail& line : in.cluster.lines) {
          const std::string_view id_text = line.parts.front().id;
          range_lines += id_text.find("shard keys") != std::string_view::npos ? 1 : 0;
        }
        QCOMPARE(range_lines + static_cast<std::size_t>(in.cluster.not_shown), ranges.size());
        QVERIFY(ranges.size() > 4);  // the hot range was split
      }
      if (node.is_active_primary()) {
        std::size_t owned = 0;
        for (std::size_t r = 0; r < ranges.size(); ++r) owned += ranges.owner_at(r) == node.shard() ? 1 : 0;
        std::size_t holds = 0;
        for (const sim::Detail& line : in.data.lines) {
          holds += std::string_view(line.parts.front().id).starts_with("holds") ? 1 : 0;
        }
        QCOMPARE(holds, std::min(owned, sim::InspectionSection::kMaxLines));
      }
    }
    QVERIFY(saw_router);
  }

  void crdtShowsEachKeysStateAsTheTypeKeepsIt() {
    const auto s = test::builtin("crdt-cart");
    const auto sim = run_to(s, sim::seconds(10));
    for (sim::EndpointId id = 0; id < sim->world().node_count(); ++id) {
      const auto& node = test::protocol_of<replication::CrdtNode>(sim->world(), id);
      const sim::Inspection in = node.inspect();
      QCOMPARE(total(in.data), node.states().size());
      QVERIFY(!node.states().empty());
      auto it = node.states().begin();
      for (const sim::Detail& line : in.data.lines) {
        QVERIFY(is(line.parts.at(0), "cart %1: {%2}"));
        QCOMPARE(arg(line, 0, 0), it->first);
        std::string products;
        for (const std::int64_t p : it->second.set.elements())
          products += (products.empty() ? "" : ",") + std::to_string(p);
        QCOMPARE(line.parts[0].args[1].text, products);
        QCOMPARE(arg(line, 1, 0), static_cast<std::int64_t>(it->second.set.tag_count()));
        ++it;
      }
    }
  }

  void singleLeaderReplicasNameTheirSourceAndShowTheirData() {
    const auto s = test::builtin("chain-lag");
    const auto sim = run_to(s, sim::seconds(10));
    for (sim::EndpointId id = 0; id < sim->world().node_count(); ++id) {
      const auto& node = test::protocol_of<replication::SingleLeaderNode>(sim->world(), id);
      const sim::Inspection in = node.inspect();
      verify_key_values(in.data, node.data());
      const sim::Detail* positions = line_with(in.state, "received up to %1, applied up to %2");
      QVERIFY(positions);
      QCOMPARE(arg(*positions, 0, 1), node.applied_index());
      const sim::Detail* source = line_with(in.cluster, "replicates from %1");
      if (id == replication::SingleLeaderNode::kPrimary) {
        QVERIFY(!source);
      } else {
        // A chain: each replica copies from the node before it.
        QVERIFY(source);
        QCOMPARE(arg(*source, 0, 0), static_cast<std::int64_t>(id - 1));
      }
      // Every entry still in the log and not applied is marked so.
      for (const sim::Detail& line : in.log.lines) {
        QCOMPARE(line.parts.size() > 1, arg(line, 0, 0) > node.applied_index());
      }
    }
  }

  void multiLeaderShowsEverySiblingWithItsVersionVector() {
    const auto s = test::builtin("vv-siblings");
    sim::Simulation sim(scenario::make_world(s, s.seed));
    bool saw_siblings = false;
    // Siblings live only until the next read merges them: look often.
    for (sim::TimeUs t = sim::seconds(1); t <= sim::seconds(10); t += sim::millis(50)) {
      sim.run_until(t);
      for (sim::EndpointId id = 0; id < sim.world().node_count(); ++id) {
        const auto& node = test::protocol_of<replication::MultiLeaderNode>(sim.world(), id);
        const sim::Inspection in = node.inspect();
        std::size_t versions = 0;
        for (const auto& [key, slot] : node.store().keys()) versions += slot.size();
        QCOMPARE(total(in.data), versions);
        std::size_t line = 0;
        for (const auto& [key, slot] : node.store().keys()) {
          saw_siblings = saw_siblings || slot.size() > 1;
          for (const auto& v : slot.versions()) {
            if (line == in.data.lines.size()) break;
            const sim::Detail& d = in.data.lines[line++];
            QCOMPARE(arg(d, 0, 0), key);
            QCOMPARE(arg(d, 1, 0), static_cast<std::int64_t>(v.stamp.node));
            // Parts 2.. are the version vector's non-zero entries, node by node.
            std::uint64_t seen = 0;
            for (std::size_t p = 2; p < d.parts.size(); ++p) {
              const auto n = static_cast<sim::EndpointId>(arg(d, p, 0));
              QCOMPARE(static_cast<std::uint64_t>(arg(d, p, 1)), v.version.get(n));
              seen += v.version.get(n);
            }
            std::uint64_t all = 0;
            for (sim::EndpointId n = 0; n < sim.world().node_count(); ++n) all += v.version.get(n);
            QCOMPARE(seen, all);
          }
        }
      }
    }
    QVERIFY(saw_siblings);
  }

  void leaderlessShowsEachCellWithItsStampAndItsPeers() {
    const auto s = test::builtin("cap-ap");
    const auto sim = run_to(s, sim::seconds(10));
    for (sim::EndpointId id = 0; id < sim->world().node_count(); ++id) {
      if (sim->world().node(id).status != sim::NodeStatus::Up) continue;
      const auto& node = test::protocol_of<replication::LeaderlessNode>(sim->world(), id);
      const sim::Inspection in = node.inspect();
      QCOMPARE(total(in.data), node.data().size());
      QVERIFY(!node.data().empty());
      auto it = node.data().begin();
      for (const sim::Detail& line : in.data.lines) {
        QCOMPARE(arg(line, 0, 0), it->first);
        QCOMPARE(arg(line, 0, 1), it->second.value());
        QVERIFY(it->second.stamp().has_value());
        QCOMPARE(arg(line, 1, 0), static_cast<std::int64_t>(it->second.stamp()->node));
        QCOMPARE(line.parts[1].args[1].decimal, static_cast<double>(it->second.stamp()->timestamp_us) / 1e6);
        ++it;
      }
      QCOMPARE(
          lines_with(in.cluster, "hint for %1: key %2 = %3").size() + static_cast<std::size_t>(in.cluster.not_shown),
          node.hint_count());
      QCOMPARE(lines_with(in.cluster, "%1 is up, heard at %2 s").size() +
                   lines_with(in.cluster, "%1 is down, silent since %2 s").size(),
               sim->world().node_count() - 1);
    }
  }

  void backupsShowTheCopyTheyHold() {
    const auto s = test::builtin("backup-321");
    const auto sim = run_to(s, sim::seconds(5));
    for (sim::EndpointId id = 1; id < sim->world().node_count(); ++id) {
      const auto& node = test::protocol_of<backup::BackupNode>(sim->world(), id);
      if (!node.copy()) continue;
      const sim::Inspection in = node.inspect();
      const sim::Detail* copy = line_with(in.state, "copy of %1 s: %2 writes");
      QVERIFY(copy);
      QCOMPARE(arg(*copy, 0, 1), node.copy()->writes_held);
      verify_key_values(in.data, node.copy()->data);
    }
    const auto& production = test::protocol_of<backup::BackupNode>(sim->world(), 0);
    const sim::Inspection live = production.inspect();
    QVERIFY(line_with(live.state, "live database: %1 writes held"));
  }

  void architectureNodesShowTheirRoleTheirDataAndWhomTheyKnow() {
    {
      const auto s = test::builtin("client-server");
      const auto sim = run_to(s, sim::seconds(6));
      for (sim::EndpointId id = 0; id < sim->world().node_count(); ++id) {
        const auto& node = test::protocol_of<architecture::ClientServerNode>(sim->world(), id);
        const sim::Inspection in = node.inspect();
        if (node.is_client()) {
          QVERIFY(in.data.empty());
          const auto owners = lines_with(in.cluster, "%1 owns keys k with k mod %2 = %3");
          QCOMPARE(owners.size(), std::size_t{2});
          for (const sim::Detail* owner : owners) {
            QCOMPARE(arg(*owner, 0, 0), static_cast<std::int64_t>(test::node(s, "server1")) + arg(*owner, 0, 2));
          }
        } else {
          verify_key_values(in.data, node.store());
        }
      }
    }
    {
      const auto s = test::builtin("multi-tier");
      const auto sim = run_to(s, sim::seconds(6));
      for (const char* name : {"db1", "db2"}) {
        const auto& node = test::protocol_of<architecture::MultiTierNode>(sim->world(), test::node(s, name));
        verify_key_values(node.inspect().data, node.store());
      }
    }
    {
      const auto s = test::builtin("homogeneous-vs-heterogeneous");
      const auto sim = run_to(s, sim::seconds(6));
      const auto& middleware =
          test::protocol_of<architecture::FederationNode>(sim->world(), test::node(s, "middleware"));
      const sim::Inspection in = middleware.inspect();
      QCOMPARE(in.cluster.lines.size(), std::size_t{2});
      QVERIFY(is(in.cluster.lines[0].parts[0], "%1 runs MySQL: parts translated into its dialect"));
      QCOMPARE(arg(in.cluster.lines[0], 0, 0), static_cast<std::int64_t>(test::node(s, "mysql")));
      QVERIFY(is(in.cluster.lines[1].parts[0], "%1 runs Oracle: parts translated into its dialect"));
    }
    {
      const auto s = test::builtin("peer-to-peer");
      const auto sim = run_to(s, sim::seconds(3));
      bool informed = false;
      bool uninformed = false;
      for (sim::EndpointId id = 0; id < sim->world().node_count(); ++id) {
        const auto& node = test::protocol_of<architecture::GossipNode>(sim->world(), id);
        if (id == node.config().newcomer) continue;
        const sim::Inspection in = node.inspect();
        // The first line says whether the news of the new node has reached this peer.
        const char* first = in.cluster.lines.front().parts.front().id;
        QCOMPARE(std::string_view(first) == "knows the new node %1", node.knows_newcomer());
        (node.knows_newcomer() ? informed : uninformed) = true;
        const std::uint64_t others = node.known() & ~node.config().bit(id) & ~node.config().bit(node.config().newcomer);
        QCOMPARE(total(in.cluster), 1 + static_cast<std::size_t>(std::popcount(others)));
      }
      QVERIFY(informed && uninformed);  // three seconds in, the news is still spreading
    }
  }

  void heartbeatFollowersNameTheLeaderTheySuspectOrNot() {
    const auto s = test::builtin("cluster-heartbeat");
    for (const sim::TimeUs t : {sim::seconds(5), sim::seconds(30), s.duration_us}) {
      const auto sim = run_to(s, t);
      for (sim::EndpointId id = 0; id < sim->world().node_count(); ++id) {
        if (sim->world().node(id).status != sim::NodeStatus::Up) continue;
        const auto& node = test::protocol_of<heartbeat::HeartbeatNode>(sim->world(), id);
        const sim::Inspection in = node.inspect();
        if (id == node.config().leader) {
          QVERIFY(line_with(in.state, "leader: sends a heartbeat every %1 s"));
          continue;
        }
        const sim::Detail* leads = line_with(in.cluster, "believes %1 leads");
        QVERIFY(leads);
        QCOMPARE(arg(*leads, 0, 0), static_cast<std::int64_t>(node.config().leader));
        QCOMPARE(line_with(in.cluster, "suspects %1") != nullptr, node.suspecting());
        QCOMPARE(arg(*line_with(in.state, "%1 heartbeats heard since it started"), 0, 0), node.beats_seen());
      }
    }
  }

  void cacheAsideShowsTheDatabaseTruthAndTheCachesCounts() {
    const auto s = test::builtin("cache-aside");
    const auto sim = run_to(s, sim::seconds(8));
    const auto& db = test::protocol_of<caching::BackingDatabase>(sim->world(), test::node(s, "db"));
    const sim::Inspection in = db.inspect();
    QVERIFY(!in.data.lines.empty());
    for (const sim::Detail& line : in.data.lines) QCOMPARE(arg(line, 0, 1), db.value_of(arg(line, 0, 0)));
    const auto& app = test::protocol_of<caching::AppCacheNode>(sim->world(), test::node(s, "app"));
    const sim::Inspection cache = app.inspect();
    const sim::Detail* counts = line_with(cache.state, "%1 hits, %2 misses");
    QVERIFY(counts);
    QCOMPARE(arg(*counts, 0, 0), app.hits_per_second().sum(0, caching::PerSecond::kMaxSeconds));
    QCOMPARE(arg(*counts, 0, 1), app.misses_per_second().sum(0, caching::PerSecond::kMaxSeconds));
    QVERIFY(arg(*counts, 0, 0) > 0);
  }
};

QTEST_APPLESS_MAIN(TestInspection)
#include "test_inspection.moc"
