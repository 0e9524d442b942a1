#include "caching/backing_database.h"

#include <algorithm>
#include <string>

#include "caching/cache_messages.h"

namespace cs::caching {

using sim::Message;
using sim::NodeContext;

void BackingDatabase::start(NodeContext& ctx) { ctx.set_role(sim::Role::None, 0); }

void BackingDatabase::on_restart(NodeContext& ctx) { start(ctx); }

void BackingDatabase::on_crash() { in_progress_.clear(); }

std::int64_t BackingDatabase::value_of(std::int64_t key) const {
  const auto it = written_.find(key);
  return it == written_.end() ? initial_value(key) : it->second;
}

void BackingDatabase::on_message(NodeContext& ctx, const Message& message) {
  // A client may talk to the database directly (a person fixing a price in SQL, another service):
  // served like the application's queries, and no cache hears of it.
  const bool from_client = message.kind == sim::kind::kClientRead || message.kind == sim::kind::kClientWrite;
  if (!from_client && message.kind != kind::kDbRead && message.kind != kind::kDbWrite) return;
  if (in_progress_.size() >= kMaxQueriesInProgress) {
    if (from_client) {
      ctx.reply(message, false);
    } else {
      Message refused = message;
      refused.kind = message.kind == kind::kDbRead ? kind::kDbReadResult : kind::kDbWriteAck;
      refused.ok = false;
      ctx.send(message.from, refused);
    }
    return;
  }
  in_progress_.push_back({message, ctx.local_now_us() + config_.db_query_us});
  if (in_progress_.size() == 1) ctx.set_timer(kQueryTimer, config_.db_query_us);
}

void BackingDatabase::on_timer(NodeContext& ctx, std::uint16_t timer_kind) {
  if (timer_kind != kQueryTimer) return;
  const sim::TimeUs now = ctx.local_now_us();
  while (!in_progress_.empty() && in_progress_.front().done_us <= now) {
    const Message query = in_progress_.front().query;
    in_progress_.pop_front();
    answer(ctx, query);
  }
  if (!in_progress_.empty()) ctx.set_timer(kQueryTimer, std::max<sim::TimeUs>(0, in_progress_.front().done_us - now));
}

void BackingDatabase::answer(NodeContext& ctx, const Message& query) {
  const bool from_client = query.kind == sim::kind::kClientRead || query.kind == sim::kind::kClientWrite;
  const bool read = query.kind == kind::kDbRead || query.kind == sim::kind::kClientRead;
  if (read) {
    ++reads_total_;
    reads_.add(ctx.local_now_us());
  } else {
    ++writes_total_;
    written_[query.key] = query.value;
  }
  if (from_client) {
    ctx.reply(query, true, read, read ? value_of(query.key) : 0);
    return;
  }
  Message result = query;
  result.kind = read ? kind::kDbReadResult : kind::kDbWriteAck;
  result.ok = true;
  result.has_value = read;
  result.commit = read ? value_of(query.key) : 0;  // `value` still carries the request's own value
  ctx.send(query.from, result);
}

sim::NodeView BackingDatabase::view() const {
  sim::NodeView v;
  v.data_version = writes_total_;
  v.detail.add(
      "database: %1 reads, %2 queries running",
      {sim::DetailArg::number(reads_total_), sim::DetailArg::number(static_cast<std::int64_t>(in_progress_.size()))});
  return v;
}

sim::Inspection BackingDatabase::inspect() const {
  using sim::DetailArg;
  sim::Inspection in;
  in.state.add("every query takes %1 ms", {DetailArg::fixed(static_cast<double>(config_.db_query_us) / 1e3, 0)});
  in.state.add("%1 reads, %2 writes", {DetailArg::number(reads_total_), DetailArg::number(writes_total_)});
  if (!in_progress_.empty()) {
    in.state.add("%1 queries in progress", {DetailArg::number(static_cast<std::int64_t>(in_progress_.size()))});
  }
  in.state.add("a key never written holds its initial value, 1000 + key");
  for (auto it = written_.begin(); it != written_.end() && !in.data.full(); ++it) {
    in.data.add("key %1 = %2", {DetailArg::number(it->first), DetailArg::number(it->second)});
  }
  in.data.not_shown += static_cast<std::int64_t>(written_.size() - in.data.lines.size());
  // The source of truth answers queries and tells no cache about a write: caches find out by expiry.
  in.cluster.add("tells no cache about a write");
  return in;
}

void BackingDatabase::add_metrics(sim::Metrics& metrics) const {
  metrics["db_reads"] += static_cast<double>(reads_total_);
  metrics["db_writes"] += static_cast<double>(writes_total_);
}

}  // namespace cs::caching
