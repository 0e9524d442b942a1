// Lesson 2, PostgreSQL streaming replication (mirrors async-lag-stale-read, and sync-no-stale for
// its synchronous half): a primary n1 and a standby n2 cloned with pg_basebackup -R -C -S n2_slot,
// as the lesson's hands-on section builds them. A write burst shows the standby's lag in
// pg_stat_replication; with the standby's replay paused, a read there misses writes the primary
// has acknowledged (a stale read) until replay resumes; with synchronous_standby_names = 'n2', the
// write latency of synchronous_commit on and remote_apply, and remote_apply's fresh reads.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <functional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "lab/engines.h"
#include "lab/experiments.h"
#include "lab/pg_cluster.h"
#include "lab/pg_simulated.h"

namespace cs::lab {

namespace {

namespace fs = std::filesystem;

// Rows written (and read back on the standby) in each half of the stale-read test.
constexpr int kReads = 3;
// One client's single-row commits timed at each synchronous_commit level.
constexpr int kTimedWrites = 300;
constexpr int kBurstSeconds = 2;

// The median of pgbench's per-transaction log (--log: "client transaction latency_us ..."), in
// ms; 0 when there is none. pgbench wrote it as the server user: read without following a link.
double median_latency_ms(const fs::path& folder, const std::string& prefix) {
  std::vector<double> latencies_us;
  for (const auto& entry : fs::directory_iterator(folder)) {
    if (entry.path().filename().string().rfind(prefix + ".", 0) != 0) continue;
    std::istringstream in(read_no_follow(entry.path()));
    for (std::string line; std::getline(in, line);) {
      std::istringstream fields(line);
      long client = 0, transaction = 0;
      double latency_us = 0;
      if (fields >> client >> transaction >> latency_us) latencies_us.push_back(latency_us);
    }
  }
  if (latencies_us.empty()) return 0;
  std::nth_element(latencies_us.begin(), latencies_us.begin() + static_cast<long>(latencies_us.size() / 2),
                   latencies_us.end());
  return latencies_us[latencies_us.size() / 2] / 1000.0;
}

std::vector<std::string> split(const std::string& row, char separator = '|') {
  std::vector<std::string> fields;
  std::stringstream in(row);
  for (std::string field; std::getline(in, field, separator);) fields.push_back(field);
  return fields;
}

double number_or_zero(const std::string& s) {
  try {
    return s.empty() ? 0 : std::stod(s);
  } catch (const std::exception&) {
    return 0;
  }
}

struct LagSample {
  double write_lag_ms = 0;
  double flush_lag_ms = 0;
  double replay_lag_ms = 0;
  double behind_bytes = 0;              // pg_current_wal_lsn() - replay_lsn, the lesson's replay_lag_bytes
  double unsent_to_replayed_bytes = 0;  // sent_lsn - replay_lsn
  std::string state;
  std::string sync_state;
};

class Replication {
 public:
  Replication(PgCluster& pg, ExperimentResult& result) : pg_(pg), result_(result) {}

  // One client's commits, kTimedWrites of them, through pgbench; their median latency in ms.
  double timed_writes(const std::string& level) {
    const std::string prefix = "latency-" + level;
    const int status =
        pg_.run_tool("pgbench",
                     {"-n", "-f", script_.string(), "-c", "1", "-t", std::to_string(kTimedWrites), "--log",
                      "--log-prefix=" + (pg_.folder() / prefix).string(), pg_.conninfo("n1") + " dbname=postgres"},
                     prefix + ".log", 60'000);
    if (status != 0)
      throw std::runtime_error("pgbench failed (see " + (pg_.folder() / (prefix + ".log")).string() + ")");
    const double ms = median_latency_ms(pg_.folder(), prefix);
    if (ms <= 0) throw std::runtime_error("pgbench wrote no latencies for " + level);
    return ms;
  }

  void write_script() {
    script_ = pg_.folder() / "insert.sql";
    pg_.write_file(script_, "INSERT INTO burst (payload) VALUES (repeat('x', 500));\n");
  }

  // Four clients write for kBurstSeconds while pg_stat_replication is read on n1 as fast as psql
  // allows; the largest lag seen.
  LagSample burst() {
    std::atomic<bool> done{false};
    int status = 0;
    // An exception must not leave the thread (std::terminate: no destructor would stop the
    // servers): it is kept and thrown here once the thread has ended.
    std::exception_ptr failed;
    const std::string conninfo = pg_.conninfo("n1") + " dbname=postgres";
    std::thread writer([&] {
      try {
        status = pg_.run_tool(
            "pgbench",
            {"-n", "-f", script_.string(), "-c", "4", "-j", "2", "-T", std::to_string(kBurstSeconds), conninfo},
            "burst.log", 60'000);
      } catch (...) {
        failed = std::current_exception();
      }
      done = true;
    });
    LagSample max;
    int samples = 0;
    try {
      while (!done) {
        std::string row;
        if (!pg_.try_sql("n1",
                         "SELECT coalesce(extract(epoch FROM write_lag) * 1000, 0), "
                         "coalesce(extract(epoch FROM flush_lag) * 1000, 0), "
                         "coalesce(extract(epoch FROM replay_lag) * 1000, 0), "
                         "pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn), pg_wal_lsn_diff(sent_lsn, replay_lsn), "
                         "state, sync_state FROM pg_stat_replication WHERE application_name = 'n2'",
                         &row, 5'000)) {
          continue;
        }
        const std::vector<std::string> f = split(row);
        if (f.size() != 7) continue;
        ++samples;
        LagSample s{number_or_zero(f[0]),
                    number_or_zero(f[1]),
                    number_or_zero(f[2]),
                    number_or_zero(f[3]),
                    number_or_zero(f[4]),
                    f[5],
                    f[6]};
        if (s.behind_bytes > max.behind_bytes) {
          const double replay = std::max(max.replay_lag_ms, s.replay_lag_ms);
          max = s;
          max.replay_lag_ms = replay;
        } else {
          max.replay_lag_ms = std::max(max.replay_lag_ms, s.replay_lag_ms);
        }
        max.write_lag_ms = std::max(max.write_lag_ms, s.write_lag_ms);
        max.flush_lag_ms = std::max(max.flush_lag_ms, s.flush_lag_ms);
      }
    } catch (...) {
      writer.join();
      throw;
    }
    writer.join();
    if (failed) std::rethrow_exception(failed);
    if (status != 0) throw std::runtime_error("the pgbench write burst failed (see " + pg_.folder().string() + ")");
    char line[400];
    std::snprintf(line, sizeof line,
                  "n1: pg_stat_replication, largest of %d samples during a %d s burst of 4 clients: n2 %s %s, "
                  "write_lag %.1f ms, flush_lag %.1f ms, replay_lag %.1f ms, "
                  "pg_current_wal_lsn() - replay_lsn = %.0f bytes (sent_lsn - replay_lsn = %.0f bytes)",
                  samples, kBurstSeconds, max.state.c_str(), max.sync_state.c_str(), max.write_lag_ms, max.flush_lag_ms,
                  max.replay_lag_ms, max.behind_bytes, max.unsent_to_replayed_bytes);
    result_.log_lines.push_back(line);
    return max;
  }

  // Writes kReads rows on n1 (ids first..), each read back on n2 right after its commit was
  // acknowledged; how many of those reads missed their row.
  int write_then_read(int first) {
    int stale = 0;
    for (int id = first; id < first + kReads; ++id) {
      const std::string acknowledged =
          pg_.sql("n1", "INSERT INTO posts VALUES (" + std::to_string(id) + ", 'photo') RETURNING id");
      if (acknowledged != std::to_string(id)) throw std::runtime_error("n1 did not acknowledge row " + acknowledged);
      if (pg_.sql("n2", "SELECT count(*) FROM posts WHERE id = " + std::to_string(id)) == "0") ++stale;
    }
    return stale;
  }

 private:
  PgCluster& pg_;
  ExperimentResult& result_;
  fs::path script_;
};

}  // namespace

ExperimentResult run_pg_streaming_replication(const Experiment& experiment, LabFolder& lab, const RunOptions& options) {
  const EngineCheck engines = check_engines(experiment.engines);
  if (!engines.ready()) throw std::runtime_error(engines.explanation());
  const std::function<void(const std::string&)> say = [&options](const std::string& line) {
    if (options.progress) options.progress(line);
  };
  ExperimentResult result;
  result.experiment = experiment.id;
  const fs::path folder = lab.new_run_folder(experiment.id);
  result.run_folder = folder.string();

  double lag_ms = 0;
  double paused_ms = 0;
  int stale_async = 0;
  int stale_remote_apply = 0;
  double local_ms = 0;
  double on_ms = 0;
  double remote_apply_ms = 0;
  {
    PgCluster pg(lab, folder, engines);
    if (pg.run_as())
      result.parameters.push_back("servers run as user " + pg.run_as()->user + " (the lab runs as root)");
    result.parameters.push_back("servers: n1 (primary) and n2 (standby), PostgreSQL's own programs on 127.0.0.1, in " +
                                pg.folder().string() + (pg.has_socket_folder() ? " (their sockets too)" : ""));
    result.parameters.push_back("the servers' data folders are removed once they have stopped; their logs stay");
    result.parameters.push_back(PgCluster::authentication());
    result.parameters.push_back(
        "n1: initdb --data-checksums; wal_level = replica, max_wal_senders = 10, max_replication_slots = 10; "
        "CREATE ROLE replicator WITH REPLICATION LOGIN");
    result.parameters.push_back(
        "n2: pg_basebackup -R -C -S n2_slot --wal-method=stream as replicator, application_name=n2 "
        "(primary_conninfo, primary_slot_name and standby.signal written by -R)");
    result.parameters.push_back("write latency: the median of " + std::to_string(kTimedWrites) +
                                " single-row commits by one pgbench client (-n -f, --log), per synchronous_commit "
                                "level; async: no standby named in synchronous_standby_names");
    result.parameters.push_back(
        "replay lag: pg_stat_replication on n1, read with psql as often as it answers during a " +
        std::to_string(kBurstSeconds) + " s pgbench burst of 4 clients");
    result.parameters.push_back("simulated: async-lag-stale-read and sync-no-stale with every link 0.1 ms (loopback)");

    say("initdb and start the primary n1 in " + pg.folder().string());
    pg.init_primary("n1");
    pg.sql("n1", "CREATE TABLE burst (id bigserial PRIMARY KEY, payload text)");
    pg.sql("n1", "CREATE TABLE posts (id int PRIMARY KEY, body text)");
    say("pg_basebackup -R -C -S n2_slot: the standby n2");
    pg.clone_standby("n2", "n1");
    Replication r(pg, result);
    r.write_script();

    say("write latency with no synchronous standby (synchronous_commit on, but no standby named: local)");
    local_ms = r.timed_writes("local");
    say("a " + std::to_string(kBurstSeconds) + " s write burst while reading pg_stat_replication");
    lag_ms = r.burst().replay_lag_ms;

    say("pause replay on n2, write on n1, read on n2");
    pg.sql("n2", "SELECT pg_wal_replay_pause()");
    if (!pg.wait_for("n2", "SELECT pg_get_wal_replay_pause_state()", "paused", 10'000))
      throw std::runtime_error("n2 did not pause its replay");
    const auto paused_at = std::chrono::steady_clock::now();
    stale_async = r.write_then_read(1);
    // The standby has the WAL (it receives while replay is paused), yet does not show the rows.
    const std::string lsn = pg.sql("n1", "SELECT pg_current_wal_lsn()");
    if (!pg.wait_for("n2", "SELECT pg_last_wal_receive_lsn() >= '" + lsn + "'::pg_lsn", "t", 10'000))
      throw std::runtime_error("n2 did not receive n1's WAL");
    result.log_lines.push_back("n2: pg_last_wal_receive_lsn() has reached n1's " + lsn + ", and SELECT count(*) FROM " +
                               "posts returns " + pg.sql("n2", "SELECT count(*) FROM posts") + " of " +
                               std::to_string(kReads) + " acknowledged rows (replay paused)");
    pg.sql("n2", "SELECT pg_wal_replay_resume()");
    paused_ms = elapsed_ms(paused_at);
    const auto resumed_at = std::chrono::steady_clock::now();
    if (!pg.wait_for("n2", "SELECT count(*) FROM posts", std::to_string(kReads), 10'000))
      throw std::runtime_error("n2 did not catch up within 10 s of pg_wal_replay_resume()");
    char caught_up[200];
    std::snprintf(caught_up, sizeof caught_up,
                  "lab: n2 caught up: all %d rows readable there %.0f ms after pg_wal_replay_resume()", kReads,
                  elapsed_ms(resumed_at));
    result.log_lines.push_back(caught_up);

    say("synchronous_standby_names = 'n2'");
    pg.sql("n1", "ALTER SYSTEM SET synchronous_standby_names = 'n2'");
    pg.sql("n1", "SELECT pg_reload_conf()");
    if (!pg.wait_for("n1", "SELECT sync_state FROM pg_stat_replication WHERE application_name = 'n2'", "sync", 10'000))
      throw std::runtime_error("n2 did not become a synchronous standby");
    on_ms = r.timed_writes("on");
    say("synchronous_commit = remote_apply");
    pg.sql("n1", "ALTER SYSTEM SET synchronous_commit = 'remote_apply'");
    pg.sql("n1", "SELECT pg_reload_conf()");
    if (!pg.wait_for("n1", "SHOW synchronous_commit", "remote_apply", 10'000))
      throw std::runtime_error("n1 did not take synchronous_commit = remote_apply");
    remote_apply_ms = r.timed_writes("remote_apply");
    stale_remote_apply = r.write_then_read(1 + kReads);

    for (const auto& [who, phrases] : std::vector<std::pair<std::string, std::vector<std::string>>>{
             {"n1", {"database system is ready to accept", "standby \"n2\" is now a synchronous standby"}},
             {"n2",
              {"entering standby mode", "consistent recovery state reached", "started streaming WAL",
               "recovery has paused", "database system is ready to accept read-only"}}}) {
      pg.collect_lines(who, phrases, result.log_lines);
    }
    pg.stop_all();
    result.left_running = pg.any_alive();
    pg.remove_data();
  }

  say("simulating the same over " + std::to_string(options.simulated_seeds) + " seeds");
  scenario::Scenario async = loopback_scenario("async-lag-stale-read");
  const std::vector<sim::Metrics> async_runs = simulate_runs(async, options.simulated_seeds);
  async.params["apply_delay_ms"] = paused_ms;
  const std::vector<sim::Metrics> delayed_runs = simulate_runs(async, options.simulated_seeds, add_stale_read_share);
  const std::vector<sim::Metrics> sync_runs =
      simulate_runs(loopback_scenario("sync-no-stale"), options.simulated_seeds, add_stale_read_share);
  result.figures.push_back(summarised("max_replication_lag_us", "replay lag, write burst", "ms", lag_ms, async_runs,
                                      "max_replication_lag_us", 1e-3));
  // The same quantity on both sides: the share of the reads a standby (replica) served that were
  // stale. The real reads each follow an acknowledged write at once; the simulated ones are the
  // scenario's clients' reads that a replica served.
  result.figures.push_back(summarised("stale_read_share[mode=async]", "stale reads among standby reads, async", "%",
                                      100.0 * stale_async / kReads, delayed_runs, "stale_read_share_pct"));
  result.figures.push_back(summarised("stale_read_share[mode=sync,synchronous_commit=remote_apply]",
                                      "stale reads among standby reads, remote_apply", "%",
                                      100.0 * stale_remote_apply / kReads, sync_runs, "stale_read_share_pct"));
  result.figures.push_back(summarised("p50_write_latency_us[mode=async]", "write latency, async", "ms", local_ms,
                                      async_runs, "p50_write_latency_us", 1e-3));
  result.figures.push_back(summarised("p50_write_latency_us[mode=sync,synchronous_commit=on]", "write latency, sync on",
                                      "ms", on_ms, sync_runs, "p50_write_latency_us", 1e-3));
  result.figures.push_back(summarised("p50_write_latency_us[mode=sync,synchronous_commit=remote_apply]",
                                      "write latency, remote_apply", "ms", remote_apply_ms, sync_runs,
                                      "p50_write_latency_us", 1e-3));
  const auto mean = [](const std::vector<sim::Metrics>& runs, const std::string& metric) {
    double sum = 0;
    for (const sim::Metrics& m : runs) {
      const auto it = m.find(metric);
      sum += it == m.end() ? 0.0 : it->second;
    }
    return runs.empty() ? 0.0 : sum / static_cast<double>(runs.size());
  };
  char line[700];
  std::snprintf(line, sizeof line,
                "stale reads among standby reads: real, %d of %d reads on n2, each right after n1 acknowledged a "
                "write, with n2's replay paused (pg_wal_replay_pause()) for %.0f ms, then %d of %d with "
                "remote_apply; simulated, the stale ones among the reads a replica served (not n1) of the "
                "scenario's 4 clients over 20 s: %.1f of %.1f on average with replicas applying %.0f ms late "
                "(apply_delay_ms), %.1f of %.1f when synchronous",
                stale_async, kReads, paused_ms, stale_remote_apply, kReads, mean(delayed_runs, "stale_replica_reads"),
                mean(delayed_runs, "replica_reads"), paused_ms, mean(sync_runs, "stale_replica_reads"),
                mean(sync_runs, "replica_reads"));
  result.parameters.push_back(line);
  result.parameters.push_back(
      "simulated sync waits until the replicas have applied a write, as remote_apply does (on waits for the flush "
      "only)");
  return result;
}

}  // namespace cs::lab
