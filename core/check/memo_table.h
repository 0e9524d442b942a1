#pragma once
// The memory of the linearizability search (Lowe's memoization): every (set of linearized
// operations, model state) pair already explored. Reaching a pair again cannot lead anywhere new,
// so that branch is cut. This is what makes Wing and Gong's search practical.
//
// Operations are numbered in invocation order, and a search linearizes them roughly in that order,
// so a set is stored as its first missing operation (`low`: every operation below it is in), one
// past its highest member (`high`) and only the bitset words between them: a few words per entry
// instead of n/64. The hash is Zobrist's (one random word per operation, XORed in and out), so it
// costs O(1) per step however long the history.
#include <cstdint>
#include <unordered_set>
#include <vector>

namespace cs::check::detail {

class LinearizedSet {
 public:
  struct Mark {
    std::uint32_t low = 0;
    std::uint32_t high = 0;
    std::uint64_t hash = 0;
  };

  explicit LinearizedSet(std::uint32_t size);
  bool contains(std::uint32_t op) const { return (words_[op / 64] >> (op % 64)) & 1u; }
  // What add() changes besides the bit, to hand back to remove().
  Mark mark() const { return {low_, high_, hash_}; }
  void add(std::uint32_t op);
  // Undoes add(op); `before` is the mark taken just before that add.
  void remove(std::uint32_t op, const Mark& before);

  std::uint32_t size() const { return size_; }
  std::uint32_t low() const { return low_; }
  std::uint32_t high() const { return high_; }
  std::uint64_t hash() const { return hash_; }
  // The words that hold the members at or above low (empty when there are none).
  std::uint32_t first_word() const { return low_ / 64; }
  std::uint32_t word_count() const { return high_ > low_ ? (high_ - 1) / 64 - low_ / 64 + 1 : 0; }
  const std::uint64_t* words() const { return words_.data(); }

 private:
  std::uint32_t size_;
  std::vector<std::uint64_t> words_;
  std::vector<std::uint64_t> zobrist_;
  std::uint32_t low_ = 0;
  std::uint32_t high_ = 0;
  std::uint64_t hash_ = 0;
};

class MemoTable {
 public:
  MemoTable() : entries_(0, KeyHash{}, KeyEqual{&arena_}) {}
  // KeyEqual points into this object: it must stay where it was made.
  MemoTable(const MemoTable&) = delete;
  MemoTable& operator=(const MemoTable&) = delete;

  // Remembers (set, state). False when the pair was already known.
  bool insert(const LinearizedSet& set, std::uint32_t state);
  std::size_t size() const { return entries_.size(); }
  std::size_t memory_bytes() const;

 private:
  struct Key {
    std::uint64_t hash;
    std::uint32_t state;
    std::uint32_t low;
    std::uint32_t high;
    std::size_t offset;  // into arena_, word_count words
  };
  struct KeyHash {
    std::size_t operator()(const Key& k) const { return static_cast<std::size_t>(k.hash); }
  };
  struct KeyEqual {
    const std::vector<std::uint64_t>* arena;
    bool operator()(const Key& a, const Key& b) const;
  };

  std::vector<std::uint64_t> arena_;
  std::unordered_set<Key, KeyHash, KeyEqual> entries_;
};

}  // namespace cs::check::detail
