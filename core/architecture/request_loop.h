#pragma once
// The request loop of a node that plays a user or an application in the architecture models of
// lesson 1 (a client in client-server, a browser in multi-tier). Unlike the kernel's workload
// clients, these are nodes on the stage, so the learner sees where requests come from.
//
// Closed loop, like the kernel's clients: one request at a time; the next one follows a random
// think time after the answer, or at once when the answer has not come within the timeout. The
// first request of the node at `position` goes out at first_request + position x stagger, so a
// narration can say when the first request travels and when every client is busy.
#include <cstdint>

#include "sim/protocol.h"

namespace cs::architecture {

struct RequestLoopConfig {
  sim::TimeUs first_request_us = 980'000;
  sim::TimeUs stagger_us = 500'000;
  sim::TimeUs think_time_us = 400'000;  // mean of an exponential pause
  sim::TimeUs timeout_us = 1'000'000;
  std::int64_t keys = 20;  // keys 1..keys, uniform
  double read_fraction = 0.5;
};

// What a loop asks for: request `id` reads or writes `key`.
struct LoopRequest {
  std::uint64_t id = 0;
  std::int64_t key = 0;
  bool write = false;
  std::int64_t value = 0;  // written value
};

struct LoopCounters {
  std::int64_t sent = 0;
  std::int64_t completed = 0;  // answered with ok
  std::int64_t failed = 0;     // answered, not ok
  std::int64_t timed_out = 0;
  std::int64_t latency_us_total = 0;  // of completed requests
};

// The counters as the node inspector's state lines: requests sent and how they ended, and the
// average answer time once there is one.
void add_loop_counters(sim::InspectionSection& section, const LoopCounters& c);

class RequestLoop {
 public:
  RequestLoop(RequestLoopConfig config, std::size_t position, std::uint16_t timer_kind)
      : config_(config), position_(position), timer_kind_(timer_kind) {}

  // Arms the first request (also after a restart: the loop starts over).
  void start(sim::NodeContext& ctx);
  // The loop's timer fired: the previous request (if any) has timed out; here is the next one.
  // The caller sends it and the loop waits for complete().
  LoopRequest next(sim::NodeContext& ctx);
  // An answer arrived. False if it answers no outstanding request (late, or a duplicate).
  bool complete(sim::NodeContext& ctx, std::uint64_t id, bool ok);
  void forget() { outstanding_ = 0; }  // a crash loses the request in progress

  std::uint16_t timer_kind() const { return timer_kind_; }
  const LoopCounters& counters() const { return counters_; }

 private:
  RequestLoopConfig config_;
  std::size_t position_;
  std::uint16_t timer_kind_;
  std::uint64_t next_id_ = 1;
  std::uint64_t outstanding_ = 0;  // 0: none
  sim::TimeUs sent_at_us_ = 0;
  std::int64_t writes_ = 0;
  LoopCounters counters_;  // describe the run: kept across crashes
};

}  // namespace cs::architecture
