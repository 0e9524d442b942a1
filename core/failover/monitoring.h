#pragma once
// Monitoring a failover system, with the course's alert thresholds (lesson 5, "Monitoring failover
// systems"): replication lag above 10 s, any failed health check, connections above 80% of the
// maximum, more than one failover a week, recovery slower than 5 minutes.
#include <cstdint>
#include <string>
#include <vector>

#include "sim/time.h"
#include "sim/world.h"

namespace cs::failover {

inline constexpr sim::TimeUs kLagAlertUs = 10'000'000;
inline constexpr double kConnectionsAlertFraction = 0.8;
inline constexpr double kMaxFailoversPerWeek = 1.0;
inline constexpr sim::TimeUs kRecoveryAlertUs = 5 * 60 * sim::kMicrosPerSecond;
inline constexpr sim::TimeUs kWeekUs = 7LL * 24 * 3600 * sim::kMicrosPerSecond;

struct MonitoringSnapshot {
  sim::TimeUs replication_lag_us = 0;     // the worst replica right now
  std::int64_t failed_health_checks = 0;  // over the run
  std::int64_t connections = 0;           // on the busiest node right now
  std::int64_t max_connections = 0;
  std::int64_t failovers = 0;
  sim::TimeUs observed_us = 0;        // how long the run has been watched
  sim::TimeUs recovery_time_us = -1;  // the slowest recovery; -1 if none happened
};

struct Alert {
  std::string metric;  // "replication_lag", "health_check", "connections", "failover_count", "recovery_time"
  std::string message;
};

std::vector<Alert> alerts(const MonitoringSnapshot& snapshot);

// Reads every FailoverNode of the world (other protocols are ignored).
MonitoringSnapshot snapshot(const sim::World& world);

// monitor_* metrics and `alerts` (how many fire) for `run --json`.
void add_monitoring_metrics(const MonitoringSnapshot& snapshot, sim::Metrics& metrics);

}  // namespace cs::failover
