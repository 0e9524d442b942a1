#pragma once
// Client workload: closed-loop sessions that each send one read or write at a time to a node,
// wait for the reply (or time out), think, and go again. Keys are uniform or Zipf-skewed.
#include <cstdint>
#include <vector>

#include "sim/ids.h"
#include "sim/random.h"
#include "sim/time.h"

namespace cs::sim {

enum class KeyDistribution : std::uint8_t { Uniform, Zipf };
// Which node a session talks to: always the same one (sticky; node = session % targets), or a
// random one of the targets for every operation.
enum class TargetPolicy : std::uint8_t { Sticky, Random };

struct WorkloadSpec {
  std::uint32_t clients = 0;
  TimeUs think_time_us = 100'000;  // mean of an exponential pause between operations
  double read_fraction = 0.5;
  std::uint64_t key_count = 1;
  KeyDistribution distribution = KeyDistribution::Uniform;
  double zipf_exponent = 1.0;
  TargetPolicy target = TargetPolicy::Sticky;
  std::vector<EndpointId> target_nodes;  // empty: every node
  std::uint8_t level = 0;                // consistency level stamped on requests (model-defined)
  TimeUs timeout_us = 1'000'000;
  TimeUs start_us = 0;
  TimeUs stop_us = kTimeNever;
};

struct ClientState {
  EndpointId id = kNoEndpoint;
  bool automatic = true;  // driven by the workload (false: the learner's console client)
  std::uint64_t pending_op = 0;
  std::uint64_t writes_issued = 0;
  Random rng;
};

}  // namespace cs::sim
