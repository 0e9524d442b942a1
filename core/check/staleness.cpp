#include "check/staleness.h"

#include <algorithm>
#include <cstdio>

namespace cs::check {

using sim::Operation;
using sim::OpStatus;
using sim::OpType;

WriteIndex::WriteIndex(const sim::OpLog& ops) {
  for (const Operation& op : ops) {
    if (op.type == OpType::Write) by_key_value_.emplace(std::make_pair(op.key, op.value), &op);
  }
}

const Operation* WriteIndex::source_of(std::int64_t key, std::int64_t value) const {
  const auto it = by_key_value_.find({key, value});
  return it == by_key_value_.end() ? nullptr : it->second;
}

const Operation* WriteIndex::source_of_read(const Operation& read) const {
  if (read.type != OpType::Read || read.status != OpStatus::Ok || !read.has_value) return nullptr;
  return source_of(read.key, read.value);
}

bool precedes(const Operation& a, const Operation& b) {
  return a.status == OpStatus::Ok && a.complete_us >= 0 && a.complete_us < b.invoke_us;
}

bool older_than(const WriteIndex& writes, const Operation& read, const Operation& write) {
  if (!read.has_value) return true;
  const Operation* source = writes.source_of(read.key, read.value);
  if (source == nullptr || source == &write) return false;
  return precedes(*source, write);
}

std::string seconds_text(sim::TimeUs time_us) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f s", static_cast<double>(time_us) / 1e6);
  return buf;
}

std::string value_text(const Operation& op) { return op.has_value ? std::to_string(op.value) : "nil"; }

namespace {

// A key's acknowledged writes by completion time, with the latest-invoked one among each prefix:
// the strongest "should have been seen" write for a read invoked after that prefix.
struct AcknowledgedWrites {
  std::vector<const Operation*> by_completion;
  std::vector<const Operation*> latest_invoked_prefix;

  void finish() {
    std::sort(by_completion.begin(), by_completion.end(),
              [](const Operation* a, const Operation* b) { return a->complete_us < b->complete_us; });
    const Operation* latest = nullptr;
    for (const Operation* w : by_completion) {
      if (!latest || w->invoke_us > latest->invoke_us) latest = w;
      latest_invoked_prefix.push_back(latest);
    }
  }
  // Of the writes acknowledged strictly before `time_us`, the one invoked last (nullptr if none).
  const Operation* latest_acknowledged_before(sim::TimeUs time_us) const {
    const auto it = std::lower_bound(by_completion.begin(), by_completion.end(), time_us,
                                     [](const Operation* w, sim::TimeUs t) { return w->complete_us < t; });
    const auto count = static_cast<std::size_t>(it - by_completion.begin());
    return count == 0 ? nullptr : latest_invoked_prefix[count - 1];
  }
};

}  // namespace

std::vector<StaleRead> find_stale_reads(const sim::OpLog& ops) {
  const WriteIndex writes(ops);
  std::map<std::int64_t, AcknowledgedWrites> per_key;
  for (const Operation& op : ops) {
    if (op.type == OpType::Write && op.status == OpStatus::Ok) per_key[op.key].by_completion.push_back(&op);
  }
  for (auto& [key, acknowledged] : per_key) acknowledged.finish();

  std::vector<StaleRead> stale;
  for (const Operation& read : ops) {
    if (read.type != OpType::Read || read.status != OpStatus::Ok) continue;
    const auto it = per_key.find(read.key);
    if (it == per_key.end()) continue;
    const Operation* newer = it->second.latest_acknowledged_before(read.invoke_us);
    if (!newer || !older_than(writes, read, *newer)) continue;
    stale.push_back({read.id, newer->id,
                     "read " + std::to_string(read.id) + " of key " + std::to_string(read.key) + " at " +
                         seconds_text(read.invoke_us) + " returned " + value_text(read) + ", older than " +
                         std::to_string(newer->value) + ", whose write " + std::to_string(newer->id) +
                         " had been acknowledged at " + seconds_text(newer->complete_us) + "."});
  }
  return stale;
}

}  // namespace cs::check
