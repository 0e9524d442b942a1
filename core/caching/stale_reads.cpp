#include "caching/stale_reads.h"

#include <algorithm>
#include <map>

#include "check/staleness.h"

namespace cs::caching {

using sim::Operation;
using sim::OpStatus;
using sim::OpType;

std::vector<CacheStaleRead> find_cache_stale_reads(const sim::OpLog& ops) {
  const check::WriteIndex writes(ops);
  std::map<std::int64_t, std::vector<const Operation*>> acknowledged;  // per key, by completion time
  for (const Operation& op : ops) {
    if (op.type == OpType::Write && op.status == OpStatus::Ok) acknowledged[op.key].push_back(&op);
  }
  for (auto& [key, list] : acknowledged) {
    std::sort(list.begin(), list.end(),
              [](const Operation* a, const Operation* b) { return a->complete_us < b->complete_us; });
  }
  std::vector<CacheStaleRead> stale;
  for (const Operation& read : ops) {
    if (read.type != OpType::Read || read.status != OpStatus::Ok) continue;
    const auto it = acknowledged.find(read.key);
    if (it == acknowledged.end()) continue;
    // The newest (latest-invoked) write acknowledged before the read began.
    const Operation* newer = nullptr;
    for (const Operation* w : it->second) {
      if (w->complete_us >= read.invoke_us) break;
      if (!newer || w->invoke_us > newer->invoke_us) newer = w;
    }
    if (!newer) continue;
    const Operation* source = read.has_value ? writes.source_of(read.key, read.value) : nullptr;
    if (source == newer) continue;
    // The initial value, nil, or a value whose write was acknowledged before the newer one began.
    const bool older = source == nullptr || check::precedes(*source, *newer);
    if (older) stale.push_back({read.id, newer->id, read.invoke_us - newer->complete_us});
  }
  return stale;
}

}  // namespace cs::caching
