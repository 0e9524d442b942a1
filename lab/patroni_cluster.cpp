#include "lab/patroni_cluster.h"

#include <dirent.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <stdexcept>

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

// A process as /proc/PID/stat tells it: its parent, its session, and whether it is only a zombie
// (dead, waiting for its parent to read its exit status).
struct ProcStat {
  pid_t pid = 0;
  pid_t parent = 0;
  pid_t session = 0;
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

std::string command_line(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/cmdline", std::ios::binary);
  std::string cmdline((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  for (char& c : cmdline) {
    if (c == '\0') c = ' ';
  }
  return cmdline;
}

}  // namespace

PatroniCluster::PatroniCluster(LabFolder& lab, const fs::path& run_folder, const EngineCheck& engines, int nodes,
                               PatroniTiming timing)
    : lab_(lab), run_folder_(run_folder), as_(server_user()) {
  psql_ = program_path(engines, "psql");
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
    RelayOptions relay;
    relay.destination = etcd_->members().front().name;
    relay.target_port = etcd_port;
    relay.sender = n.name;
    n.etcd_relay = std::make_unique<Relay>(relay);
    nodes_.push_back(std::move(n));
  }

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
  } catch (...) {
    stop_all();  // no destructor runs for a constructor that throws
    throw;
  }
  watcher_ = std::thread([this] {
    while (!stopping_.load()) {
      watch_postmasters();
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  });
}

PatroniCluster::~PatroniCluster() { stop_all(); }

void PatroniCluster::watch_postmasters() {
  for (std::size_t i = 0; i < nodes_.size(); ++i) {
    std::ifstream in(nodes_[i].data_dir / "postmaster.pid");
    pid_t pid = 0;
    if (!(in >> pid) || pid <= 0) continue;
    ProcessRecord record{pid, process_start_ticks(pid), nodes_[i].data_dir.string()};
    if (!is_same_process(record)) continue;  // a file left by a postmaster that has gone
    const auto stat = proc_stat(pid);
    if (!stat) continue;
    const std::lock_guard<std::mutex> lock(mutex_);
    bool known = false;
    for (const Postmaster& p : postmasters_) {
      if (p.process.pid == record.pid && p.process.start_ticks == record.start_ticks) known = true;
    }
    if (known) continue;
    lab_.remember(record);
    postmasters_.push_back({i, record, stat->session});
  }
}

std::vector<pid_t> PatroniCluster::processes_of(std::size_t node) const {
  const Node& n = nodes_.at(node);
  std::set<pid_t> sessions;
  std::set<pid_t> parents;
  if (n.patroni.pid > 0) sessions.insert(n.patroni.pid);  // Patroni's own session (spawn_process)
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    for (const Postmaster& p : postmasters_) {
      if (p.node != node) continue;
      sessions.insert(p.session);
      if (is_same_process(p.process)) parents.insert(p.process.pid);
    }
  }
  const std::string folder = n.folder.string();
  std::vector<pid_t> pids;
  for (const ProcStat& s : all_processes()) {
    if (s.zombie) continue;
    if (sessions.count(s.session) || parents.count(s.parent) || parents.count(s.pid) ||
        command_line(s.pid).find(folder) != std::string::npos) {
      pids.push_back(s.pid);
    }
  }
  return pids;
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
  if (!n.running) return;
  n.running = false;
  // All at once, as when a machine fails: the agent, its server's postmaster (in a session of its
  // own), the postmaster's children, and any tool the agent runs; again until nothing is left (the
  // agent may have been starting a server).
  signal_process(n.patroni, SIGKILL);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  int quiet_scans = 0;
  while (quiet_scans < 3 && std::chrono::steady_clock::now() < deadline) {
    watch_postmasters();
    const std::vector<pid_t> pids = processes_of(node);
    for (const pid_t pid : pids) ::kill(pid, SIGKILL);
    quiet_scans = pids.empty() ? quiet_scans + 1 : 0;
    std::this_thread::sleep_for(std::chrono::milliseconds(pids.empty() ? 20 : 5));
  }
  wait_gone(n.patroni, 5'000);  // a child of the lab's: reaped here
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
  for (std::size_t i = 0; i < nodes_.size(); ++i) crash(i);
  stopping_ = true;
  if (watcher_.joinable()) watcher_.join();
  // A postmaster the watcher saw just before it stopped.
  for (std::size_t i = 0; i < nodes_.size(); ++i) {
    for (const pid_t pid : processes_of(i)) ::kill(pid, SIGKILL);
  }
  if (etcd_) etcd_->stop_all();
  for (Node& n : nodes_) n.etcd_relay.reset();
  // The data is of no use once everything has stopped (the logs, in the run folder, stay): without
  // it a run keeps a few megabytes under the lab's disk cap instead of hundreds.
  if (any_alive()) return;
  std::error_code ec;
  for (const Node& n : nodes_) fs::remove_all(n.data_dir, ec);
  if (etcd_) {
    for (const auto& m : etcd_->members()) fs::remove_all(m.folder / "data", ec);
  }
}

bool PatroniCluster::any_alive() const {
  if (etcd_ && etcd_->any_alive()) return true;
  for (std::size_t i = 0; i < nodes_.size(); ++i) {
    if (!processes_of(i).empty()) return true;
  }
  return false;
}

}  // namespace cs::lab
