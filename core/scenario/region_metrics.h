#pragma once
// Round trips between the scenario's regions, so a lesson can quote them: for every pair of
// regions that hold nodes, `rtt_ms.<a>-<b>` is the base round trip (one-way latency each way,
// without jitter) between a node in one and a node in the other. With regions, the base one-way
// latency is the default link latency plus great-circle distance x 5 us/km plus the overhead.
#include "sim/world.h"

namespace cs::scenario {

void add_region_rtt_metrics(const sim::World& world, sim::Metrics& metrics);

}  // namespace cs::scenario
