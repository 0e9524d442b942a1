#include "panels/metrics_panel.h"

#include <QCollator>
#include <QCoreApplication>
#include <QHeaderView>
#include <QLocale>
#include <QRegularExpression>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <string_view>

#include "i18n/language.h"
#include "run/run_controller.h"

namespace cs::ui {

namespace {

constexpr const char* kContext = "cs::ui::MetricsPanel";

// How a metric's number reads: the unit is in the key (_us, _ms, _s, _ratio) or in its meaning.
enum class Unit : std::uint8_t {
  Count,           // 1,234
  Micros,          // microseconds, shown as ms or s
  Millis,          // milliseconds, shown as ms or s
  Seconds,         // seconds, shown as ms or s
  Fraction,        // 0..1, shown as a percentage
  Decimal,         // an average or a statistic: two decimals
  Factor,          // times the average: "1.50×"
  YesNo,           // 1 or 0
  Plain,           // a stored value, not an amount: no thousands separators
  MicrosOrNotYet,  // a moment or a duration; negative: it has not happened
  CountOrNotYet,   // a count of rounds; negative: it has not happened
};

struct MetricName {
  std::string_view key;
  const char* name;
  Unit unit;
};

// Every key the core reports (grep core/ for `metrics["` and `m["`), and the four the panel adds
// from the frame. Keys built from parts (per level, per copy, per shard...) are in describe().
// The test runs every built-in scenario and fails on a key that is missing here.
constexpr MetricName kNames[] = {
    {"alerts", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Monitoring alerts firing"), Unit::Count},
    {"application_requests", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Requests handled by the application tier"),
     Unit::Count},
    {"backups_sent", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Backups sent"), Unit::Count},
    {"cache_hit_ratio", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Cache hit rate"), Unit::Fraction},
    {"cache_hit_ratio_last_s", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Cache hit rate, last second"),
     Unit::Fraction},
    {"cache_hits", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Cache hits"), Unit::Count},
    {"cache_invalidations", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Cache entries invalidated"), Unit::Count},
    {"cache_misses", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Cache misses"), Unit::Count},
    {"cells_repaired", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Stale copies repaired"), Unit::Count},
    {"chosen_at_us", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Value chosen at"), Unit::MicrosOrNotYet},
    {"chosen_value", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Chosen value"), Unit::Plain},
    {"client_answers", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Answers received by clients"), Unit::Count},
    {"client_latency_us_total", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Total time clients waited"), Unit::Micros},
    {"client_requests_sent", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Requests sent by clients"), Unit::Count},
    {"client_timeouts", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Client requests timed out"), Unit::Count},
    {"client_to_client_messages", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Messages between clients"), Unit::Count},
    {"conflicts", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Write conflicts"), Unit::Count},
    {"connection_errors", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Connection errors"), Unit::Count},
    {"converged", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Replicas agree"), Unit::YesNo},
    {"copies_surviving", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Copies of the data surviving"), Unit::Count},
    {"create_races_lost", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Races for the leader key lost"), Unit::Count},
    {"cross_region_write_ms_p50",
     QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Median write time, committed across regions"), Unit::Millis},
    {"cross_shard_requests", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Requests touching several shards"),
     Unit::Count},
    {"data_loss_s", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Data lost (time span)"), Unit::Seconds},
    {"data_on_clients", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Data items stored on clients"), Unit::Count},
    {"data_on_servers", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Data items stored on servers"), Unit::Count},
    {"database_queries", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Queries run by the database tier"), Unit::Count},
    {"db_connections_opened", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Database connections opened"), Unit::Count},
    {"db_connections_peak", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Most database connections at once"),
     Unit::Count},
    {"db_connections_refused", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Database connections refused"), Unit::Count},
    {"db_queries", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Database queries"), Unit::Count},
    {"db_reads", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Database reads"), Unit::Count},
    {"db_reads_last_s", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Database reads, last second"), Unit::Count},
    {"db_running_peak", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Most queries running at once"), Unit::Count},
    {"db_writes", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Database writes"), Unit::Count},
    {"demotions", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Leaders demoted"), Unit::Count},
    {"detection_time_us", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Time to detect the failure"), Unit::Micros},
    {"dialect_errors", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "SQL dialect errors"), Unit::Count},
    {"directory_lookups", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Directory lookups"), Unit::Count},
    {"disasters", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Disasters (nodes destroyed)"), Unit::Count},
    {"distinct_informers", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Nodes that passed the news on"), Unit::Count},
    {"divergent_writes", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Divergent writes (two leaders at once)"),
     Unit::Count},
    {"double_bookings", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Double bookings"), Unit::Count},
    {"elections_started", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Elections started"), Unit::Count},
    {"entries_truncated", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Log entries discarded"), Unit::Count},
    {"events", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Simulation events"), Unit::Count},
    {"failed_health_checks", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Failed health checks"), Unit::Count},
    {"failover_time_us", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Failover time"), Unit::Micros},
    {"failovers", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Failovers"), Unit::Count},
    {"false_suspicions", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "False suspicions (the node was alive)"),
     Unit::Count},
    {"followers_lost_log", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Followers that lost their log"), Unit::Count},
    {"gossip_messages", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Gossip messages sent"), Unit::Count},
    {"gossip_received", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Gossip messages received"), Unit::Count},
    {"gossip_rounds_to_full_knowledge",
     QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Gossip rounds until every node knew"), Unit::CountOrNotYet},
    {"heartbeats_sent", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Heartbeats sent"), Unit::Count},
    {"heterogeneous_queries", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Queries to the heterogeneous federation"),
     Unit::Count},
    {"heterogeneous_query_ms_mean", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Mean query time, heterogeneous"),
     Unit::Millis},
    {"heterogeneous_site_parts",
     QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Query parts answered by heterogeneous sites"), Unit::Count},
    {"hints_delivered", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Hints delivered (hinted handoff)"), Unit::Count},
    {"hints_dropped", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Hints dropped"), Unit::Count},
    {"hints_stored", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Hints stored"), Unit::Count},
    {"homogeneous_queries", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Queries to the homogeneous federation"),
     Unit::Count},
    {"homogeneous_query_ms_mean", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Mean query time, homogeneous"),
     Unit::Millis},
    {"homogeneous_site_parts", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Query parts answered by homogeneous sites"),
     Unit::Count},
    {"homogeneous_translations", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Query translations, homogeneous"),
     Unit::Count},
    {"hot_shards", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Hot shards"), Unit::Count},
    {"inserts_refused", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Inserts refused (key already taken)"), Unit::Count},
    {"keys_moved", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Keys moved"), Unit::Count},
    {"keys_total", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Keys stored"), Unit::Count},
    {"latency_ms_p50", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Median request time"), Unit::Millis},
    {"latency_ms_p99", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Request time, 99th percentile"), Unit::Millis},
    {"leaders_elected", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Leaders elected"), Unit::Count},
    {"load_imbalance", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Load imbalance (busiest shard vs. average)"),
     Unit::Factor},
    {"local_write_ms_p50", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Median write time, committed within one region"),
     Unit::Millis},
    {"log2_nodes", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "log\u2082 of the number of nodes"), Unit::Decimal},
    {"lost_acknowledged_writes", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Acknowledged writes lost"), Unit::Count},
    {"max_primaries_at_once", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Most primaries at once"), Unit::Count},
    {"max_replication_lag_us", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Largest replication lag"), Unit::Micros},
    {"messages_delivered", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Messages delivered"), Unit::Count},
    {"messages_dropped", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Messages dropped"), Unit::Count},
    {"messages_sent", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Messages sent"), Unit::Count},
    {"monitor_connections", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Monitoring: connections"), Unit::Count},
    {"monitor_failed_health_checks", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Monitoring: failed health checks"),
     Unit::Count},
    {"monitor_failovers", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Monitoring: failovers"), Unit::Count},
    {"monitor_recovery_time_us", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Monitoring: slowest recovery"),
     Unit::MicrosOrNotYet},
    {"monitor_replication_lag_us", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Monitoring: replication lag"),
     Unit::Micros},
    {"monotonic_reads_violations",
     QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Reads that went back in time (monotonic reads broken)"), Unit::Count},
    {"most_informed_by_one_node", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Most nodes informed by one node"),
     Unit::Count},
    {"nodes_informed", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Nodes informed"), Unit::Count},
    {"nodes_learned", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Nodes that learned the chosen value"), Unit::Count},
    {"nodes_powered_off", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Nodes powered off (STONITH)"), Unit::Count},
    {"nodes_sending_gossip", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Nodes sending gossip"), Unit::Count},
    {"nodes_storing_data", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Nodes storing data"), Unit::Count},
    {"not_owner_retries", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Retries after asking the wrong shard"),
     Unit::Count},
    {"ops_failed", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Client operations failed"), Unit::Count},
    {"ops_ok", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Client operations succeeded"), Unit::Count},
    {"ops_unknown", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Client operations with unknown outcome"), Unit::Count},
    {"p50_write_latency_us", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Median write time"), Unit::Micros},
    {"p99_write_latency_us", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Write time, 99th percentile"), Unit::Micros},
    {"partitions_touched_per_read", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Partitions touched per read"),
     Unit::Decimal},
    {"paxos_nacks", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Paxos rejections (nacks)"), Unit::Count},
    {"paxos_rounds", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Paxos rounds started"), Unit::Count},
    {"pool_query_timeouts", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Pooler: queries timed out"), Unit::Count},
    {"pool_refused", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Pooler: clients refused"), Unit::Count},
    {"pool_wait_ms_p99", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Pooler: wait for a connection, 99th percentile"),
     Unit::Millis},
    {"pool_waits", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Pooler: clients that had to wait"), Unit::Count},
    {"range_splits", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Range splits"), Unit::Count},
    {"read_repairs", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Read repairs"), Unit::Count},
    {"read_your_writes_violations",
     QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Reads that missed the reader's own earlier write"), Unit::Count},
    {"reads_forwarded", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Reads forwarded to the leader"), Unit::Count},
    {"replica_divergence_ms_max", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Longest time a replica lagged behind"),
     Unit::Millis},
    {"replication_lag_at_drain_entries",
     QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Entries the new primary lacked when the drain began"), Unit::Count},
    {"replication_lag_at_switch_entries",
     QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Entries the new primary lacked at the switch"), Unit::Count},
    {"request_latency_us_total", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Total request time"), Unit::Micros},
    {"request_ms_mean", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Mean request time"), Unit::Millis},
    {"request_timeouts", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Requests timed out"), Unit::Count},
    {"requests_completed", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Requests completed"), Unit::Count},
    {"requests_forwarded", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Requests forwarded"), Unit::Count},
    {"requests_ok", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Requests answered"), Unit::Count},
    {"requests_refused", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Requests refused"), Unit::Count},
    {"requests_sent", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Requests sent"), Unit::Count},
    {"requests_served", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Requests served"), Unit::Count},
    {"requests_served_by_clients", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Requests served by clients (peers)"),
     Unit::Count},
    {"requests_timed_out", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Requests timed out"), Unit::Count},
    {"requests_unavailable", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Requests refused: too few replicas reachable"),
     Unit::Count},
    {"restore_pending", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Restore in progress"), Unit::YesNo},
    {"restore_time_s", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Time to restore"), Unit::Seconds},
    {"restores_completed", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Restores completed"), Unit::Count},
    {"routing_failures", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Routing failures"), Unit::Count},
    {"rows_replicated", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Rows replicated"), Unit::Count},
    {"scatter_gather_ms_mean", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Mean scatter-gather query time"),
     Unit::Millis},
    {"scatter_gather_queries", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Scatter-gather queries (every shard)"),
     Unit::Count},
    {"server_requests", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Requests answered by servers"), Unit::Count},
    {"server_to_server_messages", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Messages between servers"), Unit::Count},
    {"shard_cv", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Spread of keys over the shards (coefficient of variation)"),
     Unit::Decimal},
    {"shard_imbalance", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Key imbalance (fullest shard vs. average)"),
     Unit::Factor},
    {"shard_requests", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Requests to shards"), Unit::Count},
    {"sibling_merges", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Siblings merged"), Unit::Count},
    {"siblings", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Siblings (concurrent versions kept)"), Unit::Count},
    {"single_shard_ms_mean", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Mean single-shard query time"), Unit::Millis},
    {"single_shard_queries", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Single-shard queries"), Unit::Count},
    {"snapshots_sent", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Snapshots sent"), Unit::Count},
    {"stale_primary_writes", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Writes acknowledged by a deposed primary"),
     Unit::Count},
    {"stale_reads", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Stale reads (older than the latest write)"),
     Unit::Count},
    {"stale_window_ms", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Longest time a read lagged behind a write"),
     Unit::Millis},
    {"state_merges", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "State merges"), Unit::Count},
    {"suspicions", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Times a node was suspected"), Unit::Count},
    {"switchback_ms", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Switchback time"), Unit::Millis},
    {"switchover_ms", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Switchover time"), Unit::Millis},
    {"switchovers", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Planned switchovers"), Unit::Count},
    {"tier_hops_per_request", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Tier hops per request"), Unit::Decimal},
    {"tier_hops_total", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Tier hops"), Unit::Count},
    {"translations", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Query translations"), Unit::Count},
    {"type_conversions", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Type conversions"), Unit::Count},
    {"unavailable_us", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Longest time writes failed"), Unit::Micros},
    {"values_chosen", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Values chosen"), Unit::Count},
    {"writes_fenced", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Writes blocked by fencing"), Unit::Count},
    {"writes_hung", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Writes left hanging"), Unit::Count},
    {"writes_lost", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Writes lost"), Unit::Count},
    {"writes_refused", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Writes refused"), Unit::Count},
    {"writes_rolled_back", QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Writes rolled back"), Unit::Count},
};

QString tr_metric(const char* text) { return QCoreApplication::translate(kContext, text); }

const MetricName* find_name(std::string_view key) {
  const auto* it =
      std::find_if(std::begin(kNames), std::end(kNames), [&](const MetricName& m) { return m.key == key; });
  return it == std::end(kNames) ? nullptr : it;
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }
bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}
QString qs(std::string_view s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }

// The number between `prefix` and `suffix` ("shard_3_ops" -> "3"), or "" if the key is not of that shape.
QString number_between(std::string_view key, std::string_view prefix, std::string_view suffix) {
  if (key.size() <= prefix.size() + suffix.size() || !starts_with(key, prefix) || !ends_with(key, suffix)) return {};
  const std::string_view middle = key.substr(prefix.size(), key.size() - prefix.size() - suffix.size());
  return std::all_of(middle.begin(), middle.end(), [](char c) { return c >= '0' && c <= '9'; }) ? qs(middle)
                                                                                                : QString();
}

QLocale number_locale() { return QLocale(current_language()); }

// Three significant digits, and no decimals on a round zero.
QString three_digits(double value) {
  const double a = std::abs(value);
  const int decimals = a == 0 ? 0 : a < 1 ? 3 : a < 10 ? 2 : a < 100 ? 1 : 0;
  return number_locale().toString(value, 'f', decimals);
}

// Times read best in the unit that keeps three significant digits: "0.850 ms", "12.5 ms", "1.20 s".
QString format_time_us(double us) {
  const double ms = us / 1000.0;
  if (std::abs(ms) >= 1000.0)
    return tr_metric(QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "%1 s")).arg(three_digits(ms / 1000.0));
  return tr_metric(QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "%1 ms")).arg(three_digits(ms));
}

QString format_count(double value) {
  if (value == std::floor(value) && std::abs(value) < 9e15) return number_locale().toString(static_cast<qint64>(value));
  return number_locale().toString(value, 'f', 2);
}

QString format_value(Unit unit, double value) {
  switch (unit) {
    case Unit::Count: return format_count(value);
    case Unit::Micros: return format_time_us(value);
    case Unit::Millis: return format_time_us(value * 1e3);
    case Unit::Seconds: return format_time_us(value * 1e6);
    case Unit::Fraction: {
      const double percent = value * 100.0;
      return tr_metric(QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "%1 %"))
          .arg(number_locale().toString(percent, 'f', percent == std::floor(percent) ? 0 : 1));
    }
    case Unit::Decimal: return number_locale().toString(value, 'f', 2);
    case Unit::Factor:
      return tr_metric(QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "%1\u00d7"))
          .arg(number_locale().toString(value, 'f', 2));
    case Unit::YesNo:
      if (value == 0) return tr_metric(QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "no"));
      if (value == 1) return tr_metric(QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "yes"));
      return format_count(value);
    case Unit::Plain: return QString::number(value, 'g', 15);
    case Unit::MicrosOrNotYet:
      return value < 0 ? tr_metric(QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "not yet")) : format_time_us(value);
    case Unit::CountOrNotYet:
      return value < 0 ? tr_metric(QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "not yet")) : format_count(value);
  }
  return format_count(value);
}

struct Resolved {
  QString name;
  Unit unit = Unit::Count;
  bool named = false;
};

// A key the table does not list: its words, with the unit and the statistic taken out of them
// ("queue_wait_us_p99" -> "Queue wait (99th percentile)", a time).
Resolved derive(std::string_view key) {
  QStringList words = qs(key).split(QRegularExpression(QStringLiteral("[_.]+")), Qt::SkipEmptyParts);
  Resolved r;
  QStringList notes;
  QStringList kept;
  for (int i = 0; i < words.size(); ++i) {
    const QString& w = words[i];
    const bool last = i == words.size() - 1;
    if (w == QLatin1String("us")) {
      r.unit = Unit::Micros;
    } else if (w == QLatin1String("ms")) {
      r.unit = Unit::Millis;
    } else if (w == QLatin1String("s") && last) {
      r.unit = Unit::Seconds;
    } else if (w == QLatin1String("ratio") || w == QLatin1String("fraction") || w == QLatin1String("share")) {
      r.unit = Unit::Fraction;
      kept << w;
    } else if (w == QLatin1String("p50")) {
      notes << tr_metric(QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "median"));
    } else if (w.size() > 1 && w.startsWith(QLatin1Char('p')) && w.mid(1).toInt() > 0) {
      notes << tr_metric(QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "%1th percentile")).arg(w.mid(1));
    } else if (w == QLatin1String("max") || w == QLatin1String("min") || w == QLatin1String("mean") ||
               w == QLatin1String("total")) {
      notes << w;
    } else {
      kept << w;
    }
  }
  QString name = kept.join(QLatin1Char(' '));
  if (name.isEmpty()) name = qs(key);
  name[0] = name[0].toUpper();
  if (!notes.isEmpty()) name += QStringLiteral(" (%1)").arg(notes.join(QStringLiteral(", ")));
  r.name = name;
  return r;
}

QString level_label(std::string_view prefix) {
  if (prefix == "one_") return QStringLiteral("ONE");
  if (prefix == "quorum_") return QStringLiteral("QUORUM");
  if (prefix == "all_") return QStringLiteral("ALL");
  if (prefix == "local_quorum_") return QStringLiteral("LOCAL_QUORUM");
  if (prefix == "default_") return tr_metric(QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "default"));
  return {};
}

QString tier_label(std::string_view tier) {
  if (tier == "presentation") return tr_metric(QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "presentation"));
  if (tier == "application") return tr_metric(QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "application"));
  if (tier == "database") return tr_metric(QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "database"));
  return {};
}

Resolved resolve(std::string_view key, const std::vector<std::string>& region_names) {
  if (const MetricName* m = find_name(key)) return {tr_metric(m->name), m->unit, true};

  // Round trips between two regions: rtt_ms.<a>-<b>, where names may contain '-' themselves.
  constexpr std::string_view kRtt = "rtt_ms.";
  if (starts_with(key, kRtt)) {
    const std::string_view pair = key.substr(kRtt.size());
    for (const std::string& a : region_names) {
      if (!starts_with(pair, a) || pair.size() <= a.size() + 1 || pair[a.size()] != '-') continue;
      const std::string_view b = pair.substr(a.size() + 1);
      if (std::find(region_names.begin(), region_names.end(), b) == region_names.end()) continue;
      return {tr_metric(QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Round trip %1 \u2194 %2")).arg(qs(a), qs(b)),
              Unit::Millis, true};
    }
    return {tr_metric(QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Round trip between regions %1")).arg(qs(pair)),
            Unit::Millis, true};
  }

  // Backups: the latest restore from each kind of copy ("writes_lost.offsite_copy").
  if (const auto dot = key.find('.'); dot != std::string_view::npos) {
    const std::string_view source = key.substr(dot + 1);
    QString from;
    if (source == "onsite_copy")
      from = tr_metric(QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "%1 (from the on-site copy)"));
    if (source == "offsite_copy")
      from = tr_metric(QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "%1 (from the off-site copy)"));
    if (source == "production_copy")
      from = tr_metric(QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "%1 (from production)"));
    if (const MetricName* m = find_name(key.substr(0, dot)); m && !from.isEmpty())
      return {from.arg(tr_metric(m->name)), m->unit, true};
  }

  // Connection pooling: each figure for the clients that go through the pooler and those that do not.
  for (const auto& [suffix, words] :
       {std::pair{std::string_view("_pooled"), QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "%1 (through the pooler)")},
        std::pair{std::string_view("_direct"),
                  QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "%1 (straight to the database)")}}) {
    if (!ends_with(key, suffix)) continue;
    if (const MetricName* m = find_name(key.substr(0, key.size() - suffix.size())))
      return {tr_metric(words).arg(tr_metric(m->name)), m->unit, true};
  }

  // Leaderless replication: some figures per consistency level ("quorum_ops_ok").
  for (const std::string_view prefix : {"local_quorum_", "one_", "quorum_", "all_", "default_"}) {
    if (!starts_with(key, prefix)) continue;
    if (const MetricName* m = find_name(key.substr(prefix.size())))
      return {tr_metric(QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "%1, level %2"))
                  .arg(tr_metric(m->name), level_label(prefix)),
              m->unit, true};
  }

  if (const QString n = number_between(key, "shard_", "_ops"); !n.isEmpty())
    return {tr_metric(QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Operations on shard %1")).arg(n), Unit::Count, true};
  if (const QString n = number_between(key, "region_", "_ms_mean"); !n.isEmpty())
    return {tr_metric(QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Mean request time, region %1")).arg(n), Unit::Millis,
            true};
  if (const QString n = number_between(key, "informed_after_round_", ""); !n.isEmpty())
    return {tr_metric(QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Nodes informed after round %1")).arg(n), Unit::Count,
            true};

  // Multi-tier: messages each tier received from each tier ("presentation_to_application_messages").
  constexpr std::string_view kMessages = "_messages";
  if (const auto to = key.find("_to_"); to != std::string_view::npos && ends_with(key, kMessages)) {
    const QString from_tier = tier_label(key.substr(0, to));
    const QString to_tier = tier_label(key.substr(to + 4, key.size() - to - 4 - kMessages.size()));
    if (!from_tier.isEmpty() && !to_tier.isEmpty())
      return {tr_metric(QT_TRANSLATE_NOOP("cs::ui::MetricsPanel", "Messages from the %1 tier to the %2 tier"))
                  .arg(from_tier, to_tier),
              Unit::Count, true};
  }
  return derive(key);
}

}  // namespace

MetricText MetricsPanel::describe(const std::string& key, double value, const std::vector<std::string>& region_names) {
  const Resolved r = resolve(key, region_names);
  return {r.name, format_value(r.unit, value), r.named};
}

MetricsPanel::MetricsPanel(RunController* run, QWidget* parent) : QWidget(parent), run_(run) {
  setObjectName("metricsPanel");
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  table_ = new QTableWidget(0, 2, this);
  table_->setObjectName("metricsTable");
  table_->setAccessibleName(tr("Run metrics"));
  table_->setHorizontalHeaderLabels({tr("Metric"), tr("Value")});
  table_->verticalHeader()->hide();
  // Names take the room and wrap; values are short and are never cut.
  table_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
  table_->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
  table_->setWordWrap(true);
  table_->setTextElideMode(Qt::ElideRight);
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  connect(table_->horizontalHeader(), &QHeaderView::sectionResized, table_, &QTableView::resizeRowsToContents);
  layout->addWidget(table_);
  refresh_.setSingleShot(true);
  refresh_.setInterval(250);
  connect(&refresh_, &QTimer::timeout, this, &MetricsPanel::refresh);
  connect(run_, &RunController::timeChanged, this, [this] {
    if (isVisible() && !refresh_.isActive()) refresh_.start();
  });
}

void MetricsPanel::refresh() {
  const auto figures = run_->figures();
  if (!figures) return;
  const run::Frame& f = run_->frame();
  sim::Metrics m = figures->metrics;
  m["messages_sent"] = static_cast<double>(f.messages_sent);
  m["messages_delivered"] = static_cast<double>(f.messages_delivered);
  m["messages_dropped"] = static_cast<double>(f.messages_dropped);
  m["events"] = static_cast<double>(f.events_processed);
  std::vector<std::string> region_names;
  for (const auto& r : run_->scenario().regions) region_names.push_back(r.name);

  struct Row {
    QString key;
    double raw;
    MetricText text;
  };
  std::vector<Row> rows;
  rows.reserve(m.size());
  for (const auto& [key, value] : m)
    rows.push_back({QString::fromStdString(key), value, describe(key, value, region_names)});
  // A reader scans for a name, so rows follow the names as shown, in the interface language.
  QCollator collator{QLocale(current_language())};
  collator.setNumericMode(true);
  std::stable_sort(rows.begin(), rows.end(),
                   [&](const Row& a, const Row& b) { return collator.compare(a.text.name, b.text.name) < 0; });

  table_->setRowCount(static_cast<int>(rows.size()));
  for (int r = 0; r < static_cast<int>(rows.size()); ++r) {
    const Row& row = rows[static_cast<std::size_t>(r)];
    auto* name = new QTableWidgetItem(row.text.name);
    name->setData(Qt::UserRole, row.key);
    // The key is what `clusterscope-cli run --json`, the lessons and the scenario files call it.
    name->setToolTip(tr("%1\nKey: %2").arg(row.text.name, row.key));
    auto* value = new QTableWidgetItem(row.text.value);
    value->setData(Qt::UserRole, QString::number(row.raw, 'g', 10));
    value->setToolTip(
        tr("%1: %2\nAs reported: %3").arg(row.text.name, row.text.value, QString::number(row.raw, 'g', 10)));
    value->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    table_->setItem(r, 0, name);
    table_->setItem(r, 1, value);
  }
  table_->resizeRowsToContents();
}

namespace {
int row_of(const QTableWidget* table, const QString& key) {
  for (int r = 0; r < table->rowCount(); ++r) {
    if (table->item(r, 0) && table->item(r, 0)->data(Qt::UserRole).toString() == key) return r;
  }
  return -1;
}
}  // namespace

QString MetricsPanel::value(const QString& key) const {
  const int r = row_of(table_, key);
  return r < 0 ? QString() : table_->item(r, 1)->data(Qt::UserRole).toString();
}

QString MetricsPanel::shownName(const QString& key) const {
  const int r = row_of(table_, key);
  return r < 0 ? QString() : table_->item(r, 0)->text();
}

QString MetricsPanel::shownValue(const QString& key) const {
  const int r = row_of(table_, key);
  return r < 0 ? QString() : table_->item(r, 1)->text();
}

QStringList MetricsPanel::keys() const {
  QStringList out;
  for (int r = 0; r < table_->rowCount(); ++r) out << table_->item(r, 0)->data(Qt::UserRole).toString();
  return out;
}

}  // namespace cs::ui
