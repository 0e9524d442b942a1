#pragma once
// The data of a multi-leader node: per key, the versions it keeps, and the rule that decides what
// happens when a version arrives. Every version carries a version vector, so the store can tell
// an overwrite (the new version has seen the old one) from a conflict (neither has seen the
// other). What it does with a conflict is the configured resolution:
//   last-write-wins  keep the version with the higher stamp (the writer's clock); the other is
//                    discarded silently, even if it had been acknowledged
//   siblings         keep both, side by side, for the application to merge
// A value is a register (a write replaces it) or a shopping cart (a write adds an item).
#include <cstdint>
#include <map>
#include <set>
#include <vector>

#include "consistency/lww.h"
#include "consistency/siblings.h"
#include "consistency/version_vector.h"

namespace cs::replication {

enum class Resolution : std::uint8_t { LastWriteWins, Siblings };
enum class DataKind : std::uint8_t { Register, Cart };

struct StoredVersion {
  std::int64_t value = 0;           // register: the value; cart: the item this version added
  std::vector<std::int64_t> items;  // cart: every item in it, ascending
  consistency::LwwStamp stamp;      // when and where it was written (stamp.value = value)
  consistency::VersionVector version;
  bool operator==(const StoredVersion&) const = default;
};

class VersionedStore {
 public:
  static constexpr std::size_t kMaxLostValues = 100'000;  // the lost-write record saturates here

  VersionedStore(Resolution resolution, DataKind data) : resolution_(resolution), data_(data) {}

  enum class Effect : std::uint8_t { None, Changed };
  // Takes a version in, from a local write or another node. Conflicts are counted here.
  Effect apply(std::int64_t key, const StoredVersion& incoming);

  // The version a new write at `self` makes: it descends from everything the key holds here, so it
  // replaces it (a cart keeps the items of every sibling it replaces).
  StoredVersion next_version(std::int64_t key, sim::EndpointId self, sim::TimeUs local_now_us,
                             std::int64_t value) const;
  // The application's merge of a key's siblings (cart: union of items; register: the larger
  // value), as a version that descends from all of them. Only meaningful with siblings.
  StoredVersion merged_version(std::int64_t key, sim::EndpointId self, sim::TimeUs local_now_us) const;

  const consistency::SiblingSet<StoredVersion>* find(std::int64_t key) const;
  // What a read returns: a register's value, or a cart's item count; nothing for an absent key.
  bool read(std::int64_t key, std::int64_t& value) const;
  bool holds_write(std::int64_t key, std::int64_t value) const;
  std::size_t cart_size(std::int64_t key) const;

  const std::map<std::int64_t, consistency::SiblingSet<StoredVersion>>& keys() const { return keys_; }
  std::int64_t conflicts() const { return conflicts_; }
  std::int64_t siblings_created() const { return siblings_created_; }
  const std::set<std::int64_t>& discarded_unseen() const { return discarded_unseen_; }
  DataKind data() const { return data_; }
  Resolution resolution() const { return resolution_; }

 private:
  Effect apply_last_write_wins(consistency::SiblingSet<StoredVersion>& slot, const StoredVersion& incoming);
  void record_discarded(const StoredVersion& loser, const StoredVersion& winner);

  Resolution resolution_;
  DataKind data_;
  std::map<std::int64_t, consistency::SiblingSet<StoredVersion>> keys_;
  std::int64_t conflicts_ = 0;         // concurrent versions met here
  std::int64_t siblings_created_ = 0;  // of those, kept side by side
  std::set<std::int64_t> discarded_unseen_;
};

}  // namespace cs::replication
