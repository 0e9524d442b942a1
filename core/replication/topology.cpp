#include "replication/topology.h"

#include <algorithm>
#include <cassert>
#include <set>

namespace cs::replication {

using sim::EndpointId;

std::string_view to_string(Topology topology) {
  switch (topology) {
    case Topology::Star: return "star";
    case Topology::Chain: return "chain";
    case Topology::Ring: return "ring";
    case Topology::Mesh: return "mesh";
  }
  return "?";
}

std::optional<Topology> topology_from_name(std::string_view name) {
  for (auto t : {Topology::Star, Topology::Chain, Topology::Ring, Topology::Mesh}) {
    if (to_string(t) == name) return t;
  }
  return std::nullopt;
}

namespace {
std::vector<EndpointId> everyone_except(std::size_t node_count, EndpointId a, EndpointId b) {
  std::vector<EndpointId> out;
  for (EndpointId n = 0; n < node_count; ++n) {
    if (n != a && n != b) out.push_back(n);
  }
  return out;
}
}  // namespace

std::vector<EndpointId> next_hops(Topology topology, EndpointId self, EndpointId origin, std::size_t node_count) {
  assert(self < node_count && origin < node_count);
  switch (topology) {
    case Topology::Star:
      if (self == kHub) return everyone_except(node_count, kHub, origin);
      return self == origin ? std::vector<EndpointId>{kHub} : std::vector<EndpointId>{};
    case Topology::Chain:
      if (self + 1u < node_count && self + 1u != origin) return {self + 1u};
      return {};
    case Topology::Ring: {
      const auto next = static_cast<EndpointId>((self + 1u) % node_count);
      if (next == origin || next == self) return {};
      return {next};
    }
    case Topology::Mesh: return self == origin ? everyone_except(node_count, self, self) : std::vector<EndpointId>{};
  }
  return {};
}

std::vector<std::pair<EndpointId, EndpointId>> replication_edges(Topology topology,
                                                                 const std::vector<EndpointId>& origins,
                                                                 std::size_t node_count) {
  std::set<std::pair<EndpointId, EndpointId>> edges;
  for (EndpointId origin : origins) {
    // Follow the change from its origin; every node is reached once, so this visits n nodes.
    std::vector<EndpointId> frontier{origin};
    std::set<EndpointId> reached{origin};
    while (!frontier.empty()) {
      const EndpointId at = frontier.back();
      frontier.pop_back();
      for (EndpointId to : next_hops(topology, at, origin, node_count)) {
        edges.insert({at, to});
        if (reached.insert(to).second) frontier.push_back(to);
      }
    }
  }
  return {edges.begin(), edges.end()};
}

std::vector<EndpointId> upstream_of(Topology topology, EndpointId self, const std::vector<EndpointId>& origins,
                                    std::size_t node_count) {
  std::vector<EndpointId> out;
  for (const auto& [from, to] : replication_edges(topology, origins, node_count)) {
    if (to == self) out.push_back(from);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace cs::replication
