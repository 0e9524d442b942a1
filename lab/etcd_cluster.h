#pragma once
// A real etcd cluster of a few members on 127.0.0.1, each its own process with its own data folder
// in the run's folder, at ports chosen free when it starts. Members are asked for their view
// (leader and term) through etcd's v3 JSON gateway.
//
// Peer traffic may go through one fault relay per member (lab/relay.h): the member listens for its
// peers on its own port but advertises the relay's, so that every connection to it passes the
// relay, which tells the senders apart by the member id etcd puts in each peer request.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "lab/lab_folder.h"
#include "lab/lab_process.h"
#include "lab/relay.h"

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
    int peer_port = 0;             // where it listens for its peers
    int advertised_peer_port = 0;  // where its peers reach it: its relay's port, or peer_port
    std::filesystem::path folder;
    std::filesystem::path log;
    ProcessRecord process;
    bool running = false;
  };

  // Starts `members` etcd processes (programs from check_engines) in `run_folder`, each process
  // remembered in `lab`. With `relay_peer_traffic`, each member's peers reach it through a relay
  // (needed for partition()). Throws std::runtime_error when one cannot start.
  EtcdCluster(LabFolder& lab, const std::filesystem::path& run_folder, const std::string& etcd_program, int members,
              EtcdTiming timing, bool relay_peer_traffic = false);
  ~EtcdCluster();  // stops every member still running
  EtcdCluster(const EtcdCluster&) = delete;
  EtcdCluster& operator=(const EtcdCluster&) = delete;

  const std::vector<Member>& members() const { return members_; }
  std::optional<EtcdMemberStatus> status(std::size_t member, int timeout_ms = 300) const;
  // The member's term, asked a few times (a busy member may miss one short window); throws
  // std::runtime_error when it does not answer.
  std::uint64_t term_of(std::size_t member) const;
  // Waits until a running member names a leader that the running members agree on (or those of
  // `among`, when given, and the leader one of them); its index.
  std::optional<std::size_t> wait_for_leader(int timeout_ms, std::uint64_t after_term = 0,
                                             const std::vector<std::size_t>& among = {}) const;
  // A leader that has led, unchallenged, for longer than the longest election timeout: a cluster
  // just formed may still hold an election or two (its members' timers start at different
  // moments), and an experiment that kills or cuts off a leader must not race one. Its index and
  // term; throws std::runtime_error (naming the logs' folder) when none settles in ten tries.
  struct SettledLeader {
    std::size_t index = 0;
    std::uint64_t term = 0;
  };
  SettledLeader wait_for_settled_leader() const;
  std::optional<std::size_t> index_of(std::uint64_t member_id) const;
  // Asks every running member its id until all have answered; whether they did in time.
  bool learn_member_ids(int timeout_ms);
  std::uint64_t member_id(std::size_t member) const { return ids_.at(member); }  // 0: not known yet

  // With relayed peer traffic: cuts every connection between the two sides, both directions (each
  // side's relays reset the other side's senders), until heal(). Throws std::logic_error without
  // relays, std::runtime_error when the member ids cannot be learnt.
  void partition(const std::vector<std::size_t>& side_a, const std::vector<std::size_t>& side_b);
  void heal();

  void crash(std::size_t member);  // SIGKILL
  void stop_all();                 // and, once all have stopped, removes their data folders (their logs stay)
  // Whether any process this cluster started is still alive.
  bool any_alive() const;

 private:
  LabFolder& lab_;
  EtcdTiming timing_;
  std::filesystem::path run_folder_;
  std::vector<Member> members_;
  mutable std::vector<std::uint64_t> ids_;      // member ids as each member reported its own
  std::vector<std::unique_ptr<Relay>> relays_;  // one per member when peer traffic is relayed
};

}  // namespace cs::lab
