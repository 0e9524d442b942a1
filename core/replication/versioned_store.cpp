#include "replication/versioned_store.h"

#include <algorithm>
#include <cassert>

namespace cs::replication {

using consistency::Causality;
using consistency::SiblingOutcome;
using consistency::SiblingSet;

namespace {

void add_item(std::vector<std::int64_t>& items, std::int64_t item) {
  const auto at = std::lower_bound(items.begin(), items.end(), item);
  if (at == items.end() || *at != item) items.insert(at, item);
}

std::vector<std::int64_t> union_of_items(const SiblingSet<StoredVersion>& slot) {
  std::vector<std::int64_t> items;
  for (const StoredVersion& v : slot.versions()) {
    for (std::int64_t item : v.items) add_item(items, item);
  }
  return items;
}

// Siblings merged without a new write: used only when a key holds as many siblings as it may.
StoredVersion collapse(const SiblingSet<StoredVersion>& slot, DataKind data) {
  StoredVersion merged = slot.versions().front();
  for (const StoredVersion& v : slot.versions()) {
    if (merged.stamp < v.stamp) merged.stamp = v.stamp;
    merged.value = std::max(merged.value, v.value);
  }
  merged.version = slot.merged_version();
  if (data == DataKind::Cart) merged.items = union_of_items(slot);
  return merged;
}

}  // namespace

VersionedStore::Effect VersionedStore::apply(std::int64_t key, const StoredVersion& incoming) {
  SiblingSet<StoredVersion>& slot = keys_[key];
  if (resolution_ == Resolution::LastWriteWins) return apply_last_write_wins(slot, incoming);
  if (slot.full()) {
    const StoredVersion merged = collapse(slot, data_);
    slot = {};
    slot.add(merged);
  }
  switch (slot.add(incoming)) {
    case SiblingOutcome::Stale: return Effect::None;
    case SiblingOutcome::Replaced: return Effect::Changed;
    case SiblingOutcome::Sibling:
      ++conflicts_;
      ++siblings_created_;
      return Effect::Changed;
  }
  return Effect::None;
}

VersionedStore::Effect VersionedStore::apply_last_write_wins(SiblingSet<StoredVersion>& slot,
                                                             const StoredVersion& incoming) {
  if (slot.empty()) {
    slot.add(incoming);
    return Effect::Changed;
  }
  assert(slot.size() == 1);
  const StoredVersion current = slot.versions().front();
  if (incoming.version.compare(current.version) == Causality::Concurrent) ++conflicts_;
  // The stamp alone decides, as in Cassandra: causality is only used to tell a conflict, and to
  // tell whether the loser was an old version the winner had seen or a write it never saw.
  const bool incoming_wins = consistency::lww_wins(incoming.stamp, current.stamp);
  const StoredVersion& winner = incoming_wins ? incoming : current;
  const StoredVersion& loser = incoming_wins ? current : incoming;
  record_discarded(loser, winner);
  StoredVersion kept = winner;
  kept.version.merge(loser.version);  // the survivor now stands for both histories
  if (kept == current) return Effect::None;
  slot = {};
  slot.add(kept);
  return Effect::Changed;
}

void VersionedStore::record_discarded(const StoredVersion& loser, const StoredVersion& winner) {
  if (winner.version.descends_from(loser.version)) return;  // an overwrite: the winner saw it
  auto record = [&](std::int64_t value) {
    if (discarded_unseen_.size() < kMaxLostValues) discarded_unseen_.insert(value);
  };
  if (data_ == DataKind::Register) {
    record(loser.value);
    return;
  }
  for (std::int64_t item : loser.items) {
    if (!std::binary_search(winner.items.begin(), winner.items.end(), item)) record(item);
  }
}

StoredVersion VersionedStore::next_version(std::int64_t key, sim::EndpointId self, sim::TimeUs local_now_us,
                                           std::int64_t value) const {
  StoredVersion v;
  if (const auto* slot = find(key)) {
    v.version = slot->merged_version();
    if (data_ == DataKind::Cart) v.items = union_of_items(*slot);
  }
  v.version.increment(self);
  v.value = value;
  if (data_ == DataKind::Cart) add_item(v.items, value);
  v.stamp = {local_now_us, self, value};
  return v;
}

StoredVersion VersionedStore::merged_version(std::int64_t key, sim::EndpointId self, sim::TimeUs local_now_us) const {
  const auto* slot = find(key);
  assert(slot && !slot->empty());
  StoredVersion v;
  v.version = slot->merged_version();
  v.version.increment(self);
  if (data_ == DataKind::Cart) {
    v.items = union_of_items(*slot);
  } else {
    for (const StoredVersion& s : slot->versions()) v.value = std::max(v.value, s.value);
  }
  v.stamp = {local_now_us, self, v.value};
  return v;
}

const SiblingSet<StoredVersion>* VersionedStore::find(std::int64_t key) const {
  const auto it = keys_.find(key);
  return it == keys_.end() || it->second.empty() ? nullptr : &it->second;
}

bool VersionedStore::read(std::int64_t key, std::int64_t& value) const {
  const auto* slot = find(key);
  if (!slot) return false;
  if (data_ == DataKind::Cart) {
    value = static_cast<std::int64_t>(union_of_items(*slot).size());
    return true;
  }
  value = slot->versions().front().value;
  for (const StoredVersion& v : slot->versions()) value = std::max(value, v.value);
  return true;
}

bool VersionedStore::holds_write(std::int64_t key, std::int64_t value) const {
  const auto* slot = find(key);
  if (!slot) return false;
  return std::any_of(slot->versions().begin(), slot->versions().end(), [&](const StoredVersion& v) {
    return data_ == DataKind::Cart ? std::binary_search(v.items.begin(), v.items.end(), value) : v.value == value;
  });
}

std::size_t VersionedStore::cart_size(std::int64_t key) const {
  const auto* slot = find(key);
  return slot ? union_of_items(*slot).size() : 0;
}

}  // namespace cs::replication
