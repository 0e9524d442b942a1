#pragma once
// Client operations as the checkers see them: invoke and completion times and the result.
// An operation still pending at the end, or that timed out, has an unknown outcome (Info): it may
// or may not have taken effect.
#include <cstdint>
#include <string_view>
#include <vector>

#include "sim/chunked_log.h"
#include "sim/ids.h"
#include "sim/time.h"

namespace cs::sim {

enum class OpType : std::uint8_t { Read, Write };
enum class OpStatus : std::uint8_t { Pending, Ok, Fail, Info };

std::string_view to_string(OpType type);
std::string_view to_string(OpStatus status);

struct Operation {
  std::uint64_t id = 0;
  EndpointId client = kNoEndpoint;
  EndpointId node = kNoEndpoint;  // the node the client sent it to
  OpType type = OpType::Read;
  std::uint8_t level = 0;
  std::int64_t key = 0;
  std::int64_t value = 0;  // written value, or the value a read returned
  bool has_value = false;  // a read that returned nil has none
  TimeUs invoke_us = 0;
  TimeUs complete_us = -1;
  // When a node sent the client a successful answer (true time; -1 if none was sent). Split-brain
  // checks need it: a deposed primary may acknowledge a write while it still believes it leads,
  // and the client hears of it only after that primary has stepped down.
  TimeUs answered_us = -1;
  OpStatus status = OpStatus::Pending;
};

// The history's operations: copies (checkpoints, frames) share their storage.
using OpLog = ChunkedLog<Operation>;

class History {
 public:
  explicit History(std::size_t max_ops = 1'000'000) : max_ops_(max_ops) {}
  // Returns nullptr when the bound is reached: the operation is then not recorded (and counted).
  Operation* invoke(const Operation& op);
  Operation* find(std::uint64_t id);
  const OpLog& ops() const { return ops_; }
  std::uint64_t dropped() const { return dropped_; }

 private:
  std::size_t max_ops_;
  OpLog ops_;  // ids are consecutive from 1, so find() indexes directly
  std::uint64_t dropped_ = 0;
};

}  // namespace cs::sim
