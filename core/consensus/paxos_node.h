#pragma once
// Single-decree Paxos (Lamport, "Paxos Made Simple"): every node is an acceptor and a learner; the
// first `proposers` nodes also propose, each its own value (node i proposes i + 1).
//   Phase 1: Prepare(n) -> Promise(n, highest accepted proposal) or Nack(promised).
//   Phase 2: Accept(n, v) -> Accepted(n, v), sent to every learner; v is the value of the highest
//            accepted proposal reported in the promises, or the proposer's own if none was.
// A value is chosen once a majority of acceptors has accepted the same proposal.
//
// A proposer whose round has not succeeded within retry_timeout starts a new one with a higher
// number. Two proposers doing that can livelock (dueling proposers). The fixes, switchable and
// optionally only from some time on: a random back-off before each retry, or a distinguished
// proposer (only the first proposer retries; the others wait for it).
//
// Durable: the acceptor's promise and accepted proposal, the proposer's round counter (a proposal
// number must never be reused) and the learned value. The rest is volatile.
#include <cstdint>
#include <map>
#include <memory>

#include "sim/protocol.h"

namespace cs::consensus {

struct PaxosConfig {
  enum class Fix : std::uint8_t { None, Backoff, Distinguished };
  std::size_t proposers = 1;
  sim::TimeUs first_proposal_us = 0;    // when proposer 0 starts
  sim::TimeUs proposer_stagger_us = 0;  // proposer i starts i x this later
  sim::TimeUs retry_timeout_us = 1'000'000;
  Fix fix = Fix::None;
  sim::TimeUs fix_after_us = 0;          // the fix applies to retries at or after this local time
  sim::TimeUs backoff_max_us = 300'000;  // random back-off drawn from [0, this]
};

class PaxosNode final : public sim::Protocol {
 public:
  static constexpr std::uint16_t kPrepare = sim::kind::kFirstProtocolKind;
  static constexpr std::uint16_t kPromise = sim::kind::kFirstProtocolKind + 1;
  static constexpr std::uint16_t kNack = sim::kind::kFirstProtocolKind + 2;
  static constexpr std::uint16_t kAccept = sim::kind::kFirstProtocolKind + 3;
  static constexpr std::uint16_t kAccepted = sim::kind::kFirstProtocolKind + 4;
  static constexpr std::uint16_t kStartTimer = 0;
  static constexpr std::uint16_t kRetryTimer = 1;

  PaxosNode(PaxosConfig config, sim::EndpointId self, std::size_t node_count);

  std::unique_ptr<sim::Protocol> clone() const override { return std::make_unique<PaxosNode>(*this); }
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

  // Read-only state for the invariant checker and tests.
  bool is_proposer() const { return self_ < config_.proposers; }
  std::int64_t own_value() const { return static_cast<std::int64_t>(self_) + 1; }
  std::int64_t promised() const { return promised_n_; }
  std::int64_t accepted_number() const { return accepted_n_; }
  std::int64_t accepted_value() const { return accepted_v_; }
  bool learned() const { return learned_; }
  std::int64_t learned_value() const { return learned_v_; }
  sim::TimeUs learned_at_local_us() const { return learned_at_us_; }
  std::int64_t rounds_started() const { return rounds_started_; }

 private:
  enum class Phase : std::uint8_t { Idle, Preparing, Accepting };

  void start_round(sim::NodeContext& ctx);
  void schedule_retry(sim::NodeContext& ctx);
  sim::Message handle_prepare(std::int64_t n);                     // as acceptor
  sim::Message handle_accept(std::int64_t n, std::int64_t value);  // as acceptor
  void on_promise(sim::NodeContext& ctx, sim::EndpointId from, const sim::Message& m);
  void on_nack(const sim::Message& m);
  void on_accepted(sim::NodeContext& ctx, sim::EndpointId from, std::int64_t n, std::int64_t value);
  void deliver_local(sim::NodeContext& ctx, const sim::Message& reply);  // this node's own acceptor answered
  std::size_t majority() const { return node_count_ / 2 + 1; }
  bool fix_active(const sim::NodeContext& ctx) const;

  PaxosConfig config_;
  sim::EndpointId self_;
  std::size_t node_count_;

  // Durable.
  std::int64_t promised_n_ = 0;
  std::int64_t accepted_n_ = 0;
  std::int64_t accepted_v_ = 0;
  std::int64_t round_ = 0;
  bool learned_ = false;
  std::int64_t learned_v_ = 0;
  sim::TimeUs learned_at_us_ = -1;

  // Volatile: proposer.
  Phase phase_ = Phase::Idle;
  std::int64_t n_ = 0;
  std::uint64_t promises_ = 0;
  std::int64_t highest_reported_n_ = 0;
  std::int64_t highest_reported_v_ = 0;
  std::int64_t highest_seen_n_ = 0;  // from nacks: the next number must beat it
  // Volatile: learner. Acceptors that accepted each proposal number; only recent numbers kept.
  std::map<std::int64_t, std::uint64_t> accepted_by_;

  // Run records.
  std::int64_t rounds_started_ = 0;
  std::int64_t nacks_received_ = 0;
};

}  // namespace cs::consensus
