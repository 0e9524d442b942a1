#pragma once
// The failover metrics every lesson-5 model reports in `run --json`:
//   leaders_elected           times a node began to lead (per-node counter, summed elsewhere)
//   max_primaries_at_once     most nodes acting as leader/primary at one instant (true time)
//   divergent_writes          writes acknowledged by one leader while another leader was also
//                             acknowledging writes (true time, from World::leading_intervals and
//                             the moments the answers were sent): two histories to reconcile
//   stale_primary_writes      writes a primary acknowledged after another node had been promoted
//                             over it (it had not yet heard), that the authoritative copy does
//                             not hold: a paused or cut-off primary's split brain, even when the
//                             new primary acknowledged nothing meanwhile
//   lost_acknowledged_writes  writes clients were told succeeded that the current authoritative
//                             copy (leader, primary or shared storage) does not hold
//   detection_time_us         first failover: from the old leader's last sign of life to suspicion
//   failover_time_us          first failover: from suspicion to the new leader accepting writes
//   unavailable_us            longest stretch without a successful write while writes were failing
// The last three are 0 when nothing happened.
#include <cstdint>
#include <unordered_set>
#include <vector>

#include "check/leadership_ledger.h"
#include "sim/world.h"

namespace cs::check {

// A node's local timestamp on the true time line, using that node's clock offset and drift now.
sim::TimeUs to_true_time(const sim::World& world, sim::EndpointId node, sim::TimeUs local_us);

sim::TimeUs longest_write_outage_us(const sim::History& history);

// Acknowledged writes (status Ok in the history) whose operation id is not in `kept`: their ids,
// in the history's order, and how many (the metric lost_acknowledged_writes; always the list's size).
std::vector<std::uint64_t> lost_writes(const sim::History& history, const std::unordered_set<std::uint64_t>& kept);
std::int64_t count_lost_writes(const sim::History& history, const std::unordered_set<std::uint64_t>& kept);

// ledgers[i] belongs to node i (nullptr for a node that never leads, such as a storage node).
std::int64_t count_divergent_writes(const sim::World& world, const std::vector<const LeadershipLedger*>& ledgers);

// Acknowledged writes not in `kept` that their primary answered while a node promoted after it led.
std::int64_t count_stale_primary_writes(const sim::World& world, const std::vector<const LeadershipLedger*>& ledgers,
                                        const std::unordered_set<std::uint64_t>& kept);

void add_failover_metrics(const sim::World& world, const std::vector<const LeadershipLedger*>& ledgers,
                          const std::unordered_set<std::uint64_t>& kept_ops, sim::Metrics& metrics);

}  // namespace cs::check
