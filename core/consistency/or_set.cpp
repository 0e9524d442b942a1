#include "consistency/or_set.h"

#include <cassert>

namespace cs::consistency {

void ORSet::add(std::int64_t element, std::int64_t tag) {
  const auto [it, inserted] = added_.emplace(tag, element);
  assert((inserted || it->second == element) && "a tag names one add");
  (void)it;
  (void)inserted;
  assert(added_.size() <= kMaxTags);
}

std::size_t ORSet::remove(std::int64_t element) {
  std::size_t retired = 0;
  for (const auto& [tag, e] : added_) {
    if (e == element && removed_.insert(tag).second) ++retired;
  }
  return retired;
}

void ORSet::merge(const ORSet& other) {
  for (const auto& [tag, element] : other.added_) add(element, tag);
  removed_.insert(other.removed_.begin(), other.removed_.end());
}

bool ORSet::contains(std::int64_t element) const {
  for (const auto& [tag, e] : added_) {
    if (e == element && removed_.count(tag) == 0) return true;
  }
  return false;
}

std::vector<std::int64_t> ORSet::elements() const {
  std::set<std::int64_t> live;
  for (const auto& [tag, e] : added_) {
    if (removed_.count(tag) == 0) live.insert(e);
  }
  return {live.begin(), live.end()};
}

}  // namespace cs::consistency
