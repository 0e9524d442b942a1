#pragma once
#include <cstdint>

namespace cs::sim {

// Nodes and clients share one id space: nodes are 0..N-1, clients follow. The network treats
// every endpoint alike; only the simulation knows which ones run a protocol.
using EndpointId = std::uint32_t;
inline constexpr EndpointId kNoEndpoint = UINT32_MAX;

}  // namespace cs::sim
