#pragma once
// The 3-2-1 backup rule on the stage: node 0 is the production database, node 1 a backup on a
// second kind of storage at the same site, node 2 (and any further node) a copy off site.
// Production sends a full copy of its data to the on-site backup every `onsite_interval` and off
// site every `offsite_interval`, so each copy is as old as its last refresh: that age is the data a
// restore from it loses (the RPO).
// In this model a crash is a disaster that destroys the node's storage: a failed disk, a fire at the
// site. Which copies a disaster takes is the scenario's timeline (the nodes it crashes). A restarted
// node is new, empty hardware; restarted production asks every backup for its copy, takes the
// first that answers (the nearest), and restores it at that storage's bandwidth, so the restore
// lasts data size / bandwidth (the bulk of the RTO). Until it finishes, production refuses clients.
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "sim/protocol.h"

namespace cs::backup {

enum class CopyKind : std::uint8_t { Production, OnSite, OffSite };

CopyKind copy_kind(sim::EndpointId node);
std::string_view to_string(CopyKind kind);  // "production", "onsite", "offsite"

struct BackupConfig {
  double data_mb = 600.0;  // what a restore moves
  sim::TimeUs onsite_interval_us = 1'000'000;
  sim::TimeUs offsite_interval_us = 2'000'000;  // crossing a WAN, it is refreshed less often
  double onsite_restore_mb_per_s = 600.0;
  double offsite_restore_mb_per_s = 200.0;
  bool offsite_copy = true;  // false: nothing is ever sent off site
  // A restore that makes no progress for this long beyond the expected pace asks again.
  sim::TimeUs restore_retry_us = 1'000'000;

  // How long restoring the whole database from a copy of `kind` takes.
  sim::TimeUs restore_duration_us(CopyKind kind) const;
};

// A copy of the data as it was at one moment.
struct Snapshot final : sim::Payload {
  std::map<std::int64_t, std::int64_t> data;
  sim::TimeUs taken_us = 0;      // production's clock when it was taken
  std::int64_t writes_held = 0;  // acknowledged writes whose effect the copy holds
};

// One completed restore, for metrics and tests.
struct RestoreRecord {
  CopyKind source = CopyKind::OnSite;
  sim::TimeUs started_us = 0;  // when production asked for the copy it then restored
  sim::TimeUs finished_us = 0;
  sim::TimeUs data_loss_us = 0;  // last acknowledged write before the loss minus the copy's time
  std::int64_t writes_lost = 0;
};

class BackupNode final : public sim::Protocol {
 public:
  static constexpr std::uint16_t kBackup = sim::kind::kFirstProtocolKind;  // payload: Snapshot
  static constexpr std::uint16_t kRestoreRequest = kBackup + 1;
  static constexpr std::uint16_t kRestoreOffer = kBackup + 2;  // value: 1 if the sender has a copy
  static constexpr std::uint16_t kRestoreStart = kBackup + 3;
  static constexpr std::uint16_t kRestoreChunk = kBackup + 4;  // index: chunk, commit: of how many; last: Snapshot
  static constexpr std::uint16_t kOnSiteTimer = 0;
  static constexpr std::uint16_t kOffSiteTimer = 1;
  static constexpr std::uint16_t kRetryTimer = 2;
  static constexpr std::uint16_t kChunkTimer = 3;
  // A restore travels in this many pieces, so the stage shows it progress.
  static constexpr std::int64_t kRestoreChunks = 20;
  static constexpr std::size_t kMaxRestoreRecords = 64;

  BackupNode(BackupConfig config, sim::EndpointId self);

  std::unique_ptr<sim::Protocol> clone() const override { return std::make_unique<BackupNode>(*this); }
  void start(sim::NodeContext& ctx) override;
  void on_message(sim::NodeContext& ctx, const sim::Message& message) override;
  void on_timer(sim::NodeContext& ctx, std::uint16_t timer_kind) override;
  void on_crash() override;
  void on_restart(sim::NodeContext& ctx) override;
  sim::NodeView view() const override;
  sim::Inspection inspect() const override;
  sim::MessageClass classify(std::uint16_t message_kind) const override;
  std::string_view message_name(std::uint16_t message_kind) const override;
  void add_metrics(sim::Metrics& metrics) const override;

  CopyKind kind() const { return kind_; }
  const BackupConfig& config() const { return config_; }
  bool holds_copy() const;
  const std::vector<RestoreRecord>& restores() const { return restores_; }
  const std::shared_ptr<const Snapshot>& copy() const { return copy_; }

 private:
  bool is_production() const { return kind_ == CopyKind::Production; }
  // Production (backup_node.cpp).
  void on_client(sim::NodeContext& ctx, const sim::Message& request);
  void send_copy(sim::NodeContext& ctx, CopyKind to);
  void arm_backup_timers(sim::NodeContext& ctx);
  // Restore (backup_restore.cpp).
  void begin_restore(sim::NodeContext& ctx);
  void on_offer(sim::NodeContext& ctx, const sim::Message& message);
  void on_chunk(sim::NodeContext& ctx, const sim::Message& message);
  void on_retry(sim::NodeContext& ctx);
  void start_streaming(sim::NodeContext& ctx, sim::EndpointId to);
  void send_chunk(sim::NodeContext& ctx);

  BackupConfig config_;
  sim::EndpointId self_;
  CopyKind kind_;
  // What a disaster destroys: everything the node holds.
  bool serving_ = false;  // production: holds the live data and takes clients
  std::map<std::int64_t, std::int64_t> data_;
  std::int64_t writes_held_ = 0;
  std::shared_ptr<const Snapshot> copy_;  // a backup's copy
  // Production restoring.
  bool restoring_ = false;
  sim::EndpointId restore_source_ = sim::kNoEndpoint;
  sim::TimeUs restore_started_us_ = 0;
  std::int64_t chunks_received_ = 0;
  std::int64_t chunks_at_last_check_ = 0;
  // A backup streaming its copy to production.
  sim::EndpointId streaming_to_ = sim::kNoEndpoint;
  std::shared_ptr<const Snapshot> streaming_copy_;
  std::int64_t chunks_sent_ = 0;
  // What production had when its data was lost, to measure what a restore gives back. Like the
  // counters, these describe the run rather than the node, so a disaster does not erase them.
  sim::TimeUs last_write_us_ = -1;
  std::int64_t writes_held_at_loss_ = 0;
  sim::TimeUs last_write_at_loss_us_ = -1;
  // Counters for metrics.
  std::int64_t backups_sent_ = 0;
  std::int64_t disasters_ = 0;
  std::vector<RestoreRecord> restores_;
};

}  // namespace cs::backup
