#include "caching/cache_checker.h"

#include <map>
#include <tuple>

#include "caching/cache_config.h"
#include "caching/stale_reads.h"

namespace cs::caching {

namespace {

constexpr const char* kStaleWithinTtl = "stale-within-ttl";

class CacheChecker final : public model::RunChecker {
 public:
  explicit CacheChecker(CacheConfig config) : config_(config) {}

  std::set<std::string> claimed() const override { return {kStaleWithinTtl}; }
  bool converged(const sim::World&, model::Violation*) const override { return true; }

  void at_end(const sim::World& world) override {
    const auto& ops = world.history().ops();
    std::map<std::uint64_t, const sim::Operation*> by_id;
    // (server, key, value) -> completion times of the reads there that returned it, ascending.
    std::map<std::tuple<sim::EndpointId, std::int64_t, std::int64_t>, std::vector<sim::TimeUs>> served;
    for (const sim::Operation& op : ops) {
      by_id[op.id] = &op;
      if (op.type == sim::OpType::Read && op.status == sim::OpStatus::Ok && op.has_value) {
        served[{op.node, op.key, op.value}].push_back(op.complete_us);
      }
    }
    for (auto& [where, times] : served) std::sort(times.begin(), times.end());
    for (const CacheStaleRead& stale : find_cache_stale_reads(ops)) {
      const sim::Operation& read = *by_id.at(stale.read_id);
      const auto& times = served[{read.node, read.key, read.value}];
      // The latest earlier read that returned this value here completed after the entry was stored.
      const auto it = std::upper_bound(times.begin(), times.end(), read.invoke_us);
      if (it == times.begin()) continue;  // the fetch's own answer never reached its client: unknown
      const sim::TimeUs age = read.invoke_us - *std::prev(it);
      if (age > config_.ttl_us) {
        fail(kStaleWithinTtl, "a read at " + world.node(read.node).name + " returned a value of key " +
                                  std::to_string(read.key) + " cached at least " + std::to_string(age / 1000) +
                                  " ms earlier, beyond the TTL of " + std::to_string(config_.ttl_us / 1000) + " ms");
        return;
      }
    }
  }

  sim::TimeUs time_unit_us(const sim::World&) const override { return config_.ttl_us; }

 private:
  CacheConfig config_;
};

}  // namespace

std::vector<model::Invariant> cache_invariant_list() {
  return {{kStaleWithinTtl, "a stale read comes only from a cached entry younger than its TTL"}};
}

std::unique_ptr<model::RunChecker> make_cache_checker(const model::ModelParams& params, const sim::World& world) {
  return std::make_unique<CacheChecker>(parse_cache_config(params, world.node_count()));
}

}  // namespace cs::caching
