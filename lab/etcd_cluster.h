#pragma once
// A real etcd cluster of a few members on 127.0.0.1, each its own process with its own data folder
// in the run's folder, at ports chosen free when it starts. Members are asked for their view
// (leader and term) through etcd's v3 JSON gateway.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "lab/lab_folder.h"
#include "lab/lab_process.h"

namespace cs::lab {

struct EtcdTiming {
  int heartbeat_interval_ms = 100;  // etcd --heartbeat-interval
  int election_timeout_ms = 1000;   // etcd --election-timeout (randomized up to twice that)
};

struct EtcdMemberStatus {
  std::uint64_t member_id = 0;
  std::uint64_t leader_id = 0;  // 0: no leader known
  std::uint64_t term = 0;
};

class EtcdCluster {
 public:
  struct Member {
    std::string name;
    int client_port = 0;
    int peer_port = 0;
    std::filesystem::path folder;
    std::filesystem::path log;
    ProcessRecord process;
    bool running = false;
  };

  // Starts `members` etcd processes (programs from check_engines) in `run_folder`, each process
  // remembered in `lab`. Throws std::runtime_error when one cannot start.
  EtcdCluster(LabFolder& lab, const std::filesystem::path& run_folder, const std::string& etcd_program, int members,
              EtcdTiming timing);
  ~EtcdCluster();  // stops every member still running
  EtcdCluster(const EtcdCluster&) = delete;
  EtcdCluster& operator=(const EtcdCluster&) = delete;

  const std::vector<Member>& members() const { return members_; }
  std::optional<EtcdMemberStatus> status(std::size_t member, int timeout_ms = 300) const;
  // Waits until a running member names a leader that the running members agree on; its index.
  std::optional<std::size_t> wait_for_leader(int timeout_ms, std::uint64_t after_term = 0) const;
  std::optional<std::size_t> index_of(std::uint64_t member_id) const;

  void crash(std::size_t member);  // SIGKILL
  void stop_all();
  // Whether any process this cluster started is still alive.
  bool any_alive() const;

 private:
  LabFolder& lab_;
  std::vector<Member> members_;
  mutable std::vector<std::uint64_t> ids_;  // member ids as each member reported its own
};

}  // namespace cs::lab
