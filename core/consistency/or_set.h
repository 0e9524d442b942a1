#pragma once
// OR-Set (observed-remove set): every add carries a unique tag, and a remove deletes only the tags
// it has observed. An add concurrent with a remove carries a tag the remove never saw, so the
// element stays: add wins. State is the set of tags ever added and the set of tags removed
// (tombstones); merge is the union of each, which is commutative, associative and idempotent.
#include <cstdint>
#include <map>
#include <set>
#include <vector>

namespace cs::consistency {

class ORSet {
 public:
  // A hard bound on the tags one set may hold. Callers refuse adds long before it (a replica
  // counts the tags it has merged from others too), so only a runaway bug reaches it.
  static constexpr std::size_t kMaxTags = std::size_t{1} << 20;

  // Adds `element` under a tag no other add uses (the caller guarantees uniqueness).
  void add(std::int64_t element, std::int64_t tag);
  // Removes the element as far as this replica has seen it; returns how many tags it retired.
  std::size_t remove(std::int64_t element);
  void merge(const ORSet& other);

  bool contains(std::int64_t element) const;
  std::vector<std::int64_t> elements() const;  // ascending, each once
  bool knows_tag(std::int64_t tag) const { return added_.count(tag) != 0; }
  std::size_t tag_count() const { return added_.size(); }
  bool operator==(const ORSet& other) const = default;

 private:
  std::map<std::int64_t, std::int64_t> added_;  // tag -> element, for every add ever seen
  std::set<std::int64_t> removed_;              // tags a remove has observed
};

}  // namespace cs::consistency
