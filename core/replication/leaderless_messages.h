#pragma once
// What leaderless replicas and coordinators send each other besides the fixed message fields.
#include <cstdint>
#include <utility>
#include <vector>

#include "consistency/lww_register.h"
#include "sim/message.h"

namespace cs::replication {

// A write to a replica (from a coordinator, a read repair or a hint), and its acknowledgement,
// which echoes it so a hint can be matched and retired.
struct CellWrite final : sim::Payload {
  std::int64_t key = 0;
  consistency::LwwStamp stamp;
};

// A replica's answer to a read: its cell for the key, possibly empty.
struct CellRead final : sim::Payload {
  consistency::LwwRegister cell;
};

// Anti-entropy: every cell the sender holds of the keys it shares with the receiver. The receiver
// keeps what is newer and, unless this is already an answer, answers with its own cells, so one
// exchange repairs both sides.
struct CellDigest final : sim::Payload {
  static constexpr std::size_t kMaxCells = 100'000;
  std::vector<std::pair<std::int64_t, consistency::LwwStamp>> cells;
  bool answer = false;
};

}  // namespace cs::replication
