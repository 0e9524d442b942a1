#pragma once
// Leaderless replication in the style of Dynamo and Cassandra. Each key lives on N replicas per
// datacentre (consecutive nodes of the datacentre, starting at the key's hash). Any node can
// coordinate a client request: it stamps a write with its own clock and sends it to every
// replica, and answers once enough of them have acknowledged; it asks every replica for a read
// and answers with the newest value among the first enough answers. How many is "enough" is the
// request's consistency level (ONE, QUORUM, ALL, LOCAL_QUORUM) or the model's R and W.
// Replicas keep the value with the highest stamp (last write wins).
// Repairs: a read that sees an older value on a replica writes the newest back (read repair); a
// coordinator keeps a hint for each replica that did not acknowledge a write and replays it once
// the replica is reachable again (hinted handoff); and every anti_entropy_interval each node
// compares all the cells it shares with one peer, in turn, and both keep the newer (anti-entropy
// repair, as Dynamo's Merkle-tree exchange or `nodetool repair`): what a crashed coordinator
// never sent, or a dropped hint, is repaired at last. A gossip heartbeat tells each node which peers
// are alive, so that a coordinator that cannot reach enough replicas refuses at once
// (Cassandra's UnavailableException) instead of writing where it cannot succeed.
#include <cstdint>
#include <map>
#include <memory>
#include <vector>

#include "consistency/lww_register.h"
#include "consistency/quorum.h"
#include "replication/replica_state.h"
#include "sim/protocol.h"

namespace cs::replication {

struct LeaderlessConfig {
  std::size_t replication_factor = 3;  // N: replicas of each key in each datacentre
  std::size_t read_replicas = 2;       // R, for requests with no level
  std::size_t write_replicas = 2;      // W, for requests with no level
  std::size_t datacenters = 1;         // the nodes, split into this many consecutive groups
  // Levels that client sessions ask for, in turn (session i uses entry i mod size); empty: the
  // level the request carries. Stands in for each client driver's configured level.
  std::vector<consistency::ConsistencyLevel> session_levels;
  sim::TimeUs request_timeout_us = 1'000'000;  // the coordinator gives up waiting for replicas
  bool read_repair = true;
  bool hinted_handoff = true;
  sim::TimeUs hint_replay_interval_us = 1'000'000;
  sim::TimeUs anti_entropy_interval_us = 10'000'000;  // 0: no anti-entropy repair
  sim::TimeUs gossip_interval_us = 1'000'000;
  sim::TimeUs failure_timeout_us = 3'000'000;  // a peer silent this long is considered down
  std::size_t max_pending_requests = 1'000;
  std::size_t max_hints = 1'000;
};

class LeaderlessNode final : public sim::Protocol, public ReplicaState {
 public:
  static constexpr std::uint16_t kReplicaWrite = sim::kind::kFirstProtocolKind;
  static constexpr std::uint16_t kReplicaWriteAck = kReplicaWrite + 1;
  static constexpr std::uint16_t kReplicaRead = kReplicaWrite + 2;
  static constexpr std::uint16_t kReplicaReadReply = kReplicaWrite + 3;
  static constexpr std::uint16_t kGossip = kReplicaWrite + 4;
  static constexpr std::uint16_t kRepairDigest = kReplicaWrite + 5;
  static constexpr std::uint16_t kGossipTimer = 0;
  static constexpr std::uint16_t kHintTimer = 1;
  static constexpr std::uint16_t kDeadlineTimer = 2;
  static constexpr std::uint16_t kRepairTimer = 3;

  LeaderlessNode(LeaderlessConfig config, sim::EndpointId self, std::size_t node_count);

  std::unique_ptr<sim::Protocol> clone() const override { return std::make_unique<LeaderlessNode>(*this); }
  void start(sim::NodeContext& ctx) override;
  void on_message(sim::NodeContext& ctx, const sim::Message& message) override;
  void on_timer(sim::NodeContext& ctx, std::uint16_t timer_kind) override;
  void on_crash() override;
  void on_restart(sim::NodeContext& ctx) override;
  sim::NodeView view() const override;
  sim::Inspection inspect() const override;
  sim::MessageClass classify(std::uint16_t message_kind) const override;
  std::string_view message_name(std::uint16_t message_kind) const override;
  void add_metrics(sim::Metrics& metrics) const override;

  bool holds_write(std::int64_t key, std::int64_t value) const override;

  // Placement and levels, shared with the model's metrics and tests.
  static std::vector<sim::EndpointId> replicas_of(std::int64_t key, const LeaderlessConfig& config,
                                                  std::size_t node_count);
  static std::size_t datacenter_of(sim::EndpointId node, const LeaderlessConfig& config, std::size_t node_count);
  // The level a request from `client` runs at, given what the request itself carries.
  static consistency::ConsistencyLevel level_for(const LeaderlessConfig& config, std::size_t node_count,
                                                 sim::EndpointId client, std::uint8_t requested);

  // For tests and charts.
  const std::map<std::int64_t, consistency::LwwRegister>& data() const { return data_; }
  std::size_t hint_count() const { return hints_.size(); }

  const LeaderlessConfig& config() const { return config_; }

 private:
  struct Pending {
    sim::Message request;  // the client's
    bool write = false;
    consistency::ConsistencyLevel level = consistency::ConsistencyLevel::Default;
    std::size_t required = 0;  // answers the level needs
    std::vector<sim::EndpointId> replicas;
    std::vector<sim::EndpointId> waiting;  // replicas that have not answered yet
    std::size_t counted = 0;               // answers that count toward the level
    bool replied = false;
    consistency::LwwStamp stamp;      // write: what is being written
    consistency::LwwRegister newest;  // read: the newest value among the answers
    std::vector<std::pair<sim::EndpointId, consistency::LwwRegister>> answers;  // read: for repair
    sim::TimeUs deadline_local_us = 0;
  };
  struct Hint {
    sim::EndpointId replica = sim::kNoEndpoint;
    std::int64_t key = 0;
    consistency::LwwStamp stamp;
  };

  // Coordinator (leaderless_coordinator.cpp).
  void on_client(sim::NodeContext& ctx, const sim::Message& request);
  void on_write_ack(sim::NodeContext& ctx, const sim::Message& message);
  void on_read_reply(sim::NodeContext& ctx, const sim::Message& message);
  // Records `replica`'s answer to request `op_id`; answers the client once the level is met and
  // forgets the request once every replica has answered.
  void count_answer(sim::NodeContext& ctx, std::uint64_t op_id, sim::EndpointId replica);
  void repair_replicas(sim::NodeContext& ctx, const Pending& pending);
  void expire_requests(sim::NodeContext& ctx);
  void arm_deadline(sim::NodeContext& ctx);
  bool counts(const Pending& pending, sim::EndpointId replica) const;
  // Replica, gossip and hints (leaderless.cpp).
  void send_write(sim::NodeContext& ctx, sim::EndpointId replica, std::int64_t key, const consistency::LwwStamp& stamp,
                  std::uint64_t op_id);
  bool store(std::int64_t key, const consistency::LwwStamp& stamp);
  void add_hint(sim::EndpointId replica, std::int64_t key, const consistency::LwwStamp& stamp);
  void replay_hints(sim::NodeContext& ctx);
  // Anti-entropy: the cells this node shares with `peer`, and what to do with a peer's.
  void send_digest(sim::NodeContext& ctx, sim::EndpointId peer, bool answer);
  void on_digest(sim::NodeContext& ctx, const sim::Message& message);
  bool alive(const sim::NodeContext& ctx, sim::EndpointId peer) const { return alive_at(ctx.local_now_us(), peer); }
  bool alive_at(sim::TimeUs local_now_us, sim::EndpointId peer) const;

  LeaderlessConfig config_;
  sim::EndpointId self_;
  std::size_t node_count_;
  // Durable: the data, and the hints (Cassandra keeps them on disk).
  std::map<std::int64_t, consistency::LwwRegister> data_;
  std::vector<Hint> hints_;
  // Volatile.
  std::map<std::uint64_t, Pending> pending_;      // by client operation id
  std::vector<sim::TimeUs> last_heard_local_us_;  // per peer, for the failure detector
  // This node's clock at its latest event: the inspector, which has no context, judges the peers
  // by it as alive() would have then.
  sim::TimeUs last_event_local_us_ = 0;
  // Counters for metrics, kept across crashes.
  std::int64_t unavailable_ = 0;
  std::int64_t timeouts_ = 0;
  std::int64_t read_repairs_ = 0;
  std::int64_t hints_stored_ = 0;
  std::int64_t hints_delivered_ = 0;
  std::int64_t hints_dropped_ = 0;
  std::int64_t cells_repaired_ = 0;  // by anti-entropy
  sim::EndpointId next_repair_peer_ = 0;
};

}  // namespace cs::replication
