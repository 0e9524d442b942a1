// The EDN history: one map an event, as Jepsen writes history.edn, Knossos keeps its test data
// (all maps inside one vector) and Porcupine keeps its key-value test data:
//   {:process 0, :type :invoke, :f :cas, :value [1 2], :time 120000}
//   {:process 3, :type :ok, :f :read, :value [7 3]}                      Jepsen's independent key 7
//   {:process 9, :type :invoke, :f :append, :key "0", :value "x 9 0 y"}  Porcupine's kv
// The reader parses EDN itself (a small recursive-descent reader of the whole data notation, so
// that fields it does not use, such as :error or :index, are skipped whatever they hold) and pairs
// completions with invocations per process, as the Jepsen log reader does.
#include <algorithm>
#include <cassert>
#include <charconv>
#include <cstdio>
#include <unordered_map>

#include "check/history_edn.h"
#include "check/history_formats.h"

namespace cs::check {

namespace {

// Deeper nesting than any history needs ends the read: the parser recurses once per level.
constexpr std::size_t kMaxDepth = 64;
// More operations than this is not a history a person checks; the limit keeps memory bounded.
constexpr std::size_t kMaxOperations = 10'000'000;

struct Edn {
  enum class Kind : std::uint8_t {
    Nil,
    Bool,
    Int,
    Float,
    String,
    Char,
    Keyword,
    Symbol,
    Vector,
    List,
    Set,
    Map,
    Tagged
  };
  Kind kind = Kind::Nil;
  std::int64_t integer = 0;  // Int; Bool (0 or 1)
  std::string text;          // String (unescaped), Keyword (without ':'), Symbol, Tagged (the tag)
  std::vector<Edn> items;    // Vector, List, Set; Map: key, value, key, value, ...; Tagged: its value
  std::size_t line = 0;      // where it starts
  std::size_t begin = 0;     // its source text, for error messages
  std::size_t end = 0;

  bool scalar() const { return kind != Kind::Vector && kind != Kind::List && kind != Kind::Set && kind != Kind::Map; }
  // The value for a keyword key of a map, or nullptr.
  const Edn* get(std::string_view keyword) const {
    assert(kind == Kind::Map && items.size() % 2 == 0);
    for (std::size_t i = 0; i < items.size(); i += 2) {
      if (items[i].kind == Kind::Keyword && items[i].text == keyword) return &items[i + 1];
    }
    return nullptr;
  }
};

class EdnReader {
 public:
  explicit EdnReader(std::string_view text) : text_(text) {}

  // Skips white space, commas, comments and discarded forms (#_) at nesting `depth`; false at the
  // end of the text.
  bool more(std::size_t depth = 0) {
    skip(depth);
    return pos_ < text_.size();
  }
  char peek() const { return text_[pos_]; }
  void take() { ++pos_; }
  std::size_t line() const { return line_; }
  Edn read(std::size_t depth);
  std::string source(const Edn& e) const {
    constexpr std::size_t kShown = 60;   // an error quotes a value, not a page
    if (e.end == e.begin) return "nil";  // a :value that is absent
    const std::string_view s = text_.substr(e.begin, e.end - e.begin);
    return s.size() <= kShown ? std::string(s) : std::string(s.substr(0, kShown)) + "...";
  }
  [[noreturn]] void fail(std::size_t line, const std::string& what) const { throw HistoryFormatError(line, what); }

 private:
  void skip(std::size_t depth);
  static bool delimiter(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ',' || c == '[' || c == ']' || c == '(' ||
           c == ')' || c == '{' || c == '}' || c == '"' || c == ';';
  }
  void read_items(Edn& into, char close, std::size_t depth);
  void read_string(Edn& into);
  void read_token(Edn& into);

  std::string_view text_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
};

void EdnReader::skip(std::size_t depth) {
  while (pos_ < text_.size()) {
    const char c = text_[pos_];
    if (c == '\n') {
      ++line_;
      ++pos_;
    } else if (c == ' ' || c == '\t' || c == '\r' || c == ',') {
      ++pos_;
    } else if (c == ';') {
      while (pos_ < text_.size() && text_[pos_] != '\n') ++pos_;
    } else if (c == '#' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '_') {
      pos_ += 2;
      // What #_ discards is read, so that its brackets balance; one level deeper, so that a chain
      // of them is bounded like any nesting.
      if (depth + 1 >= kMaxDepth) fail(line_, "values nested more than " + std::to_string(kMaxDepth) + " deep");
      if (!more(depth + 1)) fail(line_, "#_ discards nothing");
      (void)read(depth + 1);
    } else {
      return;
    }
  }
}

Edn EdnReader::read(std::size_t depth) {
  if (depth >= kMaxDepth) fail(line_, "values nested more than " + std::to_string(kMaxDepth) + " deep");
  if (!more(depth)) fail(line_, "the text ends where a value should be");
  Edn e;
  e.line = line_;
  e.begin = pos_;
  const char c = text_[pos_];
  switch (c) {
    case '[':
      ++pos_;
      e.kind = Edn::Kind::Vector;
      read_items(e, ']', depth);
      break;
    case '(':
      ++pos_;
      e.kind = Edn::Kind::List;
      read_items(e, ')', depth);
      break;
    case '{':
      ++pos_;
      e.kind = Edn::Kind::Map;
      e.items.reserve(12);  // an operation's six fields, most often: one allocation
      read_items(e, '}', depth);
      if (e.items.size() % 2 != 0) fail(e.line, "a map needs a value for every key: " + source(e));
      break;
    case ']':
    case ')':
    case '}': fail(line_, std::string("unexpected '") + c + "'");
    case '"': read_string(e); break;
    case '#':
      ++pos_;
      if (pos_ < text_.size() && text_[pos_] == '{') {
        ++pos_;
        e.kind = Edn::Kind::Set;
        read_items(e, '}', depth);
      } else {
        // A tagged value, such as #inst "..." or a record: the tag, then the value it tags.
        read_token(e);
        if (e.kind != Edn::Kind::Symbol) fail(e.line, "a tag after '#' is a symbol");
        e.kind = Edn::Kind::Tagged;
        e.items.push_back(read(depth + 1));
      }
      break;
    default: read_token(e); break;
  }
  e.end = pos_;
  return e;
}

void EdnReader::read_items(Edn& into, char close, std::size_t depth) {
  while (true) {
    if (!more(depth + 1)) {
      fail(into.line, std::string("no '") + close + "' closes the '" + text_[into.begin] + "' opened here");
    }
    if (text_[pos_] == close) {
      ++pos_;
      return;
    }
    into.items.push_back(read(depth + 1));
  }
}

void EdnReader::read_string(Edn& into) {
  into.kind = Edn::Kind::String;
  ++pos_;  // the opening quote
  while (true) {
    if (pos_ >= text_.size()) fail(into.line, "a string is not closed");
    const char c = text_[pos_++];
    if (c == '"') return;
    if (c == '\n') ++line_;
    if (c != '\\') {
      into.text += c;
      continue;
    }
    if (pos_ >= text_.size()) fail(into.line, "a string is not closed");
    const char esc = text_[pos_++];
    switch (esc) {
      case 'n': into.text += '\n'; break;
      case 't': into.text += '\t'; break;
      case 'r': into.text += '\r'; break;
      case 'b': into.text += '\b'; break;
      case 'f': into.text += '\f'; break;
      case '"':
      case '\\':
      case '/': into.text += esc; break;
      case 'u': {
        unsigned code = 0;
        const auto [ptr, ec] =
            std::from_chars(text_.data() + pos_, text_.data() + std::min(pos_ + 4, text_.size()), code, 16);
        if (ec != std::errc() || ptr != text_.data() + pos_ + 4) fail(line_, "\\u needs four hex digits");
        pos_ += 4;
        // UTF-8, for the basic multilingual plane (what \uXXXX can name on its own).
        if (code < 0x80) {
          into.text += static_cast<char>(code);
        } else if (code < 0x800) {
          into.text += static_cast<char>(0xC0 | (code >> 6));
          into.text += static_cast<char>(0x80 | (code & 0x3F));
        } else {
          into.text += static_cast<char>(0xE0 | (code >> 12));
          into.text += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
          into.text += static_cast<char>(0x80 | (code & 0x3F));
        }
        break;
      }
      default: fail(line_, std::string("unknown escape \\") + esc + " in a string");
    }
  }
}

// A number, keyword, symbol, character, nil, true or false: everything up to the next delimiter.
void EdnReader::read_token(Edn& into) {
  if (pos_ >= text_.size()) fail(line_, "the text ends where a value should be");
  const std::size_t start = pos_;
  if (text_[pos_] == '\\') ++pos_;  // a character such as \a or \space: the backslash is part of it
  while (pos_ < text_.size() && !delimiter(text_[pos_])) ++pos_;
  const std::string_view token = text_.substr(start, pos_ - start);
  if (token.empty()) fail(line_, std::string("unexpected '") + text_[pos_] + "'");
  into.text = std::string(token);
  const char c = token[0];
  const bool numeric =
      (c >= '0' && c <= '9') || ((c == '-' || c == '+') && token.size() > 1 && token[1] >= '0' && token[1] <= '9');
  if (c == '\\') {
    into.kind = Edn::Kind::Char;
  } else if (c == ':') {
    if (token.size() == 1) fail(line_, "a keyword needs a name after ':'");
    into.kind = Edn::Kind::Keyword;
    into.text = std::string(token.substr(1));
  } else if (numeric) {
    std::string_view digits = token.substr(c == '+' ? 1 : 0);
    if (digits.back() == 'N') digits.remove_suffix(1);  // Clojure's big-integer suffix
    std::int64_t v = 0;
    const auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
    if (ec == std::errc() && ptr == digits.data() + digits.size()) {
      into.kind = Edn::Kind::Int;
      into.integer = v;
    } else if (ec == std::errc::result_out_of_range) {
      fail(line_, "the integer " + std::string(token) + " is out of range");
    } else {
      into.kind = Edn::Kind::Float;  // 1.5, 1e3, 3/4, 1.0M: no model uses them, so they stay text
    }
  } else if (token == "nil") {
    into.kind = Edn::Kind::Nil;
  } else if (token == "true" || token == "false") {
    into.kind = Edn::Kind::Bool;
    into.integer = token == "true" ? 1 : 0;
  } else {
    into.kind = Edn::Kind::Symbol;
  }
}

// One event's :value taken apart: the key it names (Jepsen's [key value] tuple or Porcupine's
// :key) and the value for the model.
struct Parts {
  bool keyed = false;
  std::string key;
  const Edn* inner = nullptr;  // never null once split
};

class EdnHistoryReader {
 public:
  explicit EdnHistoryReader(std::string_view text) : edn_(text) {}
  OpHistory read();

 private:
  void event(const Edn& map);
  Parts split(const Edn& map, const Edn& value, OpFunction f) const;
  std::string key_text(const Edn& key) const;
  // `v` is (part of) the event's :value `whole`, of function `f`: an error quotes both. Messages
  // are built only on failure: this runs twice per operation.
  Value scalar(const Edn& v, const Edn& f, const Edn& whole) const;
  // A value of Porcupine's key-value data (a map with :key): there a missing key reads "", so the
  // empty text is absence (nil); elsewhere "" is a text like any other.
  Value kv_scalar(const Edn& map, const Edn& v, const Edn& f, const Edn& whole) const {
    if (v.kind == Edn::Kind::String && v.text.empty() && map.get("key")) return Value::nil();
    return scalar(v, f, whole);
  }
  [[noreturn]] void fail(const std::string& what) const { edn_.fail(line_, what); }

  EdnReader edn_;
  OpHistory history_;
  std::unordered_map<std::int64_t, std::size_t> open_;  // process -> its open operation
  std::vector<bool> keyed_;                             // per operation: whether it named a key
  std::size_t line_ = 0;                                // of the event being read
  // Whether the events carry :time (decided by the first client event) and the last one seen.
  std::optional<bool> timed_;
  std::size_t first_event_line_ = 0;
  std::int64_t last_time_ = 0;
  std::size_t last_time_line_ = 0;
  // Whether operations name keys (decided by the first invocation): all do or none does.
  std::optional<bool> keyed_history_;
  std::size_t first_invoke_line_ = 0;
};

OpHistory EdnHistoryReader::read() {
  history_.time_unit = "line";
  history_.process_noun = "process";
  // Knossos keeps a history as one vector of maps; Jepsen and Porcupine write the maps bare.
  bool in_vector = false;
  if (edn_.more() && edn_.peek() == '[') {
    edn_.take();
    in_vector = true;
  }
  while (edn_.more()) {
    if (in_vector && edn_.peek() == ']') {
      edn_.take();
      in_vector = false;
      if (edn_.more()) edn_.fail(edn_.line(), "nothing may follow the vector that holds the history");
      break;
    }
    const Edn e = edn_.read(0);
    line_ = e.line;
    if (e.kind == Edn::Kind::Map) {
      event(e);
    } else if (e.kind == Edn::Kind::Tagged && e.items[0].kind == Edn::Kind::Map) {
      event(e.items[0]);  // an operation record printed with its tag, #jepsen.history.Op{...}
    } else {
      fail("expected an operation, a map such as {:process 0, :type :invoke, :f :read, :value nil}, found " +
           edn_.source(e));
    }
  }
  if (in_vector) edn_.fail(edn_.line(), "no ']' closes the vector that holds the history");
  if (timed_.value_or(false)) history_.time_unit = "ns";
  return std::move(history_);
}

std::string EdnHistoryReader::key_text(const Edn& key) const {
  switch (key.kind) {
    case Edn::Kind::Int: return std::to_string(key.integer);
    case Edn::Kind::String:
    case Edn::Kind::Keyword: return key.text;
    default: break;
  }
  fail("a key is an integer, a string or a keyword, not " + edn_.source(key));
}

Value EdnHistoryReader::scalar(const Edn& v, const Edn& f, const Edn& whole) const {
  switch (v.kind) {
    case Edn::Kind::Nil: return Value::nil();
    case Edn::Kind::Int: return Value::of(v.integer);
    case Edn::Kind::String: return Value::of_text(v.text);
    default: break;
  }
  fail(":" + f.text + " " + edn_.source(whole) + ": values are nil, integers or strings, not " + edn_.source(v));
}

Parts EdnHistoryReader::split(const Edn& map, const Edn& value, OpFunction f) const {
  Parts p;
  p.inner = &value;
  if (const Edn* key = map.get("key")) {
    p.keyed = true;
    p.key = key_text(*key);
    return p;
  }
  // Jepsen's independent keys: [key value]. A plain cas is [old new] too; its keyed form is
  // [key [old new]], so a cas is keyed only when the second element is itself a pair.
  if (value.kind != Edn::Kind::Vector || value.items.size() != 2) return p;
  if (f == OpFunction::Cas && value.items[1].kind != Edn::Kind::Vector) return p;
  p.keyed = true;
  p.key = key_text(value.items[0]);
  p.inner = &value.items[1];
  return p;
}

void EdnHistoryReader::event(const Edn& map) {
  const Edn* process = map.get("process");
  if (!process) fail("no :process");
  // Jepsen's nemesis (and any process that is not a client) injects faults: not client operations.
  if (process->kind == Edn::Kind::Keyword) return;
  if (process->kind != Edn::Kind::Int) fail(":process is an integer (or :nemesis), not " + edn_.source(*process));
  const Edn* type_edn = map.get("type");
  if (!type_edn || type_edn->kind != Edn::Kind::Keyword) fail("no :type (:invoke, :ok, :fail or :info)");
  const std::string& type = type_edn->text;
  const Edn* f_edn = map.get("f");
  if (!f_edn || (f_edn->kind != Edn::Kind::Keyword && f_edn->kind != Edn::Kind::String)) {
    fail("no :f (:read, :write, :cas, :append, :get or :put)");
  }
  const auto f = function_from_name(f_edn->text);
  if (!f) fail("unknown :f :" + f_edn->text + " (:read, :write, :cas, :append, :get, :put)");
  static const Edn kNil;
  const Edn* value = map.get("value");
  if (!value) value = &kNil;

  // Times: every client event has a :time, or none has; they never go back.
  const Edn* time = map.get("time");
  if (!timed_) {
    timed_ = time != nullptr;
    first_event_line_ = line_;
  } else if (*timed_ != (time != nullptr)) {
    fail(std::string(time ? "has a :time, but the event" : "has no :time, but the event") + " on line " +
         std::to_string(first_event_line_) + (time ? " has none" : " has one") + ": give every event a :time or none");
  }
  std::int64_t at = static_cast<std::int64_t>(line_);
  if (time) {
    if (time->kind != Edn::Kind::Int || time->integer < 0) {
      fail(":time is a whole number of nanoseconds, not " + edn_.source(*time));
    }
    if (time->integer < last_time_) {
      fail(":time " + std::to_string(time->integer) + " is before the " + std::to_string(last_time_) + " on line " +
           std::to_string(last_time_line_) + ": events are in the order they happened");
    }
    at = last_time_ = time->integer;
    last_time_line_ = line_;
  }

  const auto where = [process] { return "process " + std::to_string(process->integer); };
  if (type == "invoke") {
    if (const auto it = open_.find(process->integer); it != open_.end()) {
      fail(where() + " invokes again while its operation from line " + std::to_string(history_.ops[it->second].line) +
           " is still open");
    }
    if (history_.ops.size() >= kMaxOperations) {
      fail("more than " + std::to_string(kMaxOperations) + " operations: split the history");
    }
    const Parts parts = split(map, *value, *f);
    if (!keyed_history_) {
      keyed_history_ = parts.keyed;
      first_invoke_line_ = line_;
    } else if (*keyed_history_ != parts.keyed) {
      fail(std::string(parts.keyed ? "names a key" : "names no key") + ", but the operation on line " +
           std::to_string(first_invoke_line_) + (parts.keyed ? " does not" : " does") +
           ": every operation names a key ([key value] or :key) or none does");
    }
    HistoryOp op;
    op.id = history_.ops.size() + 1;
    op.process = process->integer;
    op.key = parts.key;
    op.f = *f;
    op.outcome = OpOutcome::Info;  // until it completes
    if (op.f == OpFunction::Cas) {
      const Edn& pair = *parts.inner;
      if (pair.kind != Edn::Kind::Vector || pair.items.size() != 2 || !pair.items[0].scalar() ||
          !pair.items[1].scalar()) {
        fail(":cas needs [old new], not " + edn_.source(*value));
      }
      op.value = scalar(pair.items[0], *f_edn, *value);
      op.new_value = scalar(pair.items[1], *f_edn, *value);
    } else if (op.f != OpFunction::Read) {
      if (parts.inner->kind == Edn::Kind::Nil) {
        fail(":" + f_edn->text + " needs a value (an integer or a string), not nil");
      }
      op.value = kv_scalar(map, *parts.inner, *f_edn, *value);
    }
    op.invoke_time = at;
    op.line = line_;
    open_[process->integer] = history_.ops.size();
    keyed_.push_back(parts.keyed);
    history_.ops.push_back(std::move(op));
    return;
  }
  if (type != "ok" && type != "fail" && type != "info") {
    fail("unknown :type :" + type + " (:invoke, :ok, :fail, :info)");
  }
  const auto it = open_.find(process->integer);
  if (it == open_.end()) fail(where() + " completes an operation it never invoked");
  const std::size_t index = it->second;
  HistoryOp& op = history_.ops[index];
  if (op.f != *f) {
    fail(where() + " completes :" + f_edn->text + " but invoked :" + std::string(to_string(op.f)) + " on line " +
         std::to_string(op.line));
  }
  op.complete_time = at;
  if (type == "ok") {
    op.outcome = OpOutcome::Ok;
    const Parts parts = split(map, *value, *f);
    if (parts.keyed != keyed_[index] || parts.key != op.key) {
      fail(where() + " completes with " + edn_.source(*value) + ", not on the key it invoked on line " +
           std::to_string(op.line));
    }
    if (op.f == OpFunction::Read) {
      op.value = kv_scalar(map, *parts.inner, *f_edn, *value);
    } else {
      // A write, append or cas that succeeded repeats what it was invoked with.
      const Edn& v = *parts.inner;
      const bool same = op.f == OpFunction::Cas
                            ? v.kind == Edn::Kind::Vector && v.items.size() == 2 && v.items[0].scalar() &&
                                  v.items[1].scalar() && scalar(v.items[0], *f_edn, *value) == op.value &&
                                  scalar(v.items[1], *f_edn, *value) == op.new_value
                            : v.scalar() && kv_scalar(map, v, *f_edn, *value) == op.value;
      if (!same) fail(where() + " completes with " + edn_.source(*value) + ", not the value it invoked with");
    }
  } else {
    // :fail did not happen; :info may or may not have. Either way the value says nothing more.
    op.outcome = type == "fail" ? OpOutcome::Fail : OpOutcome::Info;
  }
  open_.erase(it);
}

void write_escaped(std::string& out, std::string_view text) {
  out += '"';
  for (const char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
          out += buf;
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

// A key as EDN: the integer it spells (so that Jepsen's integer keys stay integers), else a string.
std::string edn_key_text(const std::string& key) {
  std::int64_t v = 0;
  const auto [ptr, ec] = std::from_chars(key.data(), key.data() + key.size(), v);
  if (!key.empty() && ec == std::errc() && ptr == key.data() + key.size() && std::to_string(v) == key) return key;
  std::string s;
  write_escaped(s, key);
  return s;
}

}  // namespace

OpHistory read_history_edn(std::string_view text) {
  EdnHistoryReader reader(text);
  return reader.read();
}

std::string edn_value_text(const Value& value) {
  switch (value.kind) {
    case Value::Kind::Nil: return "nil";
    case Value::Kind::Int: return std::to_string(value.integer);
    case Value::Kind::Text: {
      std::string s;
      write_escaped(s, value.text);
      return s;
    }
  }
  return "nil";
}

void write_history_edn(const OpHistory& history, std::ostream& out) {
  // Nanoseconds per unit of the history's times; 0: the unit has no :time.
  std::int64_t ns_per_unit = 0;
  if (history.time_unit == "us") ns_per_unit = 1'000;
  if (history.time_unit == "ns") ns_per_unit = 1;
  const bool keyed =
      std::any_of(history.ops.begin(), history.ops.end(), [](const HistoryOp& op) { return !op.key.empty(); });

  struct Event {
    std::int64_t time;
    bool invoke;  // at equal times completions first: a client closes one operation before it opens the next
    std::size_t op;
  };
  std::vector<Event> events;
  events.reserve(history.ops.size() * 2);
  for (std::size_t i = 0; i < history.ops.size(); ++i) {
    const HistoryOp& op = history.ops[i];
    assert(op.complete_time == kNoTime || op.complete_time >= op.invoke_time);
    events.push_back({op.invoke_time, true, i});
    if (op.complete_time != kNoTime) events.push_back({op.complete_time, false, i});
  }
  std::stable_sort(events.begin(), events.end(), [&](const Event& a, const Event& b) {
    if (a.time != b.time) return a.time < b.time;
    if (a.invoke != b.invoke) return !a.invoke;
    return history.ops[a.op].id < history.ops[b.op].id;
  });

  std::string line;
  std::uint64_t index = 0;
  for (const Event& e : events) {
    const HistoryOp& op = history.ops[e.op];
    const std::string_view type = e.invoke ? "invoke" : to_string(op.outcome);
    // What the event carries: a read's invocation and an unsuccessful read carry nil; a successful
    // read, the value read; the others, their argument.
    std::string value;
    if (op.f == OpFunction::Cas) {
      value = "[" + edn_value_text(op.value) + " " + edn_value_text(op.new_value) + "]";
    } else if (op.f == OpFunction::Read) {
      value = !e.invoke && op.outcome == OpOutcome::Ok ? edn_value_text(op.value) : "nil";
    } else {
      value = edn_value_text(op.value);
    }
    if (keyed) value = "[" + edn_key_text(op.key) + " " + value + "]";
    line = "{:index " + std::to_string(index++);
    if (ns_per_unit > 0) {
      assert(e.time >= 0 && e.time <= INT64_MAX / ns_per_unit);
      line += ", :time " + std::to_string(e.time * ns_per_unit);
    }
    line += ", :type :";
    line += type;
    line += ", :process " + std::to_string(op.process) + ", :f :";
    line += to_string(op.f);
    line += ", :value " + value + "}\n";
    out << line;
  }
}

}  // namespace cs::check
