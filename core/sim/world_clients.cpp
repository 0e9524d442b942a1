// Clients inside the World: the workload's closed-loop sessions and the learner's console client.
#include <cassert>

#include "sim/world.h"

namespace cs::sim {

void World::issue(ClientState& client, EndpointId node, OpType type, std::int64_t key, std::uint8_t level) {
  Operation op;
  op.client = client.id;
  op.node = node;
  op.type = type;
  op.level = level;
  op.key = key;
  op.invoke_us = now_us_;
  if (type == OpType::Write) {
    // Values are unique per run (client id and a counter), so a checker can tell writes apart.
    op.value = static_cast<std::int64_t>(client.id) * 1'000'000 + static_cast<std::int64_t>(++client.writes_issued);
    op.has_value = true;
  }
  const Operation* recorded = history_.invoke(op);
  if (!recorded) return;  // history bound reached: stop issuing rather than grow without limit
  client.pending_op = recorded->id;
  record({.type = TraceType::ClientInvoke,
          .kind = static_cast<std::uint16_t>(type),
          .node = node,
          .peer = client.id,
          .msg_id = recorded->id,
          .a = key,
          .b = op.value});
  Message m;
  m.kind = type == OpType::Read ? kind::kClientRead : kind::kClientWrite;
  m.from = client.id;
  m.to = node;
  m.level = level;
  m.key = key;
  m.value = op.value;
  m.op_id = recorded->id;
  send_message(std::move(m));
  push(now_us_ + workload_.timeout_us, EventType::ClientTimeout, client.id, recorded->id);
}

void World::schedule_next_tick(ClientState& client) {
  if (!client.automatic) return;
  const auto pause_us = static_cast<TimeUs>(client.rng.exponential(static_cast<double>(workload_.think_time_us)));
  const TimeUs at = now_us_ + pause_us;
  if (at < workload_.stop_us) push(at, EventType::ClientTick, client.id, 0);
}

void World::handle_client_tick(EndpointId id) {
  ClientState& client = client_state(id);
  if (client.pending_op != 0) return;
  const bool read = client.rng.chance(workload_.read_fraction);
  const std::int64_t key = zipf_ ? static_cast<std::int64_t>(zipf_->draw(client.rng))
                                 : static_cast<std::int64_t>(client.rng.below(workload_.key_count)) + 1;
  const auto& targets = workload_.target_nodes;
  const std::size_t session = id - nodes_.size();
  const EndpointId node = workload_.target == TargetPolicy::Sticky ? targets[session % targets.size()]
                                                                   : targets[client.rng.below(targets.size())];
  issue(client, node, read ? OpType::Read : OpType::Write, key, workload_.level);
}

void World::handle_client_timeout(EndpointId id, std::uint64_t op_id) {
  ClientState& client = client_state(id);
  Operation* op = history_.find(op_id);
  if (!op || op->status != OpStatus::Pending) return;
  op->status = OpStatus::Info;  // unknown outcome: it may still take effect
  op->complete_us = now_us_;
  record({.type = TraceType::ClientComplete,
          .kind = static_cast<std::uint16_t>(op->type),
          .node = op->node,
          .peer = id,
          .msg_id = op_id,
          .a = static_cast<std::int64_t>(OpStatus::Info)});
  if (client.pending_op == op_id) client.pending_op = 0;
  schedule_next_tick(client);
}

void World::handle_client_reply(const Message& reply) {
  ClientState& client = client_state(reply.to);
  Operation* op = history_.find(reply.op_id);
  if (!op || op->status != OpStatus::Pending) return;  // late or duplicated reply
  op->status = reply.ok ? OpStatus::Ok : OpStatus::Fail;
  op->complete_us = now_us_;
  if (op->type == OpType::Read) {
    op->has_value = reply.ok && reply.has_value;
    op->value = op->has_value ? reply.value : 0;
  }
  record({.type = TraceType::ClientComplete,
          .kind = static_cast<std::uint16_t>(op->type),
          .node = op->node,
          .peer = reply.to,
          .msg_id = op->id,
          .a = static_cast<std::int64_t>(op->status),
          .b = op->value});
  if (client.pending_op == op->id) client.pending_op = 0;
  schedule_next_tick(client);
}

}  // namespace cs::sim
