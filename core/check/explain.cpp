#include "check/explain.h"

#include <unordered_map>

namespace cs::check {

namespace {

std::string key_label(const std::string& key) { return key.empty() ? "the register" : "key " + key; }

}  // namespace

std::vector<std::string> explain(const LinearizabilityResult& result, const OpHistory& history, std::size_t max_keys) {
  std::unordered_map<std::uint64_t, const HistoryOp*> by_id;
  for (const auto& op : history.ops) by_id.emplace(op.id, &op);
  const auto op_text = [&](std::uint64_t id) {
    const auto it = by_id.find(id);
    return it == by_id.end() ? "op " + std::to_string(id) : describe(*it->second);
  };

  std::vector<std::string> lines;
  std::size_t explained = 0;
  std::size_t skipped = 0;
  for (const KeyResult& k : result.keys) {
    if (k.verdict == Verdict::Linearizable) continue;
    if (explained == max_keys) {
      ++skipped;
      continue;
    }
    ++explained;
    const std::string placed = std::to_string(k.order.size()) + " of " + std::to_string(k.operations) + " operations";
    if (k.verdict == Verdict::Unknown) {
      lines.push_back(key_label(k.key) + ": unknown: the " + k.unknown_reason + " ran out after " +
                      std::to_string(k.steps) + " steps (a legal order of " + placed + " found so far)");
      continue;
    }
    lines.push_back(key_label(k.key) + ": a legal order reaches " + placed + ", leaving the value " +
                    k.value_after_order.to_string() + "; then none of these can take effect:");
    for (const std::uint64_t id : k.stuck_ops) {
      std::string line = "  " + op_text(id);
      if (id == k.blocking_op) line += "  <- completed before any of them could";
      lines.push_back(std::move(line));
    }
  }
  if (skipped > 0) lines.push_back("... and " + std::to_string(skipped) + " more key(s)");
  return lines;
}

}  // namespace cs::check
