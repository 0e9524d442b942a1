#include "sim/network.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace cs::sim {

double great_circle_km(const Region& a, const Region& b) {
  constexpr double kEarthRadiusKm = 6371.0;
  constexpr double kRadPerDeg = 3.14159265358979323846 / 180.0;
  const double lat1 = a.latitude_deg * kRadPerDeg;
  const double lat2 = b.latitude_deg * kRadPerDeg;
  const double dlat = lat2 - lat1;
  const double dlon = (b.longitude_deg - a.longitude_deg) * kRadPerDeg;
  const double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(lat1) * std::cos(lat2) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2.0 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(h)));
}

Network::Network(std::size_t endpoint_count, LinkParams defaults, std::uint64_t seed)
    : defaults_(defaults),
      rng_(seed),
      region_of_(endpoint_count, 0),
      extra_latency_us_(endpoint_count, 0),
      cuts_(endpoint_count) {}

void Network::set_regions(std::vector<Region> regions, std::vector<std::uint32_t> region_of_endpoint,
                          TimeUs overhead_us) {
  assert(region_of_endpoint.size() == cuts_.group.size());
  regions_ = std::move(regions);
  region_of_ = std::move(region_of_endpoint);
  const std::size_t n = regions_.size();
  region_latency_us_.assign(n * n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < n; ++j) {
      if (i == j) continue;
      const double km = great_circle_km(regions_[i], regions_[j]);
      region_latency_us_[i * n + j] = static_cast<TimeUs>(std::llround(km * kFibreMicrosPerKm)) + overhead_us;
    }
  }
}

void Network::set_link(EndpointId from, EndpointId to, LinkParams params) { links_[{from, to}] = params; }

void Network::set_extra_latency(EndpointId endpoint, TimeUs extra_us) {
  assert(extra_us >= 0);
  extra_latency_us_.at(endpoint) = extra_us;
}

void Network::add_endpoint(std::uint32_t region) {
  region_of_.push_back(region);
  extra_latency_us_.push_back(0);
  cuts_.add_endpoint();
}

void Network::partition(const std::vector<std::vector<EndpointId>>& groups) { cuts_.partition(groups); }

void Network::cut_one_way(EndpointId from, EndpointId to) { cuts_.one_way.insert({from, to}); }

void Network::isolate(EndpointId endpoint) { cuts_.isolated.at(endpoint) = 1; }

void Network::heal() { cuts_.heal(); }

bool Network::partitioned() const { return cuts_.any(); }

DropReason Network::blocked(EndpointId from, EndpointId to) const { return cuts_.blocked(from, to); }

std::uint32_t Network::region_of(EndpointId endpoint) const { return region_of_[endpoint]; }

LinkParams Network::params(EndpointId from, EndpointId to) const {
  if (!links_.empty()) {
    auto it = links_.find({from, to});
    if (it != links_.end()) return it->second;
  }
  LinkParams p = defaults_;
  const std::size_t n = regions_.size();
  if (n > 1) {
    const auto rf = region_of_[from];
    const auto rt = region_of_[to];
    if (rf != rt) p.latency_us += region_latency_us_[rf * n + rt];
  }
  return p;
}

TimeUs Network::sample_delay(const LinkParams& p, EndpointId from, EndpointId to) {
  TimeUs delay = p.latency_us + extra_latency_us_[from] + extra_latency_us_[to];
  if (p.jitter_us > 0) {
    // Log-normal with median 1: most messages see about one jitter unit, a few see several.
    const double factor = std::min(rng_.log_normal(0.0, 0.6), 8.0);
    delay += static_cast<TimeUs>(std::llround(static_cast<double>(p.jitter_us) * factor));
  }
  if (p.reorder > 0.0 && rng_.chance(p.reorder)) {
    delay += p.latency_us * 2 + p.jitter_us * 4;  // held back: later messages overtake it
  }
  return std::max<TimeUs>(delay, 1);
}

Network::Fate Network::decide(EndpointId from, EndpointId to, TimeUs now_us) {
  Fate fate;
  fate.drop = blocked(from, to);
  if (fate.drop != DropReason::None) return fate;
  const LinkParams p = params(from, to);
  if (p.loss > 0.0 && rng_.chance(p.loss)) {
    fate.drop = DropReason::Loss;
    return fate;
  }
  fate.arrival_us[0] = now_us + sample_delay(p, from, to);
  fate.copies = 1;
  if (p.duplicate > 0.0 && rng_.chance(p.duplicate)) {
    fate.arrival_us[1] = now_us + sample_delay(p, from, to);
    fate.copies = 2;
  }
  return fate;
}

}  // namespace cs::sim
