#pragma once
// An application server that reads through a cache, the cache-aside pattern:
//  - a read looks in the cache; a hit is answered from memory at once;
//  - a miss asks the database and stores the answer in the cache with a TTL;
//  - a write goes to the database, and only with invalidate_on_write is the cached entry deleted
//    afterwards. Without it, readers get the old value from the cache until the entry expires.
#include <cstdint>
#include <memory>

#include "caching/cache_config.h"
#include "caching/cache_messages.h"
#include "caching/per_second.h"
#include "caching/ttl_cache.h"
#include "sim/protocol.h"

namespace cs::caching {

class AppCacheNode final : public sim::Protocol {
 public:
  explicit AppCacheNode(CacheConfig config) : config_(config), cache_(config.capacity) {}

  std::unique_ptr<sim::Protocol> clone() const override { return std::make_unique<AppCacheNode>(*this); }
  void start(sim::NodeContext& ctx) override;
  void on_message(sim::NodeContext& ctx, const sim::Message& message) override;
  void on_timer(sim::NodeContext&, std::uint16_t) override {}
  void on_crash() override;
  void on_restart(sim::NodeContext& ctx) override;
  sim::NodeView view() const override;
  sim::Inspection inspect() const override;
  sim::MessageClass classify(std::uint16_t message_kind) const override { return caching::classify(message_kind); }
  std::string_view message_name(std::uint16_t message_kind) const override {
    return caching::message_name(message_kind);
  }
  void add_metrics(sim::Metrics& metrics) const override;

  const PerSecond& hits_per_second() const { return hits_; }
  const PerSecond& misses_per_second() const { return misses_; }
  std::int64_t invalidations() const { return invalidations_; }

 private:
  void on_read(sim::NodeContext& ctx, const sim::Message& request);
  void on_db_answer(sim::NodeContext& ctx, const sim::Message& answer);

  CacheConfig config_;
  // Volatile: the cache lives in memory.
  TtlCache cache_;
  sim::TimeUs last_seen_us_ = 0;  // local time of the last event, for the card's entry count
  // Counters for metrics, about the run.
  PerSecond hits_;
  PerSecond misses_;
  std::int64_t hits_total_ = 0;
  std::int64_t misses_total_ = 0;
  std::int64_t invalidations_ = 0;
};

}  // namespace cs::caching
