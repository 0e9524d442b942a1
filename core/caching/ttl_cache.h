#pragma once
// An in-memory cache with a time to live per entry, like Redis' SET key value EX ttl. An entry
// past its expiry is never returned; when the cache is full, the entry closest to expiry makes
// room (an approximation of Redis' volatile-ttl eviction).
#include <cstdint>
#include <map>
#include <optional>

#include "sim/time.h"

namespace cs::caching {

class TtlCache {
 public:
  explicit TtlCache(std::size_t capacity);

  std::optional<std::int64_t> get(std::int64_t key, sim::TimeUs now_us) const;
  void put(std::int64_t key, std::int64_t value, sim::TimeUs expires_us);
  bool erase(std::int64_t key);
  void clear() { entries_.clear(); }
  // Entries not yet expired at `now_us`.
  std::size_t live(sim::TimeUs now_us) const;

 private:
  struct Entry {
    std::int64_t value = 0;
    sim::TimeUs expires_us = 0;
  };
  void make_room();

  std::size_t capacity_;
  std::map<std::int64_t, Entry> entries_;
};

}  // namespace cs::caching
