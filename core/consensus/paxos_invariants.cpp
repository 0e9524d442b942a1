#include "consensus/paxos_invariants.h"

#include <bit>

#include "consensus/paxos_node.h"

namespace cs::consensus {

void PaxosInvariants::fail(std::string text) {
  if (violations_.size() < 32) violations_.push_back(std::move(text));
}

bool PaxosInvariants::check(const sim::World& world) {
  scratch_.clear();
  for (sim::EndpointId id = 0; id < world.node_count(); ++id) {
    const auto* node = dynamic_cast<const PaxosNode*>(world.node(id).protocol.get());
    if (!node) continue;
    scratch_.push_back({world.node(id).name, node->is_proposer(), node->accepted_number(), node->accepted_value(),
                        node->learned(), node->learned_value()});
  }
  return check(scratch_);
}

bool PaxosInvariants::check(const std::vector<PaxosNodeState>& nodes) {
  const std::size_t before = violations_.size();
  const std::size_t n = nodes.size();
  last_accepted_n_.resize(n, 0);
  std::int64_t proposers = 0;
  for (std::size_t id = 0; id < n; ++id) {
    const PaxosNodeState& node = nodes[id];
    proposers += node.proposer ? 1 : 0;
    const std::int64_t number = node.accepted_number;
    if (number == last_accepted_n_[id] || number == 0) continue;
    last_accepted_n_[id] = number;
    auto [it, inserted] = accepted_.try_emplace(number, node.accepted_value, 0);
    if (!inserted && it->second.first != node.accepted_value) {
      fail("one value per proposal: proposal " + std::to_string(number) + " was accepted with two values");
    }
    it->second.second |= std::uint64_t{1} << id;
    if (static_cast<std::size_t>(std::popcount(it->second.second)) >= n / 2 + 1) {
      const std::int64_t value = it->second.first;
      if (chosen_ && *chosen_ != value) {
        fail("at most one value chosen: " + std::to_string(*chosen_) + " and " + std::to_string(value));
      }
      if (!chosen_) chosen_ = value;
    }
  }
  if (chosen_ && (*chosen_ < 1 || *chosen_ > proposers) && before == violations_.size()) {
    fail("validity: the chosen value " + std::to_string(*chosen_) + " was never proposed");
  }
  for (const PaxosNodeState& node : nodes) {
    if (!node.learned) continue;
    if (!chosen_ || node.learned_value != *chosen_) {
      fail("learners are right: " + node.name + " learned " + std::to_string(node.learned_value) +
           ", which is not the chosen value");
    }
  }
  return violations_.size() == before;
}

}  // namespace cs::consensus
