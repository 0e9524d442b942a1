#pragma once
// A connection pooler in PgBouncer's transaction mode: many clients connect to it cheaply (it is
// one event-driven process, not a process per client), and it lends a small, fixed set of server
// connections to the database to whichever client has a query to run. A client with no free
// server connection waits in a FIFO queue; that wait is the price of the pool, and is recorded.
#include <cstdint>
#include <deque>
#include <memory>
#include <vector>

#include "pooling/pool_config.h"
#include "sim/protocol.h"

namespace cs::pooling {

class PoolerNode final : public sim::Protocol {
 public:
  static constexpr std::uint16_t kWatchdogTimer = 0;
  static constexpr std::uint16_t kReconnectTimer = 1;
  // Waits kept for the pool_wait percentile; later ones are counted but not kept.
  static constexpr std::size_t kMaxWaitSamples = 200'000;

  explicit PoolerNode(PoolerConfig config) : config_(config) {}

  std::unique_ptr<sim::Protocol> clone() const override { return std::make_unique<PoolerNode>(*this); }
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

  const std::vector<sim::TimeUs>& waits_us() const { return waits_us_; }
  std::int64_t refused() const { return refused_; }
  std::size_t waiting() const { return waiting_.size(); }

 private:
  enum class SlotState : std::uint8_t { Closed, Connecting, Idle, Busy };
  struct Slot {
    SlotState state = SlotState::Closed;
    sim::Message request;  // the client request being served while Busy
    sim::TimeUs busy_since_us = 0;
  };
  struct Waiting {
    sim::Message request;
    sim::TimeUs arrived_us = 0;
  };

  void open(sim::NodeContext& ctx, std::size_t slot);
  void on_client(sim::NodeContext& ctx, const sim::Message& request);
  void on_connected(sim::NodeContext& ctx, const sim::Message& message);
  void on_result(sim::NodeContext& ctx, const sim::Message& result);
  // Hands free server connections to the clients that have waited longest.
  void dispatch(sim::NodeContext& ctx);
  // Drops server connections whose query has run too long (the database may be gone).
  void check_stuck(sim::NodeContext& ctx);
  std::size_t count(SlotState state) const;

  PoolerConfig config_;
  // Volatile: a crash closes every client and server connection.
  std::vector<Slot> slots_;
  std::deque<Waiting> waiting_;
  // Counters for metrics, about the run.
  std::vector<sim::TimeUs> waits_us_;
  std::int64_t waits_total_ = 0;
  std::int64_t refused_ = 0;
  std::int64_t timed_out_ = 0;
};

}  // namespace cs::pooling
