#include "pooling/pooling_model.h"

#include <algorithm>
#include <string>
#include <vector>

#include "model/params.h"
#include "pooling/database_node.h"
#include "pooling/pool_checker.h"
#include "pooling/pool_config.h"
#include "pooling/pooler_node.h"
#include "sim/percentile.h"

namespace cs::pooling {

namespace {

using model::ModelParams;

// Each side's requests: those sent to the pooler ("pooled") and those sent straight to a
// database ("direct"). An error is a refusal or a timeout; latency is that of answered requests.
struct SideStats {
  std::vector<sim::TimeUs> latencies_us;
  std::int64_t ok = 0;
  std::int64_t errors = 0;
};

void add_side(sim::Metrics& metrics, const SideStats& side, const std::string& suffix) {
  metrics["requests_ok_" + suffix] = static_cast<double>(side.ok);
  metrics["connection_errors_" + suffix] = static_cast<double>(side.errors);
  metrics["latency_ms_p99_" + suffix] = static_cast<double>(sim::percentile_us(side.latencies_us, 99)) / 1000.0;
  metrics["latency_ms_p50_" + suffix] = static_cast<double>(sim::percentile_us(side.latencies_us, 50)) / 1000.0;
}

void add_run_metrics(const sim::World& world, const ModelParams& params, sim::Metrics& metrics) {
  const PoolConfig config = parse_pool_config(params);
  SideStats direct, pooled;
  for (const sim::Operation& op : world.history().ops()) {
    if (op.status == sim::OpStatus::Pending) continue;
    SideStats& side = op.node == config.pooler ? pooled : direct;
    if (op.status == sim::OpStatus::Ok) {
      ++side.ok;
      side.latencies_us.push_back(op.complete_us - op.invoke_us);
    } else {
      ++side.errors;
    }
  }
  add_side(metrics, direct, "direct");
  add_side(metrics, pooled, "pooled");
  // The database behind the pooler and the ones the clients reach directly, told apart.
  for (sim::EndpointId n = 0; n < world.node_count(); ++n) {
    const auto* db = dynamic_cast<const DatabaseNode*>(world.node(n).protocol.get());
    if (!db) continue;
    const std::string suffix = n == config.pooler_config.database ? "pooled" : "direct";
    double& peak = metrics["db_connections_peak_" + suffix];
    peak = std::max(peak, static_cast<double>(db->peak_connections()));
    double& running = metrics["db_running_peak_" + suffix];
    running = std::max(running, static_cast<double>(db->peak_running()));
    metrics["db_connections_opened_" + suffix] += static_cast<double>(db->connections_opened());
  }
  metrics["pool_wait_ms_p99"] += 0;  // present even when no pooler has waited yet
}

std::unique_ptr<sim::Protocol> make(const ModelParams& params, sim::EndpointId self, std::size_t) {
  const PoolConfig config = parse_pool_config(params);
  if (self == config.pooler) return std::make_unique<PoolerNode>(config.pooler_config);
  return std::make_unique<DatabaseNode>(config.database);
}

}  // namespace

model::ModelInfo connection_pool_model() {
  using model::between;
  using model::whole;
  model::ModelInfo info{
      "connection-pool",
      "PostgreSQL-like databases with max_connections and a few cores, where every connection is a server "
      "process; clients reach one directly (a new connection per request) and another through a pooler "
      "(PgBouncer, transaction mode) that lends a few server connections to many clients.",
      {
          {"max_connections", 20.0, "connections a database accepts at once; beyond, new ones are refused",
           whole(1, 10'000)},
          {"cores", 4.0, "CPU cores of each database; running queries share them", whole(1, 1'024)},
          {"query_cpu_ms", 3.0, "CPU time of one query on an idle database", between(0.01, 60'000)},
          {"connect_cpu_ms", 5.0, "CPU time to set up one new connection (fork a backend, authenticate)",
           between(0, 60'000)},
          {"contention_per_connection", 0.05,
           "extra slowdown of every running query per running query beyond the cores (context switches, locks)",
           between(0, 10)},
          {"pooler_node", 0.0, "1-based number of the pooler node (0: no pooler, every node is a database)",
           whole(0, 200)},
          {"pooled_database_node", 0.0, "1-based number of the database the pooler connects to", whole(0, 200)},
          {"pool_size", 8.0, "server connections the pooler keeps open (PgBouncer's default_pool_size)",
           whole(1, 1'000)},
          {"max_client_conn", 5000.0, "clients the pooler lets wait at once; beyond, it refuses", whole(1, 100'000)},
          {"query_timeout_ms", 2000.0, "the pooler drops a server connection whose query takes longer",
           between(1, 3'600'000)},
          {"reconnect_ms", 500.0, "pause before the pooler reopens a refused or dropped server connection",
           between(1, 3'600'000)},
      },
      make,
      add_run_metrics,
      nullptr,
      [](const model::ModelParams& p, std::size_t node_count) {
        std::vector<model::ParamProblem> problems;
        for (const char* name : {"pooler_node", "pooled_database_node"}) {
          if (model::count_param(p, name) > node_count) {
            problems.push_back({name, "names no node (the scenario has " + std::to_string(node_count) + ")"});
          }
        }
        const std::size_t pooler = model::count_param(p, "pooler_node");
        if (pooler != 0 && pooler == model::count_param(p, "pooled_database_node")) {
          problems.push_back({"pooled_database_node", "is the pooler itself"});
        }
        return problems;
      },
  };
  info.invariants = pool_invariant_list();
  info.make_checker = make_pool_checker;
  return info;
}

}  // namespace cs::pooling
