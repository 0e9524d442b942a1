#include "sharding/shard_checker.h"

#include <map>

#include "sharding/shard_model.h"
#include "sharding/shard_node.h"

namespace cs::sharding {

namespace {

constexpr const char* kOneOwner = "one-owner";
constexpr const char* kRowsKept = "rows-kept";
// Ownership is compared this often while the faults run: every row of every shard, so not after
// every event.
constexpr sim::TimeUs kSampleEveryUs = 250'000;

class ShardChecker final : public model::RunChecker {
 public:
  explicit ShardChecker(const sim::World& world) {
    const auto nodes = shard_nodes(world);
    horizontal_ = !nodes.empty() && nodes.front()->config().partitioning == Partitioning::Horizontal;
    if (!nodes.empty()) {
      preloaded_ = static_cast<std::int64_t>(preload_rows(nodes.front()->config()).size());
      checkins_ = nodes.front()->config().table == TableKind::Checkins;
    }
  }

  std::set<std::string> claimed() const override {
    if (!horizontal_) return {model::kRecovers};
    return {kOneOwner, kRowsKept, model::kRecovers};
  }

  void after_event(const sim::World& world) override {
    if (!horizontal_ || world.now_us() < next_sample_us_) return;
    next_sample_us_ = world.now_us() + kSampleEveryUs;
    count_owners(world);
  }

  bool recovered(const sim::World& world, model::Violation* why) const override {
    for (const ShardNode* node : shard_nodes(world)) {
      if (sim::is_down(world.node(node->self()).status)) continue;
      // The balancer's table is the authority: a move it has not seen finish is still under way,
      // even if its source crashed and forgot it.
      if (node->self() == node->config().balancer() && node->routing().migrating()) {
        *why = {model::kRecovers, "a chunk move has not finished after the faults healed"};
        return false;
      }
      if (!node->outgoing_moves().empty()) {
        *why = {model::kRecovers, world.node(node->self()).name + " is still moving a chunk after the faults healed"};
        return false;
      }
    }
    return true;
  }

  // At rest no chunk is on its way (writes after the faults healed, the probe's among them, may
  // have split a range and started a move; mid-move the handed-off rows belong to no one yet),
  // and every node has applied every routing announcement: until then a shard may not know it
  // owns rows it holds.
  bool converged(const sim::World& world, model::Violation* why) const override {
    if (!recovered(world, why)) return false;
    for (const ShardNode* node : shard_nodes(world)) {
      if (node->self() == node->config().balancer() && node->announcing()) {
        *why = {model::kRecovers, "a node has not applied the balancer's latest routing changes at rest"};
        return false;
      }
    }
    return true;
  }

  void at_end(const sim::World& world) override {
    if (!horizontal_) return;
    const std::int64_t distinct = count_owners(world);
    std::int64_t acked = 0;
    std::int64_t attempted = 0;
    for (const sim::Operation& op : world.history().ops()) {
      if (op.type != sim::OpType::Write) continue;
      ++attempted;
      acked += op.status == sim::OpStatus::Ok ? 1 : 0;
    }
    // Users are written in place; check-ins are new rows, one per write that took effect.
    const std::int64_t least = preloaded_ + (checkins_ ? acked : 0);
    const std::int64_t most = preloaded_ + attempted;
    if (distinct < least) {
      fail(kRowsKept, std::to_string(least - distinct) + " rows missing at rest (" + std::to_string(distinct) +
                          " held, at least " + std::to_string(least) + " preloaded or acknowledged)");
    } else if (distinct > most) {
      fail(kRowsKept, std::to_string(distinct - most) + " rows more at rest than were ever written");
    }
  }

  sim::TimeUs time_unit_us(const sim::World&) const override { return ShardNode::kMoveRedispatchUs; }

 private:
  // Distinct rows served by the active primaries; a row served by two is a violation.
  std::int64_t count_owners(const sim::World& world) {
    std::map<StoreKey, sim::EndpointId> owner;
    for (const ShardNode* node : shard_nodes(world)) {
      if (!node->is_active_primary() || sim::is_down(world.node(node->self()).status)) continue;
      for (const auto& [key, row] : node->store()) {
        if (!node->owns_row(row)) continue;
        const auto [it, fresh] = owner.try_emplace(key, node->self());
        if (!fresh) {
          fail(kOneOwner, "row " + std::to_string(key.id) + " (shard key " + std::to_string(key.shard_key) +
                              ") is served by both " + world.node(it->second).name + " and " +
                              world.node(node->self()).name + " at " +
                              std::to_string(static_cast<double>(world.now_us()) / 1e6) + " s");
          return static_cast<std::int64_t>(owner.size());
        }
      }
    }
    return static_cast<std::int64_t>(owner.size());
  }

  bool horizontal_ = false;
  bool checkins_ = false;
  std::int64_t preloaded_ = 0;
  sim::TimeUs next_sample_us_ = 0;
};

}  // namespace

std::vector<model::Invariant> shard_invariant_list() {
  return {
      {kOneOwner, "no row is served by two shards at once, even while chunks move"},
      {kRowsKept, "at rest every preloaded row and every acknowledged insert is held, nothing more"},
      {model::kRecovers, "after the faults heal, every chunk move finishes within the bound"},
  };
}

std::unique_ptr<model::RunChecker> make_shard_checker(const sim::World& world) {
  return std::make_unique<ShardChecker>(world);
}

}  // namespace cs::sharding
