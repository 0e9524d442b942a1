#pragma once
// Real PostgreSQL servers on 127.0.0.1 for the lab: a primary made with initdb, standbys cloned from
// it with pg_basebackup as lesson 2 shows, each server a postmaster of its own at a port chosen
// free, in a folder the server user owns (when the lab runs as root the servers run as "postgres":
// PostgreSQL refuses root). SQL goes through the psql program, as a learner would type it.
// Every connection needs a password (scram-sha-256): the superuser "postgres" and the replication
// role "replicator" each get a random one per run, which the clients read from a passfile (mode
// 0600, the server user's) in the servers' folder, never from a command line.
// The servers' folder belongs to the server user: the lab (perhaps root) reads and writes the files
// there without following a link (see read_no_follow and write_file).
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
    std::filesystem::path data;               // its data folder
    std::filesystem::path log;                // the postmaster's output (its log), since its latest start
    std::vector<std::filesystem::path> logs;  // every start's log, in order: n1.log, n1.2.log, ...
    ProcessRecord postmaster;
    bool running = false;
    // A crashed postmaster's children, which outlive it for a moment (see crash).
    std::vector<ProcessRecord> orphans;
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

  // initdb (scram-sha-256 for every connection, superuser "postgres" with this run's password, data
  // checksums for pg_rewind), the primary's settings of lesson 2 plus `settings` ("name = value"
  // lines), then start, and the replication role "replicator" (REPLICATION LOGIN, its password).
  Node& init_primary(const std::string& name, const std::vector<std::string>& settings = {});
  // pg_basebackup -R -C -S <name>_slot from `from` as replicator with application_name=<name>, the
  // passfile in the primary_conninfo that -R writes, then start: a
  // streaming standby. Returns once it streams. With `via_port`, it reaches `from` there (a relay
  // in front of it), for the copy and in the primary_conninfo that -R writes.
  Node& clone_standby(const std::string& name, const std::string& from, int via_port = 0);
  void start(const std::string& name);
  // SIGKILL to the postmaster (a crash); returns once it is gone and, with `wait_for_children`,
  // its children too (they notice its death and exit, within a second or two). Without, they are
  // waited for before the server starts again, stops or the cluster goes.
  void crash(const std::string& name, bool wait_for_children = true);
  // Immediate shutdown (SIGQUIT); SIGKILL if that does not end it. For a crashed server: waits
  // for its children to be gone.
  void stop(const std::string& name);
  void stop_all();
  bool any_alive() const;
  // Removes the servers' data folders once every server has stopped (a run's data is of no use
  // after it, and a few runs would otherwise fill the lab's disk cap), and the passfile; the logs stay.
  void remove_data();

  // Runs `query` with psql on `node` (as the superuser, over TCP); its rows, '|' between columns,
  // trimmed. Throws std::runtime_error with psql's message when it fails.
  std::string sql(const std::string& node, const std::string& query, int timeout_ms = 15'000);
  // Whether it succeeded (for a server that may not be up yet).
  bool try_sql(const std::string& node, const std::string& query, std::string* out = nullptr, int timeout_ms = 5'000);
  // Polls `query` until it returns `expected`; false at the deadline.
  bool wait_for(const std::string& node, const std::string& query, const std::string& expected, int timeout_ms);

  // Runs a PostgreSQL program (by its name: "pgbench", "pg_rewind") to its end as the server user,
  // in the servers' folder, its output in `log_name` there (a new file: whatever had that name is
  // unlinked first); its exit status (-1: timed out).
  int run_tool(const std::string& program, const std::vector<std::string>& args, const std::string& log_name,
               int timeout_ms);
  std::string program(const std::string& name) const;

  // "host=127.0.0.1 port=... user=postgres passfile=..." for `node`, with application_name when
  // given; replication_conninfo: the same as user replicator (for primary_conninfo).
  std::string conninfo(const std::string& node, const std::string& application_name = "") const;
  std::string replication_conninfo(const std::string& node, const std::string& application_name = "") const;
  const std::filesystem::path& passfile() const { return passfile_; }
  // The parameter line that says how the servers authenticate their clients.
  static std::string authentication();

  // Writes `text` to `path` in the servers' folder (or a server's data folder) without following a
  // link, neither in its last part nor in its folder's: a new file (whatever was there is
  // unlinked first) of mode 0600 given to the server user, or, with `append`, the end of a regular
  // file the server user owns that has no other name.
  void write_file(const std::filesystem::path& path, const std::string& text, bool append = false) const;

  // Lines of every log of `node` (each start's) that contain one of `phrases`, as collect_pg_lines.
  void collect_lines(const std::string& node, const std::vector<std::string>& phrases, std::vector<std::string>& out,
                     std::size_t max_lines = 40) const;

 private:
  Node& add_node(const std::string& name);
  void wait_ready(Node& n, int timeout_ms);
  void wait_orphans(Node& n);
  std::string conninfo_at(int port, const std::string& user, const std::string& application_name) const;
  // psql on `node` with `what` ({"-c", query} or {"-f", file}); its output in *out.
  bool psql(const std::string& node, const std::vector<std::string>& what, std::string* out, int timeout_ms);
  void remove_passfile();

  LabFolder& lab_;
  EngineCheck engines_;
  std::optional<RunAs> as_;
  std::filesystem::path folder_;
  bool socket_folder_ = true;
  std::vector<Node> nodes_;
  std::vector<int> free_ports_;
  std::atomic<std::uint64_t> outputs_{0};  // numbers psql's output files (the lag sampler runs beside pgbench)
  std::string superuser_password_;
  std::string replication_password_;
  std::filesystem::path passfile_;
};

// The contents of `path` (at most `max_bytes`), read without following a link in its last part or
// its folder's; "" when it is not a regular file (or is missing).
std::string read_no_follow(const std::filesystem::path& path, std::size_t max_bytes = std::size_t{64} << 20);

// Lines of `log` from byte `offset` on that contain one of `phrases`, each as "<who>: <line>",
// at most `max_lines` in all in `out` (read as read_no_follow does).
void collect_pg_lines(const std::filesystem::path& log, std::uintmax_t offset, const std::string& who,
                      const std::vector<std::string>& phrases, std::vector<std::string>& out,
                      std::size_t max_lines = 40);
std::uintmax_t file_size_or_zero(const std::filesystem::path& path);

double elapsed_ms(std::chrono::steady_clock::time_point since);

}  // namespace cs::lab
