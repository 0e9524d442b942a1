#pragma once
// The sharding model's state machine. One class plays every role a node can have, chosen by the
// configuration: router (finds the shard for a client's request, or asks them all and merges),
// directory (the lookup table of key -> shard), shard primary or replica (stores rows), and
// balancer (splits ranges, moves chunks when a shard joins). Everything happens through messages
// and timers, so the stage can animate it and faults apply to it.
//
// Durable (survives a crash, as on disk): stored rows, the directory, which moves this node has
// handed off or completed, the balancer's metadata, the check-in id counter. Volatile: requests in
// flight at a router, a router's routing table and directory cache, a move being sent (it starts
// again), load counters.
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <set>
#include <vector>

#include "sharding/routing_table.h"
#include "sharding/shard_config.h"
#include "sharding/shard_messages.h"
#include "sim/cow_map.h"
#include "sim/protocol.h"

namespace cs::sharding {

// Rows in a store are ordered by shard key, so a range, one user's check-ins or a chunk is one
// contiguous run; the id breaks ties.
struct StoreKey {
  std::int64_t shard_key = 0;
  std::int64_t id = 0;
  auto operator<=>(const StoreKey&) const = default;
};
// Shared by copies (checkpoints): a table that grows through a long run costs each checkpoint only
// the leaves that changed since the one before.
using Store = sim::CowMap<StoreKey, Row>;

struct ShardCounters {
  std::int64_t keys_moved = 0;  // rows handed to another shard (counted by the source)
  std::int64_t single_shard_queries = 0;
  std::int64_t scatter_gather_queries = 0;
  std::int64_t single_shard_us_total = 0;  // router-measured latency of successful requests
  std::int64_t scatter_gather_us_total = 0;
  std::int64_t single_shard_ok = 0;
  std::int64_t scatter_gather_ok = 0;
  std::int64_t shard_requests = 0;    // router -> shard messages
  std::int64_t routing_failures = 0;  // requests a router gave up on
  std::int64_t directory_lookups = 0;
  std::int64_t not_owner_retries = 0;
  std::int64_t range_splits = 0;
  std::int64_t ops_served = 0;  // at a primary
  std::int64_t writes_served = 0;
  std::int64_t rows_replicated = 0;
  std::int64_t reads_routed = 0;          // router: client reads answered (either way)
  std::int64_t read_shards_touched = 0;   // router: shards those reads asked
  std::int64_t multi_shard_requests = 0;  // router: requests that had to ask more than one shard
  // Replica: the longest a row stood on the primary before it reached this copy (the primary's
  // clock when it sent the row, against this node's clock when it applied it).
  sim::TimeUs replica_lag_us_max = 0;
};

struct MigrationProgress {
  Move move;
  double progress = 0;  // [0, 1]
};

class ShardNode final : public sim::Protocol {
 public:
  static constexpr std::uint16_t kSweepTimer = 0;     // router: timeouts and retries
  static constexpr std::uint16_t kJoinTimer = 1;      // balancer: the spare shard joins
  static constexpr std::uint16_t kMigrateTimer = 2;   // source: next batch, or resend
  static constexpr std::uint16_t kBalancerTimer = 3;  // balancer: re-dispatch stalled moves
  static constexpr std::uint16_t kLocalTimer = 4;     // messages a node sends to itself

  static constexpr std::size_t kMaxPending = 10'000;
  static constexpr std::size_t kMaxRows = 2'000'000;
  static constexpr std::size_t kMaxDirectoryEntries = 1'000'000;
  static constexpr std::size_t kMaxRememberedMoves = 4'096;
  static constexpr std::size_t kMaxLocalMessages = 20'000;
  static constexpr std::uint32_t kMaxAttempts = 8;
  static constexpr sim::TimeUs kSweepIntervalUs = 20'000;
  static constexpr sim::TimeUs kRetryDelayUs = 20'000;
  static constexpr sim::TimeUs kAckTimeoutUs = 1'000'000;
  static constexpr sim::TimeUs kBalancerCheckUs = 500'000;
  static constexpr sim::TimeUs kMoveRedispatchUs = 3'000'000;

  ShardNode(std::shared_ptr<const ShardConfig> config, sim::EndpointId self);

  std::unique_ptr<sim::Protocol> clone() const override { return std::make_unique<ShardNode>(*this); }
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

  // Observation, for view_data, run metrics and tests.
  const ShardConfig& config() const { return *config_; }
  sim::EndpointId self() const { return self_; }
  ShardIndex shard() const { return shard_; }
  bool is_primary() const { return config_->is_primary(self_); }
  bool is_active_primary() const { return is_primary() && shard_ < routing_.shards(); }
  const Store& store() const { return store_; }
  const RoutingTable& routing() const { return routing_; }
  const ShardCounters& counters() const { return counters_; }
  std::size_t directory_entries() const { return directory_.size(); }
  std::size_t pending_requests() const { return pending_.size(); }
  // Rows this primary serves now (a row on its way out counts until it is handed off).
  std::int64_t owned_rows() const;
  double recent_load_per_s(sim::TimeUs local_now_us) const;
  std::vector<MigrationProgress> outgoing_moves() const;
  // Whether this shard serves `shard_key` now; if not, `hint` says where to try.
  bool owns(std::int64_t shard_key, ShardIndex* hint) const;
  // Whether this node, as an active primary, serves `row` now.
  bool owns_row(const Row& row) const { return is_active_primary() && row_owned(row); }
  // Balancer: a routing announcement some node has not yet acknowledged (its table may be stale).
  bool announcing() const { return announcements_unacknowledged(); }

 private:
  struct PendingRequest {
    enum class Stage : std::uint8_t { Lookup, Waiting, RetryLater, VerticalRest };
    sim::Message client;  // answered when the request finishes
    msg::Op op = msg::Op::Get;
    Row row;  // Put
    std::int64_t shard_key = 0;
    std::int64_t arg = 0;     // Get: row id; History: user id; Scan: venue
    bool all_shards = false;  // scatter-gather, or a join over every vertical partition
    Stage stage = Stage::Waiting;
    ShardIndex target = kNoShard;
    std::uint64_t replied = 0;  // one bit per shard that has answered
    std::uint32_t awaiting = 0;
    std::uint32_t touched = 0;
    std::int64_t result = 0;
    bool has_value = false;
    bool ok = true;
    std::uint32_t attempts = 0;
    sim::TimeUs started_us = 0;
    sim::TimeUs deadline_us = 0;
    sim::TimeUs retry_at_us = 0;
  };
  using Stage = PendingRequest::Stage;

  struct OutgoingMove {
    Move move;
    bool started = false;
    bool cursor_set = false;
    bool resend_all = false;   // crashed after the hand-off: send every row again, as final
    bool caught_up = false;    // the scan reached the end once: what is left goes in the final batch
    StoreKey cursor;           // rows at or before it have been sent
    std::set<StoreKey> dirty;  // written after being sent: they go again in the final batch
    std::int64_t seq = 0;
    bool awaiting_ack = false;
    sim::TimeUs sent_at_us = 0;
    sim::Message last_batch;  // resent as is when its ack does not come
    std::int64_t rows_total = 0;
    std::int64_t rows_sent = 0;
  };

  // Router (shard_router.cpp).
  void on_client_request(sim::NodeContext& ctx, const sim::Message& m);
  // Gives a new check-in its id, or a duplicated request the row it made the first time.
  void name_checkin(std::uint64_t op_id, Row& row);
  void dispatch(sim::NodeContext& ctx, std::uint64_t id, PendingRequest& p);
  void send_request(sim::NodeContext& ctx, std::uint64_t id, const PendingRequest& p, ShardIndex shard);
  void on_reply(sim::NodeContext& ctx, const sim::Message& m);
  void on_not_owner(sim::NodeContext& ctx, const sim::Message& m);
  void on_lookup_reply(sim::NodeContext& ctx, const sim::Message& m);
  void finish(sim::NodeContext& ctx, std::uint64_t id, bool ok);
  void sweep(sim::NodeContext& ctx);
  void arm_sweep(sim::NodeContext& ctx);
  ShardIndex target_of(const PendingRequest& p) const;
  std::uint32_t shard_count() const;

  // Directory (shard_directory.cpp).
  void on_lookup(sim::NodeContext& ctx, const sim::Message& m);
  void preload_directory();

  // Store (shard_store.cpp).
  void on_request(sim::NodeContext& ctx, const sim::Message& m);
  void on_replicate(sim::NodeContext& ctx, const sim::Message& m);
  void on_resync(sim::NodeContext& ctx, const sim::Message& m);
  void replicate(sim::NodeContext& ctx, const std::vector<Row>& rows, std::int64_t mode);
  void note_served(sim::NodeContext& ctx);
  void maybe_split(sim::NodeContext& ctx, std::int64_t shard_key);
  StoreKey key_of(const Row& row) const { return {config_->shard_key_of(row), row.id}; }
  bool row_owned(const Row& row) const;

  // Migration, source and destination (shard_migration.cpp).
  void on_move_chunk(sim::NodeContext& ctx, const sim::Message& m);
  void on_migrate_timer(sim::NodeContext& ctx);
  void on_chunk_batch(sim::NodeContext& ctx, const sim::Message& m);
  void on_chunk_ack(sim::NodeContext& ctx, const sim::Message& m);
  void note_write(const StoreKey& key, bool is_new);
  std::int64_t count_covered(const Move& move) const;

  // Balancer (shard_balancer.cpp).
  bool is_balancer() const { return config_->balancer() == self_; }
  void on_join_timer(sim::NodeContext& ctx);
  void on_chunk_done(sim::NodeContext& ctx, const sim::Message& m);
  void on_split_request(sim::NodeContext& ctx, const sim::Message& m);
  void start_range_move(sim::NodeContext& ctx, std::size_t range, ShardIndex to);
  void dispatch_moves(sim::NodeContext& ctx);
  void on_balancer_timer(sim::NodeContext& ctx);
  void to_balancer(sim::NodeContext& ctx, sim::Message m);
  // Broadcasts a routing change, numbered, and keeps it to send again (announce.cpp).
  void announce(sim::NodeContext& ctx, sim::Message m);
  void on_announce_ack(sim::NodeContext& ctx, const sim::Message& m);
  void resend_announcements(sim::NodeContext& ctx);
  bool announcements_unacknowledged() const;
  // Every node: whether to apply a numbered announcement now (the next in order), acknowledging it.
  bool accept_announcement(sim::NodeContext& ctx, const sim::Message& m);

  // Everyone (shard_node.cpp).
  // A node that is router and shard at once talks to itself without the network, but still one
  // step later (a zero-delay timer), so that no handler runs inside another.
  void send_to(sim::NodeContext& ctx, sim::EndpointId to, sim::Message m);
  void learn_epoch(const sim::Message& m);
  void on_join(sim::NodeContext& ctx, const sim::Message& m);
  void on_move_update(const sim::Message& m);
  void on_split_applied(const sim::Message& m);
  void announce_role(sim::NodeContext& ctx);
  void remember(std::set<std::uint32_t>& ids, std::uint32_t id);

  std::shared_ptr<const ShardConfig> config_;
  sim::EndpointId self_;
  ShardIndex shard_;

  // Durable.
  RoutingTable routing_;  // a router that stores no data forgets it on a crash (a cache)
  Store store_;
  std::map<std::int64_t, ShardIndex> directory_;
  std::vector<std::int64_t> directory_per_shard_;
  std::set<std::uint32_t> handed_off_;                  // moves whose final batch this source has sent
  std::map<std::uint32_t, std::int64_t> finished_out_;  // moves this source completed: rows moved
  std::set<std::uint32_t> complete_in_;                 // moves this destination received in full
  std::uint32_t next_range_move_ = 0;                   // balancer
  // balancer: the routing announcements made, and how many of them each node has applied.
  static constexpr std::size_t kMaxAnnouncements = 4'096;
  static constexpr sim::TimeUs kAnnounceRetryUs = 1'000'000;
  std::vector<sim::Message> announcements_;
  std::vector<std::int64_t> announcements_acked_;   // per node
  std::vector<std::uint64_t> announcements_boots_;  // per node: the start its latest answer came from
  sim::TimeUs announcements_resent_us_ = 0;
  std::int64_t announcements_applied_ = 0;  // every node: in order, from the balancer
  std::int64_t next_checkin_ = 0;           // router: check-in ids stay unique across crashes
  // router: the check-in row made for each recent client request, so that a duplicated request
  // writes the same row again (an upsert) rather than a second one. Bounded; oldest ops go first.
  static constexpr std::size_t kMaxRecentCheckins = 4'096;
  std::map<std::uint64_t, Row> checkin_of_op_;
  std::uint64_t boots_ = 0;
  ShardCounters counters_;  // describe the run, not the node: kept across crashes

  // Volatile.
  std::map<std::uint64_t, PendingRequest> pending_;
  std::uint64_t next_request_ = 0;
  bool sweep_armed_ = false;
  std::map<std::int64_t, ShardIndex> directory_cache_;
  std::deque<std::int64_t> directory_cache_order_;  // oldest first, for eviction
  std::deque<OutgoingMove> outgoing_;
  std::set<std::int64_t> split_requested_;              // range starts this shard asked to split
  std::map<std::uint32_t, sim::TimeUs> dispatched_at_;  // balancer: moves sent to their source
  std::deque<sim::Message> local_inbox_;
  std::int64_t load_bucket_ = -1;
  std::int64_t load_current_ = 0;
  std::int64_t load_previous_ = 0;
};

}  // namespace cs::sharding
