#pragma once
// A real Patroni cluster on 127.0.0.1: one etcd member (the consensus store, reached through
// etcd's v3 API), and a few Patroni agents, each managing a PostgreSQL server it makes itself
// (initdb on the first, pg_basebackup on the others). Every agent reaches etcd through a relay of
// its own (relay.h), so that one agent alone can be cut off from etcd. When the lab runs as root
// the agents and their servers run as the server user (run_as.h), in a folder that user owns.
#include <sys/types.h>

#include <atomic>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "lab/engines.h"
#include "lab/etcd_cluster.h"
#include "lab/lab_folder.h"
#include "lab/lab_process.h"
#include "lab/relay.h"
#include "lab/run_as.h"

namespace cs::lab {

// Patroni's bootstrap.dcs timing, in seconds as patroni.yml takes it. Patroni requires
// loop_wait + 2 * retry_timeout <= ttl: the primary then gets two full tries at renewing its key
// before the key can expire.
struct PatroniTiming {
  int ttl_s = 10;
  int loop_wait_s = 2;
  int retry_timeout_s = 4;
};

class PatroniCluster {
 public:
  struct Node {
    std::string name;  // "n1": Patroni's member name
    int rest_port = 0;
    int pg_port = 0;
    std::filesystem::path folder;  // in the servers' folder: patroni.yml, the data folder, sockets
    std::string real_folder;       // `folder` with every link resolved, as /proc names working folders
    std::filesystem::path data_dir;
    std::filesystem::path log;          // Patroni's own log
    std::unique_ptr<Relay> etcd_relay;  // this agent's only way to etcd
    ProcessRecord patroni;
    bool running = false;
  };

  // Starts etcd, then `nodes` Patroni agents at once (they race to bootstrap the cluster), each
  // process remembered in `lab`, and the postmasters Patroni starts remembered as they appear.
  // `engines` is check_engines({"etcd", "postgresql", "patroni"}), ready. Throws
  // std::runtime_error when something cannot start.
  PatroniCluster(LabFolder& lab, const std::filesystem::path& run_folder, const EngineCheck& engines, int nodes,
                 PatroniTiming timing);
  ~PatroniCluster();  // stops every process still running
  PatroniCluster(const PatroniCluster&) = delete;
  PatroniCluster& operator=(const PatroniCluster&) = delete;

  const std::vector<Node>& nodes() const { return nodes_; }
  const std::string& scope() const { return scope_; }
  const std::filesystem::path& server_folder() const { return server_folder_; }
  const std::optional<RunAs>& run_as() const { return as_; }
  const EtcdCluster& etcd() const { return *etcd_; }

  // The member that holds the leader key /service/<scope>/leader, read from etcd itself (not
  // through a relay); nullopt when nobody does or etcd does not answer.
  std::optional<std::string> leader_key_holder(int timeout_ms = 500) const;

  // What PostgreSQL itself says, through psql: Primary (pg_is_in_recovery() false), Replica, or
  // Down (no answer within `timeout_ms`).
  enum class Role { Down, Primary, Replica };
  Role role(std::size_t node, int timeout_ms = 2'000) const;
  // Runs `sql` on `node` with psql; whether it succeeded (committed, for a write). With `out`, the
  // rows, one a line, '|' between columns.
  bool sql(std::size_t node, const std::string& sql, std::string* out = nullptr, int timeout_ms = 3'000) const;

  // Whether the agent still runs (Patroni exits when it cannot bootstrap the cluster).
  bool agent_alive(std::size_t node) const;

  // SIGKILL to the agent and its PostgreSQL (the postmaster and every child): a crashed machine.
  // Throws std::runtime_error when the watcher of postmasters has failed (after the crash).
  void crash(std::size_t node);
  // Cuts the agent's connections to etcd (and every new one) at its relay; PostgreSQL's own
  // connections are untouched.
  void cut_from_etcd(std::size_t node);
  // Stops every process, then removes the servers' and etcd's data (the logs stay). Everything is
  // stopped even when something fails; then the first error (the watcher's, for one) is thrown.
  void stop_all();
  // Whether any process this cluster started (etcd, an agent, a postmaster or a child) still runs.
  // Only the cluster's processes count (see processes_of), never another program's.
  bool any_alive() const;

  // A process seen in /proc: its id and its start time (clock ticks since boot), which together
  // name it for good (an id alone may be reused once it has gone).
  struct Seen {
    pid_t pid = 0;
    std::uint64_t start_ticks = 0;
  };

  // Throws StopAsked when the learner asked the run to stop (see LabFolder::throw_if_stop_asked).
  void throw_if_stop_asked() const { lab_.throw_if_stop_asked(); }

 private:
  void watch_postmasters();
  // The processes of `node` that are still there (zombies aside): the agent; its descendants;
  // the postmasters registered for it and their descendants; processes of a session whose leader
  // is still one of these (same id and start time), started at or after it, working (by /proc's
  // cwd, not their command line) in the node's folder; and the engine's postgres working in the
  // node's folder, started at or after the agent.
  std::vector<Seen> processes_of(std::size_t node) const;
  void keep_error(std::exception_ptr error);
  void rethrow_error();

  LabFolder& lab_;
  std::filesystem::path run_folder_;
  std::string scope_ = "pg-lab";
  std::optional<RunAs> as_;
  std::filesystem::path server_folder_;
  std::string psql_;
  std::string postgres_;            // the engine's server program, every link resolved (as /proc/PID/exe names it)
  std::filesystem::path passfile_;  // psql's password file, in the lab's private run folder
  std::unique_ptr<EtcdCluster> etcd_;
  std::vector<Node> nodes_;

  struct Postmaster {
    std::size_t node = 0;
    ProcessRecord process;
    // Patroni starts each postmaster in a session of its own, led by a helper that exits at once:
    // the leader as it was seen (start_ticks 0 when it had gone already).
    ProcessRecord session_leader;
  };
  mutable std::mutex mutex_;  // guards postmasters_, closed_, error_ and the register
  std::vector<Postmaster> postmasters_;
  std::vector<bool> closed_;  // per node: crashed, nothing more to register
  std::exception_ptr error_;  // the first error of the watcher (or of registering a postmaster)
  std::atomic<bool> stopping_{false};
  std::thread watcher_;  // registers each postmaster Patroni starts, as soon as it appears
};

}  // namespace cs::lab
