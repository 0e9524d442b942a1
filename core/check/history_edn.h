#pragma once
// Writing a history as EDN, the way Jepsen writes history.edn and Knossos keeps its test data: one
// map an event, in the order the events happened:
//   {:index 0, :time 1000000, :type :invoke, :process 5, :f :write, :value [1 5000001]}
//   {:index 1, :time 9000000, :type :ok, :process 5, :f :write, :value [1 5000001]}
// read_history_edn (check/history_formats.h) reads it back to the same operations.
#include <ostream>

#include "check/operation.h"

namespace cs::check {

// Keys travel as Jepsen's independent [key value] tuples (an integer key when the key is one, else
// a string); a history of one unnamed register (every key "") has plain values. :time is in
// nanoseconds, written when the history counts microseconds or nanoseconds (other units, such as
// line numbers, have no :time and the order of the lines is the order of events). At equal times
// completions come before invocations, so a client's next operation never opens before its last
// one closed. An operation that never completed has no completion line: it crashed.
void write_history_edn(const OpHistory& history, std::ostream& out);

// The EDN text of one value: nil, 42, "text" (EDN string escapes).
std::string edn_value_text(const Value& value);

}  // namespace cs::check
