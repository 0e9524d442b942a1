#pragma once
// Stale reads of a cache-aside run, from the history alone. The table is loaded before the run,
// so a read may return a key's initial value, which no recorded write produced; the general
// checker (check/staleness.h) cannot place such a value and never calls it stale. Here it can:
// initial_value(key) is older than every write. A read is stale when it returned a value older
// than the newest write acknowledged before the read was invoked.
#include <cstdint>
#include <vector>

#include "sim/history.h"

namespace cs::caching {

struct CacheStaleRead {
  std::uint64_t read_id = 0;
  std::uint64_t newer_write_id = 0;
  sim::TimeUs since_write_us = 0;  // from the newer write's acknowledgement to the read's invocation
};

std::vector<CacheStaleRead> find_cache_stale_reads(const sim::OpLog& ops);

}  // namespace cs::caching
