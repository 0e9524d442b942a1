#pragma once
// A fault relay: a TCP forwarder on 127.0.0.1 that stands in front of one member (its
// destination) and knows which member is talking on each connection it carries, so that a fault
// cuts or slows exactly the chosen member-to-member traffic and nothing else.
//
// Who is talking is learnt in one of two ways:
//  - a fixed sender, given at construction: one relay per client (a replica's replication
//    connection, a Patroni node's connection to etcd);
//  - the HTTP request head the sender writes first: its X-Server-From header, which etcd's
//    rafthttp sets to the sender's member id (hex) on every peer request (streams and pipeline).
//    Ids become names through a table set once they are known; a connection whose head has no
//    such header (a /version or /members probe) is sender "" and is never cut or slowed.
//
// Everything runs in the relay's own thread (one poll loop, non-blocking sockets); faults may be
// set from any thread at any time. Nothing binds or connects beyond 127.0.0.1.
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace cs::lab {

struct RelayOptions {
  std::string destination;  // the member behind the relay: "m1"
  int target_port = 0;      // where it listens on 127.0.0.1
  // The sender of every connection; nullopt: read from each connection's X-Server-From header.
  std::optional<std::string> sender;
  // Bytes held per direction of a connection before the relay stops reading that side.
  std::size_t max_buffered_bytes = std::size_t{1} << 20;
  // Connections carried at once; more wait in the listening socket's backlog.
  std::size_t max_connections = 256;
};

class Relay {
 public:
  // Listens on a free 127.0.0.1 port and starts forwarding. Throws std::runtime_error when it
  // cannot listen.
  explicit Relay(RelayOptions options);
  ~Relay();  // stops the thread and closes every connection
  Relay(const Relay&) = delete;
  Relay& operator=(const Relay&) = delete;

  int port() const { return port_; }
  const std::string& destination() const { return options_.destination; }

  // X-Server-From values (hex member ids, as etcd writes them) to member names.
  void set_sender_names(std::map<std::string, std::string> id_to_name);

  // Resets that sender's connections (both sides see a reset) and every new one from it as soon
  // as the sender is known.
  void cut(const std::string& sender);
  // Holds the bytes of that sender's connections, both directions, for delay_ms before passing
  // them on (bytes already held keep their time).
  void slow(const std::string& sender, int delay_ms);
  void heal(const std::string& sender);
  void heal_all();

  // For tests and reports.
  std::uint64_t bytes_forwarded() const { return bytes_forwarded_.load(); }
  std::uint64_t connections_accepted() const { return connections_accepted_.load(); }
  std::uint64_t connections_reset() const { return connections_reset_.load(); }  // by a cut
  std::size_t connections_open() const { return connections_open_.load(); }
  bool failed() const { return failed_.load(); }  // its thread stopped on an error

 private:
  struct Fault {
    bool cut = false;
    int delay_ms = 0;
  };
  void run();
  void wake();

  const RelayOptions options_;
  int listen_fd_ = -1;
  int port_ = 0;
  int wake_pipe_[2] = {-1, -1};  // a byte written here makes the loop look at the faults again
  std::atomic<bool> stopping_{false};
  std::atomic<bool> failed_{false};
  std::atomic<std::uint64_t> bytes_forwarded_{0};
  std::atomic<std::uint64_t> connections_accepted_{0};
  std::atomic<std::uint64_t> connections_reset_{0};
  std::atomic<std::size_t> connections_open_{0};

  mutable std::mutex mutex_;  // guards faults_ and names_
  std::map<std::string, Fault> faults_;
  std::map<std::string, std::string> names_;
  std::uint64_t generation_ = 0;  // bumped on every change, so the loop copies only when needed

  std::thread thread_;  // last: starts once everything above exists
};

}  // namespace cs::lab
