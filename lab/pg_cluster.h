#pragma once
// Real PostgreSQL servers on 127.0.0.1 for the lab: a primary made with initdb, standbys cloned from
// it with pg_basebackup as lesson 2 shows, each server a postmaster of its own at a port chosen
// free, in a folder the server user owns (when the lab runs as root the servers run as "postgres":
// PostgreSQL refuses root). SQL goes through the psql program, as a learner would type it.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "lab/engines.h"
#include "lab/lab_folder.h"
#include "lab/lab_process.h"
#include "lab/run_as.h"

namespace cs::lab {

class PgCluster {
 public:
  struct Node {
    std::string name;  // "n1": also its application_name as a standby
    int port = 0;
    std::filesystem::path data;  // its data folder
    std::filesystem::path log;   // the postmaster's output (its log)
    ProcessRecord postmaster;
    bool running = false;
  };

  // Makes the servers' folder for the run in `run_folder` (remembered in `lab`); starts nothing.
  // `engines` is check_engines({"postgresql"}), ready.
  PgCluster(LabFolder& lab, const std::filesystem::path& run_folder, const EngineCheck& engines);
  ~PgCluster();  // stops every server still running
  PgCluster(const PgCluster&) = delete;
  PgCluster& operator=(const PgCluster&) = delete;

  const std::optional<RunAs>& run_as() const { return as_; }
  const std::filesystem::path& folder() const { return folder_; }
  bool has_socket_folder() const { return socket_folder_; }
  Node& node(const std::string& name);

  // initdb (trust on loopback, superuser "postgres", data checksums for pg_rewind), the primary's
  // settings of lesson 2 plus `settings` ("name = value" lines), then start.
  Node& init_primary(const std::string& name, const std::vector<std::string>& settings = {});
  // pg_basebackup -R -C -S <name>_slot from `from` with application_name=<name>, then start: a
  // streaming standby. Returns once it streams. With `via_port`, it reaches `from` there (a relay
  // in front of it), for the copy and in the primary_conninfo that -R writes.
  Node& clone_standby(const std::string& name, const std::string& from, int via_port = 0);
  void start(const std::string& name);
  // SIGKILL to the postmaster (a crash); returns once it and its children are gone.
  void crash(const std::string& name);
  // Immediate shutdown (SIGQUIT); SIGKILL if that does not end it.
  void stop(const std::string& name);
  void stop_all();
  bool any_alive() const;
  // Removes the servers' data folders once every server has stopped (a run's data is of no use
  // after it, and a few runs would otherwise fill the lab's disk cap); the logs stay.
  void remove_data();

  // Runs `query` with psql on `node` (as the superuser, over TCP); its rows, '|' between columns,
  // trimmed. Throws std::runtime_error with psql's message when it fails.
  std::string sql(const std::string& node, const std::string& query, int timeout_ms = 15'000);
  // Whether it succeeded (for a server that may not be up yet).
  bool try_sql(const std::string& node, const std::string& query, std::string* out = nullptr, int timeout_ms = 5'000);
  // Polls `query` until it returns `expected`; false at the deadline.
  bool wait_for(const std::string& node, const std::string& query, const std::string& expected, int timeout_ms);

  // Runs a PostgreSQL program (by its name: "pgbench", "pg_rewind") to its end as the server user,
  // in the servers' folder, its output in `log_name` there; its exit status (-1: timed out).
  int run_tool(const std::string& program, const std::vector<std::string>& args, const std::string& log_name,
               int timeout_ms);
  std::string program(const std::string& name) const;

  // "host=127.0.0.1 port=... user=postgres" for `node`, with application_name when given.
  std::string conninfo(const std::string& node, const std::string& application_name = "") const;

 private:
  Node& add_node(const std::string& name);
  void wait_ready(Node& n, int timeout_ms);

  LabFolder& lab_;
  EngineCheck engines_;
  std::optional<RunAs> as_;
  std::filesystem::path folder_;
  bool socket_folder_ = true;
  std::vector<Node> nodes_;
  std::vector<int> free_ports_;
  std::atomic<std::uint64_t> outputs_{0};  // numbers psql's output files (the lag sampler runs beside pgbench)
};

// Lines of `log` from byte `offset` on that contain one of `phrases`, each as "<who>: <line>",
// at most `max_lines` in all in `out`.
void collect_pg_lines(const std::filesystem::path& log, std::uintmax_t offset, const std::string& who,
                      const std::vector<std::string>& phrases, std::vector<std::string>& out,
                      std::size_t max_lines = 40);
std::uintmax_t file_size_or_zero(const std::filesystem::path& path);

double elapsed_ms(std::chrono::steady_clock::time_point since);

}  // namespace cs::lab
