#include "lab/etcd_cluster.h"

#include <signal.h>

#include <algorithm>
#include <cassert>
#include <chrono>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <system_error>
#include <thread>

#include "lab/loopback.h"

namespace cs::lab {

namespace {

std::string url(int port) { return "http://127.0.0.1:" + std::to_string(port); }

// etcd's gateway writes 64-bit numbers as strings.
std::uint64_t number(const nlohmann::json& j, const char* key) {
  if (!j.contains(key)) return 0;
  const nlohmann::json& v = j.at(key);
  if (v.is_string()) return std::stoull(v.get<std::string>());
  if (v.is_number_unsigned()) return v.get<std::uint64_t>();
  return 0;
}

}  // namespace

EtcdCluster::EtcdCluster(LabFolder& lab, const std::filesystem::path& run_folder, const std::string& etcd_program,
                         int members, EtcdTiming timing, bool relay_peer_traffic)
    : lab_(lab), timing_(timing), run_folder_(run_folder) {
  const std::vector<int> ports = free_loopback_ports(2 * members);
  std::string initial_cluster;
  for (int i = 0; i < members; ++i) {
    Member m;
    m.name = "m" + std::to_string(i + 1);
    m.client_port = ports[static_cast<std::size_t>(2 * i)];
    m.peer_port = ports[static_cast<std::size_t>(2 * i + 1)];
    m.folder = run_folder / m.name;
    m.log = run_folder / (m.name + ".log");
    std::filesystem::create_directories(m.folder);
    m.advertised_peer_port = m.peer_port;
    if (relay_peer_traffic) {
      RelayOptions relay;
      relay.destination = m.name;
      relay.target_port = m.peer_port;  // the sender is read from each request's X-Server-From
      relays_.push_back(std::make_unique<Relay>(relay));
      m.advertised_peer_port = relays_.back()->port();
    }
    initial_cluster += (i ? "," : "") + m.name + "=" + url(m.advertised_peer_port);
    members_.push_back(m);
  }
  ids_.assign(members_.size(), 0);
  for (Member& m : members_) {
    const std::vector<std::string> argv = {etcd_program,
                                           "--name",
                                           m.name,
                                           "--data-dir",
                                           (m.folder / "data").string(),
                                           "--listen-client-urls",
                                           url(m.client_port),
                                           "--advertise-client-urls",
                                           url(m.client_port),
                                           "--listen-peer-urls",
                                           url(m.peer_port),
                                           "--initial-advertise-peer-urls",
                                           url(m.advertised_peer_port),
                                           "--initial-cluster",
                                           initial_cluster,
                                           "--initial-cluster-token",
                                           run_folder.filename().string(),
                                           "--initial-cluster-state",
                                           "new",
                                           "--heartbeat-interval",
                                           std::to_string(timing.heartbeat_interval_ms),
                                           "--election-timeout",
                                           std::to_string(timing.election_timeout_ms),
                                           "--quota-backend-bytes",
                                           std::to_string(64 << 20)};
    try {
      m.process = spawn_process(argv, m.folder.string(), m.log.string());
      m.running = true;  // before it is registered: a failing register must not hide it from stop_all
      lab_.remember(m.process);
    } catch (...) {
      // A constructor that throws runs no destructor: the members already started stop here.
      stop_all();
      throw;
    }
  }
}

EtcdCluster::~EtcdCluster() { stop_all(); }

std::uint64_t EtcdCluster::term_of(std::size_t member) const {
  for (int attempt = 0; attempt < 5; ++attempt) {
    if (const auto s = status(member, 1'000)) return s->term;
  }
  throw std::runtime_error("etcd member " + members_.at(member).name + " does not answer (see " +
                           members_.at(member).log.string() + ")");
}

std::optional<EtcdMemberStatus> EtcdCluster::status(std::size_t member, int timeout_ms) const {
  const Member& m = members_.at(member);
  if (!m.running) return std::nullopt;
  const auto body = http_post(m.client_port, "/v3/maintenance/status", "{}", timeout_ms);
  if (!body) return std::nullopt;
  try {
    const nlohmann::json j = nlohmann::json::parse(*body);
    EtcdMemberStatus s;
    s.member_id = number(j.value("header", nlohmann::json::object()), "member_id");
    s.leader_id = number(j, "leader");
    s.term = number(j, "raftTerm");
    if (s.term == 0) s.term = number(j.value("header", nlohmann::json::object()), "raft_term");
    ids_[member] = s.member_id;
    return s;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

std::optional<std::size_t> EtcdCluster::index_of(std::uint64_t member_id) const {
  for (std::size_t i = 0; i < ids_.size(); ++i) {
    if (ids_[i] == member_id && member_id != 0) return i;
  }
  return std::nullopt;
}

EtcdCluster::SettledLeader EtcdCluster::wait_for_settled_leader() const {
  for (int attempt = 0; attempt < 10; ++attempt) {
    const auto leader = wait_for_leader(30'000);
    if (!leader) break;
    const std::uint64_t term = term_of(*leader);
    std::this_thread::sleep_for(std::chrono::milliseconds(2 * timing_.election_timeout_ms + 500));
    const auto again = wait_for_leader(5'000);
    const auto now = again ? status(*again) : std::nullopt;
    if (again == leader && now && now->term == term) return {*leader, term};
  }
  throw std::runtime_error("the etcd members kept no leader for long (see the logs in " + run_folder_.string() + ")");
}

std::optional<std::size_t> EtcdCluster::wait_for_leader(int timeout_ms, std::uint64_t after_term,
                                                        const std::vector<std::size_t>& among) const {
  const auto counted = [&among](std::size_t i) {
    return among.empty() || std::find(among.begin(), among.end(), i) != among.end();
  };
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (std::chrono::steady_clock::now() < deadline) {
    std::optional<std::uint64_t> leader;
    bool agreed = true;
    int answered = 0;
    for (std::size_t i = 0; i < members_.size(); ++i) {
      if (!members_[i].running || !counted(i)) continue;
      const auto s = status(i, 200);
      if (!s || s->leader_id == 0 || s->term <= after_term) {
        agreed = false;
        continue;
      }
      ++answered;
      if (leader && *leader != s->leader_id) agreed = false;
      leader = s->leader_id;
    }
    if (agreed && leader && answered > 0) {
      if (const auto i = index_of(*leader); i && members_[*i].running && counted(*i)) return i;
    }
    lab_.throw_if_stop_asked();
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return std::nullopt;
}

bool EtcdCluster::learn_member_ids(int timeout_ms) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  const auto all_known = [this] {
    for (std::size_t i = 0; i < members_.size(); ++i) {
      if (members_[i].running && ids_[i] == 0 && !status(i)) return false;
    }
    return true;
  };
  while (!all_known()) {
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return true;
}

void EtcdCluster::partition(const std::vector<std::size_t>& side_a, const std::vector<std::size_t>& side_b) {
  if (relays_.empty()) throw std::logic_error("partition() needs a cluster started with relayed peer traffic");
  if (!learn_member_ids(10'000)) throw std::runtime_error("the etcd members did not all tell their ids within 10 s");
  // etcd writes a member id in X-Server-From as lower-case hex without leading zeros.
  std::map<std::string, std::string> names;
  for (std::size_t i = 0; i < members_.size(); ++i) {
    char hex[17];
    std::snprintf(hex, sizeof hex, "%llx", static_cast<unsigned long long>(ids_[i]));
    names[hex] = members_[i].name;
  }
  for (const auto& relay : relays_) relay->set_sender_names(names);
  for (const std::size_t a : side_a) {
    for (const std::size_t b : side_b) {
      assert(a != b && a < relays_.size() && b < relays_.size());
      relays_.at(a)->cut(members_.at(b).name);  // b's requests to a, and a's answers on b's streams
      relays_.at(b)->cut(members_.at(a).name);  // and the other way
    }
  }
}

void EtcdCluster::heal() {
  for (const auto& relay : relays_) relay->heal_all();
}

void EtcdCluster::crash(std::size_t member) {
  Member& m = members_.at(member);
  if (!m.running) return;
  signal_process(m.process, SIGKILL);
  wait_gone(m.process, 5'000);
  m.running = false;
}

void EtcdCluster::stop_all() {
  for (std::size_t i = 0; i < members_.size(); ++i) crash(i);
  // etcd preallocates its write-ahead log in 64 MB files: a five-member run leaves about 600 MB,
  // which would fill the lab's 2 GiB cap in a few runs. Once every member has stopped, their data
  // goes; the logs, which the learner reads, stay.
  if (any_alive()) return;
  std::error_code ec;
  for (const Member& m : members_) std::filesystem::remove_all(m.folder / "data", ec);
}

bool EtcdCluster::any_alive() const {
  for (const Member& m : members_) {
    if (is_same_process(m.process)) return true;
  }
  return false;
}

}  // namespace cs::lab
