#pragma once
// Three tiers: the first `presentation_nodes` nodes are the presentation tier (browsers, apps),
// the next `application_nodes` the application tier (application servers with the business
// logic), the rest the database tier. A request goes down one tier at a time and the answer comes
// back up the same way: browser -> application server -> database -> application server ->
// browser. A browser knows only application servers; only application servers know databases.
//
// Every message carries the number of tier hops so far (in `term`), and every node counts what it
// received by the tier of the sender, so a run shows the path: four hops per request, and not a
// single message between the presentation and the database tiers.
#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "architecture/request_loop.h"
#include "sim/protocol.h"

namespace cs::architecture {

enum class Tier : std::uint8_t { Presentation, Application, Database };
inline constexpr std::size_t kTiers = 3;
std::string tier_name(Tier tier);

struct MultiTierConfig {
  std::size_t node_count = 0;
  std::size_t presentation_nodes = 1;
  std::size_t application_nodes = 1;  // at least one database node follows
  std::int64_t rows = 0;              // keys 1..rows are stored before the run, each on its database
  RequestLoopConfig loop;

  Tier tier_of(sim::EndpointId node) const;
  std::size_t database_nodes() const { return node_count - presentation_nodes - application_nodes; }
  sim::EndpointId database_for(std::int64_t key) const;
};

class MultiTierNode final : public sim::Protocol {
 public:
  // index: 1 = write; term: tier hops so far.
  static constexpr std::uint16_t kUserRequest = sim::kind::kFirstProtocolKind;
  static constexpr std::uint16_t kQuery = sim::kind::kFirstProtocolKind + 1;
  static constexpr std::uint16_t kQueryResult = sim::kind::kFirstProtocolKind + 2;
  static constexpr std::uint16_t kUserResponse = sim::kind::kFirstProtocolKind + 3;
  static constexpr std::uint16_t kRequestTimer = 0;
  static constexpr std::size_t kMaxPending = 1'000;  // requests an application server waits on
  static constexpr std::size_t kMaxKeys = 1'000'000;

  MultiTierNode(std::shared_ptr<const MultiTierConfig> config, sim::EndpointId self);

  std::unique_ptr<sim::Protocol> clone() const override { return std::make_unique<MultiTierNode>(*this); }
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

  Tier tier() const { return config_->tier_of(self_); }
  const std::map<std::int64_t, std::int64_t>& store() const { return store_; }

 private:
  struct Pending {
    sim::EndpointId browser = sim::kNoEndpoint;
    std::uint64_t browser_op = 0;
  };
  void on_user_request(sim::NodeContext& ctx, const sim::Message& m);
  void on_query(sim::NodeContext& ctx, const sim::Message& m);
  void on_query_result(sim::NodeContext& ctx, const sim::Message& m);

  std::shared_ptr<const MultiTierConfig> config_;
  sim::EndpointId self_;
  RequestLoop loop_;  // presentation tier only
  // Application tier, volatile.
  std::map<std::uint64_t, Pending> pending_;
  std::uint64_t next_query_ = 1;
  // Database tier, durable.
  std::map<std::int64_t, std::int64_t> store_;
  // Counters: describe the run, kept across crashes.
  std::array<std::int64_t, kTiers> received_from_{};
  std::int64_t handled_ = 0;     // requests an application server took, or queries a database ran
  std::int64_t hops_total_ = 0;  // presentation: tier hops of answered requests
};

}  // namespace cs::architecture
