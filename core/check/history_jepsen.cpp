// The plain-text Jepsen/Knossos log: one event a line, as jepsen.util logs them and as published
// linearizability test data keeps them:
//   INFO  jepsen.util - 3	:invoke	:cas	[4 0]
//   INFO  jepsen.util - 3	:fail	:cas	[4 0]
//   INFO  jepsen.util - 1	:info	:write	:timed-out
// Fields: process, type (:invoke, :ok, :fail, :info), function (:read, :write, :cas) and value
// (nil, an integer, [old new], or a keyword such as :timed-out on a :fail or :info). Each process
// runs one operation at a time, so a completion closes its process's open invocation.
#include <algorithm>
#include <cctype>
#include <charconv>
#include <unordered_map>

#include "check/history_formats.h"

namespace cs::check {

namespace {

struct ParsedValue {
  enum class Kind : std::uint8_t { Plain, Pair, Keyword };
  Kind kind = Kind::Plain;
  Value first;   // Plain: the value; Pair: old
  Value second;  // Pair: new
  bool operator==(const ParsedValue&) const = default;
};

std::string_view trim(std::string_view s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string_view::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

std::string_view next_token(std::string_view& s) {
  s = trim(s);
  const auto end = s.find_first_of(" \t");
  const std::string_view token = s.substr(0, end);
  s = end == std::string_view::npos ? std::string_view{} : s.substr(end);
  return token;
}

std::optional<std::int64_t> parse_int(std::string_view s) {
  std::int64_t v = 0;
  if (s.empty()) return std::nullopt;
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size()) return std::nullopt;
  return v;
}

std::optional<Value> parse_scalar(std::string_view s) {
  if (s == "nil") return Value::nil();
  if (const auto v = parse_int(s)) return Value::of(*v);
  return std::nullopt;
}

std::optional<ParsedValue> parse_value(std::string_view s) {
  ParsedValue v;
  if (s.size() > 1 && s.front() == ':') {
    v.kind = ParsedValue::Kind::Keyword;
    return v;
  }
  if (s.size() >= 2 && s.front() == '[' && s.back() == ']') {
    std::string_view inner = s.substr(1, s.size() - 2);
    const auto a = parse_scalar(next_token(inner));
    const auto b = parse_scalar(next_token(inner));
    if (!a || !b || !trim(inner).empty()) return std::nullopt;
    v.kind = ParsedValue::Kind::Pair;
    v.first = *a;
    v.second = *b;
    return v;
  }
  const auto plain = parse_scalar(s);
  if (!plain) return std::nullopt;
  v.first = *plain;
  return v;
}

// "INFO  jepsen.core - Worker 3 starting": a line of another logger, not an event.
bool other_logger_line(std::string_view line) {
  std::string_view rest = line;
  const std::string_view level = next_token(rest);
  const std::string_view logger = next_token(rest);
  const std::string_view dash = next_token(rest);
  const bool upper = !level.empty() && std::all_of(level.begin(), level.end(),
                                                   [](char c) { return std::isupper(static_cast<unsigned char>(c)); });
  return upper && logger.find('.') != std::string_view::npos && dash == "-";
}

class JepsenReader {
 public:
  OpHistory read(std::string_view text);

 private:
  void event(std::string_view body);
  [[noreturn]] void fail(const std::string& what) const { throw HistoryFormatError(line_, what); }

  OpHistory history_;
  std::unordered_map<std::int64_t, std::size_t> open_;    // process -> its open operation
  std::unordered_map<std::size_t, ParsedValue> invoked_;  // operation index -> value at invocation
  std::size_t line_ = 0;
};

OpHistory JepsenReader::read(std::string_view text) {
  history_.time_unit = "line";
  history_.process_noun = "process";
  while (!text.empty()) {
    const auto end = text.find('\n');
    const std::string_view raw = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
    ++line_;
    const std::string_view line = trim(raw);
    if (line.empty()) continue;
    // The event follows the logger's name; the prefix before it varies between Jepsen versions.
    if (const auto at = line.find("jepsen.util"); at != std::string_view::npos) {
      std::string_view body = line.substr(at + std::string_view("jepsen.util").size());
      body = trim(body);
      // "jepsen.util - 3 ..." and "jepsen.util: 3 ...": drop the separator, not a ":nemesis".
      if (body.size() > 1 && (body[0] == '-' || body[0] == ':') && (body[1] == ' ' || body[1] == '\t')) {
        body = body.substr(1);
      }
      event(body);
    } else if (!other_logger_line(line)) {
      event(line);
    }
  }
  return std::move(history_);
}

void JepsenReader::event(std::string_view body) {
  const std::string_view process_text = next_token(body);
  const std::string_view type = next_token(body);
  const std::string_view function = next_token(body);
  const std::string_view value_text = trim(body);
  if (process_text == ":nemesis") return;  // faults, not client operations
  if (value_text.empty()) fail("expected PROCESS TYPE FUNCTION VALUE, e.g. \"3 :invoke :write 4\"");
  const auto process = parse_int(process_text);
  if (!process) fail("process \"" + std::string(process_text) + "\" is not an integer");
  OpFunction f = OpFunction::Read;
  if (function == ":read") {
    f = OpFunction::Read;
  } else if (function == ":write") {
    f = OpFunction::Write;
  } else if (function == ":cas") {
    f = OpFunction::Cas;
  } else {
    fail("unknown function \"" + std::string(function) + "\" (:read, :write, :cas)");
  }
  const auto value = parse_value(value_text);
  if (!value) fail("bad value \"" + std::string(value_text) + "\" (nil, an integer, or [old new] for :cas)");
  const std::string where = "process " + std::to_string(*process);

  if (type == ":invoke") {
    if (const auto it = open_.find(*process); it != open_.end()) {
      fail(where + " invokes again while its operation from line " + std::to_string(history_.ops[it->second].line) +
           " is still open");
    }
    if (f == OpFunction::Write && value->kind != ParsedValue::Kind::Plain) fail(":write needs a value");
    if (f == OpFunction::Cas && value->kind != ParsedValue::Kind::Pair) fail(":cas needs [old new]");
    HistoryOp op;
    op.id = history_.ops.size() + 1;
    op.process = *process;
    op.f = f;
    op.outcome = OpOutcome::Info;  // until it completes
    if (f == OpFunction::Write) op.value = value->first;
    if (f == OpFunction::Cas) {
      op.value = value->first;
      op.new_value = value->second;
    }
    op.invoke_time = static_cast<std::int64_t>(line_);
    op.line = line_;
    open_[*process] = history_.ops.size();
    invoked_[history_.ops.size()] = *value;
    history_.ops.push_back(std::move(op));
    return;
  }
  if (type != ":ok" && type != ":fail" && type != ":info") {
    fail("unknown type \"" + std::string(type) + "\" (:invoke, :ok, :fail, :info)");
  }
  const auto it = open_.find(*process);
  if (it == open_.end()) fail(where + " completes an operation it never invoked");
  HistoryOp& op = history_.ops[it->second];
  if (op.f != f) fail(where + " completes " + std::string(function) + " but invoked :" + std::string(to_string(op.f)));
  op.complete_time = static_cast<std::int64_t>(line_);
  if (type == ":ok") {
    op.outcome = OpOutcome::Ok;
    if (f == OpFunction::Read) {
      if (value->kind != ParsedValue::Kind::Plain) fail(":ok :read needs the value read (nil or an integer)");
      op.value = value->first;
    } else if (!(*value == invoked_[it->second])) {
      fail(where + " completes with " + std::string(value_text) + ", not the value it invoked with");
    }
  } else {
    // :fail did not happen; :info may or may not have. Either way the value (often :timed-out)
    // says nothing more.
    op.outcome = type == ":fail" ? OpOutcome::Fail : OpOutcome::Info;
  }
  invoked_.erase(it->second);
  open_.erase(it);
}

}  // namespace

OpHistory read_jepsen_log(std::string_view text) {
  JepsenReader reader;
  return reader.read(text);
}

}  // namespace cs::check
