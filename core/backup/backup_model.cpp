// The "backup-321" model: parameters and construction (see backup_node.h for the behaviour).
#include "backup/backup_model.h"

#include "backup/backup_checker.h"
#include "backup/backup_node.h"
#include "model/params.h"

namespace cs::backup {

namespace {

BackupConfig config_from(const model::ModelParams& p) {
  BackupConfig c;
  c.data_mb = model::number_param(p, "data_mb");
  c.onsite_interval_us = model::ms_param(p, "onsite_interval_ms");
  c.offsite_interval_us = model::ms_param(p, "offsite_interval_ms");
  c.onsite_restore_mb_per_s = model::number_param(p, "onsite_restore_mb_per_s");
  c.offsite_restore_mb_per_s = model::number_param(p, "offsite_restore_mb_per_s");
  c.offsite_copy = model::flag_param(p, "offsite_copy");
  return c;
}

}  // namespace

model::ModelInfo backup_model() {
  model::ModelInfo info{
      "backup-321",
      "The first node is the production database, the second a backup on other storage at the same site, the "
      "third (and any further) a backup off site. "
      "A crash destroys a node's storage; restarted production restores from the first copy that answers.",
      {
          // A restore takes data_mb / bandwidth: the ranges keep it between a millisecond and a few months.
          {"data_mb", 600.0, "size of the database, in MB: a restore moves all of it", model::between(1, 10'000'000)},
          {"onsite_interval_ms", 1000.0, "how often production sends a fresh copy to the on-site backup",
           model::between(1, 86'400'000)},
          {"offsite_interval_ms", 2000.0, "how often production sends a fresh copy off site",
           model::between(1, 86'400'000)},
          {"onsite_restore_mb_per_s", 600.0, "restore bandwidth from the on-site backup", model::between(1, 100'000)},
          {"offsite_restore_mb_per_s", 200.0, "restore bandwidth from the off-site backup", model::between(1, 100'000)},
          {"offsite_copy", true, "false: no copy is ever sent off site (the '1' of 3-2-1 is missing)"},
      },
      [](const model::ModelParams& p, sim::EndpointId self, std::size_t) -> std::unique_ptr<sim::Protocol> {
        return std::make_unique<BackupNode>(config_from(p), self);
      },
      nullptr,
      nullptr,
  };
  info.invariants = backup_invariant_list();
  info.make_checker = [](const model::ModelParams&, const sim::World& world) { return make_backup_checker(world); };
  return info;
}

}  // namespace cs::backup
