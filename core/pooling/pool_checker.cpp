#include "pooling/pool_checker.h"

#include "pooling/database_node.h"
#include "pooling/pool_config.h"

namespace cs::pooling {

namespace {

constexpr const char* kWithinLimit = "connections-within-limit";
constexpr const char* kPoolBounded = "pool-bounded";

class PoolChecker final : public model::RunChecker {
 public:
  explicit PoolChecker(PoolConfig config) : config_(config) {}

  std::set<std::string> claimed() const override { return {kWithinLimit, kPoolBounded}; }

  void after_event(const sim::World& world) override {
    for (sim::EndpointId id = 0; id < world.node_count(); ++id) {
      const auto* db = dynamic_cast<const DatabaseNode*>(world.node(id).protocol.get());
      if (!db) continue;
      if (db->open_connections() > db->config().max_connections) {
        fail(kWithinLimit, world.node(id).name + " holds " + std::to_string(db->open_connections()) +
                               " connections, more than max_connections " +
                               std::to_string(db->config().max_connections));
      }
      if (db->pooled_connections() > config_.pooler_config.pool_size) {
        fail(kPoolBounded, world.node(id).name + " holds " + std::to_string(db->pooled_connections()) +
                               " of the pooler's connections, more than pool_size " +
                               std::to_string(config_.pooler_config.pool_size));
      }
    }
  }

  bool converged(const sim::World&, model::Violation*) const override { return true; }
  sim::TimeUs time_unit_us(const sim::World&) const override { return config_.pooler_config.query_timeout_us; }

 private:
  PoolConfig config_;
};

}  // namespace

std::vector<model::Invariant> pool_invariant_list() {
  return {
      {kWithinLimit, "no database holds more connections than max_connections"},
      {kPoolBounded, "the pooled database holds at most pool_size of the pooler's connections"},
  };
}

std::unique_ptr<model::RunChecker> make_pool_checker(const model::ModelParams& params, const sim::World&) {
  return std::make_unique<PoolChecker>(parse_pool_config(params));
}

}  // namespace cs::pooling
