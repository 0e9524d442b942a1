#pragma once
// One message on the simulated network. The fields are fixed, in the style of etcd's raftpb
// Message: a protocol reads the ones its kind uses. Fixed fields keep a message cheap to copy into
// checkpoints and to hash; a log-replication batch rides in `entries`, shared and immutable.
#include <cstdint>
#include <memory>
#include <vector>

#include "sim/ids.h"

namespace cs::sim {

// What a message is for, so that the stage can colour and shape tokens without knowing protocols.
enum class MessageClass : std::uint8_t { Heartbeat, Election, Replication, Ack, Client, Other };

// Message kinds below 16 are the kernel's own (client traffic); protocols number theirs from 16.
namespace kind {
inline constexpr std::uint16_t kClientRead = 1;
inline constexpr std::uint16_t kClientWrite = 2;
inline constexpr std::uint16_t kClientReply = 3;
inline constexpr std::uint16_t kFirstProtocolKind = 16;
}  // namespace kind

struct LogEntry {
  std::int64_t term = 0;
  std::int64_t key = 0;
  std::int64_t value = 0;
  std::uint64_t op_id = 0;
  bool operator==(const LogEntry&) const = default;
};

// Data a protocol attaches that fits no fixed field (a version vector, a CRDT's state, a forwarded
// request). Immutable and shared like `entries`, so copying a message into a checkpoint stays
// cheap; the receiver knows from the message kind which concrete type it holds.
struct Payload {
  virtual ~Payload() = default;
};

struct Message {
  std::uint64_t id = 0;  // unique per run, assigned by the simulation when sent
  EndpointId from = kNoEndpoint;
  EndpointId to = kNoEndpoint;
  std::uint16_t kind = 0;
  std::uint8_t level = 0;  // consistency level of a client request (model-defined)
  bool ok = false;         // client reply: the operation succeeded
  bool has_value = false;  // client reply to a read: a value exists (false means nil)
  std::int64_t term = 0;
  std::int64_t index = 0;
  std::int64_t log_term = 0;
  std::int64_t commit = 0;
  std::int64_t key = 0;
  std::int64_t value = 0;
  std::uint64_t op_id = 0;  // the client operation this message serves, if any
  std::shared_ptr<const std::vector<LogEntry>> entries;
  std::shared_ptr<const Payload> payload;  // protocol-defined; null for most messages
};

}  // namespace cs::sim
