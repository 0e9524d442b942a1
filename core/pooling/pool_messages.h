#pragma once
// Messages between a connection pooler and its database. A server connection is named by the
// pooler's slot number, carried in `term`; a query is a client request passed on with
// sim::forward_client_request (the client and the request's kind ride in index and log_term).
#include <cstdint>
#include <string_view>

#include "sim/message.h"

namespace cs::pooling {

namespace kind {
inline constexpr std::uint16_t kConnect = sim::kind::kFirstProtocolKind;          // open server connection `term`
inline constexpr std::uint16_t kConnected = sim::kind::kFirstProtocolKind + 1;    // ok: accepted; !ok: refused
inline constexpr std::uint16_t kDisconnect = sim::kind::kFirstProtocolKind + 2;   // close server connection `term`
inline constexpr std::uint16_t kQuery = sim::kind::kFirstProtocolKind + 3;        // a client's request on `term`
inline constexpr std::uint16_t kQueryResult = sim::kind::kFirstProtocolKind + 4;  // its answer, same fields
}  // namespace kind

// Names and colours shared by the database and the pooler (the stage asks any node).
inline std::string_view message_name(std::uint16_t message_kind) {
  switch (message_kind) {
    case kind::kConnect: return "connect";
    case kind::kConnected: return "connected";
    case kind::kDisconnect: return "disconnect";
    case kind::kQuery: return "query";
    case kind::kQueryResult: return "result";
    default: return "?";
  }
}

inline sim::MessageClass classify(std::uint16_t message_kind) {
  switch (message_kind) {
    case kind::kConnect:
    case kind::kDisconnect: return sim::MessageClass::Other;
    case kind::kConnected: return sim::MessageClass::Ack;
    default: return sim::MessageClass::Client;
  }
}

}  // namespace cs::pooling
