#pragma once
// An append-mostly sequence whose copies share storage: items live in fixed-size chunks held by
// shared pointers, so copying the log (a checkpoint of the World, a frame for the UI) copies one
// pointer per chunk, not the items. Changing an item in a chunk that a copy also holds first copies
// that one chunk (copy on write). Histories and logs only grow at the end and rarely change old
// items, so a long run's checkpoints share almost everything: memory grows with the run, not with
// the run times the number of checkpoints.
#include <algorithm>
#include <cassert>
#include <cstddef>
#include <iterator>
#include <memory>
#include <stdexcept>
#include <vector>

namespace cs::sim {

// Chunks of about 8 KiB by default: small enough that what a checkpoint alone holds (at most the
// partial last chunk of each log) stays small, large enough that a copy is a short list of pointers.
template <class T, std::size_t kChunkItems = (sizeof(T) >= 128 ? 64 : 8192 / sizeof(T))>
class ChunkedLog {
  using Chunk = std::vector<T>;

 public:
  class const_iterator {
   public:
    using iterator_category = std::random_access_iterator_tag;
    using value_type = T;
    using difference_type = std::ptrdiff_t;
    using pointer = const T*;
    using reference = const T&;

    const_iterator() = default;
    const_iterator(const ChunkedLog* log, std::size_t i) : log_(log), i_(i) {}
    reference operator*() const { return (*log_)[i_]; }
    pointer operator->() const { return &(*log_)[i_]; }
    reference operator[](difference_type n) const { return (*log_)[static_cast<std::size_t>(diff() + n)]; }
    const_iterator& operator++() { return ++i_, *this; }
    const_iterator operator++(int) { return {log_, i_++}; }
    const_iterator& operator--() { return --i_, *this; }
    const_iterator operator--(int) { return {log_, i_--}; }
    const_iterator& operator+=(difference_type n) { return i_ = static_cast<std::size_t>(diff() + n), *this; }
    const_iterator& operator-=(difference_type n) { return i_ = static_cast<std::size_t>(diff() - n), *this; }
    friend const_iterator operator+(const_iterator it, difference_type n) { return it += n; }
    friend const_iterator operator+(difference_type n, const_iterator it) { return it += n; }
    friend const_iterator operator-(const_iterator it, difference_type n) { return it -= n; }
    friend difference_type operator-(const const_iterator& a, const const_iterator& b) { return a.diff() - b.diff(); }
    friend bool operator==(const const_iterator& a, const const_iterator& b) { return a.i_ == b.i_; }
    friend auto operator<=>(const const_iterator& a, const const_iterator& b) { return a.i_ <=> b.i_; }

   private:
    difference_type diff() const { return static_cast<difference_type>(i_); }
    const ChunkedLog* log_ = nullptr;
    std::size_t i_ = 0;
  };

  ChunkedLog() = default;
  template <class It>
  ChunkedLog(It first, It last) {
    for (; first != last; ++first) push_back(*first);
  }

  static constexpr std::size_t chunk_items() { return kChunkItems; }

  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  const T& operator[](std::size_t i) const {
    assert(i < size_);
    return (*chunks_[i / kChunkItems])[i % kChunkItems];
  }
  const T& at(std::size_t i) const {
    if (i >= size_) throw std::out_of_range("ChunkedLog::at");
    return (*this)[i];
  }
  const T& front() const { return (*this)[0]; }
  const T& back() const { return (*this)[size_ - 1]; }
  const_iterator begin() const { return {this, 0}; }
  const_iterator end() const { return {this, size_}; }
  std::reverse_iterator<const_iterator> rbegin() const { return std::reverse_iterator<const_iterator>(end()); }
  std::reverse_iterator<const_iterator> rend() const { return std::reverse_iterator<const_iterator>(begin()); }

  // A reference that stays valid until the log is copied and this item is changed through the copy,
  // or the log is cleared or truncated below it (items never move: each chunk is allocated whole).
  T& push_back(T item) {
    if (size_ % kChunkItems == 0) {
      auto chunk = std::make_shared<Chunk>();
      chunk->reserve(kChunkItems);
      chunks_.push_back(std::move(chunk));
    } else {
      own(chunks_.size() - 1);
    }
    Chunk& last = *chunks_.back();
    assert(last.size() < kChunkItems);
    last.push_back(std::move(item));
    ++size_;
    return last.back();
  }

  // The item, to change it: its chunk is copied first if another log shares it.
  T& mutable_at(std::size_t i) {
    assert(i < size_);
    own(i / kChunkItems);
    return (*chunks_[i / kChunkItems])[i % kChunkItems];
  }

  // Keeps the first n items.
  void truncate(std::size_t n) {
    if (n >= size_) return;
    const std::size_t keep_chunks = (n + kChunkItems - 1) / kChunkItems;
    chunks_.resize(keep_chunks);
    if (n % kChunkItems != 0) {
      own(keep_chunks - 1);
      chunks_.back()->resize(n % kChunkItems);
    }
    size_ = n;
  }

  void clear() {
    chunks_.clear();
    size_ = 0;
  }

  // Chunks this log holds that no other log shares: what a copy of it would not share.
  std::size_t unshared_chunks() const {
    std::size_t n = 0;
    for (const auto& c : chunks_) n += c.use_count() == 1 ? 1 : 0;
    return n;
  }

 private:
  void own(std::size_t chunk) {
    auto& p = chunks_[chunk];
    if (p.use_count() > 1) {
      auto copy = std::make_shared<Chunk>();
      copy->reserve(kChunkItems);
      copy->assign(p->begin(), p->end());
      p = std::move(copy);
    }
  }

  std::vector<std::shared_ptr<Chunk>> chunks_;
  std::size_t size_ = 0;
};

}  // namespace cs::sim
