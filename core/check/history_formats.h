#pragma once
// Reading history files: the JSON history format (core/check/HISTORY_FORMAT.md; what
// `clusterscope-cli run --history` writes), the plain-text Jepsen/Knossos log, one event a line:
//   INFO  jepsen.util - 3	:invoke	:write	4
//   INFO  jepsen.util - 3	:ok	:write	4
// and the EDN history Jepsen, Knossos and Porcupine's test data keep, one map an event:
//   {:process 3, :type :invoke, :f :write, :value 4}
// Every error names the line it is on.
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "check/operation.h"

namespace cs::check {

enum class HistoryFormat : std::uint8_t { Json, Jepsen, Edn };

std::string_view to_string(HistoryFormat format);
std::optional<HistoryFormat> format_from_name(std::string_view name);  // "json", "jepsen", "edn"
// EDN when the text opens with a map whose first key is a keyword ("{:") or with a vector of maps
// ("[{"); JSON when it opens with any other '{'; otherwise a Jepsen log.
HistoryFormat detect_format(std::string_view text);

class HistoryFormatError : public std::runtime_error {
 public:
  HistoryFormatError(std::size_t line, const std::string& what)
      : std::runtime_error(line > 0 ? "line " + std::to_string(line) + ": " + what : what), line_(line) {}
  std::size_t line() const { return line_; }  // 0 when no single line is to blame

 private:
  std::size_t line_;
};

// {"format": "clusterscope-history", "version": 1, "operations": [...]}. Times are the file's
// invoke_us/complete_us. Throws HistoryFormatError.
OpHistory read_history_json(std::string_view text);

// Times are line numbers; ids count invocations from 1. An operation still open at the end of the
// log crashed (Info). Lines of other loggers and of the nemesis are skipped. Throws
// HistoryFormatError.
OpHistory read_jepsen_log(std::string_view text);

// One EDN map per event (optionally all inside one vector, as Knossos keeps them): :process,
// :type, :f, :value, and optionally :time (nanoseconds) and :key (Porcupine's key-value data).
// Jepsen's independent keys are [key value] tuples in :value. Times are the :time of the events
// when every event has one (unit "ns"), else line numbers; ids count invocations from 1. Events of
// a process that is not an integer (:nemesis) are skipped. Throws HistoryFormatError.
OpHistory read_history_edn(std::string_view text);

// Any of the formats; detected from the text when not given.
OpHistory read_history(std::string_view text, std::optional<HistoryFormat> format = std::nullopt);

}  // namespace cs::check
