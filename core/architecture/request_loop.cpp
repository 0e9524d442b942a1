#include "architecture/request_loop.h"

#include <cassert>
#include <cmath>

namespace cs::architecture {

void RequestLoop::start(sim::NodeContext& ctx) {
  outstanding_ = 0;
  const sim::TimeUs first = config_.first_request_us + static_cast<sim::TimeUs>(position_) * config_.stagger_us;
  const sim::TimeUs now = ctx.local_now_us();
  ctx.set_timer(timer_kind_, first > now ? first - now : 0);
}

LoopRequest RequestLoop::next(sim::NodeContext& ctx) {
  if (outstanding_ != 0) ++counters_.timed_out;
  assert(config_.keys >= 1);
  LoopRequest r;
  r.id = next_id_++;
  r.key = 1 + static_cast<std::int64_t>(ctx.random().below(static_cast<std::uint64_t>(config_.keys)));
  r.write = !ctx.random().chance(config_.read_fraction);
  // Written values are unique per node, so a read shows whose write it saw.
  r.value = r.write ? static_cast<std::int64_t>(ctx.self()) * 1'000'000 + ++writes_ : 0;
  outstanding_ = r.id;
  sent_at_us_ = ctx.local_now_us();
  ++counters_.sent;
  ctx.set_timer(timer_kind_, config_.timeout_us);
  return r;
}

bool RequestLoop::complete(sim::NodeContext& ctx, std::uint64_t id, bool ok) {
  if (id == 0 || id != outstanding_) return false;
  outstanding_ = 0;
  if (ok) {
    ++counters_.completed;
    counters_.latency_us_total += ctx.local_now_us() - sent_at_us_;
  } else {
    ++counters_.failed;
  }
  const double pause_us = ctx.random().exponential(static_cast<double>(config_.think_time_us));
  ctx.set_timer(timer_kind_, static_cast<sim::TimeUs>(std::llround(pause_us)));
  return true;
}

void add_loop_counters(sim::InspectionSection& section, const LoopCounters& c) {
  using sim::DetailArg;
  section.add("%1 requests sent: %2 answered, %3 failed, %4 timed out",
              {DetailArg::number(c.sent), DetailArg::number(c.completed), DetailArg::number(c.failed),
               DetailArg::number(c.timed_out)});
  if (c.completed > 0) {
    section.add(
        "answers took %1 ms on average",
        {DetailArg::fixed(static_cast<double>(c.latency_us_total) / static_cast<double>(c.completed) / 1e3, 1)});
  }
}

}  // namespace cs::architecture
