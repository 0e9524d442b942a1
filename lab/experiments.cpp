#include "lab/experiments.h"

#include <cstdio>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

#include "lab/listen_watch.h"

namespace cs::lab {

ExperimentResult run_etcd_leader_election(const Experiment& experiment, LabFolder& lab, const RunOptions& options);
ExperimentResult run_etcd_partition(const Experiment& experiment, LabFolder& lab, const RunOptions& options);
ExperimentResult run_pg_streaming_replication(const Experiment& experiment, LabFolder& lab, const RunOptions& options);
ExperimentResult run_pg_failover(const Experiment& experiment, LabFolder& lab, const RunOptions& options);
ExperimentResult run_patroni_failover(const Experiment& experiment, LabFolder& lab, const RunOptions& options);

const std::vector<Experiment>& experiments() {
  static const std::vector<Experiment> kExperiments = {
      {"etcd-leader-election",
       "05-failover",
       "raft-leader-crash",
       "Raft in etcd: kill the leader of five members and time the new election",
       {"etcd"}},
      {"etcd-partition",
       "05-failover",
       "raft-partition-minority-leader",
       "Raft in etcd: cut the leader and one other member off from the other three; the minority cannot commit, "
       "the majority elects a leader and can; heal and time the rejoin",
       {"etcd"}},
      {"pg-streaming-replication",
       "02-replication",
       "async-lag-stale-read",
       "PostgreSQL streaming replication: a standby's lag, a stale read from it, and what synchronous commit costs",
       {"postgresql"}},
      {"pg-failover",
       "05-failover",
       "auto-failover-async-loss",
       "PostgreSQL failover: acknowledged writes lost by an asynchronous standby, none by a synchronous one, and "
       "the old primary rewound with pg_rewind",
       {"postgresql"}},
      {"patroni-failover",
       "05-failover",
       "patroni-style",
       "Patroni with etcd: the primary killed and a replica promoted when its leader key expires; then the new "
       "primary cut off from etcd demotes itself before another takes the key",
       {"etcd", "postgresql", "patroni"}},
  };
  return kExperiments;
}

const Experiment* find_experiment(const std::string& id) {
  for (const Experiment& e : experiments()) {
    if (e.id == id) return &e;
  }
  return nullptr;
}

namespace {

ExperimentResult run_one(const Experiment& experiment, LabFolder& lab, const RunOptions& options) {
  if (experiment.id == "etcd-leader-election") return run_etcd_leader_election(experiment, lab, options);
  if (experiment.id == "etcd-partition") return run_etcd_partition(experiment, lab, options);
  if (experiment.id == "pg-streaming-replication") return run_pg_streaming_replication(experiment, lab, options);
  if (experiment.id == "pg-failover") return run_pg_failover(experiment, lab, options);
  if (experiment.id == "patroni-failover") return run_patroni_failover(experiment, lab, options);
  throw std::runtime_error("no experiment " + experiment.id);
}

}  // namespace

ExperimentResult run_experiment(const Experiment& experiment, LabFolder& lab, const RunOptions& options) {
  if (lab.disk_use_bytes() > kLabDiskCapBytes) {
    throw std::runtime_error("the lab folder " + lab.root().string() +
                             " holds more than its cap of 2 GiB: clusterscope-cli lab clean removes old runs");
  }
  // Watched the whole time: a process of the lab's listening beyond loopback is named in the result.
  ListenWatch watch({lab.root(), shared_server_root()});
  lab.set_stop_asked(options.stop_asked);
  ExperimentResult result = run_one(experiment, lab, options);
  result.listening_beyond_loopback = watch.stop();
  return result;
}

std::string result_json(const ExperimentResult& r) {
  nlohmann::json j;
  j["experiment"] = r.experiment;
  j["parameters"] = r.parameters;
  j["figures"] = nlohmann::json::array();
  for (const Figure& f : r.figures) {
    j["figures"].push_back({{"metric", f.metric},
                            {"meaning", f.meaning},
                            {"unit", f.unit},
                            {"real", f.real},
                            {"simulated", f.simulated},
                            {"simulated_min", f.simulated_min},
                            {"simulated_max", f.simulated_max}});
  }
  j["log_lines"] = r.log_lines;
  j["run_folder"] = r.run_folder;
  j["left_running"] = r.left_running;
  j["listening_beyond_loopback"] = r.listening_beyond_loopback;
  return j.dump(2);
}

std::string result_text(const ExperimentResult& r) {
  std::ostringstream out;
  out << r.experiment << "\n";
  for (const std::string& p : r.parameters) out << "  " << p << "\n";
  char line[256];
  std::snprintf(line, sizeof line, "\n  %-28s %12s %24s\n", "", "real", "simulated (mean, range)");
  out << line;
  for (const Figure& f : r.figures) {
    std::snprintf(line, sizeof line, "  %-28s %9.1f %-2s %9.1f %-2s (%.1f-%.1f)\n", f.meaning.c_str(), f.real,
                  f.unit.c_str(), f.simulated, f.unit.c_str(), f.simulated_min, f.simulated_max);
    out << line;
  }
  if (!r.log_lines.empty()) {
    out << "\n  What the engines logged:\n";
    for (const std::string& l : r.log_lines) out << "    " << l << "\n";
  }
  for (const std::string& l : r.listening_beyond_loopback) out << "\n  LISTENING BEYOND LOOPBACK: " << l;
  out << "\n  Run folder: " << r.run_folder << (r.left_running ? " (PROCESSES LEFT RUNNING)" : "") << "\n";
  return out.str();
}

}  // namespace cs::lab
