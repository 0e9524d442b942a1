#include "sim/cuts.h"

#include <algorithm>

namespace cs::sim {

void Cuts::partition(const std::vector<std::vector<EndpointId>>& groups) {
  std::fill(group.begin(), group.end(), 0);
  std::uint16_t id = 0;
  for (const auto& members : groups) {
    ++id;
    for (EndpointId e : members) group.at(e) = id;
  }
}

void Cuts::heal() {
  std::fill(group.begin(), group.end(), 0);
  std::fill(isolated.begin(), isolated.end(), 0);
  one_way.clear();
}

DropReason Cuts::blocked(EndpointId from, EndpointId to) const {
  if (from == to) return DropReason::None;
  if (isolated[from] || isolated[to]) return DropReason::Isolated;
  const auto gf = group[from];
  const auto gt = group[to];
  if (gf != 0 && gt != 0 && gf != gt) return DropReason::Partition;
  if (!one_way.empty() && one_way.count({from, to})) return DropReason::OneWay;
  return DropReason::None;
}

bool Cuts::any() const {
  return !one_way.empty() || std::any_of(group.begin(), group.end(), [](auto g) { return g != 0; }) ||
         std::any_of(isolated.begin(), isolated.end(), [](auto i) { return i != 0; });
}

}  // namespace cs::sim
