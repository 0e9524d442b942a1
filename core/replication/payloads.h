#pragma once
// Payloads shared by the replication protocols: a batch of log entries on a replication link, and
// a client request that a node passes to another node (a replica forwarding a write to the
// primary) together with the answer that comes back the same way.
#include <cstdint>
#include <utility>
#include <vector>

#include "sim/message.h"

namespace cs::replication {

// The payload of `message` as T, or nullptr when it carries none of that type (a malformed or
// foreign message is ignored rather than trusted).
template <class T>
const T* payload_of(const sim::Message& message) {
  return dynamic_cast<const T*>(message.payload.get());
}

// Entries of a sender's log shipped on one link. The message's `index` is the first position the
// batch covers and its `commit` the last: positions in between that are not listed are ones this
// link does not carry (a ring does not send a change back to its origin).
template <class Entry>
struct Batch final : sim::Payload {
  std::vector<std::pair<std::int64_t, Entry>> entries;  // (position, entry), ascending
  // How far the source of the changes (the primary) had got, as far as the sender knows; a
  // replica's lag in entries is this minus what it has applied.
  std::int64_t source_last_index = 0;
};

// A client's request passed on by the node the client talked to.
struct ForwardedRequest final : sim::Payload {
  sim::Message request;  // the client's original message (from = the client)
};

// The answer to a forwarded request, sent back to the node that forwarded it, which answers the
// client. `position` is the log position a write got (the session's version token).
struct ForwardedReply final : sim::Payload {
  sim::Message request;
  bool ok = false;
  bool has_value = false;
  std::int64_t value = 0;
  std::int64_t position = 0;
};

}  // namespace cs::replication
