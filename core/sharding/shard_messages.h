#pragma once
// The sharding model's messages and how their fixed fields are used. A row travels as a
// sim::LogEntry (id in key, user_id in term, created_at in op_id, value in value) so that a
// migration batch is one shared, immutable vector, cheap to copy into checkpoints.
#include <cstdint>
#include <memory>
#include <vector>

#include "sharding/routing_table.h"
#include "sharding/shard_config.h"
#include "sim/message.h"

namespace cs::sharding::msg {

// Message kinds.
inline constexpr std::uint16_t kRequest = sim::kind::kFirstProtocolKind;  // router -> shard
inline constexpr std::uint16_t kReply = kRequest + 1;                     // shard -> router
inline constexpr std::uint16_t kNotOwner = kRequest + 2;                  // shard -> router: try elsewhere
inline constexpr std::uint16_t kLookup = kRequest + 3;                    // router -> directory
inline constexpr std::uint16_t kLookupReply = kRequest + 4;               // directory -> router
inline constexpr std::uint16_t kReplicate = kRequest + 5;                 // primary -> secondaries
inline constexpr std::uint16_t kMoveChunk = kRequest + 6;                 // balancer -> source shard
inline constexpr std::uint16_t kChunkBatch = kRequest + 7;                // source -> destination
inline constexpr std::uint16_t kChunkAck = kRequest + 8;                  // destination -> source
inline constexpr std::uint16_t kChunkDone = kRequest + 9;                 // source -> balancer
inline constexpr std::uint16_t kMoveUpdate = kRequest + 10;               // balancer -> everyone
inline constexpr std::uint16_t kSplit = kRequest + 11;                    // shard -> balancer -> everyone
inline constexpr std::uint16_t kJoin = kRequest + 12;                     // balancer -> everyone
inline constexpr std::uint16_t kResync = kRequest + 13;                   // restarted replica -> primary
inline constexpr std::uint16_t kAnnounceAck = kRequest + 14;              // everyone -> balancer
inline constexpr std::uint16_t kLastKind = kAnnounceAck;

// The balancer numbers its routing announcements (splits, moves started and finished) and sends
// them again until every node has acknowledged them in order: one lost announcement would leave a
// node with a stale table for ever. Carried in Message::payload of kSplit and kMoveUpdate.
struct AnnouncementSeq final : sim::Payload {
  explicit AnnouncementSeq(std::int64_t s) : seq(s) {}
  std::int64_t seq;
};

// What a request asks a shard (Message::index of kRequest and kReply).
enum class Op : std::int64_t {
  Put = 1,      // upsert a users row / insert a check-in (the row in entries[0])
  Get = 2,      // one row: key = shard key, commit = row id
  History = 3,  // count a user's check-ins: commit = user id
  Scan = 4,     // count the check-ins at venue `commit`: not the shard key, so every shard is asked
};

// kReplicate: what to do with the rows.
inline constexpr std::int64_t kReplicaUpsert = 0;
inline constexpr std::int64_t kReplicaErase = 1;
inline constexpr std::int64_t kReplicaReplace = 2;  // the primary's whole store: a resync

inline sim::LogEntry to_entry(const Row& r) {
  return {r.user_id, r.id, r.value, static_cast<std::uint64_t>(r.created_at_us)};
}
inline Row from_entry(const sim::LogEntry& e) { return {e.key, e.term, static_cast<std::int64_t>(e.op_id), e.value}; }
inline std::shared_ptr<const std::vector<sim::LogEntry>> pack(const std::vector<Row>& rows) {
  auto out = std::make_shared<std::vector<sim::LogEntry>>();
  out->reserve(rows.size());
  for (const Row& r : rows) out->push_back(to_entry(r));
  return out;
}

// A move in a message: id in index, from/to packed in commit, [lo, hi) in key and log_term, range
// flag in level, the join epoch in term (every message of this model carries the sender's epoch).
inline void put_move(sim::Message& m, const Move& move) {
  m.index = move.id;
  m.commit = static_cast<std::int64_t>(move.from) << 16 | move.to;
  m.key = move.lo;
  m.log_term = move.hi;
  m.level = move.is_range ? 1 : 0;
}
inline Move get_move(const sim::Message& m) {
  Move move;
  move.id = static_cast<std::uint32_t>(m.index);
  move.from = static_cast<ShardIndex>(m.commit >> 16);
  move.to = static_cast<ShardIndex>(m.commit & 0xFFFF);
  move.lo = m.key;
  move.hi = m.log_term;
  move.is_range = m.level != 0;
  move.epoch = static_cast<std::uint32_t>(m.term);
  return move;
}

}  // namespace cs::sharding::msg
