// The directory: an explicit table from shard-key value to shard, on a node of its own. Any
// placement can be written into it, which is its strength; every request that is not answered
// from a router's cache needs it, which makes it a single point of failure.
#include <algorithm>

#include "sharding/shard_node.h"

namespace cs::sharding {

void ShardNode::preload_directory() {
  directory_per_shard_.assign(routing_.shards(), 0);
  for (const Row& row : preload_rows(*config_)) {
    const std::int64_t key = config_->shard_key_of(row);
    const ShardIndex s = initial_directory_shard(*config_, key);
    if (directory_.emplace(key, s).second) ++directory_per_shard_[s];
  }
}

void ShardNode::on_lookup(sim::NodeContext& ctx, const sim::Message& m) {
  if (self_ != config_->directory) return;
  sim::Message answer;
  answer.kind = msg::kLookupReply;
  answer.key = m.key;
  answer.op_id = m.op_id;
  answer.term = routing_.epoch();
  answer.ok = true;
  auto it = directory_.find(m.key);
  if (it == directory_.end()) {
    if (directory_.size() >= kMaxDirectoryEntries) {
      answer.ok = false;  // full: refuse rather than grow without bound
      send_to(ctx, m.from, answer);
      return;
    }
    // A key seen for the first time goes to the shard with the fewest keys: the directory can
    // place anything anywhere, which no formula-based scheme can.
    directory_per_shard_.resize(routing_.shards(), 0);
    const auto least = std::min_element(directory_per_shard_.begin(), directory_per_shard_.end());
    const auto shard = static_cast<ShardIndex>(least - directory_per_shard_.begin());
    it = directory_.emplace(m.key, shard).first;
    ++*least;
  }
  answer.value = it->second;
  send_to(ctx, m.from, answer);
}

}  // namespace cs::sharding
