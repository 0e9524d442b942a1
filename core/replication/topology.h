#pragma once
// Replication topologies: which paths a change travels from the node that accepted it.
//   star   the hub (node 0, the primary) sends to every node directly; a change accepted
//          elsewhere goes to the hub first, which passes it on
//   chain  each node passes what it has to the next one: n1 -> n2 -> n3 -> ... (cascading
//          replication); meant for one source at the head
//   ring   each node passes changes to its neighbour, the last back to the first, until the change
//          would return to where it started (changes carry their origin for exactly this)
//   mesh   the origin sends to every other node directly; nobody relays
// Every node receives each change exactly once in all four, which is what lets replication links
// be simple ordered streams.
#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "sim/ids.h"

namespace cs::replication {

enum class Topology : std::uint8_t { Star, Chain, Ring, Mesh };

inline constexpr sim::EndpointId kHub = 0;  // the star's centre

std::string_view to_string(Topology topology);
std::optional<Topology> topology_from_name(std::string_view name);

// The nodes `self` sends a change to, for a change that `origin` accepted.
std::vector<sim::EndpointId> next_hops(Topology topology, sim::EndpointId self, sim::EndpointId origin,
                                       std::size_t node_count);

// Every directed link the topology uses for changes from any of `origins`, each once, sorted.
std::vector<std::pair<sim::EndpointId, sim::EndpointId>> replication_edges(Topology topology,
                                                                           const std::vector<sim::EndpointId>& origins,
                                                                           std::size_t node_count);

// The nodes `self` may receive changes from (the reverse of the edges), for link bookkeeping.
std::vector<sim::EndpointId> upstream_of(Topology topology, sim::EndpointId self,
                                         const std::vector<sim::EndpointId>& origins, std::size_t node_count);

}  // namespace cs::replication
