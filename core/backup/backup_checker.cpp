#include "backup/backup_checker.h"

#include <algorithm>

#include "backup/backup_node.h"

namespace cs::backup {

namespace {

const BackupNode& node_at(const sim::World& world, sim::EndpointId id) {
  return dynamic_cast<const BackupNode&>(*world.node(id).protocol);
}

class BackupChecker final : public model::RunChecker {
 public:
  explicit BackupChecker(sim::TimeUs unit) : unit_us_(unit) {}

  std::set<std::string> claimed() const override { return {model::kRecovers}; }

  void after_event(const sim::World& world) override {
    bool any = false;
    for (sim::EndpointId id = 0; id < world.node_count(); ++id) any = any || node_at(world, id).holds_copy();
    // A restore in progress holds its copy in flight: the source still has it, so this is exact.
    data_gone_ = data_gone_ || !any;
  }

  bool recovered(const sim::World& world, model::Violation* why) const override {
    if (data_gone_ || node_at(world, 0).holds_copy()) return true;
    *why = {model::kRecovers, "production is not serving again after the faults healed, although a copy survived"};
    return false;
  }

  sim::EndpointId focus_node(const sim::World&) const override { return 0; }  // production
  bool converged(const sim::World&, model::Violation*) const override { return true; }
  sim::TimeUs time_unit_us(const sim::World&) const override { return unit_us_; }

 private:
  sim::TimeUs unit_us_;
  bool data_gone_ = false;
};

}  // namespace

std::vector<model::Invariant> backup_invariant_list() {
  return {{model::kRecovers, "after the faults heal, production restores from a surviving copy and serves again"}};
}

std::unique_ptr<model::RunChecker> make_backup_checker(const sim::World& world) {
  // The longest restore, from the slowest copy, or the off-site refresh interval: whichever is longer.
  const BackupConfig& c = node_at(world, 0).config();
  const sim::TimeUs unit = std::max({c.restore_duration_us(CopyKind::OffSite), c.restore_duration_us(CopyKind::OnSite),
                                     c.offsite_interval_us, c.onsite_interval_us});
  return std::make_unique<BackupChecker>(unit);
}

}  // namespace cs::backup
