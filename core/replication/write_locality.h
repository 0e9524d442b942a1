#pragma once
// Where a single-leader write had to wait: within the primary's region, or for a replica in another
// region. Whether a commit crosses regions follows from the write's commit mode and where the
// primary's direct replicas sit: a sync write waits for all of them, a semi-sync write for the k
// that answer first (the nearest, so the local ones when there are k of them), an async write for none.
//   local_write_ms_p50          median latency of the acknowledged writes that committed locally
//   cross_region_write_ms_p50   ... of those that waited for a replica in another region
// Added only when the nodes span more than one region.
#include "replication/single_leader.h"
#include "sim/world.h"

namespace cs::replication {

// Whether a write at `level` must wait for a replica outside the primary's region.
bool commit_crosses_regions(const SingleLeaderConfig& config, const sim::World& world, std::uint8_t level);

void add_write_locality_metrics(const sim::World& world, const SingleLeaderConfig& config, sim::Metrics& metrics);

}  // namespace cs::replication
