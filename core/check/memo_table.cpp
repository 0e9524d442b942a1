#include "check/memo_table.h"

#include <algorithm>
#include <bit>
#include <cassert>
#include <cstring>

#include "sim/random.h"

namespace cs::check::detail {

namespace {

std::uint32_t word_count(std::uint32_t low, std::uint32_t high) {
  return high > low ? (high - 1) / 64 - low / 64 + 1 : 0;
}

// Spreads the bits (splitmix64's finalizer): the bucket index uses the low bits of the hash.
std::uint64_t mix(std::uint64_t x) {
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

}  // namespace

LinearizedSet::LinearizedSet(std::uint32_t size) : size_(size), words_(size / 64 + 1, 0), zobrist_(size) {
  std::uint64_t seed = 0x5EED'C0DE'2024ULL;  // fixed: the same history hashes the same way every run
  for (auto& z : zobrist_) z = sim::splitmix64(seed);
}

void LinearizedSet::add(std::uint32_t op) {
  assert(op < size_ && !contains(op));
  words_[op / 64] |= std::uint64_t{1} << (op % 64);
  hash_ ^= zobrist_[op];
  high_ = std::max(high_, op + 1);
  if (op != low_) return;
  // The first missing operation moves up past the run of members that starts here. The word
  // past the last holds no members, so the scan always stops.
  while (low_ < size_) {
    const std::uint64_t missing = ~words_[low_ / 64] >> (low_ % 64);
    if (missing != 0) {
      low_ = std::min(size_, low_ + static_cast<std::uint32_t>(std::countr_zero(missing)));
      break;
    }
    low_ = (low_ / 64 + 1) * 64;
  }
  low_ = std::min(low_, size_);
}

void LinearizedSet::remove(std::uint32_t op, const Mark& before) {
  assert(op < size_ && contains(op));
  words_[op / 64] &= ~(std::uint64_t{1} << (op % 64));
  low_ = before.low;
  high_ = before.high;
  hash_ = before.hash;
}

bool MemoTable::KeyEqual::operator()(const Key& a, const Key& b) const {
  if (a.hash != b.hash || a.state != b.state || a.low != b.low || a.high != b.high) return false;
  const std::uint32_t n = word_count(a.low, a.high);
  return n == 0 || std::memcmp(arena->data() + a.offset, arena->data() + b.offset, n * sizeof(std::uint64_t)) == 0;
}

bool MemoTable::insert(const LinearizedSet& set, std::uint32_t state) {
  const std::size_t offset = arena_.size();
  const std::uint32_t n = set.word_count();
  arena_.insert(arena_.end(), set.words() + set.first_word(), set.words() + set.first_word() + n);
  const Key key{mix(set.hash() ^ (std::uint64_t{state} + 1) * 0x9E3779B97F4A7C15ULL), state, set.low(), set.high(),
                offset};
  const bool added = entries_.insert(key).second;
  if (!added) arena_.resize(offset);  // known already: give the words back
  return added;
}

std::size_t MemoTable::memory_bytes() const {
  // Arena words, plus each node of the hash set (key and next pointer, allocator overhead) and
  // its bucket.
  return arena_.capacity() * sizeof(std::uint64_t) + entries_.size() * (sizeof(Key) + 32) +
         entries_.bucket_count() * sizeof(void*);
}

}  // namespace cs::check::detail
