// The "backup-321" model: parameters and construction (see backup_node.h for the behaviour).
#include "backup/backup_model.h"

#include <algorithm>
#include <cmath>

#include "backup/backup_node.h"

namespace cs::backup {

namespace {

sim::TimeUs ms(const protocols::ModelParams& p, std::string_view name) {
  return static_cast<sim::TimeUs>(std::llround(std::max(1.0, protocols::number_param(p, name)) * 1000.0));
}

// Bandwidths and sizes below a floor would make a restore last forever; the floor keeps runs finite.
double positive(const protocols::ModelParams& p, std::string_view name) {
  constexpr double kFloor = 0.001;
  return std::max(kFloor, protocols::number_param(p, name));
}

BackupConfig config_from(const protocols::ModelParams& p) {
  BackupConfig c;
  c.data_mb = positive(p, "data_mb");
  c.onsite_interval_us = ms(p, "onsite_interval_ms");
  c.offsite_interval_us = ms(p, "offsite_interval_ms");
  c.onsite_restore_mb_per_s = positive(p, "onsite_restore_mb_per_s");
  c.offsite_restore_mb_per_s = positive(p, "offsite_restore_mb_per_s");
  const auto it = p.find("offsite_copy");
  c.offsite_copy = it != p.end() && std::holds_alternative<bool>(it->second) && std::get<bool>(it->second);
  return c;
}

}  // namespace

protocols::ModelInfo backup_model() {
  return {
      "backup-321",
      "The first node is the production database, the second a backup on other storage at the same site, the "
      "third (and any further) a backup off site. "
      "A crash destroys a node's storage; restarted production restores from the first copy that answers.",
      {
          {"data_mb", 600.0, "size of the database, in MB: a restore moves all of it"},
          {"onsite_interval_ms", 1000.0, "how often production sends a fresh copy to the on-site backup"},
          {"offsite_interval_ms", 2000.0, "how often production sends a fresh copy off site"},
          {"onsite_restore_mb_per_s", 600.0, "restore bandwidth from the on-site backup"},
          {"offsite_restore_mb_per_s", 200.0, "restore bandwidth from the off-site backup"},
          {"offsite_copy", true, "false: no copy is ever sent off site (the '1' of 3-2-1 is missing)"},
      },
      [](const protocols::ModelParams& p, sim::EndpointId self, std::size_t) -> std::unique_ptr<sim::Protocol> {
        return std::make_unique<BackupNode>(config_from(p), self);
      },
      nullptr,
      nullptr,
  };
}

}  // namespace cs::backup
