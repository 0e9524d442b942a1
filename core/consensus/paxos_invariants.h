#pragma once
// Single-decree Paxos safety, checked after every event:
//   one value per proposal number   acceptors never accept two values for one number
//   at most one value chosen        no two different values each accepted by a majority
//   learners are right              a node learns only the chosen value
//   validity                        the chosen value is one some proposer proposed
// Acceptances are recorded as they are observed, so a value counts as chosen the moment a
// majority has accepted it, even if those acceptors later accept a higher proposal.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "sim/world.h"

namespace cs::consensus {

// What the checker reads from one node.
struct PaxosNodeState {
  std::string name;
  bool proposer = false;
  std::int64_t accepted_number = 0;  // 0: nothing accepted
  std::int64_t accepted_value = 0;
  bool learned = false;
  std::int64_t learned_value = 0;
};

class PaxosInvariants {
 public:
  bool check(const sim::World& world);  // false if this call found a new violation
  bool check(const std::vector<PaxosNodeState>& nodes);
  std::optional<std::int64_t> chosen() const { return chosen_; }
  const std::vector<std::string>& violations() const { return violations_; }

 private:
  void fail(std::string text);

  std::vector<std::int64_t> last_accepted_n_;
  std::map<std::int64_t, std::pair<std::int64_t, std::uint64_t>> accepted_;  // number -> value, acceptors
  std::optional<std::int64_t> chosen_;
  std::vector<std::string> violations_;
  std::vector<PaxosNodeState> scratch_;
};

}  // namespace cs::consensus
