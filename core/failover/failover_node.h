#pragma once
// A database node in a primary/replica cluster with failover (lesson 5), as a kernel protocol.
//
// The primary accepts writes, acknowledges them at once (asynchronous replication, unless
// replica_acks_required > 0) and ships its log to the replicas with heartbeats. Every replica and
// witness runs a failure detector on the primary. What happens on suspicion depends on the mode:
//   automatic  suspecting replicas stand as candidates; the most up-to-date one is promoted
//              (with `quorum`, only after votes from a strict majority of voters);
//   manual     the operator promotes `manual_candidate` after operator_delay (the alarm-to-action
//              time of a human);
//   none       nothing: the cluster waits.
// A planned switchover drains the primary, waits until the target has every entry, then swaps;
// a second one (switchback) can later hand the role back, as a blue-green rollback does.
// A request's level above 0 makes that one write synchronous (it waits for that many replicas);
// with insert_only, a write to a key that already has a value is refused (book if free).
// Replicas pass client requests on to the primary they know (client redirection).
//
// Promotion gives the new primary a fencing token larger than any before. Protections, each
// switchable: quorum, fencing tokens checked by storage (the shared storage node, and replicas
// for the replication stream), STONITH (power off every unreachable node before promoting), and
// leases (a primary writes only while a majority's grants, less a clock-skew margin, are valid).
//
// Durable: the log, the highest token seen and the last epoch voted in. A restarted node comes
// back as a read-only replica and follows whichever primary it hears from with the highest token.
#include <cstdint>
#include <deque>
#include <map>
#include <memory>

#include "check/leadership_ledger.h"
#include "failover/async_log.h"
#include "failover/failover_config.h"
#include "sim/protocol.h"

namespace cs::failover {

using check::FailoverRecord;
using check::LeadershipLedger;

class FailoverNode final : public sim::Protocol {
 public:
  // Message kinds. Field use is noted where it is not obvious.
  static constexpr std::uint16_t kHeartbeat = sim::kind::kFirstProtocolKind;  // kShip without entries
  // term = token, index/log_term = previous entry, commit = the primary's last index, value = the
  // primary's clock when sent, entries.
  static constexpr std::uint16_t kShip = sim::kind::kFirstProtocolKind + 1;
  // term = highest token the sender knows, ok, index = match or resume hint, value = lease grant.
  static constexpr std::uint16_t kShipAck = sim::kind::kFirstProtocolKind + 2;
  // A client request passed on: index = client endpoint, log_term = original kind.
  static constexpr std::uint16_t kForward = sim::kind::kFirstProtocolKind + 3;
  static constexpr std::uint16_t kConnectProbe = sim::kind::kFirstProtocolKind + 4;  // index = probe number
  static constexpr std::uint16_t kQueryProbe = sim::kind::kFirstProtocolKind + 5;
  static constexpr std::uint16_t kProbeReply = sim::kind::kFirstProtocolKind + 6;
  // term = proposed epoch, index/log_term = the candidate's last entry.
  static constexpr std::uint16_t kCandidate = sim::kind::kFirstProtocolKind + 7;
  static constexpr std::uint16_t kVote = sim::kind::kFirstProtocolKind + 8;     // term = epoch, ok
  static constexpr std::uint16_t kPromote = sim::kind::kFirstProtocolKind + 9;  // term = epoch, value = drain time
  // To the shared storage: term = token, index = client, log_term = original kind, key, value, op_id.
  static constexpr std::uint16_t kStore = sim::kind::kFirstProtocolKind + 10;
  static constexpr std::uint16_t kStoreAck = sim::kind::kFirstProtocolKind + 11;  // ok, has_value, value
  static constexpr std::uint16_t kFence = sim::kind::kFirstProtocolKind + 12;     // term = token

  static constexpr std::uint16_t kHeartbeatTimer = 0;
  static constexpr std::uint16_t kDetectTimer = 1;        // heartbeat silence
  static constexpr std::uint16_t kProbeTimer = 2;         // send the next check
  static constexpr std::uint16_t kProbeTimeoutTimer = 3;  // the check's answer is overdue
  static constexpr std::uint16_t kCandidateTimer = 4;
  static constexpr std::uint16_t kOperatorTimer = 5;
  static constexpr std::uint16_t kStonithTimer = 6;
  static constexpr std::uint16_t kSwitchoverTimer = 7;
  static constexpr std::uint16_t kLeaseTimer = 8;
  static constexpr std::uint16_t kSwitchbackTimer = 9;

  FailoverNode(FailoverConfig config, sim::EndpointId self, std::size_t node_count);

  std::unique_ptr<sim::Protocol> clone() const override { return std::make_unique<FailoverNode>(*this); }
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

  // Read-only state for tests, metrics and monitoring.
  bool is_primary() const { return primary_; }
  bool suspecting() const { return suspecting_; }
  std::int64_t token() const { return primary_ ? token_ : known_token_; }
  std::int64_t highest_token_seen() const { return known_token_; }
  sim::EndpointId known_primary() const { return primary_id_; }
  const AsyncLog& log() const { return log_; }
  const LeadershipLedger& ledger() const { return ledger_; }
  const FailoverConfig& config() const { return config_; }
  std::int64_t promotions() const { return promotions_; }
  std::int64_t suspicions() const { return suspicions_; }
  std::int64_t false_suspicions() const { return false_suspicions_; }
  std::int64_t failed_checks() const { return failed_checks_total_; }
  std::int64_t writes_fenced() const { return writes_fenced_; }
  std::int64_t switchovers() const { return switchovers_; }
  sim::TimeUs switchover_us_last() const { return switchover_us_last_; }
  std::int64_t connections() const;
  sim::TimeUs replication_lag_us() const;
  std::int64_t replication_lag_entries() const;
  sim::TimeUs recovery_us() const { return recovery_us_; }
  std::int64_t storage_highest_token() const { return storage_highest_token_; }

 private:
  struct Peer {
    std::int64_t next_index = 1;
    std::int64_t match_index = 0;
    bool probing = true;
    std::int64_t match_at_last_tick = 0;
    sim::TimeUs lease_grant_us = 0;  // until when this voter promised not to back another primary (its clock)
  };
  struct ClientRef {
    sim::EndpointId client = sim::kNoEndpoint;
    std::uint16_t kind = 0;
    std::uint64_t op_id = 0;
    std::int64_t key = 0;
    int replica_acks = 0;  // a synchronous write: replica acknowledgements it waits for
  };

  // Life cycle and roles (failover_node.cpp).
  sim::TimeUs now(const sim::NodeContext& ctx);
  bool is_voter(sim::EndpointId id) const { return !config_.is_storage(id); }
  std::size_t voters() const;
  std::size_t voter_majority() const { return voters() / 2 + 1; }
  void show_role(sim::NodeContext& ctx);
  // `record`: the failover that led here (nullptr for the initial primary).
  void become_primary(sim::NodeContext& ctx, std::int64_t epoch, const FailoverRecord* record);
  void step_down(sim::NodeContext& ctx, std::int64_t higher_token, sim::EndpointId new_primary);

  // The primary's side: writes, shipping, acknowledgements, lease, storage (failover_primary.cpp).
  void handle_client(sim::NodeContext& ctx, const sim::Message& request);
  void handle_forward(sim::NodeContext& ctx, const sim::Message& forward);
  void accept_write(sim::NodeContext& ctx, const sim::Message& request);
  void ship(sim::NodeContext& ctx, sim::EndpointId peer);
  void ship_all(sim::NodeContext& ctx, bool tick);
  void handle_ship_ack(sim::NodeContext& ctx, const sim::Message& m);
  void release_synchronous(sim::NodeContext& ctx);
  bool lease_valid(const sim::NodeContext& ctx) const;
  void recompute_lease(sim::NodeContext& ctx);
  void handle_store(sim::NodeContext& ctx, const sim::Message& m);      // on the storage node
  void handle_store_ack(sim::NodeContext& ctx, const sim::Message& m);  // on the primary
  void answer(sim::NodeContext& ctx, const ClientRef& ref, bool ok, bool has_value = false, std::int64_t value = 0);
  void ack_write(sim::NodeContext& ctx, const ClientRef& ref);
  bool disk_full(const sim::NodeContext& ctx) const;

  // The replicas' side: following, detection (failover_detection.cpp).
  void handle_ship(sim::NodeContext& ctx, const sim::Message& m);
  void heard_from_primary(sim::NodeContext& ctx, sim::EndpointId from, std::int64_t token);
  void start_detection(sim::NodeContext& ctx);
  void send_probe(sim::NodeContext& ctx);
  void handle_probe_reply(sim::NodeContext& ctx, const sim::Message& m);
  void probe_overdue(sim::NodeContext& ctx);
  void suspect(sim::NodeContext& ctx);

  // Promotion: candidacy, votes, STONITH, manual and planned (failover_promotion.cpp).
  void stand(sim::NodeContext& ctx);
  void handle_candidate(sim::NodeContext& ctx, const sim::Message& m);
  void handle_vote(sim::NodeContext& ctx, const sim::Message& m);
  void candidate_timer(sim::NodeContext& ctx);
  void win(sim::NodeContext& ctx);
  void begin_switchover(sim::NodeContext& ctx, sim::EndpointId target);
  void maybe_finish_switchover(sim::NodeContext& ctx);
  bool better_than_me(std::int64_t last_token, std::int64_t last_index, sim::EndpointId who) const;
  bool may_stand() const;
  // How long a candidate may take from standing to promotion: its window, the STONITH
  // confirmation, and two heartbeats for the news to arrive.
  sim::TimeUs promotion_span_us() const {
    return config_.candidate_window_us + (config_.stonith ? config_.stonith_delay_us : 0) +
           2 * config_.heartbeat_interval_us;
  }

  FailoverConfig config_;
  sim::EndpointId self_;
  std::size_t node_count_;

  // Durable.
  AsyncLog log_;
  std::int64_t known_token_ = 0;
  std::int64_t voted_epoch_ = 0;
  // The highest election epoch heard of (a rival's candidacy, a refusal naming the voter's vote), so
  // that a candidate refused for a low epoch stands again above it, as Raft adopts a higher term.
  std::int64_t epoch_seen_ = 0;

  // Volatile: roles.
  bool primary_ = false;
  std::int64_t token_ = 0;
  sim::EndpointId primary_id_ = sim::kNoEndpoint;
  bool lease_lost_ = false;
  bool draining_ = false;
  sim::EndpointId switchover_target_ = sim::kNoEndpoint;
  sim::TimeUs drain_started_us_ = 0;
  std::deque<sim::Message> held_writes_;
  std::vector<Peer> peers_;
  sim::TimeUs lease_expiry_us_ = 0;                      // primary: its lease, on its own clock
  std::map<std::int64_t, ClientRef> waiting_replicas_;   // synchronous writes by log index
  std::map<std::uint64_t, ClientRef> waiting_storage_;   // shared storage: by operation
  std::map<sim::EndpointId, sim::TimeUs> clients_seen_;  // for the connection count; bounded by endpoints

  // Volatile: detection.
  sim::TimeUs last_heard_us_ = 0;
  bool suspecting_ = false;
  std::int64_t suspected_token_ = 0;
  sim::TimeUs suspected_at_us_ = 0;
  sim::TimeUs detection_us_ = 0;
  std::int64_t probe_seq_ = 0;
  bool probe_outstanding_ = false;
  int failed_in_row_ = 0;
  sim::TimeUs promise_until_us_ = 0;  // lease promise given to the primary, on this node's clock
  std::int64_t primary_last_index_ = 0;
  sim::TimeUs caught_up_at_us_ = 0;  // the primary's clock when this replica was last level with it

  // Volatile: candidacy.
  bool candidate_ = false;
  std::int64_t epoch_ = 0;
  std::uint64_t votes_ = 0;
  std::uint64_t reachable_ = 0;  // nodes that answered this candidacy (STONITH spares them)
  bool stonith_pending_ = false;
  // Without a quorum: this node answered a better-placed candidate, so it does not stand itself
  // before that candidate has had time to win, fence and promote (on this node's clock).
  sim::TimeUs deferred_until_us_ = 0;

  // Volatile: the shared storage node.
  std::int64_t storage_highest_token_ = 0;

  // Run records: kept across crashes.
  sim::TimeUs last_local_us_ = 0;  // this node's clock at the latest event (for the connection count)
  LeadershipLedger ledger_;
  std::int64_t promotions_ = 0;
  std::int64_t suspicions_ = 0;
  std::int64_t false_suspicions_ = 0;
  std::int64_t failed_checks_total_ = 0;
  std::int64_t writes_fenced_ = 0;
  std::int64_t writes_hung_ = 0;
  std::int64_t inserts_refused_ = 0;         // insert_only: the key was taken
  std::int64_t switchovers_ = 0;             // planned hand-overs this node completed as the old primary
  sim::TimeUs switchover_us_last_ = 0;       // the latest one: from the start of the drain to the hand-over
  std::int64_t switch_lag_entries_max_ = 0;  // entries the new primary lacked at a hand-over (0 by design)
  std::int64_t drain_lag_entries_max_ = 0;   // entries it lacked when the drain began
  std::int64_t nodes_powered_off_ = 0;
  sim::TimeUs recovery_us_ = -1;
  bool awaiting_first_ack_ = false;
};

}  // namespace cs::failover
