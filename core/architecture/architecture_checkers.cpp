#include "architecture/architecture_checkers.h"

#include "architecture/federation.h"
#include "architecture/gossip.h"
#include "model/params.h"

namespace cs::architecture {

namespace {

// Invariants that say "this count stays zero": a message on a path the architecture does not
// have, data where it does not belong. Judged at the end, from the nodes' counters.
struct ZeroRule {
  const char* invariant;
  std::vector<std::string> metrics;
  const char* what;  // e.g. "messages went from a client to a client"
};

class ZeroMetricsChecker final : public model::RunChecker {
 public:
  ZeroMetricsChecker(std::vector<ZeroRule> rules, model::ModelParams params, RunMetricsFn metrics, sim::TimeUs unit)
      : rules_(std::move(rules)), params_(std::move(params)), metrics_(std::move(metrics)), unit_us_(unit) {}

  std::set<std::string> claimed() const override {
    std::set<std::string> ids;
    for (const auto& rule : rules_) ids.insert(rule.invariant);
    return ids;
  }
  bool converged(const sim::World&, model::Violation*) const override { return true; }
  void at_end(const sim::World& world) override {
    sim::Metrics m = world.metrics();
    if (metrics_) metrics_(world, params_, m);
    for (const auto& rule : rules_) {
      double count = 0;
      for (const auto& name : rule.metrics) count += m[name];
      if (count > 0) fail(rule.invariant, std::to_string(static_cast<long long>(count)) + " " + rule.what);
    }
  }
  sim::TimeUs time_unit_us(const sim::World&) const override { return unit_us_; }

 private:
  std::vector<ZeroRule> rules_;
  model::ModelParams params_;
  RunMetricsFn metrics_;
  sim::TimeUs unit_us_;
};

class GossipChecker final : public model::RunChecker {
 public:
  explicit GossipChecker(sim::TimeUs unit) : unit_us_(unit) {}
  std::set<std::string> claimed() const override { return {"members-converge"}; }
  bool converged(const sim::World& world, model::Violation* why) const override {
    if (!enabled("members-converge")) return true;
    std::uint64_t everyone = 0;
    for (sim::EndpointId id = 0; id < world.node_count(); ++id) {
      const auto& node = dynamic_cast<const GossipNode&>(*world.node(id).protocol);
      if (node.is_member()) everyone |= node.known();
    }
    for (sim::EndpointId id = 0; id < world.node_count(); ++id) {
      const auto& node = dynamic_cast<const GossipNode&>(*world.node(id).protocol);
      if (!node.is_member() || sim::is_down(world.node(id).status) || node.known() == everyone) continue;
      *why = {"members-converge", world.node(id).name + " does not know every member the others know, at rest"};
      return false;
    }
    return true;
  }
  sim::TimeUs time_unit_us(const sim::World&) const override { return unit_us_; }

 private:
  sim::TimeUs unit_us_;
};

class FederationChecker final : public model::RunChecker {
 public:
  explicit FederationChecker(const sim::World& world)
      : config_(dynamic_cast<const FederationNode&>(*world.node(0).protocol).config()) {}
  std::set<std::string> claimed() const override { return {"every-part-merged"}; }
  bool converged(const sim::World&, model::Violation*) const override { return true; }
  void at_end(const sim::World& world) override {
    for (const sim::Operation& op : world.history().ops()) {
      if (op.type != sim::OpType::Read || op.status != sim::OpStatus::Ok) continue;
      const std::int64_t expected = config_.all_parts(config_.is_homogeneous(op.node));
      if (op.value != expected) {
        fail("every-part-merged", "a query answered at " + world.node(op.node).name + " lacks the part of a site");
        return;
      }
    }
  }
  sim::TimeUs time_unit_us(const sim::World&) const override { return 1'000'000; }

 private:
  FederationConfig config_;
};

}  // namespace

std::vector<model::Invariant> client_server_invariant_list() {
  return {
      {"client-server-only", "messages go only between a client and a server"},
      {"servers-store-data", "no client ever holds data"},
  };
}

std::unique_ptr<model::RunChecker> make_client_server_checker(const model::ModelParams& params, RunMetricsFn metrics) {
  return std::make_unique<ZeroMetricsChecker>(
      std::vector<ZeroRule>{
          {"client-server-only",
           {"client_to_client_messages", "server_to_server_messages"},
           "messages went between two clients or two servers"},
          {"servers-store-data", {"data_on_clients"}, "keys were held by clients"},
      },
      params, std::move(metrics), model::ms_param(params, "request_timeout_ms"));
}

std::vector<model::Invariant> multi_tier_invariant_list() {
  return {{"no-tier-skipped", "not one message between the presentation and the database tiers"}};
}

std::unique_ptr<model::RunChecker> make_multi_tier_checker(const model::ModelParams& params, RunMetricsFn metrics) {
  return std::make_unique<ZeroMetricsChecker>(
      std::vector<ZeroRule>{{"no-tier-skipped",
                             {"presentation_to_database_messages", "database_to_presentation_messages"},
                             "messages skipped the application tier"}},
      params, std::move(metrics), model::ms_param(params, "request_timeout_ms"));
}

std::vector<model::Invariant> gossip_invariant_list() {
  return {{"members-converge", "at rest every live member knows every member the others know"}};
}

std::unique_ptr<model::RunChecker> make_gossip_checker(const sim::World& world) {
  const auto& node = dynamic_cast<const GossipNode&>(*world.node(0).protocol);
  return std::make_unique<GossipChecker>(node.config().round_interval_us);
}

std::vector<model::Invariant> federation_invariant_list() {
  return {{"every-part-merged", "an answered query holds the part of every site of its side"}};
}

std::unique_ptr<model::RunChecker> make_federation_checker(const sim::World& world) {
  return std::make_unique<FederationChecker>(world);
}

}  // namespace cs::architecture
