#pragma once
// Stable hashing for placement. std::hash differs between standard libraries (libstdc++ even
// hashes an integer to itself), so placement uses its own functions: a key lands on the same
// shard on every platform, and neighbouring keys land far apart.
#include <cstdint>
#include <string_view>

namespace cs::sharding {

// The splitmix64 finalizer: a bijective 64-bit mix in which every input bit affects every output
// bit, so sequential ids (1, 2, 3, ...) come out spread over the whole range.
constexpr std::uint64_t mix64(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

constexpr std::uint64_t hash_key(std::int64_t key) { return mix64(static_cast<std::uint64_t>(key)); }

// FNV-1a over bytes, for names (a node's name, a tenant).
constexpr std::uint64_t fnv1a(std::string_view text) {
  std::uint64_t h = 0xCBF29CE484222325ULL;
  for (const char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001B3ULL;
  }
  return h;
}

// Where a 64-bit hash sits on a ring drawn as the unit circle: [0, 1), from the top 53 bits.
constexpr double ring_position(std::uint64_t hash) { return static_cast<double>(hash >> 11) * 0x1.0p-53; }

}  // namespace cs::sharding
