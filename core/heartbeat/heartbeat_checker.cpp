#include "heartbeat/heartbeat_checker.h"

#include "heartbeat/heartbeat.h"

namespace cs::heartbeat {

namespace {

constexpr const char* kSuspectAfterTimeout = "suspect-after-timeout";

const HeartbeatNode& node_at(const sim::World& world, sim::EndpointId id) {
  return dynamic_cast<const HeartbeatNode&>(*world.node(id).protocol);
}

class HeartbeatChecker final : public model::RunChecker {
 public:
  explicit HeartbeatChecker(const sim::World& world)
      : config_(node_at(world, 0).config()), followers_(world.node_count()) {}

  std::set<std::string> claimed() const override { return {kSuspectAfterTimeout, model::kRecovers}; }

  void after_event(const sim::World& world) override {
    const sim::TimeUs now = world.now_us();
    for (sim::EndpointId id = 0; id < world.node_count(); ++id) {
      if (id == config_.leader) continue;
      Follower& f = followers_[id];
      const HeartbeatNode& node = node_at(world, id);
      const bool down = sim::is_down(world.node(id).status);
      // Silence counts from the last heartbeat, or from a (re)start: a node that has just booted
      // has heard nothing yet and waits a whole timeout too. Its failure timer was set then, on its
      // own clock, and the simulator runs a timer at the rate that clock had when it was set (a
      // clock set forward or back, or drifting differently later, does not move it): silence is
      // measured the same way.
      if (node.beats_seen() != f.beats_seen || (f.down && !down)) {
        f.silent_since_us = now;
        f.drift_ppm = world.node(id).clock_drift_ppm;
      }
      f.silence_ppm = (now - f.silent_since_us) * (1'000'000 + f.drift_ppm);
      if (node.suspecting() && !f.suspecting && f.silence_ppm < config_.failure_timeout_us * 1'000'000) {
        fail(kSuspectAfterTimeout, world.node(id).name + " suspected the leader after " +
                                       std::to_string(f.silence_ppm / 1'000'000'000) +
                                       " ms of silence on its clock, less than the failure timeout of " +
                                       std::to_string(config_.failure_timeout_us / 1000) + " ms");
      }
      f.beats_seen = node.beats_seen();
      f.suspecting = node.suspecting();
      f.down = down;
    }
  }

  bool recovered(const sim::World& world, model::Violation* why) const override {
    if (!enabled(model::kRecovers) || sim::is_down(world.node(config_.leader).status)) return true;
    for (sim::EndpointId id = 0; id < world.node_count(); ++id) {
      if (id != config_.leader && !sim::is_down(world.node(id).status) && node_at(world, id).suspecting()) {
        *why = {model::kRecovers, world.node(id).name + " still suspects the live leader after the faults healed"};
        return false;
      }
    }
    return true;
  }

  sim::EndpointId focus_node(const sim::World&) const override { return config_.leader; }
  bool converged(const sim::World&, model::Violation*) const override { return true; }
  sim::TimeUs time_unit_us(const sim::World&) const override { return config_.failure_timeout_us; }

 private:
  struct Follower {
    std::int64_t beats_seen = 0;
    sim::TimeUs silent_since_us = 0;  // true time of the last heartbeat or (re)start
    std::int64_t drift_ppm = 0;       // the clock's drift then
    std::int64_t silence_ppm = 0;     // local microseconds of silence, times 1,000,000
    bool suspecting = false;
    bool down = false;
  };
  HeartbeatConfig config_;
  std::vector<Follower> followers_;
};

}  // namespace

std::vector<model::Invariant> heartbeat_invariant_list() {
  return {
      {kSuspectAfterTimeout, "a follower suspects the leader only after a whole failure timeout of silence"},
      {model::kRecovers, "after the faults heal, no follower suspects the live leader"},
  };
}

std::unique_ptr<model::RunChecker> make_heartbeat_checker(const sim::World& world) {
  return std::make_unique<HeartbeatChecker>(world);
}

}  // namespace cs::heartbeat
