#pragma once
// Messages between an application server (with its cache) and the database. A database request
// is the client's own request passed on with sim::forward_client_request, so the answer carries
// everything the application needs to reply to the client, and nothing waits in a table.
#include <cstdint>
#include <string_view>

#include "sim/message.h"

namespace cs::caching {

namespace kind {
inline constexpr std::uint16_t kDbRead = sim::kind::kFirstProtocolKind;            // a cache miss
inline constexpr std::uint16_t kDbReadResult = sim::kind::kFirstProtocolKind + 1;  // value in value/has_value
inline constexpr std::uint16_t kDbWrite = sim::kind::kFirstProtocolKind + 2;
inline constexpr std::uint16_t kDbWriteAck = sim::kind::kFirstProtocolKind + 3;
}  // namespace kind

// Names and colours shared by the application and the database (the stage asks any node).
inline std::string_view message_name(std::uint16_t message_kind) {
  switch (message_kind) {
    case kind::kDbRead: return "db read";
    case kind::kDbReadResult: return "db row";
    case kind::kDbWrite: return "db write";
    case kind::kDbWriteAck: return "db ack";
    default: return "?";
  }
}

inline sim::MessageClass classify(std::uint16_t message_kind) {
  return message_kind == kind::kDbReadResult || message_kind == kind::kDbWriteAck ? sim::MessageClass::Ack
                                                                                  : sim::MessageClass::Client;
}

}  // namespace cs::caching
