// Lesson 5, Raft in etcd (mirrors raft-leader-crash): five members elect a leader; the leader is
// killed (SIGKILL); the time until the others agree on a new leader, and the elections it took,
// are measured, and the simulation runs the same cluster with etcd's timing.
#include <signal.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <optional>
#include <stdexcept>

#include "lab/engines.h"
#include "lab/etcd_cluster.h"
#include "lab/experiments.h"
#include "scenario/builtin.h"
#include "scenario/run_setup.h"
#include "scenario/scenario.h"
#include "sim/simulation.h"

namespace cs::lab {

namespace {

constexpr int kMembers = 5;

struct SimulatedElection {
  double no_leader_ms = 0;
  double elections = 0;
};

double metric(const sim::Metrics& m, const char* name) {
  const auto it = m.find(name);
  return it == m.end() ? 0 : it->second;
}

// The scenario the experiment mirrors, with the real cluster's settings: etcd randomizes each
// election timeout between once and twice --election-timeout; loopback's latency is a fraction
// of a millisecond; no clients (the real cluster has none either).
scenario::Scenario simulated_cluster(const EtcdTiming& timing) {
  scenario::Scenario s = scenario::load_scenario(scenario::find_builtin("raft-leader-crash")->json, "builtin");
  s.params["election_timeout_min_ms"] = static_cast<double>(timing.election_timeout_ms);
  s.params["election_timeout_max_ms"] = 2.0 * timing.election_timeout_ms;
  s.params["heartbeat_interval_ms"] = static_cast<double>(timing.heartbeat_interval_ms);
  s.link_defaults.latency_us = 100;
  s.link_defaults.jitter_us = 20;
  s.workload.clients = 0;
  s.timeline.clear();
  s.narration.clear();
  return s;
}

std::optional<SimulatedElection> simulate_once(scenario::Scenario s, std::uint64_t seed) {
  constexpr sim::TimeUs kCrashAtUs = 8'000'000;
  // First find who leads when the real experiment would kill the leader...
  sim::EndpointId leader = sim::kNoEndpoint;
  {
    const auto run = scenario::start_run(s, seed);
    run->run_until(kCrashAtUs);
    for (sim::EndpointId i = 0; i < s.node_names.size(); ++i) {
      if (run->world().node(i).role == sim::Role::Leader) leader = i;
    }
  }
  if (leader == sim::kNoEndpoint) return std::nullopt;
  // ...then run again with that leader crashing then.
  sim::Action crash;
  crash.at_us = kCrashAtUs;
  crash.type = sim::ActionType::Crash;
  crash.node = leader;
  s.timeline.push_back(crash);
  const auto run = scenario::start_run(s, seed);
  run->run_until(kCrashAtUs - 1);
  const double elections_before = metric(scenario::run_metrics(s, run->world()), "elections_started");
  run->run_until(kCrashAtUs + 30'000'000);
  const sim::Metrics after = scenario::run_metrics(s, run->world());
  SimulatedElection e;
  e.no_leader_ms = (metric(after, "detection_time_us") + metric(after, "failover_time_us")) / 1000.0;
  e.elections = metric(after, "elections_started") - elections_before;
  return e;
}

// The lines of a member's log written after `offset` that tell the story of an election.
void collect_election_lines(const std::filesystem::path& log, std::uintmax_t offset, const std::string& member,
                            std::vector<std::string>& out) {
  std::ifstream in(log);
  in.seekg(static_cast<std::streamoff>(offset));
  for (std::string line; std::getline(in, line) && out.size() < 16;) {
    for (const char* phrase :
         {"became leader", "elected leader", "starting a new election", "lost leader", "became candidate"}) {
      if (line.find(phrase) != std::string::npos) {
        out.push_back(member + ": " + line);
        break;
      }
    }
  }
}

}  // namespace

ExperimentResult run_etcd_leader_election(const Experiment& experiment, LabFolder& lab, const RunOptions& options) {
  const EngineCheck engines = check_engines(experiment.engines);
  if (!engines.ready()) throw std::runtime_error(engines.explanation());
  const auto say = [&options](const std::string& line) {
    if (options.progress) options.progress(line);
  };
  const EtcdTiming timing;
  ExperimentResult result;
  result.experiment = experiment.id;
  result.parameters = {"members: " + std::to_string(kMembers) + " etcd processes on 127.0.0.1",
                       "--heartbeat-interval " + std::to_string(timing.heartbeat_interval_ms) +
                           " (simulated heartbeat_interval_ms " + std::to_string(timing.heartbeat_interval_ms) + ")",
                       "--election-timeout " + std::to_string(timing.election_timeout_ms) +
                           " (simulated election_timeout_min_ms " + std::to_string(timing.election_timeout_ms) +
                           ", election_timeout_max_ms " + std::to_string(2 * timing.election_timeout_ms) + ")"};
  const std::filesystem::path folder = lab.new_run_folder(experiment.id);
  result.run_folder = folder.string();

  double no_leader_ms = 0;
  double elections = 0;
  {
    say("starting " + std::to_string(kMembers) + " etcd members in " + folder.string());
    EtcdCluster cluster(lab, folder, *engines.programs.front().path, kMembers, timing);
    const EtcdCluster::SettledLeader settled = cluster.wait_for_settled_leader();
    const std::size_t leader = settled.index;
    const std::uint64_t term = settled.term;
    say("leader: " + cluster.members()[leader].name + " in term " + std::to_string(term) + "; killing it");
    std::vector<std::uintmax_t> offsets;
    for (const auto& m : cluster.members()) offsets.push_back(std::filesystem::file_size(m.log));
    const auto killed_at = std::chrono::steady_clock::now();
    cluster.crash(leader);
    const auto next = cluster.wait_for_leader(30'000, term);
    if (!next) throw std::runtime_error("no new leader within 30 s after the old one was killed");
    no_leader_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - killed_at).count();
    const std::uint64_t new_term = cluster.term_of(*next);
    elections = static_cast<double>(new_term - term);
    say("new leader: " + cluster.members()[*next].name + " in term " + std::to_string(new_term));
    for (std::size_t i = 0; i < cluster.members().size(); ++i)
      collect_election_lines(cluster.members()[i].log, offsets[i], cluster.members()[i].name, result.log_lines);
    cluster.stop_all();
    result.left_running = cluster.any_alive();
  }

  say("simulating the same cluster over " + std::to_string(options.simulated_seeds) + " seeds");
  const scenario::Scenario s = simulated_cluster(timing);
  std::vector<SimulatedElection> runs;
  for (int seed = 1; seed <= options.simulated_seeds; ++seed) {
    if (const auto e = simulate_once(s, static_cast<std::uint64_t>(seed))) runs.push_back(*e);
  }
  if (runs.empty()) throw std::runtime_error("the simulated cluster elected no leader");
  const auto summarise = [&runs](Figure f, double real, double SimulatedElection::*field) {
    return summarise_runs(std::move(f), real, runs, field);
  };
  result.figures.push_back(
      summarise({"detection_time_us+failover_time_us", "no leader after the crash", 0, 0, 0, 0, "ms"}, no_leader_ms,
                &SimulatedElection::no_leader_ms));
  result.figures.push_back(
      summarise({"elections_started", "elections it took", 0, 0, 0, 0, ""}, elections, &SimulatedElection::elections));
  return result;
}

}  // namespace cs::lab
