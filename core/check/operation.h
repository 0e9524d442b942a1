#pragma once
// Client operations as the history checkers read them, whatever the source: the simulator's
// History, a JSON history file or a Jepsen/Knossos log. One shape for all three, so one checker
// serves them all and the UI draws any of them the same way.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/history.h"

namespace cs::check {

// read/get, write/put, compare-and-set, append (the key-value model's string append).
enum class OpFunction : std::uint8_t { Read, Write, Cas, Append };
// Ok: happened and returned. Fail: certainly did not happen. Info: unknown (crash, timeout): it
// may or may not have taken effect, at any time after it was invoked.
enum class OpOutcome : std::uint8_t { Ok, Fail, Info };

inline constexpr std::int64_t kNoTime = -1;

std::string_view to_string(OpFunction f);
std::string_view to_string(OpOutcome outcome);
// "read"/"get", "write"/"put", "cas", "append".
std::optional<OpFunction> function_from_name(std::string_view name);

// A value as histories carry it: nil (absent), an integer, or text (the key-value model).
struct Value {
  enum class Kind : std::uint8_t { Nil, Int, Text };
  Kind kind = Kind::Nil;
  std::int64_t integer = 0;
  std::string text;

  static Value nil() { return {}; }
  static Value of(std::int64_t v) { return {Kind::Int, v, {}}; }
  static Value of_text(std::string t) { return {Kind::Text, 0, std::move(t)}; }
  bool is_nil() const { return kind == Kind::Nil; }
  bool operator==(const Value&) const = default;
  // nil, 42, "text" (JSON-quoted, so text "42" and the integer 42 read differently).
  std::string to_string() const;
};

struct HistoryOp {
  std::uint64_t id = 0;      // unique in its history; what the UI and the evidence refer to
  std::int64_t process = 0;  // the client (Jepsen: process) that issued it
  std::string key;           // "" for single-register histories
  OpFunction f = OpFunction::Read;
  // write/append: the argument; read: the value returned (meaningful when Ok); cas: expected.
  Value value;
  Value new_value;  // cas: the value to set
  OpOutcome outcome = OpOutcome::Ok;
  // Any unit that orders events (microseconds, line numbers); complete_time is kNoTime when the
  // operation never completed. An operation precedes another when it completed strictly before
  // the other was invoked; equal times count as concurrent.
  std::int64_t invoke_time = 0;
  std::int64_t complete_time = kNoTime;
  std::size_t line = 0;  // where it was read from (the invocation), 0 when not from a file
};

struct OpHistory {
  std::vector<HistoryOp> ops;
  std::string time_unit = "us";  // what invoke_time/complete_time count, for people
  // What the source calls whoever issues operations, for sentences: "client" (the simulator, the
  // JSON format) or "process" (Jepsen).
  std::string process_noun = "client";
  std::optional<std::string> model_name;  // a model the file itself declares, if any
};

// One line for people: "op 7 (process 2, line 31): read -> 3, ok".
std::string describe(const HistoryOp& op);

// The simulator's operations (read/write per integer key). An operation still pending at the
// end of the run counts as Info, like one that timed out.
OpHistory from_sim_history(const sim::OpLog& ops);
inline OpHistory from_sim_history(const sim::History& history) { return from_sim_history(history.ops()); }

}  // namespace cs::check
