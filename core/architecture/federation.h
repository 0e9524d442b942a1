#pragma once
// Homogeneous and heterogeneous distributed databases, side by side in one run.
//
// Homogeneous side: the first `homogeneous_sites` nodes all run the same DBMS (PostgreSQL). A
// query that arrives at one of them is answered together with the others: the site asks its peers
// directly, in the one protocol they all speak, and merges their rows with its own.
//
// Heterogeneous side: the next node is a middleware (a federation layer); the remaining nodes run
// different DBMSs (`dialects`, e.g. MySQL and Oracle). A site understands only its own dialect and
// rejects anything else. A query that arrives at the middleware is split into one part per site,
// each part is translated into that site's dialect (which takes `translate_ms` per part), sent
// off, and the answers are converted to common types and merged.
//
// A site's answer stands for its part of the result: one bit per site of its side. The merged
// answer is the set of parts that were merged, so a run shows that every query got every part.
// The model answers queries (reads) only; it refuses writes.
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "sim/protocol.h"

namespace cs::architecture {

enum class Dbms : std::uint8_t { PostgreSql, MySql, Oracle, SqlServer };

struct FederationConfig {
  std::size_t node_count = 0;
  std::size_t homogeneous_sites = 1;                      // nodes 0..h-1; the middleware is node h
  std::vector<Dbms> dialects{Dbms::MySql, Dbms::Oracle};  // of the sites after the middleware, in turn
  sim::TimeUs translate_us = 15'000;                      // per part

  sim::EndpointId middleware() const { return static_cast<sim::EndpointId>(homogeneous_sites); }
  bool is_homogeneous(sim::EndpointId node) const { return node < homogeneous_sites; }
  bool is_heterogeneous_site(sim::EndpointId node) const { return node > middleware() && node < node_count; }
  std::size_t heterogeneous_sites() const { return node_count - homogeneous_sites - 1; }
  Dbms dbms_of(sim::EndpointId node) const;
  // A site's bit in its side's answers.
  std::int64_t part_bit(sim::EndpointId node) const;
  std::int64_t all_parts(bool homogeneous) const;
};

class FederationNode final : public sim::Protocol {
 public:
  static constexpr std::uint16_t kPgQuery = sim::kind::kFirstProtocolKind;  // between PostgreSQL sites
  static constexpr std::uint16_t kPgRows = sim::kind::kFirstProtocolKind + 1;
  static constexpr std::uint16_t kMySqlQuery = sim::kind::kFirstProtocolKind + 2;  // in MySQL's dialect
  static constexpr std::uint16_t kOracleQuery = sim::kind::kFirstProtocolKind + 3;
  static constexpr std::uint16_t kSqlServerQuery = sim::kind::kFirstProtocolKind + 4;
  static constexpr std::uint16_t kNativeRows = sim::kind::kFirstProtocolKind + 5;  // in the site's own types
  static constexpr std::uint16_t kDialectError = sim::kind::kFirstProtocolKind + 6;
  static constexpr std::uint16_t kTranslateTimer = 0;
  static constexpr std::size_t kMaxPending = 1'000;  // queries a coordinator waits on
  static constexpr std::size_t kMaxQueued = 1'000;   // queries waiting for translation

  static std::uint16_t query_kind(Dbms dbms);

  FederationNode(std::shared_ptr<const FederationConfig> config, sim::EndpointId self);

  std::unique_ptr<sim::Protocol> clone() const override { return std::make_unique<FederationNode>(*this); }
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

  const FederationConfig& config() const { return *config_; }

 private:
  struct Pending {
    sim::Message client;
    std::int64_t parts = 0;  // bits of the parts merged so far
  };
  struct Queued {
    std::uint64_t query = 0;
    sim::TimeUs due_us = 0;
  };
  void on_client_query(sim::NodeContext& ctx, const sim::Message& m);
  void send_parts(sim::NodeContext& ctx, std::uint64_t query);
  void answer_part(sim::NodeContext& ctx, const sim::Message& m);
  void merge(sim::NodeContext& ctx, std::uint64_t query, std::int64_t part);
  std::uint64_t remember(const sim::Message& client);

  std::shared_ptr<const FederationConfig> config_;
  sim::EndpointId self_;
  // Volatile.
  std::map<std::uint64_t, Pending> pending_;
  std::deque<Queued> queued_;  // middleware: in translation, due times in order
  std::uint64_t next_query_ = 1;
  // Counters: describe the run.
  std::int64_t queries_coordinated_ = 0;
  std::int64_t parts_answered_ = 0;
  std::int64_t translations_ = 0;
  std::int64_t type_conversions_ = 0;
  std::int64_t dialect_errors_ = 0;
};

}  // namespace cs::architecture
