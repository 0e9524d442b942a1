#include "failover/failover_checker.h"

namespace cs::failover {

namespace {

bool up(const sim::World& world, sim::EndpointId id) { return !sim::is_down(world.node(id).status); }

class PrimaryChecker final : public model::RunChecker {
 public:
  explicit PrimaryChecker(PrimaryCheckerSpec spec) : spec_(std::move(spec)) {}

  std::set<std::string> claimed() const override {
    std::set<std::string> ids = {"one-history"};
    if (spec_.promotes) ids.insert(model::kRecovers);
    if (spec_.insert_only) ids.insert("no-double-booking");
    return ids;
  }

  bool recovered(const sim::World& world, model::Violation* why) const override {
    if (!enabled(model::kRecovers) || primaries(world) == 1) return true;
    *why = {model::kRecovers, std::to_string(primaries(world)) + " primaries after the faults healed"};
    return false;
  }

  sim::EndpointId focus_node(const sim::World& world) const override {
    for (sim::EndpointId id = 0; id < world.node_count(); ++id) {
      if (up(world, id) && world.node(id).role == sim::Role::Primary) return id;
    }
    return sim::kNoEndpoint;
  }

  bool converged(const sim::World&, model::Violation*) const override { return true; }

  void at_end(const sim::World& world) override {
    sim::Metrics m = world.metrics();
    spec_.run_metrics(world, m);
    if (const double divergent = m["divergent_writes"]; divergent > 0) {
      fail("one-history", std::to_string(static_cast<long long>(divergent)) +
                              " writes were acknowledged by two primaries at once (split brain)");
    }
    if (const double stale = m["stale_primary_writes"]; stale > 0) {
      fail("one-history", std::to_string(static_cast<long long>(stale)) +
                              " writes were acknowledged by a primary already replaced by another, and lost");
    }
    if (const double doubles = m["double_bookings"]; doubles > 0) {
      fail("no-double-booking", std::to_string(static_cast<long long>(doubles)) +
                                    " keys were acknowledged to a second client as written first");
    }
  }

  sim::TimeUs time_unit_us(const sim::World&) const override { return spec_.unit_us; }

 private:
  static int primaries(const sim::World& world) {
    int n = 0;
    for (sim::EndpointId id = 0; id < world.node_count(); ++id) {
      n += up(world, id) && world.node(id).role == sim::Role::Primary ? 1 : 0;
    }
    return n;
  }

  PrimaryCheckerSpec spec_;
};

}  // namespace

std::vector<model::Invariant> primary_invariant_list() {
  return {
      {"one-history",
       "no write is acknowledged by one primary while another is also acknowledging writes, or lost after "
       "a primary already replaced by another acknowledged it"},
      {"no-double-booking", "insert-only: no key is acknowledged to two clients as written first"},
      {model::kRecovers, "with automatic failover, exactly one primary within the bound after the faults heal"},
  };
}

std::unique_ptr<model::RunChecker> make_primary_checker(PrimaryCheckerSpec spec) {
  return std::make_unique<PrimaryChecker>(std::move(spec));
}

}  // namespace cs::failover
