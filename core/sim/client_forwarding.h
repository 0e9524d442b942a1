#pragma once
// A client request passed on from one node to another: a replica to its primary, a Raft follower
// to its leader. The forwarded message carries the client and the request's own kind in fixed
// fields (index = client, log_term = kind), so the node that finally serves it rebuilds the
// client's request and answers the client directly.
#include <cassert>

#include "sim/message.h"

namespace cs::sim {

inline Message forward_client_request(const Message& request, std::uint16_t forward_kind) {
  assert(request.kind == kind::kClientRead || request.kind == kind::kClientWrite);
  Message forward;
  forward.kind = forward_kind;
  forward.index = request.from;
  forward.log_term = request.kind;
  forward.key = request.key;
  forward.value = request.value;
  forward.op_id = request.op_id;
  forward.level = request.level;
  return forward;
}

inline Message unwrap_forwarded_request(const Message& forward) {
  Message request;
  request.kind = static_cast<std::uint16_t>(forward.log_term);
  request.from = static_cast<EndpointId>(forward.index);
  request.key = forward.key;
  request.value = forward.value;
  request.op_id = forward.op_id;
  request.level = forward.level;
  assert(request.kind == kind::kClientRead || request.kind == kind::kClientWrite);
  return request;
}

}  // namespace cs::sim
