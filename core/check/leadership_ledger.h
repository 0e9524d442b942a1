#pragma once
// What a node did as leader (Raft leader, primary), for the run's metrics: how often it began to
// lead, which client writes it acknowledged, and the failovers it completed. When it led is
// recorded by the simulator itself, in true time (World::leading_intervals), since a node's own
// clock may be skewed. The ledger is kept across crashes because it describes the run, not the
// node's memory, and it is bounded: past the limit, acknowledgements are counted but not listed.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "sim/chunked_log.h"
#include "sim/time.h"

namespace cs::check {

// One completed failover, seen by the node that took over, measured on its own clock.
struct FailoverRecord {
  sim::TimeUs at_local_us = 0;  // when it began to lead
  // From the old leader's last sign of life to the suspicion that started the failover.
  sim::TimeUs detection_us = 0;
  // From that suspicion to accepting writes as the new leader (includes an operator's delay, a
  // STONITH confirmation or a switchover's drain).
  sim::TimeUs failover_us = 0;
};

class LeadershipLedger {
 public:
  static constexpr std::size_t kMaxAcks = 200'000;
  static constexpr std::size_t kMaxFailovers = 1'024;

  void began_leading() { ++tenures_begun_; }
  void record_ack(std::uint64_t op_id);
  void record_failover(FailoverRecord record);

  std::int64_t tenures_begun() const { return tenures_begun_; }
  std::int64_t acks() const { return acks_total_; }
  const sim::ChunkedLog<std::uint64_t>& acked_ops() const { return acked_ops_; }
  const std::vector<FailoverRecord>& failovers() const { return failovers_; }

 private:
  sim::ChunkedLog<std::uint64_t> acked_ops_;  // shared by copies (checkpoints)
  std::vector<FailoverRecord> failovers_;
  std::int64_t tenures_begun_ = 0;
  std::int64_t acks_total_ = 0;
};

}  // namespace cs::check
