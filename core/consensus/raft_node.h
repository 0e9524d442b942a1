#pragma once
// Raft (Ongaro and Ousterhout, 2014) as a state machine on the simulation kernel: randomized
// election timeouts, terms and votes; log replication with AppendEntries (an empty one is the
// heartbeat); a commit index advanced by majority; client requests applied in log order, with
// followers passing requests on to the leader they know.
//
// Durable (on disk, kept across a crash): current term, vote, log. Everything else is volatile and
// rebuilt after a restart: the commit index is learned again from the leader and the state
// machine is replayed from the log as entries become known committed.
//
// Reads go through the log too (as entries that change nothing), so a read is answered only once
// its place in the order is committed: reads are linearizable without leases.
#include <cstdint>
#include <map>
#include <memory>
#include <unordered_map>
#include <vector>

#include "check/leadership_ledger.h"
#include "consensus/raft_config.h"
#include "consensus/raft_log.h"
#include "sim/protocol.h"

namespace cs::consensus {

class RaftNode final : public sim::Protocol {
 public:
  static constexpr std::uint16_t kRequestVote = sim::kind::kFirstProtocolKind;
  static constexpr std::uint16_t kVoteReply = sim::kind::kFirstProtocolKind + 1;
  static constexpr std::uint16_t kAppendEntries = sim::kind::kFirstProtocolKind + 2;
  static constexpr std::uint16_t kHeartbeat = sim::kind::kFirstProtocolKind + 3;  // AppendEntries, no entries
  static constexpr std::uint16_t kAppendReply = sim::kind::kFirstProtocolKind + 4;
  // A client request passed on by a follower: index = the client's endpoint, log_term = the
  // request's original kind (read or write); key, value, op_id and level as the client sent them.
  static constexpr std::uint16_t kForward = sim::kind::kFirstProtocolKind + 5;

  static constexpr std::uint16_t kElectionTimer = 0;
  static constexpr std::uint16_t kHeartbeatTimer = 1;
  static constexpr std::uint16_t kTakeoverTimer = 2;

  // Log entries that are not writes carry one of these values (client values are positive).
  static constexpr std::int64_t kNoOpValue = INT64_MIN;
  static constexpr std::int64_t kReadValue = INT64_MIN + 1;

  RaftNode(RaftConfig config, sim::EndpointId self, std::size_t node_count);

  std::unique_ptr<sim::Protocol> clone() const override { return std::make_unique<RaftNode>(*this); }
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

  // Read-only state, for the invariant checker, tests and the run's metrics.
  enum class State : std::uint8_t { Follower, Candidate, Leader };
  State state() const { return state_; }
  bool is_leader() const { return state_ == State::Leader; }
  std::int64_t current_term() const { return current_term_; }
  sim::EndpointId voted_for() const { return voted_for_; }
  sim::EndpointId leader_hint() const { return leader_; }
  const RaftLog& log() const { return log_; }
  std::int64_t commit_index() const { return commit_index_; }
  std::int64_t last_applied() const { return last_applied_; }
  // chain_hash over the entries applied to the state machine, in order (see raft_log.h).
  std::uint64_t applied_hash() const { return applied_hash_; }
  const std::map<std::int64_t, std::int64_t>& state_machine() const { return data_; }
  const check::LeadershipLedger& ledger() const { return ledger_; }
  const RaftConfig& config() const { return config_; }

 private:
  struct PendingReply {
    sim::EndpointId client = sim::kNoEndpoint;
    std::uint16_t kind = 0;
    std::uint64_t op_id = 0;
    std::int64_t key = 0;
  };
  struct Peer {
    std::int64_t next_index = 1;
    std::int64_t match_index = 0;
    // Probing: the leader does not yet know where this follower's log matches its own, so it sends
    // one batch at a time and waits. Replicating: it streams new entries as they arrive.
    bool probing = true;
    std::int64_t match_at_last_tick = 0;
    // The follower's clock when it made the newest acceptance this leader has heard (replies carry
    // it). Appends pipelined on a slow link can reach it out of order: a refusal it made before
    // that acceptance is out of date, not a sign of a lost log.
    sim::TimeUs newest_acceptance_us = -1;
  };

  // Elections (raft_node.cpp).
  void become_follower(sim::NodeContext& ctx, std::int64_t term, bool reset_timer = true);
  void start_election(sim::NodeContext& ctx);
  void ask_for_votes(sim::NodeContext& ctx);
  void become_leader(sim::NodeContext& ctx);
  void reset_election_timer(sim::NodeContext& ctx);
  void handle_request_vote(sim::NodeContext& ctx, const sim::Message& m);
  void handle_vote_reply(sim::NodeContext& ctx, const sim::Message& m);
  bool observe_term(sim::NodeContext& ctx, std::int64_t term);  // true if it stepped down
  std::size_t majority() const { return node_count_ / 2 + 1; }
  sim::TimeUs local_now(const sim::NodeContext& ctx);

  // Replication (raft_replication.cpp).
  void send_append(sim::NodeContext& ctx, sim::EndpointId peer);
  void broadcast_append(sim::NodeContext& ctx, bool heartbeat);
  void handle_append(sim::NodeContext& ctx, const sim::Message& m);
  void handle_append_reply(sim::NodeContext& ctx, const sim::Message& m);
  void advance_commit(sim::NodeContext& ctx);
  void apply_committed(sim::NodeContext& ctx);
  void truncate_after(std::int64_t index);
  void append_entry(const sim::LogEntry& entry);
  // Where a client operation sits among the newest kDuplicateWindowEntries entries (0: not there),
  // so that a duplicated request is not appended twice. Read from the log itself: nothing to keep
  // in step, and nothing that every checkpoint would have to copy.
  std::int64_t recent_index_of(std::uint64_t op_id) const;
  static constexpr std::int64_t kDuplicateWindowEntries = 4'096;
  void maybe_take_over(sim::NodeContext& ctx, sim::EndpointId leader);

  // Clients (raft_client.cpp).
  void handle_client(sim::NodeContext& ctx, const sim::Message& request);
  void handle_forward(sim::NodeContext& ctx, const sim::Message& forward);
  void propose(sim::NodeContext& ctx, const sim::Message& request);

  RaftConfig config_;
  sim::EndpointId self_;
  std::size_t node_count_;

  // Durable.
  std::int64_t current_term_ = 0;
  sim::EndpointId voted_for_ = sim::kNoEndpoint;
  RaftLog log_;

  // Volatile.
  State state_ = State::Follower;
  sim::EndpointId leader_ = sim::kNoEndpoint;
  std::int64_t commit_index_ = 0;
  std::int64_t last_applied_ = 0;
  std::uint64_t applied_hash_ = 0;
  std::map<std::int64_t, std::int64_t> data_;  // the state machine; bounded by the key space
  std::uint64_t votes_ = 0;                    // bit per node that granted its vote this term
  std::uint64_t answered_ = 0;                 // bit per node that answered this candidacy at all
  std::vector<Peer> peers_;
  std::map<std::int64_t, PendingReply> pending_;  // by log index, leader only

  // Failure detection as this node saw it, on its own clock (for the failover metrics).
  bool heard_leader_ = false;
  sim::TimeUs last_heard_leader_us_ = 0;
  sim::TimeUs suspected_at_us_ = -1;  // first election timeout since it last heard a leader
  sim::TimeUs last_local_us_ = 0;     // this node's clock at the event being handled
  std::int64_t leader_commit_seen_ = 0;
  bool takeover_scheduled_ = false;
  bool booted_ = false;  // durable: a restart is not a first boot

  // Run records: kept across crashes.
  check::LeadershipLedger ledger_;
  std::int64_t elections_started_ = 0;
  std::int64_t entries_truncated_ = 0;
  std::int64_t requests_forwarded_ = 0;
  std::int64_t requests_refused_ = 0;
  std::int64_t followers_lost_log_ = 0;  // a follower came back without entries it had acknowledged
};

}  // namespace cs::consensus
