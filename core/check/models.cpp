#include "check/models.h"

#include <cassert>
#include <functional>
#include <string_view>

namespace cs::check {

namespace {

// A key for the intern map that keeps the integer 5 and the text "5" apart (only the kv model
// merges them, by canonicalizing first).
std::string encode(const Value& v) {
  switch (v.kind) {
    case Value::Kind::Nil: return "n";
    case Value::Kind::Int: return "i" + std::to_string(v.integer);
    case Value::Kind::Text: return "t" + v.text;
  }
  return "?";
}

}  // namespace

std::string_view to_string(Model model) {
  switch (model) {
    case Model::Register: return "register";
    case Model::CasRegister: return "cas-register";
    case Model::Kv: return "kv";
  }
  return "?";
}

std::optional<Model> model_from_name(std::string_view name) {
  if (name == "register") return Model::Register;
  if (name == "cas-register") return Model::CasRegister;
  if (name == "kv") return Model::Kv;
  return std::nullopt;
}

bool supports(Model model, OpFunction f) {
  switch (f) {
    case OpFunction::Read:
    case OpFunction::Write: return true;
    case OpFunction::Cas: return model == Model::CasRegister;
    case OpFunction::Append: return model == Model::Kv;
  }
  return false;
}

Model infer_model(const OpHistory& history) {
  bool cas = false;
  for (const auto& op : history.ops) {
    if (op.f == OpFunction::Append || op.value.kind == Value::Kind::Text) return Model::Kv;
    cas = cas || op.f == OpFunction::Cas;
  }
  return cas ? Model::CasRegister : Model::Register;
}

std::optional<ModelMismatch> unsupported_operation(Model model, const OpHistory& history) {
  for (const auto& op : history.ops) {
    if (!supports(model, op.f)) {
      const std::string hint = op.f == OpFunction::Cas ? "cas-register" : "kv";
      HistoryOp unlined = op;  // the line is reported on its own
      unlined.line = 0;
      return ModelMismatch{describe(unlined) + ": the " + std::string(to_string(model)) + " model has no " +
                               std::string(to_string(op.f)) + " (the " + hint + " model has)",
                           op.line};
    }
  }
  return std::nullopt;
}

namespace {

// The polynomial hash's base: odd, so that its powers never reach zero modulo 2^64.
constexpr std::uint64_t kBase = 0x100000001B3ull;

// The pieces of the texts of some ids, in order, one leaf at a time: a concatenation is walked
// left to right with an explicit stack (append chains are as deep as they are long).
class Pieces {
 public:
  template <typename LeafText, typename Parts>
  Pieces(std::initializer_list<std::uint32_t> roots, LeafText leaf_text, Parts parts)
      : leaf_text_(std::move(leaf_text)), parts_(std::move(parts)) {
    for (auto it = roots.end(); it != roots.begin();) stack_.push_back(*--it);
    advance();
  }
  bool done() const { return current_.empty() && stack_.empty(); }
  std::string_view current() const { return current_; }
  void consume(std::size_t n) {
    current_.remove_prefix(n);
    if (current_.empty()) advance();
  }

 private:
  void advance() {
    while (current_.empty() && !stack_.empty()) {
      const std::uint32_t id = stack_.back();
      stack_.pop_back();
      const auto [left, right] = parts_(id);
      if (left == 0xFFFFFFFFu) {
        current_ = leaf_text_(id);
      } else {
        stack_.push_back(right);
        stack_.push_back(left);
      }
    }
  }
  std::function<std::string_view(std::uint32_t)> leaf_text_;
  std::function<std::pair<std::uint32_t, std::uint32_t>(std::uint32_t)> parts_;
  std::vector<std::uint32_t> stack_;
  std::string_view current_;
};

}  // namespace

ValueTable::ValueTable(Model model) : model_(model) {
  values_.push_back(Value::nil());
  spelt_.push_back(true);
  texts_.push_back(Text{});  // nil has no text: appending to it gives the suffix (see append)
  if (model_ != Model::Kv) ids_.emplace(encode(Value::nil()), kNil);
}

Value ValueTable::canonical(const Value& value) const {
  if (model_ != Model::Kv) return value;
  // The kv model's values are text; an integer written there is its decimal text.
  if (value.kind == Value::Kind::Int) return Value::of_text(std::to_string(value.integer));
  return value;
}

std::uint64_t ValueTable::hash_key(const Text& t) { return t.hash ^ (t.length * 0x9E3779B97F4A7C15ull); }

std::uint32_t ValueTable::add(Value value, Text text) {
  const auto id = static_cast<std::uint32_t>(values_.size());
  spelt_.push_back(text.left == kLeaf);
  values_.push_back(std::move(value));
  if (model_ == Model::Kv) {
    const auto [it, fresh] = by_hash_.try_emplace(hash_key(text), id);
    same_hash_.resize(id + 1, kLeaf);
    if (!fresh) {
      same_hash_[id] = it->second;
      it->second = id;
    }
    texts_.push_back(text);
  }
  return id;
}

bool ValueTable::same_text(const Text& a, std::uint32_t b, std::string_view leaf) const {
  const Text& tb = texts_[b];
  if (a.hash != tb.hash || a.length != tb.length) return false;
  // A hash match is likely but not certain: compare the texts piece by piece.
  const auto leaf_text = [this](std::uint32_t id) -> std::string_view { return values_[id].text; };
  const auto parts = [this](std::uint32_t id) { return std::pair{texts_[id].left, texts_[id].right}; };
  Pieces pb({b}, leaf_text, parts);
  if (a.left == kLeaf) {
    // `a` is a text being interned: it is `leaf` itself.
    for (; !pb.done(); pb.consume(pb.current().size())) {
      const std::string_view piece = pb.current();
      if (leaf.substr(0, piece.size()) != piece) return false;
      leaf.remove_prefix(piece.size());
    }
    return leaf.empty();
  }
  Pieces pa({a.left, a.right}, leaf_text, parts);
  while (!pa.done() && !pb.done()) {
    const std::size_t n = std::min(pa.current().size(), pb.current().size());
    if (pa.current().substr(0, n) != pb.current().substr(0, n)) return false;
    pa.consume(n);
    pb.consume(n);
  }
  return pa.done() && pb.done();
}

std::optional<std::uint32_t> ValueTable::find_text(const Text& text, std::string_view leaf) const {
  const auto it = by_hash_.find(hash_key(text));
  if (it == by_hash_.end()) return std::nullopt;
  for (std::uint32_t id = it->second; id != kLeaf; id = same_hash_[id]) {
    if (same_text(text, id, leaf)) return id;
  }
  return std::nullopt;
}

std::uint32_t ValueTable::intern(const Value& value) {
  Value v = canonical(value);
  if (model_ != Model::Kv) {
    std::string key = encode(v);
    const auto it = ids_.find(key);
    if (it != ids_.end()) return it->second;
    memory_bytes_ += 2 * key.size() + 64;  // the value, its key and the map node, roughly
    const std::uint32_t id = add(std::move(v), Text{});
    ids_.emplace(std::move(key), id);
    return id;
  }
  if (v.is_nil()) return kNil;
  assert(v.kind == Value::Kind::Text);
  Text t;
  for (const char c : v.text) t.hash = t.hash * kBase + static_cast<unsigned char>(c);
  for (std::size_t i = 0; i < v.text.size(); ++i) t.power *= kBase;
  t.length = v.text.size();
  if (const auto found = find_text(t, v.text)) return *found;
  memory_bytes_ += v.text.size() + 160;
  return add(std::move(v), t);
}

const Value& ValueTable::at(std::uint32_t id) const {
  assert(id < values_.size());
  if (!spelt_[id]) {
    std::string s;
    s.reserve(texts_[id].length);
    const auto leaf_text = [this](std::uint32_t leaf) -> std::string_view { return values_[leaf].text; };
    const auto parts = [this](std::uint32_t x) { return std::pair{texts_[x].left, texts_[x].right}; };
    for (Pieces p({id}, leaf_text, parts); !p.done(); p.consume(p.current().size())) s += p.current();
    values_[id] = Value::of_text(std::move(s));
    spelt_[id] = true;
  }
  return values_[id];
}

std::optional<std::uint32_t> ValueTable::append(std::uint32_t state, std::uint32_t suffix) {
  assert(model_ == Model::Kv && state < values_.size() && suffix < values_.size());
  // Appending nothing changes nothing; appending to an absent key gives the suffix. (The empty
  // text is not absence: appending it to an absent key makes the key hold "".)
  if (suffix == kNil) return state;
  if (state == kNil) return suffix;
  const std::uint64_t pair = (std::uint64_t{state} << 32) | suffix;
  if (const auto it = appended_.find(pair); it != appended_.end()) return it->second;
  const Text& a = texts_[state];
  const Text& b = texts_[suffix];
  Text t;
  t.hash = a.hash * b.power + b.hash;
  t.power = a.power * b.power;
  t.length = a.length + b.length;
  t.left = state;
  t.right = suffix;
  std::uint32_t id = 0;
  if (const auto found = find_text(t)) {
    id = *found;
  } else {
    if (values_.size() >= kMaxValues) return std::nullopt;
    id = add(Value::nil(), t);
    memory_bytes_ += 160;  // its parts and hash, a placeholder value, the hash and cache entries
  }
  appended_.emplace(pair, id);
  memory_bytes_ += 32;
  return id;
}

bool ValueTable::may_grow_into(std::uint32_t state, std::uint32_t target) {
  if (state == target) return true;
  if (model_ != Model::Kv) return false;
  if (state == kNil) return true;    // an absent key can become anything, or stay absent
  if (target == kNil) return false;  // a text never becomes absent again by appending
  const Text& s = texts_[state];
  if (s.length > texts_[target].length) return false;
  return prefix_hash(target, s.length) == s.hash;
}

std::uint64_t ValueTable::prefix_hash(std::uint32_t id, std::size_t length) {
  if (const auto it = prefix_hashes_.find(id); it != prefix_hashes_.end()) return it->second[length];
  const std::string& text = at(id).text;
  assert(length <= text.size());
  const std::size_t bytes = (text.size() + 1) * sizeof(std::uint64_t) + 64;
  if (prefix_bytes_ + bytes > kMaxPrefixBytes) {
    std::uint64_t h = 0;
    for (std::size_t i = 0; i < length; ++i) h = h * kBase + static_cast<unsigned char>(text[i]);
    return h;
  }
  std::vector<std::uint64_t> prefix(text.size() + 1, 0);
  for (std::size_t i = 0; i < text.size(); ++i) prefix[i + 1] = prefix[i] * kBase + static_cast<unsigned char>(text[i]);
  prefix_bytes_ += bytes;
  memory_bytes_ += bytes;
  return prefix_hashes_.emplace(id, std::move(prefix)).first->second[length];
}

}  // namespace cs::check
