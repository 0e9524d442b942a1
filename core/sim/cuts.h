#pragma once
// The network's cuts: which endpoints are in which partition group, which are isolated, and which
// directions are cut one way. A value: the network holds one, and a frame copies it to say which
// links are cut without reading the network.
#include <cstdint>
#include <set>
#include <utility>
#include <vector>

#include "sim/ids.h"
#include "sim/trace.h"

namespace cs::sim {

struct Cuts {
  std::vector<std::uint16_t> group;    // per endpoint; 0 = in no group (reaches everyone)
  std::vector<std::uint8_t> isolated;  // per endpoint
  std::set<std::pair<EndpointId, EndpointId>> one_way;

  explicit Cuts(std::size_t endpoints = 0) : group(endpoints, 0), isolated(endpoints, 0) {}
  void add_endpoint() {
    group.push_back(0);
    isolated.push_back(0);
  }
  void partition(const std::vector<std::vector<EndpointId>>& groups);
  void heal();
  // Why a message from -> to cannot cross (DropReason::None when it can).
  DropReason blocked(EndpointId from, EndpointId to) const;
  // Either direction is blocked.
  bool cut(EndpointId a, EndpointId b) const {
    return blocked(a, b) != DropReason::None || blocked(b, a) != DropReason::None;
  }
  bool any() const;
};

}  // namespace cs::sim
