#include "lab/patroni_cluster.h"

#include <dirent.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>
#include <utility>

#include "lab/loopback.h"

namespace cs::lab {

namespace fs = std::filesystem;

namespace {

std::string program_path(const EngineCheck& engines, const std::string& program) {
  for (const EngineProgram& p : engines.programs) {
    if (p.program == program && p.path) return *p.path;
  }
  throw std::runtime_error("the live lab cannot find " + program);
}

// A password for one run: 24 hex digits from the kernel's random source.
std::string new_password() {
  std::ifstream random("/dev/urandom", std::ios::binary);
  unsigned char bytes[12] = {};
  random.read(reinterpret_cast<char*>(bytes), sizeof bytes);
  if (!random) throw std::runtime_error("cannot read /dev/urandom for the lab's passwords");
  static const char kHex[] = "0123456789abcdef";
  std::string password;
  for (const unsigned char b : bytes) {
    password += kHex[b >> 4];
    password += kHex[b & 15];
  }
  return password;
}

void write_private_file(const fs::path& path, const std::string& text, const std::optional<RunAs>& as) {
  {
    std::ofstream out(path, std::ios::trunc);
    out << text;
    if (!out) throw std::runtime_error("cannot write " + path.string());
  }
  fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace);
  give_to(path.string(), as);
}

const char kBase64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string base64_encode(const std::string& in) {
  std::string out;
  std::uint32_t bits = 0;
  int count = 0;
  for (const unsigned char c : in) {
    bits = (bits << 8) | c;
    count += 8;
    while (count >= 6) {
      count -= 6;
      out += kBase64[(bits >> count) & 63];
    }
  }
  if (count > 0) out += kBase64[(bits << (6 - count)) & 63];
  while (out.size() % 4 != 0) out += '=';
  return out;
}

std::string base64_decode(const std::string& in) {
  std::string out;
  std::uint32_t bits = 0;
  int count = 0;
  for (const char c : in) {
    const char* at = std::char_traits<char>::find(kBase64, 64, c);
    if (!at) continue;  // '=' padding
    bits = (bits << 6) | static_cast<std::uint32_t>(at - kBase64);
    count += 6;
    if (count >= 8) {
      count -= 8;
      out += static_cast<char>((bits >> count) & 255);
    }
  }
  return out;
}

// A process as /proc/PID/stat tells it: its parent, its session, its start time, and whether it
// is only a zombie (dead, waiting for its parent to read its exit status).
struct ProcStat {
  pid_t pid = 0;
  pid_t parent = 0;
  pid_t session = 0;
  std::uint64_t start_ticks = 0;
  bool zombie = false;
};

std::optional<ProcStat> proc_stat(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  std::string stat;
  if (!in || !std::getline(in, stat)) return std::nullopt;
  const auto close = stat.rfind(')');
  if (close == std::string::npos || close + 2 >= stat.size()) return std::nullopt;
  std::istringstream fields(stat.substr(close + 2));
  char state = 0;
  pid_t group = 0;
  ProcStat s;
  s.pid = pid;
  if (!(fields >> state >> s.parent >> group >> s.session)) return std::nullopt;
  // Fields 7 to 21, then the start time (field 22).
  std::string skipped;
  for (int field = 7; field <= 21; ++field) {
    if (!(fields >> skipped)) return std::nullopt;
  }
  if (!(fields >> s.start_ticks)) return std::nullopt;
  s.zombie = state == 'Z' || state == 'X';
  return s;
}

std::vector<ProcStat> all_processes() {
  std::vector<ProcStat> out;
  DIR* proc = ::opendir("/proc");
  if (!proc) return out;
  while (const dirent* entry = ::readdir(proc)) {
    char* end = nullptr;
    const long pid = std::strtol(entry->d_name, &end, 10);
    if (pid <= 0 || *end != '\0') continue;
    if (const auto s = proc_stat(static_cast<pid_t>(pid))) out.push_back(*s);
  }
  ::closedir(proc);
  return out;
}

// Where /proc/PID/<name> (cwd, exe) leads; "" when it cannot be read (another user's process, or
// one that has gone). A folder or file removed since is named with " (deleted)" after it: left off.
std::string proc_link(pid_t pid, const char* name) {
  std::error_code ec;
  std::string target = fs::read_symlink("/proc/" + std::to_string(pid) + "/" + name, ec).string();
  if (ec) return "";
  const std::string deleted = " (deleted)";
  if (target.size() > deleted.size() && target.compare(target.size() - deleted.size(), deleted.size(), deleted) == 0)
    target.resize(target.size() - deleted.size());
  return target;
}

bool is_under(const std::string& path, const std::string& folder) {
  return !folder.empty() && path.rfind(folder, 0) == 0 && (path.size() == folder.size() || path[folder.size()] == '/');
}

// Whether the process `record` names is still there, a zombie included: same id, same start time.
// (A zombie's id is not reused until its parent has read its status; is_same_process, which also
// reads the command line, would not know a zombie, whose command line is empty.)
bool still_there(const ProcessRecord& record) {
  return record.pid > 0 && record.start_ticks != 0 && process_start_ticks(record.pid) == record.start_ticks;
}

// `signal` to the process only if it is still the one seen: through a pidfd, so that the id cannot
// pass to another process between the check and the signal.
void signal_seen(const PatroniCluster::Seen& p, int signal) {
#if defined(SYS_pidfd_open) && defined(SYS_pidfd_send_signal)
  const long fd = ::syscall(SYS_pidfd_open, p.pid, 0);
  if (fd >= 0) {
    if (process_start_ticks(p.pid) == p.start_ticks)
      ::syscall(SYS_pidfd_send_signal, static_cast<int>(fd), signal, nullptr, 0);
    ::close(static_cast<int>(fd));
    return;
  }
  if (errno != ENOSYS) return;  // gone already
#endif
  if (process_start_ticks(p.pid) == p.start_ticks) ::kill(p.pid, signal);
}

}  // namespace

PatroniCluster::PatroniCluster(LabFolder& lab, const fs::path& run_folder, const EngineCheck& engines, int nodes,
                               PatroniTiming timing)
    : lab_(lab), run_folder_(run_folder), as_(server_user()) {
  psql_ = program_path(engines, "psql");
  postgres_ = fs::canonical(program_path(engines, "postgres")).string();
  const std::string bin_dir = fs::path(program_path(engines, "postgres")).parent_path().string();
  server_folder_ = lab.server_folder(run_folder, as_);

  etcd_ = std::make_unique<EtcdCluster>(lab, run_folder, program_path(engines, "etcd"), 1, EtcdTiming{});
  if (!etcd_->wait_for_leader(15'000))
    throw std::runtime_error("etcd did not start (see " + etcd_->members().front().log.string() + ")");
  const int etcd_port = etcd_->members().front().client_port;

  const std::string superuser_password = new_password();
  const std::string replication_password = new_password();
  // psql runs as the lab's own user, over TCP, with the superuser's password from this file (on
  // its command line, the password would show in every process list).
  passfile_ = run_folder / "pgpass";
  write_private_file(passfile_, "127.0.0.1:*:*:postgres:" + superuser_password + "\n", std::nullopt);

  const std::vector<int> ports = free_loopback_ports(2 * nodes);
  for (int i = 0; i < nodes; ++i) {
    Node n;
    n.name = "n" + std::to_string(i + 1);
    n.rest_port = ports[static_cast<std::size_t>(2 * i)];
    n.pg_port = ports[static_cast<std::size_t>(2 * i + 1)];
    n.folder = server_folder_ / n.name;
    n.data_dir = n.folder / "data";
    n.log = run_folder / (n.name + "-patroni.log");
    fs::create_directories(n.folder);
    fs::permissions(n.folder, fs::perms::owner_all, fs::perm_options::replace);
    give_to(n.folder.string(), as_);
    n.real_folder = fs::canonical(n.folder).string();
    RelayOptions relay;
    relay.destination = etcd_->members().front().name;
    relay.target_port = etcd_port;
    relay.sender = n.name;
    n.etcd_relay = std::make_unique<Relay>(relay);
    nodes_.push_back(std::move(n));
  }
  closed_.assign(nodes_.size(), false);

  const std::string ttl = std::to_string(timing.ttl_s);
  for (Node& n : nodes_) {
    const std::string rest = "127.0.0.1:" + std::to_string(n.rest_port);
    const std::string pg = "127.0.0.1:" + std::to_string(n.pg_port);
    std::ostringstream yml;
    // use_proxies: Patroni takes the relay for all of etcd and does not look up etcd's own
    // addresses (which would go around the relay).
    yml << "scope: " << scope_ << "\nname: " << n.name << "\n"
        << "log:\n  level: INFO\n"
        << "restapi:\n  listen: " << rest << "\n  connect_address: " << rest << "\n"
        << "etcd3:\n  hosts: 127.0.0.1:" << n.etcd_relay->port() << "\n  use_proxies: true\n"
        << "bootstrap:\n  dcs:\n    ttl: " << ttl << "\n    loop_wait: " << timing.loop_wait_s
        << "\n    retry_timeout: " << timing.retry_timeout_s << "\n    maximum_lag_on_failover: 1048576\n"
        << "    postgresql:\n      use_pg_rewind: false\n      use_slots: true\n      parameters:\n"
        << "        wal_level: replica\n        hot_standby: 'on'\n        max_wal_senders: 10\n"
        << "        max_replication_slots: 10\n        max_connections: 40\n"
        // A run keeps tens of megabytes, not hundreds: WAL in 1 MB segments, little of it kept.
        << "        wal_keep_size: 16MB\n        min_wal_size: 4MB\n        max_wal_size: 64MB\n"
        // initdb's files need not reach the disk before the run goes on: the experiment kills
        // processes, not the machine, so the kernel keeps what was written either way.
        << "  initdb:\n  - encoding: UTF8\n  - no-sync\n  - wal-segsize: '1'\n"
        << "postgresql:\n  listen: " << pg << "\n  connect_address: " << pg << "\n"
        << "  data_dir: " << n.data_dir.string() << "\n  bin_dir: " << bin_dir << "\n"
        << "  pgpass: " << (n.folder / "pgpass").string() << "\n"
        << "  authentication:\n    superuser:\n      username: postgres\n      password: " << superuser_password
        << "\n    replication:\n      username: replicator\n      password: " << replication_password << "\n"
        << "  parameters:\n    unix_socket_directories: '" << n.folder.string() << "'\n"
        << "    shared_buffers: 16MB\n"
        << "  pg_hba:\n  - local all all peer\n  - host all postgres 127.0.0.1/32 scram-sha-256\n"
        << "  - host replication replicator 127.0.0.1/32 scram-sha-256\n";
    write_private_file(n.folder / "patroni.yml", yml.str(), as_);
  }

  // An agent whose lab has died (killed, or crashed) must not outlive it: it would start servers
  // that nobody registers (its relay to etcd dies with the lab, so a primary's agent demotes itself
  // and starts its server again). setpriv makes the kernel kill it when the lab goes; the servers
  // it started are in the register.
  std::vector<std::string> argv = {program_path(engines, "patroni")};
  if (::access("/usr/bin/setpriv", X_OK) == 0) argv.insert(argv.begin(), {"/usr/bin/setpriv", "--pdeathsig", "KILL"});
  try {
    for (Node& n : nodes_) {
      std::vector<std::string> node_argv = argv;
      node_argv.push_back((n.folder / "patroni.yml").string());
      n.patroni = spawn_process(node_argv, n.folder.string(), n.log.string(), as_);
      {
        const std::lock_guard<std::mutex> lock(mutex_);
        lab_.remember(n.patroni);
      }
      n.running = true;
    }
    watcher_ = std::thread([this] {
      // An exception must not leave the thread (std::terminate: no destructor would stop the
      // engines): it is kept, and thrown by crash() or stop_all() in the lab's own thread.
      try {
        while (!stopping_.load()) {
          watch_postmasters();
          std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
      } catch (...) {
        keep_error(std::current_exception());
      }
    });
  } catch (...) {
    // No destructor runs for a constructor that throws.
    try {
      stop_all();
    } catch (...) {
    }
    throw;
  }
}

PatroniCluster::~PatroniCluster() {
  try {
    stop_all();
  } catch (...) {
    // stop_all() stopped everything it could before it threw; a destructor cannot throw.
  }
}

void PatroniCluster::keep_error(std::exception_ptr error) {
  const std::lock_guard<std::mutex> lock(mutex_);
  if (!error_) error_ = std::move(error);
}

void PatroniCluster::rethrow_error() {
  std::exception_ptr error;
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    std::swap(error, error_);
  }
  if (error) std::rethrow_exception(error);
}

void PatroniCluster::watch_postmasters() {
  for (std::size_t i = 0; i < nodes_.size(); ++i) {
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      if (closed_[i]) continue;  // crashed: what is left of it is no longer registered
    }
    const std::string data_dir = nodes_[i].real_folder + "/data";
    std::ifstream in(data_dir + "/postmaster.pid");
    pid_t pid = 0;
    if (!(in >> pid) || pid <= 0) continue;
    const auto stat = proc_stat(pid);
    if (!stat || stat->zombie) continue;
    ProcessRecord record{pid, stat->start_ticks, nodes_[i].data_dir.string()};
    // A file left by a postmaster that has gone names an id that another process may have now:
    // only the engine's postgres, working in this data folder, is this node's postmaster.
    if (!is_same_process(record) || proc_link(pid, "exe") != postgres_ || proc_link(pid, "cwd") != data_dir) continue;
    const ProcessRecord leader{stat->session, process_start_ticks(stat->session), ""};
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      // Postmasters that have gone (Patroni restarts its server to demote it) no longer count.
      postmasters_.erase(std::remove_if(postmasters_.begin(), postmasters_.end(),
                                        [](const Postmaster& p) { return !still_there(p.process); }),
                         postmasters_.end());
      bool known = false;
      for (const Postmaster& p : postmasters_) {
        if (p.process.pid == record.pid && p.process.start_ticks == record.start_ticks) known = true;
      }
      if (known) continue;
      postmasters_.push_back({i, record, leader});
    }
    try {
      const std::lock_guard<std::mutex> lock(mutex_);
      lab_.remember(record);
    } catch (...) {
      keep_error(std::current_exception());  // this run still stops it: it is in postmasters_
    }
  }
}

std::vector<PatroniCluster::Seen> PatroniCluster::processes_of(std::size_t node) const {
  const Node& n = nodes_.at(node);
  // The lab's own processes, known by id and start time: the agent, and the registered
  // postmasters still there. Their descendants are the node's too.
  std::vector<ProcessRecord> roots;
  std::vector<ProcessRecord> leaders;  // session leaders still there
  if (still_there(n.patroni)) {
    roots.push_back(n.patroni);
    leaders.push_back(n.patroni);  // spawn_process starts it in a session of its own
  }
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    for (const Postmaster& p : postmasters_) {
      if (p.node != node) continue;
      if (still_there(p.process)) roots.push_back(p.process);
      if (still_there(p.session_leader)) leaders.push_back(p.session_leader);
    }
  }
  const std::vector<ProcStat> all = all_processes();
  std::map<pid_t, std::uint64_t> ours;  // id to start time
  for (const ProcessRecord& r : roots) ours[r.pid] = r.start_ticks;
  // Descendants, by parent id: a process started at or after its parent, which is the node's.
  for (bool more = true; more;) {
    more = false;
    for (const ProcStat& s : all) {
      if (ours.count(s.pid)) continue;
      const auto parent = ours.find(s.parent);
      if (parent != ours.end() && s.start_ticks >= parent->second) {
        ours[s.pid] = s.start_ticks;
        more = true;
      }
    }
  }
  for (const ProcStat& s : all) {
    if (ours.count(s.pid)) continue;
    bool in_session = false;
    for (const ProcessRecord& l : leaders)
      in_session = in_session || (s.session == l.pid && s.start_ticks >= l.start_ticks);
    // A server of this node's that nobody registered (started just as its agent was killed).
    const bool server = s.start_ticks >= n.patroni.start_ticks && !s.zombie;
    if (!in_session && !server) continue;
    if (!is_under(proc_link(s.pid, "cwd"), n.real_folder)) continue;
    if (in_session || proc_link(s.pid, "exe") == postgres_) ours[s.pid] = s.start_ticks;
  }
  std::vector<Seen> out;
  for (const ProcStat& s : all) {
    const auto it = ours.find(s.pid);
    if (it != ours.end() && it->second == s.start_ticks && !s.zombie) out.push_back({s.pid, s.start_ticks});
  }
  return out;
}

std::optional<std::string> PatroniCluster::leader_key_holder(int timeout_ms) const {
  const nlohmann::json request = {{"key", base64_encode("/service/" + scope_ + "/leader")}};
  const auto body = http_post(etcd_->members().front().client_port, "/v3/kv/range", request.dump(), timeout_ms);
  if (!body) return std::nullopt;
  try {
    const nlohmann::json j = nlohmann::json::parse(*body);
    if (!j.contains("kvs") || j.at("kvs").empty()) return std::nullopt;
    return base64_decode(j.at("kvs").at(0).value("value", ""));
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

bool PatroniCluster::sql(std::size_t node, const std::string& query, std::string* out, int timeout_ms) const {
  static std::atomic<std::uint64_t> outputs{0};
  const Node& n = nodes_.at(node);
  const std::string conninfo =
      "host=127.0.0.1 port=" + std::to_string(n.pg_port) +
      " user=postgres dbname=postgres connect_timeout=2 application_name=lab passfile=" + passfile_.string();
  std::vector<std::string> argv = {psql_, "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", conninfo, "-c", query};
  fs::path output;
  if (out) {
    output = run_folder_ / ("psql-" + std::to_string(++outputs) + ".out");
    argv.insert(argv.end(), {"-o", output.string()});
  }
  const bool ok = run_to_end(argv, run_folder_.string(), (run_folder_ / "psql.log").string(), timeout_ms) == 0;
  if (out) {
    std::ifstream in(output);
    *out = std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::error_code ec;
    fs::remove(output, ec);
  }
  return ok;
}

PatroniCluster::Role PatroniCluster::role(std::size_t node, int timeout_ms) const {
  std::string out;
  if (!sql(node, "select pg_is_in_recovery()", &out, timeout_ms)) return Role::Down;
  if (out.rfind("f", 0) == 0) return Role::Primary;
  if (out.rfind("t", 0) == 0) return Role::Replica;
  return Role::Down;
}

void PatroniCluster::crash(std::size_t node) {
  Node& n = nodes_.at(node);
  if (n.running) {
    n.running = false;
    // All at once, as when a machine fails: the agent, its server's postmaster (in a session of its
    // own), the postmaster's children, and any tool the agent runs. First each is stopped (SIGSTOP:
    // it can neither start another process nor end and leave its children to init) until no new
    // one appears; then all are killed; then again until nothing is left.
    signal_process(n.patroni, SIGSTOP);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    std::map<pid_t, Seen> stopped;
    for (int quiet_scans = 0; quiet_scans < 2 && std::chrono::steady_clock::now() < deadline;) {
      watch_postmasters();
      bool found = false;
      for (const Seen& p : processes_of(node)) {
        if (stopped.count(p.pid)) continue;
        signal_seen(p, SIGSTOP);
        stopped[p.pid] = p;
        found = true;
      }
      quiet_scans = found ? 0 : quiet_scans + 1;
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    signal_process(n.patroni, SIGKILL);
    for (const auto& [pid, p] : stopped) signal_seen(p, SIGKILL);
    for (int quiet_scans = 0; quiet_scans < 3 && std::chrono::steady_clock::now() < deadline;) {
      watch_postmasters();
      const std::vector<Seen> left = processes_of(node);
      for (const Seen& p : left) signal_seen(p, SIGKILL);
      quiet_scans = left.empty() ? quiet_scans + 1 : 0;
      std::this_thread::sleep_for(std::chrono::milliseconds(left.empty() ? 20 : 5));
    }
    wait_gone(n.patroni, 5'000);  // a child of the lab's: reaped here
    // Done: the node's postmasters are no longer looked for, and their ids (free for any process
    // now) no longer stand for the node's.
    const std::lock_guard<std::mutex> lock(mutex_);
    closed_[node] = true;
    postmasters_.erase(std::remove_if(postmasters_.begin(), postmasters_.end(),
                                      [node](const Postmaster& p) { return p.node == node; }),
                       postmasters_.end());
  }
  rethrow_error();
}

bool PatroniCluster::agent_alive(std::size_t node) const {
  const Node& n = nodes_.at(node);
  // Not is_same_process: a moment after its start the process may not have become Patroni yet.
  // Reaps it if it has exited.
  return n.running && !wait_gone(n.patroni, 0);
}

void PatroniCluster::cut_from_etcd(std::size_t node) {
  Node& n = nodes_.at(node);
  n.etcd_relay->cut(n.name);
}

void PatroniCluster::stop_all() {
  std::exception_ptr first;
  const auto attempt = [&first](const auto& step) {
    try {
      step();
    } catch (...) {
      if (!first) first = std::current_exception();
    }
  };
  for (std::size_t i = 0; i < nodes_.size(); ++i) attempt([&] { crash(i); });
  stopping_ = true;
  if (watcher_.joinable()) watcher_.join();
  attempt([this] { rethrow_error(); });
  // What is left of a node: a server started as its agent was killed, say.
  attempt([this] {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    bool left = true;
    while (left && std::chrono::steady_clock::now() < deadline) {
      left = false;
      for (std::size_t i = 0; i < nodes_.size(); ++i) {
        for (const Seen& p : processes_of(i)) {
          signal_seen(p, SIGKILL);
          left = true;
        }
      }
      if (left) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  });
  attempt([this] {
    if (etcd_) etcd_->stop_all();
  });
  for (Node& n : nodes_) n.etcd_relay.reset();
  // The data is of no use once everything has stopped (the logs, in the run folder, stay): without
  // it a run keeps a few megabytes under the lab's disk cap instead of hundreds.
  attempt([this] {
    if (any_alive()) return;
    std::error_code ec;
    for (const Node& n : nodes_) fs::remove_all(n.data_dir, ec);
    if (etcd_) {
      for (const auto& m : etcd_->members()) fs::remove_all(m.folder / "data", ec);
    }
  });
  if (first) std::rethrow_exception(first);
}

bool PatroniCluster::any_alive() const {
  if (etcd_ && etcd_->any_alive()) return true;
  for (std::size_t i = 0; i < nodes_.size(); ++i) {
    if (!processes_of(i).empty()) return true;
  }
  return false;
}

}  // namespace cs::lab
