// Lesson 5, Raft in etcd (mirrors raft-partition-minority-leader): five members elect a leader; a
// partition cuts the leader and one other member (the minority) off from the other three, on real
// peer traffic (one relay per member, lab/relay.h). A put to the old leader cannot commit and times
// out, while the majority elects a new leader and commits a put; after the heal, the minority
// rejoins: it names the majority's leader and reads the majority's key. The simulation runs the
// same steps on the mirrored scenario with etcd's timing.
#include <algorithm>
#include <cassert>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <future>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <utility>

#include "consensus/raft_node.h"
#include "lab/engines.h"
#include "lab/etcd_cluster.h"
#include "lab/experiments.h"
#include "lab/loopback.h"
#include "scenario/builtin.h"
#include "scenario/run_setup.h"
#include "scenario/scenario.h"
#include "sim/simulation.h"

namespace cs::lab {

namespace {

using Clock = std::chrono::steady_clock;

constexpr int kMembers = 5;
constexpr int kPutTimeoutMs = 3'000;  // the client's patience, real (http_post) and simulated
constexpr const char* kMinorityKey = "lab-minority";
constexpr const char* kMajorityKey = "lab-majority";
constexpr const char* kMajorityValue = "written-on-the-majority";

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

std::string base64(const std::string& bytes) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const unsigned v = (static_cast<unsigned char>(bytes[i]) << 16) | (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                       static_cast<unsigned char>(bytes[i + 2]);
    for (const int shift : {18, 12, 6, 0}) out += kAlphabet[(v >> shift) & 63];
  }
  if (i < bytes.size()) {
    const bool two = i + 1 < bytes.size();
    const unsigned v =
        (static_cast<unsigned char>(bytes[i]) << 16) | (two ? static_cast<unsigned char>(bytes[i + 1]) << 8 : 0);
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += two ? kAlphabet[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

std::string from_base64(const std::string& text) {
  std::string out;
  unsigned v = 0;
  int bits = 0;
  for (const char c : text) {
    int d = -1;
    if (c >= 'A' && c <= 'Z') d = c - 'A';
    if (c >= 'a' && c <= 'z') d = c - 'a' + 26;
    if (c >= '0' && c <= '9') d = c - '0' + 52;
    if (c == '+') d = 62;
    if (c == '/') d = 63;
    if (d < 0) continue;  // padding
    v = (v << 6) | static_cast<unsigned>(d);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((v >> bits) & 0xff);
    }
  }
  return out;
}

// A put through etcd's v3 JSON gateway: whether it committed (answered 200) within the timeout.
bool put(int client_port, const std::string& key, const std::string& value, int timeout_ms) {
  const nlohmann::json body = {{"key", base64(key)}, {"value", base64(value)}};
  return http_post(client_port, "/v3/kv/put", body.dump(), timeout_ms).has_value();
}

// A linearizable read (serializable false: the member asks the leader first, so it answers only
// once it is part of a cluster with a leader again).
std::optional<std::string> get(int client_port, const std::string& key, int timeout_ms) {
  const nlohmann::json body = {{"key", base64(key)}, {"serializable", false}};
  const auto answer = http_post(client_port, "/v3/kv/range", body.dump(), timeout_ms);
  if (!answer) return std::nullopt;
  try {
    const nlohmann::json j = nlohmann::json::parse(*answer);
    if (!j.contains("kvs") || j["kvs"].empty()) return std::nullopt;
    return from_base64(j["kvs"][0].value("value", ""));
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

// The real side's measures, and the simulated side's for one seed, in the same names.
struct Measures {
  double minority_writes_ok = 0;
  double majority_writes_ok = 0;
  double majority_leader_ms = 0;  // partition to a leader on the majority side
  double rejoin_ms = 0;           // heal to the minority naming the leader and reading the majority's key
  double leaders_elected = 0;     // from the partition to the rejoin
};

// The scenario the experiment mirrors, with the real cluster's settings (as in etcd_election.cpp):
// etcd's election timeout randomized between once and twice the setting, loopback's latency, no
// workload (the console client sends the two puts), and the real client's patience.
scenario::Scenario simulated_cluster(const EtcdTiming& timing) {
  scenario::Scenario s =
      scenario::load_scenario(scenario::find_builtin("raft-partition-minority-leader")->json, "builtin");
  s.params["election_timeout_min_ms"] = static_cast<double>(timing.election_timeout_ms);
  s.params["election_timeout_max_ms"] = 2.0 * timing.election_timeout_ms;
  s.params["heartbeat_interval_ms"] = static_cast<double>(timing.heartbeat_interval_ms);
  s.link_defaults.latency_us = 100;
  s.link_defaults.jitter_us = 20;
  s.workload.clients = 0;
  s.workload.timeout_us = sim::TimeUs{kPutTimeoutMs} * 1000;
  s.timeline.clear();  // the partition and heal come when the run gets there, as on the real side
  s.narration.clear();
  return s;
}

double metric(const sim::Metrics& m, const char* name) {
  const auto it = m.find(name);
  return it == m.end() ? 0 : it->second;
}

const consensus::RaftNode* raft(const sim::World& world, sim::EndpointId node) {
  return dynamic_cast<const consensus::RaftNode*>(world.node(node).protocol.get());
}

// The simulated run of the same steps: partition the leader and one other member at the time the
// real experiment does (once a leader has led a while), put to the old leader, then to the
// majority, heal, and time the rejoin.
std::optional<Measures> simulate_once(const scenario::Scenario& s, std::uint64_t seed) {
  constexpr sim::TimeUs kPartitionAtUs = 8'000'000;
  constexpr sim::TimeUs kStepUs = 1'000;
  constexpr sim::TimeUs kPatienceUs = 30'000'000;
  const auto run = scenario::start_run(s, seed);
  run->run_until(kPartitionAtUs);
  const sim::World& world = run->world();
  const auto n = static_cast<sim::EndpointId>(s.node_names.size());
  sim::EndpointId leader = sim::kNoEndpoint;
  for (sim::EndpointId i = 0; i < n; ++i) {
    if (world.node(i).role == sim::Role::Leader) leader = i;
  }
  if (leader == sim::kNoEndpoint) return std::nullopt;
  std::vector<sim::EndpointId> minority = {leader};
  std::vector<sim::EndpointId> majority;
  for (sim::EndpointId i = 0; i < n; ++i) {
    if (i == leader) continue;
    if (minority.size() < 2) {
      minority.push_back(i);
    } else {
      majority.push_back(i);
    }
  }
  const double leaders_before = metric(scenario::run_metrics(s, world), "leaders_elected");
  const auto act = [&run](sim::Action a) {
    a.at_us = run->now_us();
    run->act(a);
  };
  // Runs until `done` holds; the time it took, or nullopt when it did not within the patience.
  const auto until = [&run](const auto& done) -> std::optional<sim::TimeUs> {
    const sim::TimeUs start = run->now_us();
    while (!done()) {
      if (run->now_us() - start > kPatienceUs) return std::nullopt;
      run->run_until(run->now_us() + kStepUs);
    }
    return run->now_us() - start;
  };
  // One write from the console client to `node`; its outcome once known.
  const auto write = [&](sim::EndpointId node, std::int64_t key) -> const sim::Operation* {
    sim::Action a;
    a.type = sim::ActionType::ClientRequest;
    a.node = node;
    a.op_type = sim::OpType::Write;
    a.key = key;
    const std::size_t before = world.history().ops().size();
    act(a);
    if (world.history().ops().size() != before + 1) return nullptr;
    const std::size_t index = before;
    if (!until([&] { return world.history().ops()[index].status != sim::OpStatus::Pending; })) return nullptr;
    return &world.history().ops()[index];
  };

  Measures m;
  sim::Action partition;
  partition.type = sim::ActionType::Partition;
  partition.groups = {minority, majority};
  act(partition);
  const sim::TimeUs partitioned_at = run->now_us();
  const sim::Operation* minority_put = write(leader, 1);
  if (!minority_put) return std::nullopt;
  m.minority_writes_ok = minority_put->status == sim::OpStatus::Ok ? 1 : 0;
  // The majority's leader: the first tenure there begun after the partition.
  for (const sim::LeadingInterval& i : world.leading_intervals()) {
    if (i.start_us > partitioned_at && std::find(majority.begin(), majority.end(), i.node) != majority.end()) {
      m.majority_leader_ms = static_cast<double>(i.start_us - partitioned_at) / 1000.0;
      break;
    }
  }
  if (m.majority_leader_ms == 0) {
    const auto waited = until([&] {
      for (const sim::EndpointId i : majority) {
        if (world.node(i).role == sim::Role::Leader) return true;
      }
      return false;
    });
    if (!waited) return std::nullopt;
    m.majority_leader_ms = static_cast<double>(run->now_us() - partitioned_at) / 1000.0;
  }
  const sim::Operation* majority_put = nullptr;
  for (int attempt = 0; attempt < 5 && !(majority_put && majority_put->status == sim::OpStatus::Ok); ++attempt)
    majority_put = write(majority.front(), 2);
  if (!majority_put) return std::nullopt;
  m.majority_writes_ok = majority_put->status == sim::OpStatus::Ok ? 1 : 0;
  const std::int64_t majority_value = majority_put->value;

  sim::Action heal;
  heal.type = sim::ActionType::Heal;
  act(heal);
  const auto rejoined = until([&] {
    const consensus::RaftNode* first = raft(world, 0);
    if (!first) return false;
    const sim::EndpointId agreed = first->leader_hint();
    if (agreed == sim::kNoEndpoint || world.node(agreed).role != sim::Role::Leader) return false;
    for (sim::EndpointId i = 0; i < n; ++i) {
      const consensus::RaftNode* node = raft(world, i);
      if (!node || (i != agreed && node->leader_hint() != agreed)) return false;
    }
    for (const sim::EndpointId i : minority) {
      const auto& data = raft(world, i)->state_machine();
      const auto it = data.find(2);
      if (m.majority_writes_ok > 0 && (it == data.end() || it->second != majority_value)) return false;
    }
    return true;
  });
  if (!rejoined) return std::nullopt;
  m.rejoin_ms = static_cast<double>(*rejoined) / 1000.0;
  m.leaders_elected = metric(scenario::run_metrics(s, world), "leaders_elected") - leaders_before;
  return m;
}

// The lines of a member's log written after `offset` that tell the story of the partition, with
// member ids replaced by names: its view of the leader, and its peers lost and found (a few of
// each: the peer lines repeat while etcd keeps redialling).
void collect_partition_lines(const std::filesystem::path& log, std::uintmax_t offset, const std::string& member,
                             const std::map<std::string, std::string>& names, std::vector<std::string>& out) {
  std::ifstream in(log);
  in.seekg(static_cast<std::streamoff>(offset));
  int leader_lines = 0;
  int peer_lines = 0;
  for (std::string line; std::getline(in, line);) {
    const auto has = [&line](const char* phrase) { return line.find(phrase) != std::string::npos; };
    const bool about_leader =
        has("became leader") || has("lost leader") || has("elected leader") || has("changed leader");
    const bool about_peer = has("became inactive") || has("became active");
    if (!(about_leader && leader_lines++ < 6) && !(about_peer && peer_lines++ < 6)) continue;
    for (const auto& [id, name] : names) {
      for (auto at = line.find(id); at != std::string::npos; at = line.find(id, at + name.size()))
        line.replace(at, id.size(), name);
    }
    out.push_back(member + ": " + line);
  }
}

// How many times a member became leader in its log after `offset` (etcd's raft: "became leader at
// term N").
int leaders_elected_in(const std::filesystem::path& log, std::uintmax_t offset) {
  std::ifstream in(log);
  in.seekg(static_cast<std::streamoff>(offset));
  int count = 0;
  for (std::string line; std::getline(in, line);) count += line.find("became leader at term") != std::string::npos;
  return count;
}

std::string names_of(const EtcdCluster& cluster, const std::vector<std::size_t>& members) {
  std::string out;
  for (const std::size_t i : members) out += (out.empty() ? "" : ", ") + cluster.members()[i].name;
  return out;
}

}  // namespace

ExperimentResult run_etcd_partition(const Experiment& experiment, LabFolder& lab, const RunOptions& options) {
  const EngineCheck engines = check_engines(experiment.engines);
  if (!engines.ready()) throw std::runtime_error(engines.explanation());
  const auto say = [&options](const std::string& line) {
    if (options.progress) options.progress(line);
  };
  const EtcdTiming timing;
  ExperimentResult result;
  result.experiment = experiment.id;
  result.parameters = {
      "members: " + std::to_string(kMembers) + " etcd processes on 127.0.0.1, peer traffic through one relay each",
      "--heartbeat-interval " + std::to_string(timing.heartbeat_interval_ms) + " (simulated heartbeat_interval_ms " +
          std::to_string(timing.heartbeat_interval_ms) + ")",
      "--election-timeout " + std::to_string(timing.election_timeout_ms) + " (simulated election_timeout_min_ms " +
          std::to_string(timing.election_timeout_ms) + ", election_timeout_max_ms " +
          std::to_string(2 * timing.election_timeout_ms) + ")",
      "partition: the leader and one other member (the minority) from the other three",
      "puts give up after " + std::to_string(kPutTimeoutMs) + " ms (simulated workload timeout_ms " +
          std::to_string(kPutTimeoutMs) + ")"};
  const std::filesystem::path folder = lab.new_run_folder(experiment.id);
  result.run_folder = folder.string();

  Measures real;
  {
    say("starting " + std::to_string(kMembers) + " etcd members, each behind a relay, in " + folder.string());
    EtcdCluster cluster(lab, folder, *engines.programs.front().path, kMembers, timing, true);
    const EtcdCluster::SettledLeader settled = cluster.wait_for_settled_leader();
    const std::size_t leader = settled.index;
    const std::uint64_t term = settled.term;
    if (!cluster.learn_member_ids(10'000)) throw std::runtime_error("the etcd members did not all tell their ids");
    std::vector<std::size_t> minority = {leader};
    std::vector<std::size_t> majority;
    for (std::size_t i = 0; i < cluster.members().size(); ++i) {
      if (i == leader) continue;
      (minority.size() < 2 ? minority : majority).push_back(i);
    }
    assert(minority.size() == 2 && majority.size() == 3);
    std::map<std::string, std::string> names;  // ids as etcd logs them
    for (std::size_t i = 0; i < cluster.members().size(); ++i) {
      char hex[17];
      std::snprintf(hex, sizeof hex, "%llx", static_cast<unsigned long long>(cluster.member_id(i)));
      names[hex] = cluster.members()[i].name;
    }
    std::vector<std::uintmax_t> offsets;
    for (const auto& m : cluster.members()) offsets.push_back(std::filesystem::file_size(m.log));

    say("leader: " + cluster.members()[leader].name + " in term " + std::to_string(term) + "; partitioning " +
        names_of(cluster, minority) + " from " + names_of(cluster, majority));
    const auto partitioned_at = Clock::now();
    cluster.partition(minority, majority);
    // The put to the old leader waits out its timeout on its own thread while the majority's
    // election is timed here.
    const int old_leader_port = cluster.members()[leader].client_port;
    auto minority_put = std::async(std::launch::async, [old_leader_port] {
      const auto start = Clock::now();
      const bool committed = put(old_leader_port, kMinorityKey, "written-on-the-minority", kPutTimeoutMs);
      return std::make_pair(committed, ms_since(start));
    });
    const auto new_leader = cluster.wait_for_leader(30'000, term, majority);
    if (!new_leader) {
      minority_put.wait();
      throw std::runtime_error("the majority elected no leader within 30 s of the partition");
    }
    real.majority_leader_ms = ms_since(partitioned_at);
    say("the majority elected " + cluster.members()[*new_leader].name + " after " +
        std::to_string(static_cast<int>(real.majority_leader_ms)) + " ms");
    const auto majority_deadline = Clock::now() + std::chrono::seconds(10);
    while (real.majority_writes_ok == 0 && Clock::now() < majority_deadline) {
      if (put(cluster.members()[majority.front()].client_port, kMajorityKey, kMajorityValue, kPutTimeoutMs))
        real.majority_writes_ok = 1;
    }
    const auto [minority_committed, minority_put_ms] = minority_put.get();
    real.minority_writes_ok = minority_committed ? 1 : 0;
    // A put the minority cannot commit waits for the client's timeout (etcd does not fail it sooner).
    const std::string minority_outcome =
        minority_committed ? "COMMITTED"
        : minority_put_ms >= kPutTimeoutMs - 50
            ? "timed out after " + std::to_string(static_cast<int>(minority_put_ms)) + " ms, not committed"
            : "failed after " + std::to_string(static_cast<int>(minority_put_ms)) + " ms, not committed";
    say("put to the old leader " + cluster.members()[leader].name + ": " + minority_outcome + "; put to " +
        cluster.members()[majority.front()].name + (real.majority_writes_ok > 0 ? ": committed" : ": NOT committed"));

    say("healing the partition");
    const auto healed_at = Clock::now();
    cluster.heal();
    bool rejoined = false;
    const auto rejoin_deadline = healed_at + std::chrono::seconds(30);
    while (!rejoined && Clock::now() < rejoin_deadline) {
      if (!cluster.wait_for_leader(500)) continue;  // all five name one leader
      rejoined = std::all_of(minority.begin(), minority.end(), [&](std::size_t i) {
        return get(cluster.members()[i].client_port, kMajorityKey, 1'000) == kMajorityValue;
      });
    }
    if (!rejoined) throw std::runtime_error("the minority did not rejoin within 30 s of the heal");
    real.rejoin_ms = ms_since(healed_at);
    say("the minority rejoined after " + std::to_string(static_cast<int>(real.rejoin_ms)) + " ms");
    for (std::size_t i = 0; i < cluster.members().size(); ++i) {
      real.leaders_elected += leaders_elected_in(cluster.members()[i].log, offsets[i]);
      collect_partition_lines(cluster.members()[i].log, offsets[i], cluster.members()[i].name, names, result.log_lines);
    }
    cluster.stop_all();
    result.left_running = cluster.any_alive();
  }

  say("simulating the same cluster over " + std::to_string(options.simulated_seeds) + " seeds");
  const scenario::Scenario s = simulated_cluster(timing);
  std::vector<Measures> runs;
  for (int seed = 1; seed <= options.simulated_seeds; ++seed) {
    if (const auto m = simulate_once(s, static_cast<std::uint64_t>(seed))) runs.push_back(*m);
  }
  if (runs.empty()) throw std::runtime_error("the simulated cluster elected no leader");
  const auto summarise = [&runs](Figure f, double real_value, double Measures::*field) {
    return summarise_runs(std::move(f), real_value, runs, field);
  };
  result.figures.push_back(summarise({"minority_writes_ok", "puts the minority committed", 0, 0, 0, 0, ""},
                                     real.minority_writes_ok, &Measures::minority_writes_ok));
  result.figures.push_back(summarise({"majority_writes_ok", "puts the majority committed", 0, 0, 0, 0, ""},
                                     real.majority_writes_ok, &Measures::majority_writes_ok));
  result.figures.push_back(
      summarise({"partition_to_majority_leader_us", "majority's leader after the cut", 0, 0, 0, 0, "ms"},
                real.majority_leader_ms, &Measures::majority_leader_ms));
  result.figures.push_back(summarise({"heal_to_rejoined_us", "minority rejoined after heal", 0, 0, 0, 0, "ms"},
                                     real.rejoin_ms, &Measures::rejoin_ms));
  result.figures.push_back(summarise({"leaders_elected", "leaders elected", 0, 0, 0, 0, ""}, real.leaders_elected,
                                     &Measures::leaders_elected));
  return result;
}

}  // namespace cs::lab
