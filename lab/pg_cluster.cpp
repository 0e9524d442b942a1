#include "lab/pg_cluster.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
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

// A file descriptor closed when it goes.
struct Fd {
  int fd = -1;
  explicit Fd(int f) : fd(f) {}
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
};

// The folder `path` lies in, opened without following a link in its last part (the folders above
// it are the lab's, not the server user's).
int open_folder_of(const fs::path& path) {
  const fs::path folder = path.parent_path().empty() ? fs::path(".") : path.parent_path();
  return ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
}

// 16 random bytes from /dev/urandom, in hex.
std::string random_password() {
  Fd in(::open("/dev/urandom", O_RDONLY | O_CLOEXEC));
  unsigned char bytes[16];
  std::size_t got = 0;
  while (in.fd >= 0 && got < sizeof bytes) {
    const ssize_t n = ::read(in.fd, bytes + got, sizeof bytes - got);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    got += static_cast<std::size_t>(n);
  }
  if (got != sizeof bytes) throw std::runtime_error("cannot read /dev/urandom for the servers' password");
  static const char kHex[] = "0123456789abcdef";
  std::string hex;
  for (const unsigned char b : bytes) {
    hex += kHex[b >> 4];
    hex += kHex[b & 0xf];
  }
  return hex;
}

// A conninfo value in single quotes (a path may hold spaces).
std::string quoted(const std::string& value) {
  std::string out = "'";
  for (const char c : value) {
    if (c == '\\' || c == '\'') out += '\\';
    out += c;
  }
  return out + "'";
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
  std::istringstream in(read_no_follow(path));
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

std::string read_no_follow(const fs::path& path, std::size_t max_bytes) {
  const Fd folder(open_folder_of(path));
  if (folder.fd < 0) return "";
  const Fd file(::openat(folder.fd, path.filename().c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
  struct stat st {};
  if (file.fd < 0 || ::fstat(file.fd, &st) != 0 || !S_ISREG(st.st_mode)) return "";
  std::string text;
  char buffer[65536];
  while (text.size() < max_bytes) {
    const ssize_t n = ::read(file.fd, buffer, std::min(sizeof buffer, max_bytes - text.size()));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    text.append(buffer, static_cast<std::size_t>(n));
  }
  return text;
}

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
  const std::string text = read_no_follow(log);
  std::istringstream in(offset < text.size() ? text.substr(static_cast<std::size_t>(offset)) : std::string());
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
  superuser_password_ = random_password();
  replication_password_ = random_password();
  // libpq reads it only when no one else can (0600); the server user's programs read it.
  passfile_ = folder_ / "passfile";
  write_file(passfile_, "127.0.0.1:*:*:postgres:" + superuser_password_ +
                            "\n127.0.0.1:*:*:replicator:" + replication_password_ + "\n");
}

PgCluster::~PgCluster() {
  try {
    stop_all();
    if (!any_alive()) remove_passfile();
  } catch (const std::exception&) {
    // A destructor must not throw; the register still lets `lab clean` stop what is left.
  }
}

std::string PgCluster::authentication() {
  return "authentication: scram-sha-256 for every connection (initdb --auth=scram-sha-256 --pwfile), a random "
         "password per run for the superuser postgres and for the replication role replicator, which psql, "
         "pgbench, pg_basebackup, pg_rewind and primary_conninfo read from a passfile (mode 0600) in the servers' "
         "folder; on 127.0.0.1 only";
}

void PgCluster::write_file(const fs::path& path, const std::string& text, bool append) const {
  const Fd folder(open_folder_of(path));
  if (folder.fd < 0) throw std::runtime_error("cannot open the folder of " + path.string() + " (or it is a link)");
  const std::string name = path.filename().string();
  int file = -1;
  if (append) {
    file = ::openat(folder.fd, name.c_str(), O_WRONLY | O_APPEND | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  } else {
    if (::unlinkat(folder.fd, name.c_str(), 0) != 0 && errno != ENOENT)
      throw std::runtime_error("cannot replace " + path.string());
    file = ::openat(folder.fd, name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  }
  const Fd out(file);
  if (out.fd < 0) throw std::runtime_error("cannot write " + path.string());
  struct stat st {};
  if (::fstat(out.fd, &st) != 0 || !S_ISREG(st.st_mode)) throw std::runtime_error(path.string() + " is no file");
  if (append && (st.st_nlink != 1 || st.st_uid != (as_ ? as_->uid : ::geteuid())))
    throw std::runtime_error(path.string() + " is not the server's own file");
  if (!append && as_ && ::fchown(out.fd, as_->uid, as_->gid) != 0)
    throw std::runtime_error("cannot give " + path.string() + " to " + as_->user);
  std::size_t written = 0;
  while (written < text.size()) {
    const ssize_t n = ::write(out.fd, text.data() + written, text.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) throw std::runtime_error("cannot write " + path.string());
    written += static_cast<std::size_t>(n);
  }
}

void PgCluster::remove_passfile() {
  std::error_code ec;
  fs::remove(passfile_, ec);
}

void PgCluster::collect_lines(const std::string& name, const std::vector<std::string>& phrases,
                              std::vector<std::string>& out, std::size_t max_lines) const {
  for (const Node& n : nodes_) {
    if (n.name != name) continue;
    for (const fs::path& log : n.logs) collect_pg_lines(log, 0, name, phrases, out, max_lines);
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

std::string PgCluster::conninfo_at(int port, const std::string& user, const std::string& application_name) const {
  return "host=127.0.0.1 port=" + std::to_string(port) + " user=" + user + " passfile=" + quoted(passfile_.string()) +
         (application_name.empty() ? "" : " application_name=" + application_name);
}

std::string PgCluster::conninfo(const std::string& name, const std::string& application_name) const {
  for (const Node& n : nodes_) {
    if (n.name == name) return conninfo_at(n.port, "postgres", application_name);
  }
  throw std::runtime_error("no PostgreSQL server " + name + " in this run");
}

std::string PgCluster::replication_conninfo(const std::string& name, const std::string& application_name) const {
  for (const Node& n : nodes_) {
    if (n.name == name) return conninfo_at(n.port, "replicator", application_name);
  }
  throw std::runtime_error("no PostgreSQL server " + name + " in this run");
}

int PgCluster::run_tool(const std::string& name, const std::vector<std::string>& args, const std::string& log_name,
                        int timeout_ms) {
  std::vector<std::string> argv = {program(name)};
  argv.insert(argv.end(), args.begin(), args.end());
  // The server user may have left anything under that name (a link): the log is made anew.
  const fs::path log = folder_ / log_name;
  std::error_code ec;
  fs::remove(log, ec);
  return run_to_end(argv, folder_.string(), log.string(), timeout_ms, as_);
}

PgCluster::Node& PgCluster::init_primary(const std::string& name, const std::vector<std::string>& settings) {
  Node& n = add_node(name);
  // A password for every connection, even on 127.0.0.1: any local user could otherwise connect as
  // the superuser (and run programs as the server user). Checksums make pg_rewind possible (it
  // needs them or wal_log_hints). WAL in 1 MB segments, and little of it kept, so that a run
  // leaves tens of megabytes, not a hundred and more.
  const fs::path pwfile = folder_ / "pwfile";
  write_file(pwfile, superuser_password_ + "\n");
  const int status =
      run_tool("initdb",
               {"-D", n.data.string(), "-U", "postgres", "--pwfile=" + pwfile.string(), "--auth=scram-sha-256",
                "--data-checksums", "--no-locale", "-E", "UTF8", "--no-sync", "--wal-segsize=1"},
               name + "-initdb.log", 60'000);
  std::error_code ec;
  fs::remove(pwfile, ec);
  if (status != 0) throw std::runtime_error("initdb failed:" + tail(folder_ / (name + "-initdb.log")));
  std::ostringstream conf;
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
  write_file(n.data / "postgresql.conf", conf.str(), true);
  start(name);
  // The replication role of lesson 2; its password in a file, not on psql's command line.
  const fs::path role = folder_ / "replicator.sql";
  write_file(role, "CREATE ROLE replicator WITH REPLICATION LOGIN PASSWORD '" + replication_password_ + "';\n");
  std::string out;
  const bool created = psql(name, {"-f", role.string()}, &out, 15'000);
  fs::remove(role, ec);
  if (!created) throw std::runtime_error("on " + name + ", CREATE ROLE replicator: " + out);
  return node(name);
}

PgCluster::Node& PgCluster::clone_standby(const std::string& name, const std::string& from, int via_port) {
  const std::string dbname =
      via_port == 0 ? replication_conninfo(from, name) : conninfo_at(via_port, "replicator", name);
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
  wait_orphans(n);
  // Each start writes a new log (the server user may have left a link under an old name).
  n.log = folder_ / (n.logs.empty() ? name + ".log" : name + "." + std::to_string(n.logs.size() + 1) + ".log");
  std::error_code ec;
  fs::remove(n.log, ec);
  n.logs.push_back(n.log);
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
    lab_.throw_if_stop_asked();
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
  }
  throw std::runtime_error("PostgreSQL " + n.name + " did not accept connections within " +
                           std::to_string(timeout_ms / 1000) + " s:" + tail(n.log));
}

bool PgCluster::try_sql(const std::string& name, const std::string& query, std::string* out, int timeout_ms) {
  return psql(name, {"-c", query}, out, timeout_ms);
}

bool PgCluster::psql(const std::string& name, const std::vector<std::string>& what, std::string* out, int timeout_ms) {
  const fs::path output = folder_ / ("psql-" + std::to_string(++outputs_) + ".out");
  std::vector<std::string> argv = {program("psql"),
                                   "-X",
                                   "-A",
                                   "-t",
                                   "-q",
                                   "-v",
                                   "ON_ERROR_STOP=1",
                                   "-d",
                                   conninfo(name, "lab") + " dbname=postgres options=-cclient_min_messages=warning"};
  argv.insert(argv.end(), what.begin(), what.end());
  // A new file: the server user may have left a link under that name.
  std::error_code ec;
  fs::remove(output, ec);
  const int status = run_to_end(argv, folder_.string(), output.string(), timeout_ms, as_);
  if (out) *out = trimmed(read_no_follow(output));
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
    lab_.throw_if_stop_asked();
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return false;
}

void PgCluster::crash(const std::string& name, bool wait_for_children) {
  Node& n = node(name);
  if (!n.running) return;
  const std::vector<ProcessRecord> children = children_of(n.postmaster.pid);
  signal_process(n.postmaster, SIGKILL);
  wait_gone(n.postmaster, 5'000);
  n.orphans.insert(n.orphans.end(), children.begin(), children.end());
  n.running = false;
  if (wait_for_children) wait_orphans(n);
}

void PgCluster::wait_orphans(Node& n) {
  // The children notice their postmaster's death and exit; a new postmaster on the same data
  // (pg_rewind's recovery run, a restart) refuses to start while they hold its shared memory.
  for (const ProcessRecord& child : n.orphans) {
    if (!wait_gone(child, 10'000)) signal_process(child, SIGKILL);
  }
  n.orphans.clear();
}

void PgCluster::stop(const std::string& name) {
  Node& n = node(name);
  wait_orphans(n);
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
    for (const ProcessRecord& child : n.orphans) {
      if (is_same_process(child)) return true;
    }
  }
  return false;
}

void PgCluster::remove_data() {
  if (any_alive()) return;
  std::error_code ec;
  for (const Node& n : nodes_) fs::remove_all(n.data, ec);
  remove_passfile();
}

}  // namespace cs::lab
