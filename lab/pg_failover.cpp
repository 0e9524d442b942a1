// Lesson 5, PostgreSQL failover (mirrors auto-failover-async-loss): a primary n1 and its standby
// n2, whose replication connection runs through a fault relay. Asynchronous: the relay cuts n2
// off, so that it stops receiving WAL (not merely replaying it), n1 acknowledges writes, n1 is killed and n2 promoted:
// the writes n2 never received are lost. pg_rewind then turns the old primary n1 into a standby of
// n2, and n1 is shown following it. Synchronous: with synchronous_standby_names = 'n1' on n2, the
// same crash and promotion (of n1 now) lose no acknowledged write.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "lab/engines.h"
#include "lab/experiments.h"
#include "lab/pg_cluster.h"
#include "lab/pg_simulated.h"
#include "lab/relay.h"

namespace cs::lab {

namespace {

namespace fs = std::filesystem;

// Acknowledged writes made in each half just before the primary is killed.
constexpr int kWrites = 5;

// Writes rows first..first+kWrites-1 on `primary`; the ids it acknowledged.
std::vector<int> acknowledged_writes(PgCluster& pg, const std::string& primary, int first) {
  std::vector<int> ids;
  for (int id = first; id < first + kWrites; ++id) {
    std::string out;
    if (pg.try_sql(primary, "INSERT INTO orders VALUES (" + std::to_string(id) + ") RETURNING id", &out) &&
        out == std::to_string(id)) {
      ids.push_back(id);
    }
  }
  if (ids.size() != static_cast<std::size_t>(kWrites))
    throw std::runtime_error(primary + " acknowledged " + std::to_string(ids.size()) + " of " +
                             std::to_string(kWrites) + " writes");
  return ids;
}

// How many of `ids` `node` holds.
int present(PgCluster& pg, const std::string& node, const std::vector<int>& ids) {
  return std::stoi(pg.sql(node, "SELECT count(*) FROM orders WHERE id BETWEEN " + std::to_string(ids.front()) +
                                    " AND " + std::to_string(ids.back())));
}

// Promotes `standby` at once and times it until a write there succeeds, in ms since `killed_at`,
// when the primary was killed (polled every 5 ms: pg_promote's own wait checks only every 100 ms).
double promote(PgCluster& pg, const std::string& standby, int probe_id,
               std::chrono::steady_clock::time_point killed_at) {
  const auto start = std::chrono::steady_clock::now();
  if (pg.sql(standby, "SELECT pg_promote(false)") != "t")
    throw std::runtime_error(standby + " refused the promote request");
  const std::string probe = "INSERT INTO orders VALUES (" + std::to_string(probe_id) + ")";
  while (!pg.try_sql(standby, probe)) {
    if (elapsed_ms(start) > 30'000) throw std::runtime_error(standby + " took no write within 30 s of its promotion");
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return elapsed_ms(killed_at);
}

// A string setting's value in postgresql.conf quotes.
std::string conf_quoted(const std::string& value) {
  std::string out = "'";
  for (const char c : value) {
    if (c == '\'')
      out += "''";
    else if (c == '\\')
      out += "\\\\";
    else
      out += c;
  }
  return out + "'";
}

std::string killed_line(const std::string& killed, double gone_ms, const std::string& promoted, double write_ms) {
  char line[300];
  std::snprintf(line, sizeof line,
                "lab: %s's postmaster was gone %.0f ms after its SIGKILL; %s, promoted then, accepted its first "
                "write %.0f ms after the SIGKILL",
                killed.c_str(), gone_ms, promoted.c_str(), write_ms);
  return line;
}

std::string lost_line(const std::string& node, int held, const std::vector<int>& ids) {
  return "lab: " + node + ", promoted, holds " + std::to_string(held) + " of the " + std::to_string(ids.size()) +
         " writes (ids " + std::to_string(ids.front()) + "-" + std::to_string(ids.back()) +
         ") the old primary acknowledged";
}

// SIGKILLs `primary`'s postmaster and promotes `standby` as soon as the postmaster is gone (its
// children, which take a second or so to notice, are waited for later); a line for the log, and
// the time from the kill to the first write `standby` took (row `probe_id`), in ms.
double kill_and_promote(PgCluster& pg, const std::string& primary, const std::string& standby, int probe_id,
                        ExperimentResult& result) {
  const auto killed_at = std::chrono::steady_clock::now();
  pg.crash(primary, false);
  const double gone_ms = elapsed_ms(killed_at);
  const double failover_ms = promote(pg, standby, probe_id, killed_at);
  result.log_lines.push_back(killed_line(primary, gone_ms, standby, failover_ms));
  return failover_ms;
}

}  // namespace

ExperimentResult run_pg_failover(const Experiment& experiment, LabFolder& lab, const RunOptions& options) {
  const EngineCheck engines = check_engines(experiment.engines);
  if (!engines.ready()) throw std::runtime_error(engines.explanation());
  const std::function<void(const std::string&)> say = [&options](const std::string& line) {
    if (options.progress) options.progress(line);
  };
  ExperimentResult result;
  result.experiment = experiment.id;
  const fs::path folder = lab.new_run_folder(experiment.id);
  result.run_folder = folder.string();

  double lost_async = 0;
  double lost_sync = 0;
  double failover_async_ms = 0;
  double failover_sync_ms = 0;
  {
    PgCluster pg(lab, folder, engines);
    if (pg.run_as())
      result.parameters.push_back("servers run as user " + pg.run_as()->user + " (the lab runs as root)");
    result.parameters.push_back(
        "servers: n1 (primary) and n2 (standby, pg_basebackup -R -C -S n2_slot) on 127.0.0.1, in " +
        pg.folder().string() + (pg.has_socket_folder() ? " (their sockets too)" : ""));
    result.parameters.push_back("the servers' data folders are removed once they have stopped; their logs stay");
    result.parameters.push_back(PgCluster::authentication());
    result.parameters.push_back("initdb --data-checksums, which pg_rewind needs (or wal_log_hints = on)");
    result.parameters.push_back(
        "asynchronous: n2's replication connection runs through a relay on 127.0.0.1, which cuts it (and refuses "
        "its reconnections): n2 stops receiving WAL; then n1 acknowledges " +
        std::to_string(kWrites) + " writes");
    result.parameters.push_back(
        "synchronous: synchronous_standby_names = 'n1' on n2 (the primary then), synchronous_commit = on; " +
        std::to_string(kWrites) + " writes acknowledged with n1 streaming");
    result.parameters.push_back(
        "the primary is killed with SIGKILL to its postmaster; once the postmaster is gone the standby is promoted "
        "at once with SELECT pg_promote() (an operator who knows: no failure detector, no waiting)");
    result.parameters.push_back(
        "simulated: auto-failover-async-loss with every link 0.1 ms (loopback), replica_acks 0 (asynchronous), then 1 "
        "(synchronous)");

    say("initdb and start the primary n1 in " + pg.folder().string());
    pg.init_primary("n1");
    pg.sql("n1", "CREATE TABLE orders (id int PRIMARY KEY)");
    // n2 reaches n1 through a relay, so that its replication connection can be cut.
    RelayOptions to_n1;
    to_n1.destination = "n1";
    to_n1.target_port = pg.node("n1").port;
    to_n1.sender = "n2";
    Relay relay(to_n1);
    say("pg_basebackup -R -C -S n2_slot: the standby n2, through a relay to n1");
    pg.clone_standby("n2", "n1", relay.port());
    pg.sql("n1", "INSERT INTO orders SELECT generate_series(1, 10)");
    if (!pg.wait_for("n2", "SELECT count(*) FROM orders", "10", 10'000))
      throw std::runtime_error("n2 did not replay n1's first writes");

    say("asynchronous: n2 stops receiving WAL; n1 acknowledges " + std::to_string(kWrites) + " writes; kill n1");
    relay.cut("n2");
    if (!pg.wait_for("n1", "SELECT count(*) FROM pg_stat_replication", "0", 10'000))
      throw std::runtime_error("n2 kept its replication connection after the relay cut it");
    const std::string received_before = pg.sql("n2", "SELECT pg_last_wal_receive_lsn()");
    const std::vector<int> async_ids = acknowledged_writes(pg, "n1", 101);
    say("SIGKILL n1's postmaster; promote n2 once it is gone");
    failover_async_ms = kill_and_promote(pg, "n1", "n2", 1000, result);
    const int async_held = present(pg, "n2", async_ids);
    lost_async = kWrites - async_held;
    result.log_lines.push_back("lab: the relay cut n2 at WAL " + received_before + " and reset " +
                               std::to_string(relay.connections_reset()) + " connection(s) of n2's");
    result.log_lines.push_back(lost_line("n2", async_held, async_ids));

    say("pg_rewind the old primary n1 and start it as a standby of n2");
    // The killed n1's children must be gone first (stop() waits for them): pg_rewind's recovery
    // run refuses to start while they hold its shared memory.
    pg.stop("n1");
    // pg_rewind reads the source's timeline from its control file, which the checkpoint after a
    // promotion updates.
    pg.sql("n2", "CHECKPOINT");
    pg.sql("n2", "SELECT pg_create_physical_replication_slot('n1_slot')");
    const PgCluster::Node& n1 = pg.node("n1");
    const int rewound = pg.run_tool(
        "pg_rewind",
        {"--target-pgdata=" + n1.data.string(), "--source-server=" + pg.conninfo("n2") + " dbname=postgres"},
        "n1-rewind.log", 120'000);
    collect_pg_lines(pg.folder() / "n1-rewind.log", 0, "n1", {"pg_rewind:"}, result.log_lines);
    if (rewound != 0)
      throw std::runtime_error("pg_rewind failed (see " + (pg.folder() / "n1-rewind.log").string() + ")");
    // pg_rewind copied n2's settings, n2_slot and an empty primary_conninfo among them: the later
    // lines win. Files of the server user's: written without following a link.
    pg.write_file(
        n1.data / "postgresql.auto.conf",
        "primary_conninfo = " + conf_quoted(pg.replication_conninfo("n2", "n1")) + "\nprimary_slot_name = 'n1_slot'\n",
        true);
    pg.write_file(n1.data / "standby.signal", "");
    pg.start("n1");
    if (!pg.wait_for("n2", "SELECT state FROM pg_stat_replication WHERE application_name = 'n1'", "streaming", 20'000))
      throw std::runtime_error("the rewound n1 does not stream from n2 (see " + n1.log.string() + ")");
    pg.sql("n2", "INSERT INTO orders VALUES (2000)");
    if (!pg.wait_for("n1", "SELECT count(*) FROM orders WHERE id = 2000", "1", 10'000))
      throw std::runtime_error("the rewound n1 did not replay n2's new write");
    result.log_lines.push_back("lab: n1, rewound, follows n2: it replayed n2's new write (id 2000) and holds " +
                               std::to_string(present(pg, "n1", async_ids)) + " of the " + std::to_string(kWrites) +
                               " writes it had acknowledged before the crash");

    say("synchronous: synchronous_standby_names = 'n1' on n2; n2 acknowledges " + std::to_string(kWrites) +
        " writes; kill n2");
    pg.sql("n2", "ALTER SYSTEM SET synchronous_standby_names = 'n1'");
    pg.sql("n2", "SELECT pg_reload_conf()");
    if (!pg.wait_for("n2", "SELECT sync_state FROM pg_stat_replication WHERE application_name = 'n1'", "sync", 10'000))
      throw std::runtime_error("n1 did not become n2's synchronous standby");
    const std::vector<int> sync_ids = acknowledged_writes(pg, "n2", 201);
    say("SIGKILL n2's postmaster; promote n1 once it is gone");
    failover_sync_ms = kill_and_promote(pg, "n2", "n1", 3000, result);
    const int sync_held = present(pg, "n1", sync_ids);
    lost_sync = kWrites - sync_held;
    result.log_lines.push_back(lost_line("n1", sync_held, sync_ids));

    const std::vector<std::string> phrases = {"database system is ready to accept",
                                              "started streaming WAL",
                                              "received promote request",
                                              "selected new timeline ID",
                                              "is now a synchronous standby",
                                              "database system was interrupted",
                                              "could not receive data from WAL stream",
                                              "could not connect to the primary server",
                                              "redo done"};
    for (const std::string who : {"n1", "n2"}) pg.collect_lines(who, phrases, result.log_lines, 60);
    pg.stop_all();
    result.left_running = pg.any_alive();
    pg.remove_data();
  }

  say("simulating the same over " + std::to_string(options.simulated_seeds) + " seeds");
  scenario::Scenario s = loopback_scenario("auto-failover-async-loss");
  const sim::TimeUs crash_us = first_crash_us(s);
  const ExtraMetrics crash_to_write = [crash_us](const sim::World& world, sim::Metrics& metrics) {
    add_crash_to_first_write(world, crash_us, metrics);
  };
  const std::vector<sim::Metrics> async_runs = simulate_runs(s, options.simulated_seeds, crash_to_write);
  s.params["replica_acks"] = 1.0;
  const std::vector<sim::Metrics> sync_runs = simulate_runs(s, options.simulated_seeds, crash_to_write);
  result.figures.push_back(summarised("lost_acknowledged_writes[replica_acks=0]", "acked writes lost, async", "",
                                      lost_async, async_runs, "lost_acknowledged_writes"));
  result.figures.push_back(summarised("lost_acknowledged_writes[replica_acks=1]", "acked writes lost, sync", "",
                                      lost_sync, sync_runs, "lost_acknowledged_writes"));
  result.figures.push_back(summarised("crash_to_first_write_us[replica_acks=0]",
                                      "primary killed to the first write the new one accepts, async", "ms",
                                      failover_async_ms, async_runs, "crash_to_first_write_us", 1e-3));
  result.figures.push_back(summarised("crash_to_first_write_us[replica_acks=1]",
                                      "primary killed to the first write the new one accepts, sync", "ms",
                                      failover_sync_ms, sync_runs, "crash_to_first_write_us", 1e-3));
  result.parameters.push_back(
      "primary killed to the first write the new one accepts: real, from the SIGKILL to the first write the "
      "promoted standby acknowledges to psql (the lab promotes at once: no failure detection); simulated, the same "
      "span of the simulated run, from n1's crash to the first write a client sees acknowledged, which includes "
      "the failover manager's detection (1.5 s without heartbeats) and its 300 ms candidate window");
  result.parameters.push_back(
      "acked writes lost: the real standby received none of the last " + std::to_string(kWrites) +
      " writes (its receiver stopped first); the simulated replicas miss those still in flight when n1 crashes "
      "(it ships its log every 250 ms)");
  return result;
}

}  // namespace cs::lab
