#include "failover/monitoring.h"

#include <algorithm>

#include "failover/failover_node.h"

namespace cs::failover {

std::vector<Alert> alerts(const MonitoringSnapshot& s) {
  std::vector<Alert> out;
  if (s.replication_lag_us > kLagAlertUs) {
    out.push_back(
        {"replication_lag", "a replica is more than 10 s behind: a failover now would lose or wait for that much"});
  }
  if (s.failed_health_checks > 0) {
    out.push_back({"health_check", std::to_string(s.failed_health_checks) + " health checks failed"});
  }
  if (s.max_connections > 0 &&
      static_cast<double>(s.connections) > kConnectionsAlertFraction * static_cast<double>(s.max_connections)) {
    out.push_back(
        {"connections",
         "more than 80% of the connection limit is in use: a failover's reconnection burst could exhaust it"});
  }
  // Within a week, the count itself; over a longer run, the weekly rate.
  const double per_week = s.observed_us <= kWeekUs ? static_cast<double>(s.failovers)
                                                   : static_cast<double>(s.failovers) * static_cast<double>(kWeekUs) /
                                                         static_cast<double>(s.observed_us);
  if (per_week > kMaxFailoversPerWeek) {
    out.push_back(
        {"failover_count", "more than one failover a week: the detector may be too tight, or a server is flapping"});
  }
  if (s.recovery_time_us > kRecoveryAlertUs) {
    out.push_back({"recovery_time", "recovery took more than 5 minutes"});
  }
  return out;
}

MonitoringSnapshot snapshot(const sim::World& world) {
  MonitoringSnapshot s;
  s.observed_us = world.now_us();
  for (sim::EndpointId id = 0; id < world.node_count(); ++id) {
    const auto* node = dynamic_cast<const FailoverNode*>(world.node(id).protocol.get());
    if (!node) continue;
    s.max_connections = node->config().max_connections;
    s.failed_health_checks += node->failed_checks();
    s.failovers += node->promotions();
    if (sim::is_down(world.node(id).status)) continue;
    s.replication_lag_us = std::max(s.replication_lag_us, node->replication_lag_us());
    s.connections = std::max(s.connections, node->connections());
    s.recovery_time_us = std::max(s.recovery_time_us, node->recovery_us());
  }
  return s;
}

void add_monitoring_metrics(const MonitoringSnapshot& s, sim::Metrics& m) {
  m["monitor_replication_lag_us"] = static_cast<double>(s.replication_lag_us);
  m["monitor_failed_health_checks"] = static_cast<double>(s.failed_health_checks);
  m["monitor_connections"] = static_cast<double>(s.connections);
  m["monitor_failovers"] = static_cast<double>(s.failovers);
  m["monitor_recovery_time_us"] = static_cast<double>(s.recovery_time_us);
  m["alerts"] = static_cast<double>(alerts(s).size());
}

}  // namespace cs::failover
