#include "caching/ttl_cache.h"

#include <algorithm>
#include <cassert>

namespace cs::caching {

TtlCache::TtlCache(std::size_t capacity) : capacity_(std::max<std::size_t>(1, capacity)) {}

std::optional<std::int64_t> TtlCache::get(std::int64_t key, sim::TimeUs now_us) const {
  const auto it = entries_.find(key);
  if (it == entries_.end() || now_us >= it->second.expires_us) return std::nullopt;
  return it->second.value;
}

void TtlCache::put(std::int64_t key, std::int64_t value, sim::TimeUs expires_us) {
  if (!entries_.contains(key) && entries_.size() >= capacity_) make_room();
  entries_[key] = {value, expires_us};
  assert(entries_.size() <= capacity_);
}

bool TtlCache::erase(std::int64_t key) { return entries_.erase(key) > 0; }

void TtlCache::make_room() {
  const auto soonest = std::min_element(entries_.begin(), entries_.end(), [](const auto& a, const auto& b) {
    return a.second.expires_us < b.second.expires_us;
  });
  if (soonest != entries_.end()) entries_.erase(soonest);
}

std::size_t TtlCache::live(sim::TimeUs now_us) const {
  return static_cast<std::size_t>(
      std::count_if(entries_.begin(), entries_.end(), [&](const auto& e) { return now_us < e.second.expires_us; }));
}

}  // namespace cs::caching
