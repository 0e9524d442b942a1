#pragma once
// The database behind the cache: the source of truth. Every query takes db_query_ms (it has to
// find the row, perhaps on disk); queries run side by side, answered in arrival order. It counts
// its reads per second, which is the load a cache exists to take away.
#include <cstdint>
#include <deque>
#include <map>
#include <memory>

#include "caching/cache_config.h"
#include "caching/cache_messages.h"
#include "caching/per_second.h"
#include "sim/protocol.h"

namespace cs::caching {

class BackingDatabase final : public sim::Protocol {
 public:
  static constexpr std::uint16_t kQueryTimer = 0;
  // Queries in progress at once; beyond, the database refuses (the application then fails the read).
  static constexpr std::size_t kMaxQueriesInProgress = 10'000;

  explicit BackingDatabase(CacheConfig config) : config_(config) {}

  std::unique_ptr<sim::Protocol> clone() const override { return std::make_unique<BackingDatabase>(*this); }
  void start(sim::NodeContext& ctx) override;
  void on_message(sim::NodeContext& ctx, const sim::Message& message) override;
  void on_timer(sim::NodeContext& ctx, std::uint16_t timer_kind) override;
  void on_crash() override;
  void on_restart(sim::NodeContext& ctx) override;
  sim::NodeView view() const override;
  sim::Inspection inspect() const override;
  sim::MessageClass classify(std::uint16_t message_kind) const override { return caching::classify(message_kind); }
  std::string_view message_name(std::uint16_t message_kind) const override {
    return caching::message_name(message_kind);
  }
  void add_metrics(sim::Metrics& metrics) const override;

  const PerSecond& reads_per_second() const { return reads_; }
  std::int64_t value_of(std::int64_t key) const;

 private:
  struct InProgress {
    sim::Message query;
    sim::TimeUs done_us = 0;
  };
  void answer(sim::NodeContext& ctx, const sim::Message& query);

  CacheConfig config_;
  // Volatile: queries in progress die with the process.
  std::deque<InProgress> in_progress_;  // done times rise with arrival: the query time is fixed
  // Durable: the table.
  std::map<std::int64_t, std::int64_t> written_;  // keys written during the run; others hold initial_value
  // Counters for metrics, about the run.
  PerSecond reads_;
  std::int64_t reads_total_ = 0;
  std::int64_t writes_total_ = 0;
};

}  // namespace cs::caching
