// Lesson 5, Patroni with etcd (mirrors patroni-style): three PostgreSQL servers, each with a Patroni
// agent, share a leader key with a TTL in etcd (through etcd's v3 API).
//  1. Automatic failover: the primary's agent and server are killed (SIGKILL); the time until a
//     replica is promoted, and the acknowledged writes lost, are measured.
//  2. Fencing: the new primary's agent is cut off from etcd (its relay resets every connection);
//     the primary demotes itself before its key can expire, and the last replica takes the key.
//     Every member is probed with writes throughout, so that two primaries acknowledging writes
//     at once would show.
// The simulation runs the same cluster with Patroni's real ttl, loop_wait and retry_timeout.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <exception>
#include <fstream>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <utility>

#include "lab/engines.h"
#include "lab/experiments.h"
#include "lab/patroni_cluster.h"
#include "scenario/builtin.h"
#include "scenario/run_setup.h"
#include "scenario/scenario.h"
#include "sim/simulation.h"

namespace cs::lab {

namespace {

constexpr int kNodes = 3;
using Clock = std::chrono::steady_clock;

double ms_between(Clock::time_point from, Clock::time_point to) {
  return std::chrono::duration<double, std::milli>(to - from).count();
}

// ---- the simulated side ----

struct SimulatedRun {
  double failover_ms = 0;       // crash to a promoted replica
  double lost_writes = 0;       // lost_acknowledged_writes
  double demotion_ms = 0;       // cut from the store to the old primary's demotion
  double takeover_ms = 0;       // cut to another member's promotion
  double two_primaries_ms = 0;  // both primaries at once, after the cut
  double max_primaries = 0;     // max_primaries_at_once
  double leaders_elected = 0;   // leaders_elected
  double demotions = 0;         // demotions
};

double metric(const sim::Metrics& m, const char* name) {
  const auto it = m.find(name);
  return it == m.end() ? 0 : it->second;
}

// The scenario the experiment mirrors, with the real cluster's settings: Patroni's ttl, loop_wait
// and retry_timeout; loopback's latency (a fraction of a millisecond); one client writing as often
// as the real one did. The store is n4, as in the scenario.
scenario::Scenario simulated_cluster(const PatroniTiming& timing, double write_interval_ms) {
  const scenario::BuiltinScenario* builtin = scenario::find_builtin("patroni-style");
  if (!builtin) throw std::runtime_error("the built-in scenario patroni-style is missing: nothing to simulate");
  scenario::Scenario s = scenario::load_scenario(builtin->json, "builtin");
  s.params["ttl_ms"] = 1000.0 * timing.ttl_s;
  s.params["loop_wait_ms"] = 1000.0 * timing.loop_wait_s;
  s.params["retry_timeout_ms"] = 1000.0 * timing.retry_timeout_s;
  s.link_defaults.latency_us = 100;
  s.link_defaults.jitter_us = 20;
  s.workload.clients = 1;
  s.workload.read_fraction = 0;
  s.workload.think_time_us = static_cast<sim::TimeUs>(std::max(1.0, write_interval_ms) * 1000);
  s.timeline.clear();
  s.narration.clear();
  return s;
}

std::vector<sim::EndpointId> primaries(const sim::World& world, sim::EndpointId store) {
  std::vector<sim::EndpointId> out;
  for (sim::EndpointId i = 0; i < world.node_count(); ++i) {
    if (i != store && world.node(i).role == sim::Role::Primary && !sim::is_down(world.node(i).status)) out.push_back(i);
  }
  return out;
}

// `phase_us` (0 to loop_wait) places the cut within the new primary's loop: the real cut falls
// anywhere in it.
std::optional<SimulatedRun> simulate_once(scenario::Scenario s, std::uint64_t seed, sim::TimeUs phase_us) {
  constexpr sim::TimeUs kCrashAtUs = 20'000'000;
  constexpr sim::TimeUs kStepUs = 10'000;
  const sim::EndpointId store = static_cast<sim::EndpointId>(s.node_names.size() - 1);
  SimulatedRun r;
  // Who leads when the real experiment would kill the primary...
  sim::EndpointId first = sim::kNoEndpoint;
  {
    const auto run = scenario::start_run(s, seed);
    run->run_until(kCrashAtUs);
    const auto p = primaries(run->world(), store);
    if (p.size() != 1) return std::nullopt;
    first = p.front();
  }
  // ...then again with that primary crashing then, until another is promoted...
  sim::Action crash;
  crash.at_us = kCrashAtUs;
  crash.type = sim::ActionType::Crash;
  crash.node = first;
  s.timeline.push_back(crash);
  sim::EndpointId second = sim::kNoEndpoint;
  sim::TimeUs promoted_us = 0;
  {
    const auto run = scenario::start_run(s, seed);
    for (sim::TimeUs t = kCrashAtUs; t < kCrashAtUs + 60'000'000 && second == sim::kNoEndpoint; t += kStepUs) {
      run->run_until(t);
      for (const sim::EndpointId p : primaries(run->world(), store)) {
        if (p != first) second = p;
      }
      promoted_us = t;
    }
  }
  if (second == sim::kNoEndpoint) return std::nullopt;
  r.failover_ms = static_cast<double>(promoted_us - kCrashAtUs) / 1000.0;
  // ...and again with that one cut off from the store (both ways) a few seconds later, as the real
  // one is once the last replica follows it. Its loop runs in step with its promotion, so a cut a
  // whole number of loops later would always fall at the same point of it.
  const sim::TimeUs cut_us = promoted_us + 5'000'000 + phase_us;
  for (const auto& [from, to] : {std::pair{second, store}, std::pair{store, second}}) {
    sim::Action cut;
    cut.at_us = cut_us;
    cut.type = sim::ActionType::OneWayCut;
    cut.node = from;
    cut.peer = to;
    s.timeline.push_back(cut);
  }
  const auto run = scenario::start_run(s, seed);
  run->run_until(cut_us);
  std::optional<sim::TimeUs> demoted_us;
  std::optional<sim::TimeUs> taken_us;
  sim::TimeUs both_us = 0;
  for (sim::TimeUs t = cut_us + kStepUs; t < cut_us + 60'000'000 && !(demoted_us && taken_us); t += kStepUs) {
    run->run_until(t);
    const auto p = primaries(run->world(), store);
    const bool second_leads = std::find(p.begin(), p.end(), second) != p.end();
    if (!second_leads && !demoted_us) demoted_us = t;
    if (!taken_us && std::any_of(p.begin(), p.end(), [&](sim::EndpointId i) { return i != second; })) taken_us = t;
    if (p.size() >= 2) both_us += kStepUs;
  }
  if (!demoted_us || !taken_us) return std::nullopt;
  r.demotion_ms = static_cast<double>(*demoted_us - cut_us) / 1000.0;
  r.takeover_ms = static_cast<double>(*taken_us - cut_us) / 1000.0;
  r.two_primaries_ms = static_cast<double>(both_us) / 1000.0;
  run->run_until(*taken_us + 2'000'000);
  const sim::Metrics m = scenario::run_metrics(s, run->world());
  r.lost_writes = metric(m, "lost_acknowledged_writes");
  r.max_primaries = metric(m, "max_primaries_at_once");
  r.leaders_elected = metric(m, "leaders_elected");
  r.demotions = metric(m, "demotions");
  return r;
}

// ---- the real side ----

// Writes numbered rows to members, one psql at a time per member, and remembers which were
// acknowledged, by whom, and when. Each member's writes run in a thread of their own. The numbers
// come from a counter shared by every Writers of a run, so that no number is written twice: a row
// one primary acknowledged and another lacks is then missing for good, never written again later.
class Writers {
 public:
  struct Write {
    std::size_t node = 0;
    std::int64_t n = 0;
    Clock::time_point sent;
    Clock::time_point answered;
    bool acknowledged = false;
  };

  Writers(const PatroniCluster& cluster, std::atomic<std::int64_t>& next) : cluster_(cluster), next_(next) {}
  ~Writers() { join(); }  // an error a writer met is dropped here: stop() throws it
  Writers(const Writers&) = delete;
  Writers& operator=(const Writers&) = delete;

  void start(std::size_t node) {
    threads_.emplace_back([this, node] {
      // An exception must not leave the thread (std::terminate: no destructor would stop the
      // engines): the first is kept, the other writers stop, and stop() throws it.
      try {
        while (!stopping_.load()) {
          Write w;
          w.node = node;
          w.n = ++next_;
          w.sent = Clock::now();
          w.acknowledged =
              cluster_.sql(node, "insert into lab_writes (n) values (" + std::to_string(w.n) + ")", nullptr, 3'000);
          w.answered = Clock::now();
          const std::lock_guard<std::mutex> lock(mutex_);
          writes_.push_back(w);
        }
      } catch (...) {
        const std::lock_guard<std::mutex> lock(mutex_);
        if (!error_) error_ = std::current_exception();
        stopping_ = true;
      }
    });
  }
  // Stops every writer; throws the first error one of them met.
  void stop() {
    join();
    std::exception_ptr error;
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      std::swap(error, error_);
    }
    if (error) std::rethrow_exception(error);
  }
  bool failed() const {
    const std::lock_guard<std::mutex> lock(mutex_);
    return error_ != nullptr;
  }
  std::vector<Write> writes() const {
    const std::lock_guard<std::mutex> lock(mutex_);
    return writes_;
  }

 private:
  void join() {
    stopping_ = true;
    for (std::thread& t : threads_) t.join();
    threads_.clear();
    stopping_ = false;
  }

  const PatroniCluster& cluster_;
  std::atomic<std::int64_t>& next_;
  std::atomic<bool> stopping_{false};
  mutable std::mutex mutex_;  // guards writes_ and error_
  std::vector<Write> writes_;
  std::exception_ptr error_;
  std::vector<std::thread> threads_;
};

// The lowest and highest numbers among `writes` (0 and 0 for none).
std::pair<std::int64_t, std::int64_t> number_range(const std::vector<Writers::Write>& writes) {
  if (writes.empty()) return {0, 0};
  const auto [low, high] = std::minmax_element(
      writes.begin(), writes.end(), [](const Writers::Write& a, const Writers::Write& b) { return a.n < b.n; });
  return {low->n, high->n};
}

// The member PostgreSQL calls primary, among those not excluded; polls until `deadline`.
std::optional<std::size_t> wait_for_primary(const PatroniCluster& cluster, const std::set<std::size_t>& excluded,
                                            Clock::time_point deadline) {
  while (Clock::now() < deadline) {
    bool any_agent = false;
    for (std::size_t i = 0; i < cluster.nodes().size(); ++i) any_agent = any_agent || cluster.agent_alive(i);
    if (!any_agent) return std::nullopt;  // every agent has given up
    const auto holder = cluster.leader_key_holder();
    for (std::size_t i = 0; i < cluster.nodes().size(); ++i) {
      // Writable, and the holder of the leader key: Patroni's primary, not one left over.
      if (!excluded.count(i) && holder == cluster.nodes()[i].name &&
          cluster.role(i, 1'000) == PatroniCluster::Role::Primary)
        return i;
    }
    cluster.throw_if_stop_asked();
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return std::nullopt;
}

// Polls until the primary `node` streams WAL to each of `replicas` (by member name: Patroni makes it
// each replica's application_name; pg_basebackup's own WAL stream, while a replica is being made,
// does not count).
bool wait_for_streaming(const PatroniCluster& cluster, std::size_t node, const std::vector<std::size_t>& replicas,
                        Clock::time_point deadline) {
  std::string names;
  for (const std::size_t r : replicas) names += (names.empty() ? "'" : ", '") + cluster.nodes()[r].name + "'";
  const std::string query =
      "select count(*) from pg_stat_replication where state = 'streaming' and application_name in (" + names + ")";
  while (Clock::now() < deadline) {
    std::string out;
    if (cluster.sql(node, query, &out, 2'000) && std::atoi(out.c_str()) >= static_cast<int>(replicas.size()))
      return true;
    cluster.throw_if_stop_asked();
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return false;
}

// Polls until `sql` succeeds on every one of `nodes`.
bool wait_for_sql(const PatroniCluster& cluster, const std::vector<std::size_t>& nodes, const std::string& sql,
                  Clock::time_point deadline) {
  for (const std::size_t n : nodes) {
    while (!cluster.sql(n, sql, nullptr, 2'000)) {
      if (Clock::now() >= deadline) return false;
      cluster.throw_if_stop_asked();
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }
  return true;
}

std::uintmax_t size_of(const std::filesystem::path& file) {
  std::error_code ec;
  const std::uintmax_t size = std::filesystem::file_size(file, ec);
  return ec ? 0 : size;
}

// The lines of a member's log between two offsets that tell the story: Patroni's decisions and
// PostgreSQL's promotions and shutdowns. A message Patroni repeats every loop is kept once.
void collect_lines(const std::filesystem::path& log, std::uintmax_t from, std::uintmax_t to, const std::string& member,
                   std::vector<std::string>& out) {
  static const char* const kPhrases[] = {"acquired session lock as a leader",
                                         "promoted self to leader",
                                         "Demoting self",
                                         "demoted self",
                                         "demoting self",
                                         "Error communicating with DCS",
                                         "DCS is not accessible",
                                         "the leader with the lock",
                                         "following a leader",
                                         "Lock owner",
                                         "trying to bootstrap",
                                         "bootstrapped",
                                         "received promote request",
                                         "selected new timeline ID",
                                         "received fast shutdown request",
                                         "received immediate shutdown request"};
  std::ifstream in(log);
  in.seekg(static_cast<std::streamoff>(from));
  std::set<std::string> seen;
  for (std::string line; static_cast<std::uintmax_t>(in.tellg()) < to && std::getline(in, line) && out.size() < 40;) {
    for (const char* phrase : kPhrases) {
      if (line.find(phrase) == std::string::npos) continue;
      // Patroni's lines start with a date and a time: the message is what repeats.
      const auto level = line.find(": ");
      const std::string message = level == std::string::npos ? line : line.substr(level);
      if (seen.insert(message).second) out.push_back(member + ": " + line);
      break;
    }
  }
}

}  // namespace

ExperimentResult run_patroni_failover(const Experiment& experiment, LabFolder& lab, const RunOptions& options) {
  const EngineCheck engines = check_engines(experiment.engines);
  if (!engines.ready()) throw std::runtime_error(engines.explanation());
  const auto say = [&options](const std::string& line) {
    if (options.progress) options.progress(line);
  };
  const PatroniTiming timing;
  ExperimentResult result;
  result.experiment = experiment.id;
  result.parameters = {
      std::to_string(kNodes) +
          " PostgreSQL 15 servers, each with a Patroni agent, and 1 etcd member, on 127.0.0.1; "
          "the agents use etcd's v3 API (etcd3), each through a relay of its own",
      "ttl " + std::to_string(timing.ttl_s) + " s (simulated ttl_ms " + std::to_string(1000 * timing.ttl_s) + ")",
      "loop_wait " + std::to_string(timing.loop_wait_s) + " s (simulated loop_wait_ms " +
          std::to_string(1000 * timing.loop_wait_s) + ")",
      "retry_timeout " + std::to_string(timing.retry_timeout_s) + " s (simulated retry_timeout_ms " +
          std::to_string(1000 * timing.retry_timeout_s) + ")",
      "asynchronous replication, maximum_lag_on_failover 1048576 bytes"};
  const std::filesystem::path folder = lab.new_run_folder(experiment.id);
  result.run_folder = folder.string();

  double failover_ms = 0;
  double lost_writes = 0;
  double demotion_ms = 0;
  double takeover_ms = 0;
  double two_primaries_ms = 0;
  double leaders_elected = 0;
  double demotions = 0;
  double write_interval_ms = 20;
  {
    say("starting etcd and " + std::to_string(kNodes) + " Patroni agents in " + folder.string());
    PatroniCluster cluster(lab, folder, engines, kNodes, timing);
    if (cluster.run_as()) {
      const std::string note = "PostgreSQL refuses to run as root: the agents and their servers run as user " +
                               cluster.run_as()->user + ", in " + cluster.server_folder().string();
      result.parameters.push_back(note);
      say(note);
    }
    std::vector<std::uintmax_t> bootstrap_end(kNodes, 0);
    const auto primary = wait_for_primary(cluster, {}, Clock::now() + std::chrono::seconds(60));
    if (!primary)
      throw std::runtime_error(
          "Patroni bootstrapped no primary within 60 s, or every agent gave up (see the logs "
          "in " +
          folder.string() + ")");
    const std::string& first_name = cluster.nodes()[*primary].name;
    say("primary: " + first_name + "; waiting for the replicas to stream from it");
    std::vector<std::size_t> replicas;
    for (std::size_t i = 0; i < kNodes; ++i) {
      if (i != *primary) replicas.push_back(i);
    }
    if (!wait_for_streaming(cluster, *primary, replicas, Clock::now() + std::chrono::seconds(60)))
      throw std::runtime_error("the replicas did not stream from " + first_name + " within 60 s");
    if (!cluster.sql(*primary, "create table lab_writes (n bigint primary key)"))
      throw std::runtime_error("cannot create the table lab_writes on " + first_name);
    if (!wait_for_sql(cluster, replicas, "select count(*) from lab_writes", Clock::now() + std::chrono::seconds(30)))
      throw std::runtime_error("the table lab_writes did not reach the replicas within 30 s");

    // 1. Automatic failover.
    std::atomic<std::int64_t> next_row{0};  // every write of the run takes the next number
    Writers writers(cluster, next_row);
    writers.start(*primary);
    std::this_thread::sleep_for(std::chrono::seconds(2));
    say("killing " + first_name + " (its Patroni agent and PostgreSQL, SIGKILL) while a client writes to it");
    for (std::size_t i = 0; i < kNodes; ++i) bootstrap_end[i] = size_of(cluster.nodes()[i].log);
    const auto killed_at = Clock::now();
    cluster.crash(*primary);
    writers.stop();
    const auto second = wait_for_primary(cluster, {*primary}, killed_at + std::chrono::seconds(timing.ttl_s + 40));
    if (!second) throw std::runtime_error("no replica was promoted within " + std::to_string(timing.ttl_s + 40) + " s");
    failover_ms = ms_between(killed_at, Clock::now());
    const std::string& second_name = cluster.nodes()[*second].name;
    say(second_name + " promoted after " + std::to_string(static_cast<int>(failover_ms)) + " ms");
    {
      const auto w = writers.writes();
      if (w.size() >= 2)
        write_interval_ms = ms_between(w.front().sent, w.back().answered) / static_cast<double>(w.size());
    }

    // 2. Fencing: the new primary loses etcd.
    std::size_t third = 0;
    while (third == *primary || third == *second) ++third;
    const std::string& third_name = cluster.nodes()[third].name;
    if (!wait_for_streaming(cluster, *second, {third}, Clock::now() + std::chrono::seconds(30)))
      throw std::runtime_error(third_name + " did not stream from the new primary " + second_name + " within 30 s");
    std::vector<std::uintmax_t> failover_end(kNodes, 0);
    for (std::size_t i = 0; i < kNodes; ++i) failover_end[i] = size_of(cluster.nodes()[i].log);
    Writers probes(cluster, next_row);
    probes.start(*second);
    probes.start(third);
    std::this_thread::sleep_for(std::chrono::seconds(1));
    say("cutting " + second_name + "'s agent off from etcd (its PostgreSQL still reaches " + third_name + ")");
    const auto cut_at = Clock::now();
    cluster.cut_from_etcd(*second);
    // Until the last replica has acknowledged writes for a while (or long after the key's TTL).
    const auto cut_deadline = cut_at + std::chrono::seconds(2 * timing.ttl_s + 30);
    std::optional<Clock::time_point> taken_at;
    while (Clock::now() < cut_deadline && !probes.failed()) {
      for (const auto& w : probes.writes()) {
        if (w.node == third && w.acknowledged && !taken_at) taken_at = w.answered;
      }
      if (taken_at && Clock::now() > *taken_at + std::chrono::seconds(1)) break;
      cluster.throw_if_stop_asked();
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    probes.stop();
    if (!taken_at)
      throw std::runtime_error(third_name + " did not become primary within " + std::to_string(2 * timing.ttl_s + 30) +
                               " s of " + second_name + "'s cut from etcd");
    const std::vector<Writers::Write> probed = probes.writes();
    std::optional<Clock::time_point> old_last_ack;
    std::optional<Clock::time_point> new_first_sent;
    bool old_refused_after = false;
    for (const auto& w : probed) {
      if (w.node == *second && w.acknowledged && w.sent >= cut_at) old_last_ack = w.answered;
      if (w.node == third && w.acknowledged && !new_first_sent) new_first_sent = w.sent;
    }
    for (const auto& w : probed) {
      if (w.node == *second && !w.acknowledged && (!old_last_ack || w.sent > *old_last_ack)) old_refused_after = true;
    }
    // The old primary's last acknowledged write after the cut; from then on it refused them.
    demotion_ms = old_last_ack ? ms_between(cut_at, *old_last_ack) : 0;
    takeover_ms = ms_between(cut_at, *taken_at);
    two_primaries_ms = old_last_ack && new_first_sent ? std::max(0.0, ms_between(*new_first_sent, *old_last_ack)) : 0;
    say(second_name + " acknowledged its last write " + std::to_string(static_cast<int>(demotion_ms)) +
        " ms after the cut; " + third_name + " its first " + std::to_string(static_cast<int>(takeover_ms)) +
        " ms after");
    if (!old_refused_after)
      throw std::runtime_error(second_name + " kept acknowledging writes after its cut from etcd");

    // What the members hold now: every acknowledged write should be on the last primary.
    std::string rows;
    if (!cluster.sql(third, "select n from lab_writes", &rows, 10'000))
      throw std::runtime_error("cannot read lab_writes on " + third_name);
    std::set<std::int64_t> kept;
    std::istringstream lines(rows);
    for (std::string line; std::getline(lines, line);) {
      if (!line.empty()) kept.insert(std::stoll(line));
    }
    // Who acknowledged each number (each is written once). The figure counts the writes the first
    // primary acknowledged (necessarily before it was killed) that the last primary lacks; the
    // probes the cut primary acknowledged and the last one lacks are told apart.
    const std::vector<Writers::Write> written = writers.writes();
    std::map<std::int64_t, std::size_t> acknowledged_by;
    for (const auto& list : {written, probed}) {
      for (const auto& w : list) {
        if (!w.acknowledged) continue;
        if (!acknowledged_by.emplace(w.n, w.node).second)
          throw std::runtime_error("row " + std::to_string(w.n) + " was written twice");
      }
    }
    int written_acknowledged = 0;
    int probes_lost = 0;
    for (const auto& [n, node] : acknowledged_by) {
      const bool first_phase = node == *primary;
      if (first_phase) ++written_acknowledged;
      if (kept.count(n)) continue;
      if (first_phase) {
        ++lost_writes;
      } else if (node == *second) {
        ++probes_lost;
      }
    }
    const auto [written_low, written_high] = number_range(written);
    const auto [probed_low, probed_high] = number_range(probed);
    say("rows " + std::to_string(written_low) + "-" + std::to_string(written_high) + " written to " + first_name +
        " (" + std::to_string(written_acknowledged) + " acknowledged, " +
        std::to_string(static_cast<int>(lost_writes)) + " of them missing on " + third_name + "); probe rows " +
        std::to_string(probed_low) + "-" + std::to_string(probed_high) + " written to " + second_name + " and " +
        third_name + " (" + std::to_string(probes_lost) + " acknowledged by " + second_name + " missing on " +
        third_name + ")");
    // Each promotion starts a new timeline: bootstrap 1, then one per leader after it.
    std::string timeline;
    if (cluster.sql(third, "select ('x' || substr(pg_walfile_name(pg_current_wal_lsn()), 1, 8))::bit(32)::int",
                    &timeline))
      leaders_elected = std::atof(timeline.c_str());
    // The old primary demoted itself: its server runs on as a replica with nothing to follow.
    const auto recovery_deadline = Clock::now() + std::chrono::seconds(15);
    while (cluster.role(*second) != PatroniCluster::Role::Replica && Clock::now() < recovery_deadline)
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    const bool old_in_recovery = cluster.role(*second) == PatroniCluster::Role::Replica;
    say(second_name +
        (old_in_recovery ? " runs on as a replica (pg_is_in_recovery() true)" : " is not back as a replica"));

    cluster.stop_all();
    result.left_running = cluster.any_alive();
    for (std::size_t i = 0; i < kNodes; ++i) {
      const auto& n = cluster.nodes()[i];
      collect_lines(n.log, 0, bootstrap_end[i], n.name, result.log_lines);
    }
    for (std::size_t i = 0; i < kNodes; ++i) {
      const auto& n = cluster.nodes()[i];
      collect_lines(n.log, bootstrap_end[i], failover_end[i], n.name, result.log_lines);
    }
    for (std::size_t i = 0; i < kNodes; ++i) {
      const auto& n = cluster.nodes()[i];
      collect_lines(n.log, failover_end[i], size_of(n.log), n.name, result.log_lines);
    }
    std::ifstream old_log(cluster.nodes()[*second].log);
    old_log.seekg(static_cast<std::streamoff>(failover_end[*second]));
    for (std::string line; std::getline(old_log, line);) {
      if (line.find("Demoting self") != std::string::npos || line.find("demoted self") != std::string::npos) {
        ++demotions;
        break;
      }
    }
    if (!old_in_recovery) demotions = 0;
  }

  say("simulating the same cluster over " + std::to_string(options.simulated_seeds) + " seeds");
  const scenario::Scenario s = simulated_cluster(timing, write_interval_ms);
  std::vector<SimulatedRun> runs;
  for (int seed = 1; seed <= options.simulated_seeds; ++seed) {
    const sim::TimeUs phase_us = sim::TimeUs{1'000'000} * timing.loop_wait_s * (seed - 1) / options.simulated_seeds;
    if (const auto r = simulate_once(s, static_cast<std::uint64_t>(seed), phase_us)) runs.push_back(*r);
  }
  if (runs.empty()) throw std::runtime_error("the simulated cluster promoted no replica");
  const auto summarise = [&runs](Figure f, double real, double SimulatedRun::*field) {
    return summarise_runs(std::move(f), real, runs, field);
  };
  const double max_primaries = two_primaries_ms > 0 ? 2 : 1;
  result.figures = {
      summarise({"detection_time_us+failover_time_us", "primary killed: to a promoted replica", 0, 0, 0, 0, "ms"},
                failover_ms, &SimulatedRun::failover_ms),
      summarise({"lost_acknowledged_writes", "acknowledged writes lost", 0, 0, 0, 0, ""}, lost_writes,
                &SimulatedRun::lost_writes),
      summarise({"demotion_time_us", "cut from etcd: to the old primary's demotion", 0, 0, 0, 0, "ms"}, demotion_ms,
                &SimulatedRun::demotion_ms),
      summarise({"takeover_time_us", "cut from etcd: to the next primary", 0, 0, 0, 0, "ms"}, takeover_ms,
                &SimulatedRun::takeover_ms),
      summarise({"two_primaries_us", "two primaries taking writes at once", 0, 0, 0, 0, "ms"}, two_primaries_ms,
                &SimulatedRun::two_primaries_ms),
      summarise({"max_primaries_at_once", "primaries at once, at most", 0, 0, 0, 0, ""}, max_primaries,
                &SimulatedRun::max_primaries),
      summarise({"leaders_elected", "primaries in turn (leader changes + 1)", 0, 0, 0, 0, ""}, leaders_elected,
                &SimulatedRun::leaders_elected),
      summarise({"demotions", "primaries that demoted themselves", 0, 0, 0, 0, ""}, demotions,
                &SimulatedRun::demotions),
  };
  return result;
}

}  // namespace cs::lab
