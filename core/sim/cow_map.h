#pragma once
// A sorted map whose copies share storage: entries live in small sorted leaves held by shared
// pointers, so copying the map (a checkpoint of the World) copies one pointer per leaf, and a
// change copies only the leaf it touches (copy on write). A node's table that grows through a long
// run then costs each checkpoint what changed since the last one, not the whole table.
//
// The interface is the part of std::map the models use: find, contains, lower_bound, upper_bound,
// ordered iteration (as pair<const-looking K, V>), operator[], emplace, erase by key or iterator,
// size, clear and equality. Iterators are invalidated by any change, as std::vector's are.
#include <algorithm>
#include <cassert>
#include <cstddef>
#include <iterator>
#include <memory>
#include <utility>
#include <vector>

namespace cs::sim {

template <class K, class V, std::size_t kLeafItems = 64>
class CowMap {
  using Leaf = std::vector<std::pair<K, V>>;

 public:
  using value_type = std::pair<K, V>;

  class const_iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = std::pair<K, V>;
    using difference_type = std::ptrdiff_t;
    using pointer = const value_type*;
    using reference = const value_type&;

    const_iterator() = default;
    reference operator*() const { return (*map_->leaves_[leaf_])[pos_]; }
    pointer operator->() const { return &**this; }
    const_iterator& operator++() {
      if (++pos_ == map_->leaves_[leaf_]->size()) {
        ++leaf_;
        pos_ = 0;
      }
      return *this;
    }
    const_iterator operator++(int) {
      const_iterator old = *this;
      ++*this;
      return old;
    }
    friend bool operator==(const const_iterator& a, const const_iterator& b) {
      return a.leaf_ == b.leaf_ && a.pos_ == b.pos_;
    }

   private:
    friend class CowMap;
    const_iterator(const CowMap* map, std::size_t leaf, std::size_t pos) : map_(map), leaf_(leaf), pos_(pos) {}
    const CowMap* map_ = nullptr;
    std::size_t leaf_ = 0;  // leaves_.size() at the end
    std::size_t pos_ = 0;
  };
  using iterator = const_iterator;

  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  const_iterator begin() const { return {this, 0, 0}; }
  const_iterator end() const { return {this, leaves_.size(), 0}; }

  const_iterator lower_bound(const K& key) const {
    const std::size_t leaf = leaf_for(key);
    if (leaf == leaves_.size()) return end();
    const Leaf& l = *leaves_[leaf];
    const auto it =
        std::lower_bound(l.begin(), l.end(), key, [](const value_type& e, const K& k) { return e.first < k; });
    return normalized(leaf, static_cast<std::size_t>(it - l.begin()));
  }
  const_iterator upper_bound(const K& key) const {
    const std::size_t leaf = leaf_for(key);
    if (leaf == leaves_.size()) return end();
    const Leaf& l = *leaves_[leaf];
    const auto it =
        std::upper_bound(l.begin(), l.end(), key, [](const K& k, const value_type& e) { return k < e.first; });
    return normalized(leaf, static_cast<std::size_t>(it - l.begin()));
  }
  const_iterator find(const K& key) const {
    const const_iterator it = lower_bound(key);
    return it != end() && !(key < it->first) ? it : end();
  }
  bool contains(const K& key) const { return find(key) != end(); }

  // The value under key, inserted (default) if absent; its leaf is made this map's own first.
  V& operator[](const K& key) {
    Location at = locate(key);
    Leaf& l = own(at.leaf);
    if (!at.found) {
      l.insert(l.begin() + static_cast<std::ptrdiff_t>(at.pos), value_type{key, V{}});
      ++size_;
      if (l.size() > 2 * kLeafItems) {
        split(at.leaf);
        at = locate(key);
      }
    }
    return (*leaves_[at.leaf])[at.pos].second;
  }
  // Inserts if absent (as std::map::emplace); true if it did.
  bool emplace(const K& key, V value) {
    if (contains(key)) return false;
    (*this)[key] = std::move(value);
    return true;
  }
  std::size_t erase(const K& key) {
    const auto [leaf, pos, found] = locate(key);
    if (!found) return 0;
    erase_at(leaf, pos);
    return 1;
  }
  // Erases the entry at `it`; returns the one after it.
  const_iterator erase(const_iterator it) {
    assert(it != end());
    const K next_key_after = it->first;
    erase_at(it.leaf_, it.pos_);
    return upper_bound(next_key_after);
  }
  // Appends an entry whose key is above every key in the map: builds a large table in linear
  // time (operator[] searches for its place each time).
  void append(const K& key, V value) {
    assert(empty() || leaves_.back()->back().first < key);
    if (leaves_.empty() || leaves_.back()->size() >= kLeafItems) {
      auto leaf = std::make_shared<Leaf>();
      leaf->reserve(kLeafItems);
      leaves_.push_back(std::move(leaf));
    }
    own(leaves_.size() - 1).push_back(value_type{key, std::move(value)});
    ++size_;
  }
  void clear() {
    leaves_.clear();
    size_ = 0;
  }

  friend bool operator==(const CowMap& a, const CowMap& b) {
    return a.size_ == b.size_ && std::equal(a.begin(), a.end(), b.begin());
  }

 private:
  struct Location {
    std::size_t leaf;
    std::size_t pos;
    bool found;
  };

  // The leaf that holds key or would: the last leaf whose first key is not above it (or the first).
  std::size_t leaf_for(const K& key) const {
    if (leaves_.empty()) return 0;
    const auto it = std::upper_bound(leaves_.begin(), leaves_.end(), key,
                                     [](const K& k, const std::shared_ptr<Leaf>& l) { return k < l->front().first; });
    return it == leaves_.begin() ? 0 : static_cast<std::size_t>(it - leaves_.begin()) - 1;
  }
  Location locate(const K& key) {
    if (leaves_.empty()) {
      auto leaf = std::make_shared<Leaf>();
      leaf->reserve(kLeafItems);
      leaves_.push_back(std::move(leaf));
    }
    const std::size_t leaf = leaf_for(key);
    const Leaf& l = *leaves_[leaf];
    const auto it =
        std::lower_bound(l.begin(), l.end(), key, [](const value_type& e, const K& k) { return e.first < k; });
    return {leaf, static_cast<std::size_t>(it - l.begin()), it != l.end() && !(key < it->first)};
  }
  const_iterator normalized(std::size_t leaf, std::size_t pos) const {
    if (pos == leaves_[leaf]->size()) return {this, leaf + 1, 0};
    return {this, leaf, pos};
  }
  Leaf& own(std::size_t leaf) {
    auto& p = leaves_[leaf];
    if (p.use_count() > 1) p = std::make_shared<Leaf>(*p);
    return *p;
  }
  void split(std::size_t leaf) {
    Leaf& l = *leaves_[leaf];
    auto upper = std::make_shared<Leaf>(l.begin() + static_cast<std::ptrdiff_t>(l.size() / 2), l.end());
    l.resize(l.size() / 2);
    leaves_.insert(leaves_.begin() + static_cast<std::ptrdiff_t>(leaf) + 1, std::move(upper));
  }
  void erase_at(std::size_t leaf, std::size_t pos) {
    Leaf& l = own(leaf);
    l.erase(l.begin() + static_cast<std::ptrdiff_t>(pos));
    --size_;
    if (l.empty()) leaves_.erase(leaves_.begin() + static_cast<std::ptrdiff_t>(leaf));
  }

  std::vector<std::shared_ptr<Leaf>> leaves_;  // each non-empty and sorted; leaves in key order
  std::size_t size_ = 0;
};

}  // namespace cs::sim
