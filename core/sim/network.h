#pragma once
// The simulated network: it alone decides whether and when a message arrives. Per-link latency
// (base + log-normal jitter), loss, duplication and reordering; regions whose distance sets the
// base latency; partitions into groups, one-way cuts and isolated nodes. Copyable, so a checkpoint
// holds it whole.
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "sim/cuts.h"
#include "sim/ids.h"
#include "sim/random.h"
#include "sim/time.h"
#include "sim/trace.h"

namespace cs::sim {

struct LinkParams {
  TimeUs latency_us = 1'000;  // one-way base latency
  TimeUs jitter_us = 200;     // scale of the log-normal jitter added to the base
  double loss = 0.0;          // probability a message is lost
  double duplicate = 0.0;     // probability a second copy is delivered
  double reorder = 0.0;       // probability a message is held back long enough to overtake
};

struct Region {
  std::string name;
  double latitude_deg = 0.0;
  double longitude_deg = 0.0;
};

// Light in fibre covers about 200 km per millisecond: 5 us per km, one way.
inline constexpr double kFibreMicrosPerKm = 5.0;

// Great-circle distance on a spherical Earth (radius 6,371 km).
double great_circle_km(const Region& a, const Region& b);

class Network {
 public:
  Network() = default;
  Network(std::size_t endpoint_count, LinkParams defaults, std::uint64_t seed);

  // Regions: endpoints in different regions get a base latency of distance x 5 us/km plus
  // `overhead_us` (routing, switching, the path being longer than the great circle).
  void set_regions(std::vector<Region> regions, std::vector<std::uint32_t> region_of_endpoint, TimeUs overhead_us);
  void set_link(EndpointId from, EndpointId to, LinkParams params);  // one direction
  void set_extra_latency(EndpointId endpoint, TimeUs extra_us);      // "slow down" a node
  void add_endpoint(std::uint32_t region);

  // Faults.
  void partition(const std::vector<std::vector<EndpointId>>& groups);
  void cut_one_way(EndpointId from, EndpointId to);
  void isolate(EndpointId endpoint);
  void heal();

  // Why a message from -> to cannot cross right now (DropReason::None when it can).
  DropReason blocked(EndpointId from, EndpointId to) const;

  // Decides the fate of one message sent now: either a drop reason, or one arrival time (two when
  // duplicated). Consumes randomness only from the network's own stream.
  struct Fate {
    DropReason drop = DropReason::None;
    TimeUs arrival_us[2] = {0, 0};
    int copies = 0;
  };
  Fate decide(EndpointId from, EndpointId to, TimeUs now_us);

  LinkParams params(EndpointId from, EndpointId to) const;
  std::size_t endpoint_count() const { return cuts_.group.size(); }
  std::uint32_t region_of(EndpointId endpoint) const;
  const std::vector<Region>& regions() const { return regions_; }
  std::uint16_t group_of(EndpointId endpoint) const { return cuts_.group[endpoint]; }
  bool is_isolated(EndpointId endpoint) const { return cuts_.isolated[endpoint] != 0; }
  bool partitioned() const;
  const std::set<std::pair<EndpointId, EndpointId>>& one_way_cuts() const { return cuts_.one_way; }
  const Cuts& cuts() const { return cuts_; }

 private:
  TimeUs sample_delay(const LinkParams& p, EndpointId from, EndpointId to);

  LinkParams defaults_;
  Random rng_;
  std::vector<Region> regions_;
  std::vector<std::uint32_t> region_of_;   // per endpoint
  std::vector<TimeUs> region_latency_us_;  // regions x regions
  std::map<std::pair<EndpointId, EndpointId>, LinkParams> links_;
  std::vector<TimeUs> extra_latency_us_;  // per endpoint
  Cuts cuts_;
};

}  // namespace cs::sim
