#pragma once
// The sequential specifications a history is checked against. Linearizability is local (Herlihy
// and Wing): a map is linearizable exactly when each key's sub-history is, so every model here is
// the state of ONE key, and the checker splits histories per key.
//   register      read, write
//   cas-register  read, write, cas (compare-and-set: succeeds only on the expected value)
//   kv            get (read), put (write), append: a key-value map whose values are text; append
//                 adds text at the end, and an integer counts as its decimal text
// Every key starts as nil (absent).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "check/operation.h"

namespace cs::check {

enum class Model : std::uint8_t { Register, CasRegister, Kv };

std::string_view to_string(Model model);
std::optional<Model> model_from_name(std::string_view name);  // "register", "cas-register", "kv"
bool supports(Model model, OpFunction f);
// The simplest model that accepts every operation: cas -> cas-register; append or a text value ->
// kv; otherwise register.
Model infer_model(const OpHistory& history);
// The first operation the model has no meaning for, said for people, and its line in the file.
struct ModelMismatch {
  std::string message;
  std::size_t line = 0;
};
std::optional<ModelMismatch> unsupported_operation(Model model, const OpHistory& history);

// The values of one key, interned to small integers so that a model state is one integer: cheap
// to compare, hash and copy in the search. Id 0 is nil. Appends are computed once per (state,
// suffix) pair and remembered. A kv text made by appending is kept as the pair of its parts with a
// hash of its whole text, not as a copy: a search on a key with many appends creates millions of
// states, and copying and hashing ever longer texts made each append cost its length. Equal texts
// still share one id whichever appends made them (a hash match is confirmed text against text).
class ValueTable {
 public:
  static constexpr std::uint32_t kNil = 0;
  // Values beyond this many (only appends create new ones during a search) end it as unknown.
  static constexpr std::size_t kMaxValues = 1u << 24;

  explicit ValueTable(Model model);
  std::uint32_t intern(const Value& value);
  // Valid until the next intern or append (an appended text is spelt out on first use).
  const Value& at(std::uint32_t id) const;
  // The id of `state` with `suffix` appended; nullopt when the table is full.
  std::optional<std::uint32_t> append(std::uint32_t state, std::uint32_t suffix);
  // Whether a key holding `state` can come to hold `target` by appends alone: a kv text that
  // starts with `state`'s text (anything when `state` is nil), or in a register `state` itself.
  // Hashes rule a text out; a hash match is taken as a "maybe" (this only prunes a search).
  bool may_grow_into(std::uint32_t state, std::uint32_t target);
  std::size_t size() const { return values_.size(); }
  std::size_t memory_bytes() const { return memory_bytes_; }

 private:
  static constexpr std::uint32_t kLeaf = 0xFFFFFFFFu;
  // A kv text: a polynomial hash of all of it, the base to the power of its length (what
  // appending it multiplies a hash by), its length, and for a concatenation its two parts.
  struct Text {
    std::uint64_t hash = 0;
    std::uint64_t power = 1;
    std::size_t length = 0;
    std::uint32_t left = kLeaf;
    std::uint32_t right = kLeaf;
  };
  Value canonical(const Value& value) const;
  std::uint32_t add(Value value, Text text);
  // The id of an interned text equal to `text` (a concatenation, or when a leaf not yet interned,
  // the text `leaf`).
  std::optional<std::uint32_t> find_text(const Text& text, std::string_view leaf = {}) const;
  bool same_text(const Text& a, std::uint32_t b, std::string_view leaf) const;
  static std::uint64_t hash_key(const Text& t);
  // The hash of the first `length` characters of `id`'s text.
  std::uint64_t prefix_hash(std::uint32_t id, std::size_t length);
  // Prefix hashes are kept per text up to this many bytes in all; beyond, computed each time.
  static constexpr std::size_t kMaxPrefixBytes = std::size_t{64} << 20;

  Model model_;
  mutable std::vector<Value> values_;  // concatenations are nil until at() spells them out
  mutable std::vector<bool> spelt_;
  std::vector<Text> texts_;                                    // kv only, by id
  std::unordered_map<std::string, std::uint32_t> ids_;         // register models: a kind-tagged encoding
  std::unordered_map<std::uint64_t, std::uint32_t> by_hash_;   // kv: hash key -> newest id with it
  std::vector<std::uint32_t> same_hash_;                       // kv: the next older id with the same key
  std::unordered_map<std::uint64_t, std::uint32_t> appended_;  // (state << 32 | suffix) -> id
  std::unordered_map<std::uint32_t, std::vector<std::uint64_t>> prefix_hashes_;  // by id: of 0.. chars
  std::size_t prefix_bytes_ = 0;
  std::size_t memory_bytes_ = 0;
};

}  // namespace cs::check
