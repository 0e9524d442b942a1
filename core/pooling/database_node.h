#pragma once
// A PostgreSQL-like database server: every connection is a server process, at most
// max_connections of them exist, and the running queries share a few cores (CpuShare).
// Two kinds of callers reach it:
//  - a client directly, with no pool: each request opens its own connection (as a script or a
//    serverless function does), pays the connection set-up on the CPU, runs, and closes it.
//    Beyond max_connections the request is refused at once: "FATAL: sorry, too many clients
//    already".
//  - a pooler, which opens a few long-lived server connections once and sends queries on them.
#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <utility>

#include "pooling/cpu_share.h"
#include "pooling/pool_config.h"
#include "sim/protocol.h"

namespace cs::pooling {

class DatabaseNode final : public sim::Protocol {
 public:
  static constexpr std::uint16_t kCpuTimer = 0;

  explicit DatabaseNode(DatabaseConfig config)
      : config_(config), cpu_(config.cores, config.contention_per_connection) {}

  std::unique_ptr<sim::Protocol> clone() const override { return std::make_unique<DatabaseNode>(*this); }
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

  std::size_t open_connections() const { return direct_connections_ + pooled_connections_.size(); }
  std::size_t pooled_connections() const { return pooled_connections_.size(); }
  const DatabaseConfig& config() const { return config_; }
  std::size_t peak_connections() const { return peak_connections_; }
  std::int64_t refused() const { return refused_; }
  std::int64_t connections_opened() const { return connections_opened_; }
  std::size_t peak_running() const { return peak_running_; }

 private:
  enum class JobKind : std::uint8_t { Connect, DirectQuery, PooledQuery };
  struct Job {
    JobKind kind = JobKind::DirectQuery;
    sim::Message message;  // the request, the forwarded query, or the connect
  };

  bool has_room() const { return open_connections() < config_.max_connections; }
  void connection_opened();
  void run(sim::NodeContext& ctx, JobKind kind, const sim::Message& message, double work_us);
  void finish(sim::NodeContext& ctx, const Job& job);
  // Applies a read or write to the data and returns (has_value, value) for the answer.
  std::pair<bool, std::int64_t> execute(const sim::Message& request);
  void schedule_cpu(sim::NodeContext& ctx);

  DatabaseConfig config_;
  // Volatile: a crash kills every server process and its connection.
  CpuShare cpu_;
  std::map<std::uint64_t, Job> jobs_;
  std::uint64_t next_job_ = 1;
  std::size_t direct_connections_ = 0;
  std::set<std::pair<sim::EndpointId, std::int64_t>> pooled_connections_;  // (pooler, slot)
  // Durable: the tables survive a restart.
  std::map<std::int64_t, std::int64_t> data_;
  // Counters for metrics, about the run rather than the node.
  std::size_t peak_connections_ = 0;
  std::size_t peak_running_ = 0;
  std::int64_t refused_ = 0;
  std::int64_t connections_opened_ = 0;
  std::int64_t queries_done_ = 0;
};

}  // namespace cs::pooling
