#include "caching/app_cache_node.h"

#include <cstdio>
#include <string>

#include "caching/cache_messages.h"
#include "sim/client_forwarding.h"

namespace cs::caching {

using sim::Message;
using sim::NodeContext;

void AppCacheNode::start(NodeContext& ctx) {
  ctx.set_role(sim::Role::None, 0);
  last_seen_us_ = ctx.local_now_us();
}

void AppCacheNode::on_restart(NodeContext& ctx) { start(ctx); }

void AppCacheNode::on_crash() { cache_.clear(); }

void AppCacheNode::on_message(NodeContext& ctx, const Message& message) {
  last_seen_us_ = ctx.local_now_us();
  switch (message.kind) {
    case sim::kind::kClientRead: on_read(ctx, message); return;
    case sim::kind::kClientWrite:
      ctx.send(config_.database, sim::forward_client_request(message, kind::kDbWrite));
      return;
    case kind::kDbReadResult:
    case kind::kDbWriteAck: on_db_answer(ctx, message); return;
    default: return;
  }
}

void AppCacheNode::on_read(NodeContext& ctx, const Message& request) {
  const sim::TimeUs now = ctx.local_now_us();
  if (const auto cached = cache_.get(request.key, now)) {
    ++hits_total_;
    hits_.add(now);
    ctx.reply(request, true, true, *cached);
    return;
  }
  ++misses_total_;
  misses_.add(now);
  ctx.send(config_.database, sim::forward_client_request(request, kind::kDbRead));
}

void AppCacheNode::on_db_answer(NodeContext& ctx, const Message& answer) {
  const Message request = sim::unwrap_forwarded_request(answer);
  if (!answer.ok) {
    ctx.reply(request, false);
    return;
  }
  if (answer.kind == kind::kDbReadResult) {
    // The answer goes into the cache for ttl: until then every reader of this key gets this
    // value, whatever happens to the row in the database meanwhile.
    cache_.put(answer.key, answer.commit, ctx.local_now_us() + config_.ttl_us);
    ctx.reply(request, true, true, answer.commit);
    return;
  }
  if (config_.invalidate_on_write && cache_.erase(answer.key)) ++invalidations_;
  ctx.reply(request, true);
}

sim::NodeView AppCacheNode::view() const {
  sim::NodeView v;
  const std::int64_t lookups = hits_total_ + misses_total_;
  const double hit_percent =
      lookups == 0 ? 0.0 : 100.0 * static_cast<double>(hits_total_) / static_cast<double>(lookups);
  v.data_version = static_cast<std::int64_t>(cache_.live(last_seen_us_));
  v.detail.add("app server + cache: %1 keys cached, %2% hits",
               {sim::DetailArg::number(v.data_version), sim::DetailArg::fixed(hit_percent, 0)});
  return v;
}

sim::Inspection AppCacheNode::inspect() const {
  using sim::DetailArg;
  sim::Inspection in;
  in.state.add("%1 of %2 entries live, each for %3 s",
               {DetailArg::number(static_cast<std::int64_t>(cache_.live(last_seen_us_))),
                DetailArg::number(static_cast<std::int64_t>(config_.capacity)),
                DetailArg::fixed(static_cast<double>(config_.ttl_us) / 1e6, 1)});
  in.state.add("%1 hits, %2 misses", {DetailArg::number(hits_total_), DetailArg::number(misses_total_)});
  // The knob that decides whether readers see stale values until the TTL runs out.
  if (config_.invalidate_on_write) {
    in.state.add("a write deletes the cached entry: %1 deleted", {DetailArg::number(invalidations_)});
  } else {
    in.state.add("a write leaves the cached entry until it expires");
  }
  if (config_.database != sim::kNoEndpoint) {
    in.cluster.add("reads %1 on a miss and writes there", {DetailArg::node(config_.database)});
  }
  return in;
}

void AppCacheNode::add_metrics(sim::Metrics& metrics) const {
  metrics["cache_hits"] += static_cast<double>(hits_total_);
  metrics["cache_misses"] += static_cast<double>(misses_total_);
  metrics["cache_invalidations"] += static_cast<double>(invalidations_);
}

}  // namespace cs::caching
