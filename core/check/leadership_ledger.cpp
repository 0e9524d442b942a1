#include "check/leadership_ledger.h"

#include <algorithm>

namespace cs::check {

void LeadershipLedger::record_ack(std::uint64_t op_id) {
  ++acks_total_;
  if (op_id != 0 && acked_ops_.size() < kMaxAcks) acked_ops_.push_back(op_id);
}

void LeadershipLedger::record_failover(FailoverRecord record) {
  // Both durations are differences of one node's clock readings; if that clock was stepped back in
  // between (an NTP correction, a skew fault), the difference can come out negative: count 0.
  record.detection_us = std::max<sim::TimeUs>(0, record.detection_us);
  record.failover_us = std::max<sim::TimeUs>(0, record.failover_us);
  if (failovers_.size() < kMaxFailovers) failovers_.push_back(record);
}

}  // namespace cs::check
