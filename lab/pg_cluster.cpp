#include "lab/pg_cluster.h"

#include <signal.h>

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <system_error>
#include <thread>

#include "lab/loopback.h"

namespace cs::lab {

namespace fs = std::filesystem;

namespace {

// A Unix socket's path must fit in sockaddr_un (107 bytes with PostgreSQL's ".s.PGSQL.NNNNN").
constexpr std::size_t kMaxSocketFolderChars = 90;

std::string read_file(const fs::path& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string trimmed(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  std::size_t start = 0;
  while (start < s.size() && (s[start] == '\n' || s[start] == ' ')) ++start;
  return s.substr(start);
}

// The last lines of a log, for an error message.
std::string tail(const fs::path& path, std::size_t lines = 6) {
  std::vector<std::string> all;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) all.push_back(line);
  std::string out;
  for (std::size_t i = all.size() > lines ? all.size() - lines : 0; i < all.size(); ++i) out += "\n  " + all[i];
  return out;
}

// The processes whose parent is `pid`: a postmaster's backends, walsenders and helpers, which
// outlive a SIGKILLed postmaster for a moment and hold its shared memory until they notice.
std::vector<ProcessRecord> children_of(pid_t pid) {
  std::vector<ProcessRecord> children;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator("/proc", ec)) {
    const std::string name = entry.path().filename().string();
    if (name.empty() || name.find_first_not_of("0123456789") != std::string::npos) continue;
    std::ifstream in(entry.path() / "stat");
    std::string stat;
    if (!std::getline(in, stat)) continue;
    const auto close = stat.rfind(')');
    if (close == std::string::npos) continue;
    std::istringstream fields(stat.substr(close + 2));
    std::string state;
    pid_t parent = 0;
    fields >> state >> parent;
    if (parent != pid) continue;
    const pid_t child = static_cast<pid_t>(std::stol(name));
    children.push_back({child, process_start_ticks(child), ""});
  }
  return children;
}

}  // namespace

std::uintmax_t file_size_or_zero(const fs::path& path) {
  std::error_code ec;
  const std::uintmax_t size = fs::file_size(path, ec);
  return ec ? 0 : size;
}

double elapsed_ms(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - since).count();
}

void collect_pg_lines(const fs::path& log, std::uintmax_t offset, const std::string& who,
                      const std::vector<std::string>& phrases, std::vector<std::string>& out, std::size_t max_lines) {
  std::ifstream in(log);
  in.seekg(static_cast<std::streamoff>(offset));
  for (std::string line; std::getline(in, line) && out.size() < max_lines;) {
    for (const std::string& phrase : phrases) {
      if (line.find(phrase) != std::string::npos) {
        out.push_back(who + ": " + line);
        break;
      }
    }
  }
}

PgCluster::PgCluster(LabFolder& lab, const fs::path& run_folder, const EngineCheck& engines)
    : lab_(lab), engines_(engines), as_(server_user()) {
  folder_ = lab_.server_folder(run_folder, as_);
  socket_folder_ = folder_.string().size() <= kMaxSocketFolderChars;
}

PgCluster::~PgCluster() {
  try {
    stop_all();
  } catch (const std::exception&) {
    // A destructor must not throw; the register still lets `lab clean` stop what is left.
  }
}

std::string PgCluster::program(const std::string& name) const {
  for (const EngineProgram& p : engines_.programs) {
    if (p.program == name && p.path) return *p.path;
  }
  throw std::runtime_error("PostgreSQL's " + name + " program was not found");
}

PgCluster::Node& PgCluster::node(const std::string& name) {
  for (Node& n : nodes_) {
    if (n.name == name) return n;
  }
  throw std::runtime_error("no PostgreSQL server " + name + " in this run");
}

PgCluster::Node& PgCluster::add_node(const std::string& name) {
  if (free_ports_.empty()) free_ports_ = free_loopback_ports(4);
  Node n;
  n.name = name;
  n.port = free_ports_.back();
  free_ports_.pop_back();
  n.data = folder_ / name;
  n.log = folder_ / (name + ".log");
  nodes_.push_back(n);
  return nodes_.back();
}

std::string PgCluster::conninfo(const std::string& name, const std::string& application_name) const {
  for (const Node& n : nodes_) {
    if (n.name == name) {
      return "host=127.0.0.1 port=" + std::to_string(n.port) + " user=postgres" +
             (application_name.empty() ? "" : " application_name=" + application_name);
    }
  }
  throw std::runtime_error("no PostgreSQL server " + name + " in this run");
}

int PgCluster::run_tool(const std::string& name, const std::vector<std::string>& args, const std::string& log_name,
                        int timeout_ms) {
  std::vector<std::string> argv = {program(name)};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_to_end(argv, folder_.string(), (folder_ / log_name).string(), timeout_ms, as_);
}

PgCluster::Node& PgCluster::init_primary(const std::string& name, const std::vector<std::string>& settings) {
  Node& n = add_node(name);
  // Trust is safe here: the servers listen on 127.0.0.1 only, and their folder is private.
  // Checksums make pg_rewind possible (it needs them or wal_log_hints). WAL in 1 MB segments,
  // and little of it kept, so that a run leaves tens of megabytes, not a hundred and more.
  const int status = run_tool("initdb",
                              {"-D", n.data.string(), "-U", "postgres", "--auth=trust", "--data-checksums",
                               "--no-locale", "-E", "UTF8", "--no-sync", "--wal-segsize=1"},
                              name + "-initdb.log", 60'000);
  if (status != 0) throw std::runtime_error("initdb failed:" + tail(folder_ / (name + "-initdb.log")));
  std::ofstream conf(n.data / "postgresql.conf", std::ios::app);
  conf << "\n# The lab's settings: lesson 2's primary (the listening address, port and socket folder are\n"
          "# on the postmaster's command line, so that a standby's copy of this file serves it too).\n"
          "wal_level = replica\n"
          "max_wal_senders = 10\n"
          "max_replication_slots = 10\n"
          "hot_standby = on\n"
          "synchronous_commit = on\n"
          "synchronous_standby_names = ''\n"
          "wal_receiver_status_interval = 1s\n"
          "shared_buffers = 32MB\n"
          "max_connections = 40\n"
          "min_wal_size = 4MB\n"
          "max_wal_size = 64MB\n";
  for (const std::string& s : settings) conf << s << '\n';
  conf.close();
  if (!conf) throw std::runtime_error("cannot write " + (n.data / "postgresql.conf").string());
  start(name);
  return n;
}

PgCluster::Node& PgCluster::clone_standby(const std::string& name, const std::string& from, int via_port) {
  const std::string dbname =
      via_port == 0 ? conninfo(from, name)
                    : "host=127.0.0.1 port=" + std::to_string(via_port) + " user=postgres application_name=" + name;
  Node& n = add_node(name);
  const int status =
      run_tool("pg_basebackup",
               {"--dbname=" + dbname, "--pgdata=" + n.data.string(), "--write-recovery-conf", "--create-slot",
                "--slot=" + name + "_slot", "--wal-method=stream", "--checkpoint=fast", "--no-sync"},
               name + "-basebackup.log", 60'000);
  if (status != 0) throw std::runtime_error("pg_basebackup failed:" + tail(folder_ / (name + "-basebackup.log")));
  start(name);
  if (!wait_for(from, "SELECT state FROM pg_stat_replication WHERE application_name = '" + name + "'", "streaming",
                20'000)) {
    throw std::runtime_error(name + " does not stream from " + from + " (see " + n.log.string() + ")");
  }
  return node(name);
}

void PgCluster::start(const std::string& name) {
  Node& n = node(name);
  if (n.running) return;
  const std::vector<std::string> argv = {program("postgres"),
                                         "-D",
                                         n.data.string(),
                                         "-p",
                                         std::to_string(n.port),
                                         "-c",
                                         "listen_addresses=127.0.0.1",
                                         "-c",
                                         "unix_socket_directories=" + (socket_folder_ ? folder_.string() : ""),
                                         "-c",
                                         "cluster_name=" + name};
  n.postmaster = spawn_process(argv, folder_.string(), n.log.string(), as_);
  lab_.remember(n.postmaster);
  n.running = true;
  wait_ready(n, 30'000);
}

void PgCluster::wait_ready(Node& n, int timeout_ms) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (std::chrono::steady_clock::now() < deadline) {
    if (try_sql(n.name, "SELECT 1", nullptr, 2'000)) return;
    if (!is_same_process(n.postmaster)) {
      wait_gone(n.postmaster, 1'000);
      n.running = false;
      throw std::runtime_error("PostgreSQL " + n.name + " stopped while starting:" + tail(n.log));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
  }
  throw std::runtime_error("PostgreSQL " + n.name + " did not accept connections within " +
                           std::to_string(timeout_ms / 1000) + " s:" + tail(n.log));
}

bool PgCluster::try_sql(const std::string& name, const std::string& query, std::string* out, int timeout_ms) {
  const fs::path output = folder_ / ("psql-" + std::to_string(++outputs_) + ".out");
  const std::vector<std::string> argv = {
      program("psql"),
      "-X",
      "-A",
      "-t",
      "-q",
      "-v",
      "ON_ERROR_STOP=1",
      "-d",
      conninfo(name, "lab") + " dbname=postgres options=-cclient_min_messages=warning",
      "-c",
      query};
  const int status = run_to_end(argv, folder_.string(), output.string(), timeout_ms, as_);
  if (out) *out = trimmed(read_file(output));
  std::error_code ec;
  fs::remove(output, ec);
  return status == 0;
}

std::string PgCluster::sql(const std::string& name, const std::string& query, int timeout_ms) {
  std::string out;
  if (!try_sql(name, query, &out, timeout_ms)) throw std::runtime_error("on " + name + ", " + query + ": " + out);
  return out;
}

bool PgCluster::wait_for(const std::string& name, const std::string& query, const std::string& expected,
                         int timeout_ms) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (std::chrono::steady_clock::now() < deadline) {
    std::string out;
    if (try_sql(name, query, &out, 5'000) && out == expected) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return false;
}

void PgCluster::crash(const std::string& name) {
  Node& n = node(name);
  if (!n.running) return;
  const std::vector<ProcessRecord> children = children_of(n.postmaster.pid);
  signal_process(n.postmaster, SIGKILL);
  wait_gone(n.postmaster, 5'000);
  // The children notice their postmaster's death and exit; a new postmaster on the same data
  // (pg_rewind's recovery run, a restart) refuses to start while they hold its shared memory.
  for (const ProcessRecord& child : children) {
    if (!wait_gone(child, 10'000)) signal_process(child, SIGKILL);
  }
  n.running = false;
}

void PgCluster::stop(const std::string& name) {
  Node& n = node(name);
  if (!n.running) return;
  // Immediate shutdown: the postmaster stops its children itself and exits after them.
  if (signal_process(n.postmaster, SIGQUIT) && wait_gone(n.postmaster, 10'000)) {
    n.running = false;
    return;
  }
  crash(name);
}

void PgCluster::stop_all() {
  for (Node& n : nodes_) stop(n.name);
}

bool PgCluster::any_alive() const {
  for (const Node& n : nodes_) {
    if (is_same_process(n.postmaster)) return true;
  }
  return false;
}

void PgCluster::remove_data() {
  if (any_alive()) return;
  std::error_code ec;
  for (const Node& n : nodes_) fs::remove_all(n.data, ec);
}

}  // namespace cs::lab
