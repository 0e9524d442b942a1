#include "replication/replication_checkers.h"

#include <algorithm>
#include <functional>
#include <optional>

#include "replication/crdt_node.h"
#include "replication/leaderless.h"
#include "replication/multi_leader.h"
#include "replication/run_metrics.h"
#include "replication/single_leader.h"

namespace cs::replication {

namespace {

constexpr const char* kKept = "acknowledged-writes-kept";
constexpr const char* kNoStale = "no-stale-reads";
constexpr const char* kStrictQuorum = "strict-quorum-reads-latest";
constexpr const char* kReadYourWrites = "read-your-writes";
constexpr const char* kMonotonic = "monotonic-reads";
constexpr const char* kConverge = "replicas-converge";

bool up(const sim::World& world, sim::EndpointId id) { return !sim::is_down(world.node(id).status); }

template <typename Node>
const Node& node_at(const sim::World& world, sim::EndpointId id) {
  return dynamic_cast<const Node&>(*world.node(id).protocol);
}

// The first live node whose data differs from the first live node's, described; nullopt if all
// agree. `same(a, b)` compares two nodes' data.
std::optional<std::string> first_difference(const sim::World& world,
                                            const std::function<bool(sim::EndpointId, sim::EndpointId)>& same) {
  sim::EndpointId first = sim::kNoEndpoint;
  for (sim::EndpointId id = 0; id < world.node_count(); ++id) {
    if (!up(world, id)) continue;
    if (first == sim::kNoEndpoint) {
      first = id;
    } else if (!same(first, id)) {
      return world.node(id).name + " holds different data from " + world.node(first).name + " at rest";
    }
  }
  return std::nullopt;
}

// The shared checker: claims decided by the model's configuration, convergence by a comparison of
// the replicas' data, and the history-based invariants from the replication run metrics.
class ReplicationChecker final : public model::RunChecker {
 public:
  using Compare = std::function<std::optional<std::string>(const sim::World&)>;
  ReplicationChecker(std::set<std::string> claims, sim::TimeUs unit, Compare compare, sim::TimeUs settle = 0)
      : claims_(std::move(claims)), unit_us_(unit), settle_us_(settle), compare_(std::move(compare)) {}

  std::set<std::string> claimed() const override { return claims_; }

  bool converged(const sim::World& world, model::Violation* why) const override {
    if (!enabled(kConverge)) return true;
    if (auto difference = compare_(world)) {
      *why = {kConverge, *difference};
      return false;
    }
    return true;
  }

  void at_end(const sim::World& world) override {
    sim::Metrics m;
    add_replication_run_metrics(world, m);
    const auto report = [&](const char* id, const char* metric, const char* what) {
      if (m[metric] > 0) fail(id, std::to_string(static_cast<long long>(m[metric])) + " " + what);
    };
    report(kKept, "lost_acknowledged_writes", "acknowledged writes were lost");
    report(kNoStale, "stale_reads", "reads returned a value older than a write acknowledged before they began");
    report(kStrictQuorum, "stale_reads", "quorum reads missed a write acknowledged before they began");
    report(kReadYourWrites, "read_your_writes_violations", "reads missed the session's own earlier write");
    report(kMonotonic, "monotonic_reads_violations", "reads went back in time within a session");
  }

  sim::TimeUs time_unit_us(const sim::World&) const override { return unit_us_; }
  sim::TimeUs settle_us(const sim::World&) const override { return settle_us_; }

 private:
  std::set<std::string> claims_;
  sim::TimeUs unit_us_;
  sim::TimeUs settle_us_;
  Compare compare_;
};

}  // namespace

// --- single-leader ---

std::vector<model::Invariant> single_leader_invariant_list() {
  return {
      {kKept, "no write a client saw succeed is lost"},
      {kNoStale, "a read returns the newest write acknowledged before it began"},
      {kReadYourWrites, "a session's read sees its own earlier writes"},
      {kMonotonic, "a session's reads never go back in time"},
      {kConverge, "at rest every live replica holds the primary's data"},
  };
}

std::unique_ptr<model::RunChecker> make_single_leader_checker(const model::ModelParams&, const sim::World& world) {
  const SingleLeaderConfig& c = node_at<SingleLeaderNode>(world, 0).config();
  std::set<std::string> claims = {kKept, kConverge};
  // From the primary every read is fresh. Synchronous replication straight to every replica
  // (a star, applied at once) acknowledges a write only once every replica has applied it.
  const bool fresh = c.reads == ReadRouting::Primary || (c.mode == CommitMode::Sync && c.topology == Topology::Star &&
                                                         c.apply_delay_us == 0 && world.workload().level == 0);
  if (fresh) claims.insert(kNoStale);
  // A version token sends a session's read to the primary while its replica lags behind the
  // session's last write: it sees its own writes, but a later read, back on the replica, may be
  // older than one the primary answered, so monotonic reads come only from reading the primary.
  if (fresh || c.session == SessionPolicy::VersionToken) claims.insert(kReadYourWrites);
  if (c.reads == ReadRouting::Primary) claims.insert(kMonotonic);
  return std::make_unique<ReplicationChecker>(
      claims, std::max(c.heartbeat_interval_us, c.apply_delay_us), [](const sim::World& w) {
        return first_difference(w, [&](sim::EndpointId a, sim::EndpointId b) {
          return node_at<SingleLeaderNode>(w, a).data() == node_at<SingleLeaderNode>(w, b).data();
        });
      });
}

// --- multi-leader ---

std::vector<model::Invariant> multi_leader_invariant_list() {
  return {
      {kKept, "no acknowledged write is lost (siblings or carts: a conflict keeps both sides)"},
      {kConverge, "at rest every live replica holds the same versions of every key"},
  };
}

std::unique_ptr<model::RunChecker> make_multi_leader_checker(const model::ModelParams&, const sim::World& world) {
  const MultiLeaderConfig& c = node_at<MultiLeaderNode>(world, 0).config();
  std::set<std::string> claims = {kConverge};
  if (c.resolution == Resolution::Siblings || c.data == DataKind::Cart) claims.insert(kKept);
  return std::make_unique<ReplicationChecker>(claims, c.heartbeat_interval_us, [](const sim::World& w) {
    // The same versions, in whatever order each replica keeps its siblings.
    const auto versions = [&](sim::EndpointId id) {
      std::map<std::int64_t, std::vector<StoredVersion>> out;
      for (const auto& [key, siblings] : node_at<MultiLeaderNode>(w, id).store().keys()) {
        auto& list = out[key];
        list = siblings.versions();
        std::sort(list.begin(), list.end(),
                  [](const StoredVersion& x, const StoredVersion& y) { return x.stamp < y.stamp; });
      }
      return out;
    };
    return first_difference(w, [&](sim::EndpointId a, sim::EndpointId b) { return versions(a) == versions(b); });
  });
}

// --- leaderless ---

std::vector<model::Invariant> leaderless_invariant_list() {
  return {
      {kStrictQuorum, "with W + R > N and no sloppy quorum, a read sees the newest acknowledged write"},
      {kConverge, "at rest every live replica of a key holds the same value"},
  };
}

std::unique_ptr<model::RunChecker> make_leaderless_checker(const model::ModelParams&, const sim::World& world) {
  const LeaderlessConfig& c = node_at<LeaderlessNode>(world, 0).config();
  std::set<std::string> claims = {kConverge};
  // Strict quorums: every request at the model's own R and W (no per-session or per-request
  // level), in one datacentre, with R + W > N. Hints never count toward W here: no sloppy quorum.
  if (c.session_levels.empty() && world.workload().level == 0 && c.datacenters == 1 &&
      consistency::quorums_intersect(std::min(c.replication_factor, world.node_count()), c.read_replicas,
                                     c.write_replicas)) {
    claims.insert(kStrictQuorum);
  }
  const sim::TimeUs unit = std::max({c.failure_timeout_us, c.hint_replay_interval_us, c.request_timeout_us});
  // Anti-entropy repairs with one peer per round: after a node missed writes, every pair needs a
  // round or two (a round's digest may cross a write still being replayed from hints).
  const sim::TimeUs settle = c.anti_entropy_interval_us > 0
                                 ? 2 * c.anti_entropy_interval_us * static_cast<sim::TimeUs>(world.node_count())
                                 : 0;
  auto compare = [c](const sim::World& w) -> std::optional<std::string> {
    std::set<std::int64_t> keys;
    for (sim::EndpointId id = 0; id < w.node_count(); ++id) {
      for (const auto& entry : node_at<LeaderlessNode>(w, id).data()) keys.insert(entry.first);
    }
    for (const std::int64_t key : keys) {
      const consistency::LwwRegister* first = nullptr;
      std::string first_name;
      for (const sim::EndpointId id : LeaderlessNode::replicas_of(key, c, w.node_count())) {
        if (!up(w, id)) continue;
        static const consistency::LwwRegister kEmpty;
        const auto& data = node_at<LeaderlessNode>(w, id).data();
        const auto it = data.find(key);
        const consistency::LwwRegister& value = it != data.end() ? it->second : kEmpty;
        if (!first) {
          first = &value;
          first_name = w.node(id).name;
        } else if (!(value.stamp() == first->stamp())) {
          return w.node(id).name + " and " + first_name + " hold different values of key " + std::to_string(key) +
                 " at rest";
        }
      }
    }
    return std::nullopt;
  };
  return std::make_unique<ReplicationChecker>(claims, unit, compare, settle);
}

// --- crdt ---

std::vector<model::Invariant> crdt_invariant_list() {
  return {
      {kKept, "no acknowledged add is lost"},
      {kConverge, "at rest every live replica holds the same state (merge converges)"},
  };
}

std::unique_ptr<model::RunChecker> make_crdt_checker(const model::ModelParams&, const sim::World& world) {
  const CrdtConfig& c = node_at<CrdtNode>(world, 0).config();
  std::set<std::string> claims = {kConverge};
  if (c.type != CrdtType::LwwRegister) claims.insert(kKept);
  return std::make_unique<ReplicationChecker>(
      claims, c.gossip_interval_us * static_cast<sim::TimeUs>(c.full_sync_every), [](const sim::World& w) {
        return first_difference(w, [&](sim::EndpointId a, sim::EndpointId b) {
          return node_at<CrdtNode>(w, a).states() == node_at<CrdtNode>(w, b).states();
        });
      });
}

}  // namespace cs::replication
