#include "pooling/database_node.h"

#include <algorithm>
#include <cassert>
#include <string>

#include "pooling/pool_messages.h"
#include "sim/client_forwarding.h"

namespace cs::pooling {

using sim::Message;
using sim::NodeContext;

void DatabaseNode::start(NodeContext& ctx) { ctx.set_role(sim::Role::None, 0); }

void DatabaseNode::on_restart(NodeContext& ctx) { start(ctx); }

void DatabaseNode::on_crash() {
  cpu_.clear();
  jobs_.clear();
  direct_connections_ = 0;
  pooled_connections_.clear();
}

void DatabaseNode::connection_opened() {
  ++connections_opened_;
  peak_connections_ = std::max(peak_connections_, open_connections());
}

void DatabaseNode::on_message(NodeContext& ctx, const Message& message) {
  switch (message.kind) {
    case sim::kind::kClientRead:
    case sim::kind::kClientWrite:
      if (!has_room()) {
        ++refused_;  // FATAL: sorry, too many clients already
        ctx.reply(message, false);
        return;
      }
      ++direct_connections_;
      connection_opened();
      run(ctx, JobKind::DirectQuery, message, config_.connect_cpu_us + config_.query_cpu_us);
      return;
    case kind::kConnect: {
      const auto connection = std::make_pair(message.from, message.term);
      if (pooled_connections_.count(connection) == 0 && !has_room()) {
        ++refused_;
        Message refused;
        refused.kind = kind::kConnected;
        refused.term = message.term;
        refused.ok = false;
        ctx.send(message.from, refused);
        return;
      }
      if (pooled_connections_.insert(connection).second) connection_opened();
      run(ctx, JobKind::Connect, message, config_.connect_cpu_us);
      return;
    }
    case kind::kDisconnect: pooled_connections_.erase({message.from, message.term}); return;
    case kind::kQuery:
      // A query on a connection this server no longer has (it crashed since) is lost with it;
      // the pooler notices through its query timeout.
      if (pooled_connections_.count({message.from, message.term}) == 0) return;
      run(ctx, JobKind::PooledQuery, message, config_.query_cpu_us);
      return;
    default: return;
  }
}

void DatabaseNode::run(NodeContext& ctx, JobKind kind, const Message& message, double work_us) {
  const std::uint64_t id = next_job_++;
  jobs_.emplace(id, Job{kind, message});
  cpu_.add(ctx.local_now_us(), id, work_us);
  peak_running_ = std::max(peak_running_, cpu_.running());
  schedule_cpu(ctx);
}

void DatabaseNode::schedule_cpu(NodeContext& ctx) {
  const sim::TimeUs next = cpu_.next_finish_us();
  if (next == sim::kTimeNever) {
    ctx.cancel_timer(kCpuTimer);
    return;
  }
  ctx.set_timer(kCpuTimer, std::max<sim::TimeUs>(0, next - ctx.local_now_us()));
}

void DatabaseNode::on_timer(NodeContext& ctx, std::uint16_t timer_kind) {
  if (timer_kind != kCpuTimer) return;
  for (const std::uint64_t id : cpu_.take_finished(ctx.local_now_us())) {
    const auto it = jobs_.find(id);
    assert(it != jobs_.end());
    const Job job = it->second;
    jobs_.erase(it);
    finish(ctx, job);
  }
  schedule_cpu(ctx);
}

std::pair<bool, std::int64_t> DatabaseNode::execute(const Message& request) {
  ++queries_done_;
  if (request.kind == sim::kind::kClientWrite) {
    data_[request.key] = request.value;
    return {false, 0};
  }
  const auto it = data_.find(request.key);
  return it == data_.end() ? std::make_pair(false, std::int64_t{0}) : std::make_pair(true, it->second);
}

void DatabaseNode::finish(NodeContext& ctx, const Job& job) {
  switch (job.kind) {
    case JobKind::DirectQuery: {
      const auto [has_value, value] = execute(job.message);
      assert(direct_connections_ > 0);
      --direct_connections_;  // the client disconnects after its one request
      ctx.reply(job.message, true, has_value, value);
      return;
    }
    case JobKind::Connect: {
      Message connected;
      connected.kind = kind::kConnected;
      connected.term = job.message.term;
      connected.ok = true;
      ctx.send(job.message.from, connected);
      return;
    }
    case JobKind::PooledQuery: {
      const auto [has_value, value] = execute(sim::unwrap_forwarded_request(job.message));
      Message result = job.message;
      result.ok = true;
      result.has_value = has_value;
      result.value = has_value ? value : job.message.value;
      result.kind = kind::kQueryResult;
      ctx.send(job.message.from, result);
      return;
    }
  }
}

sim::NodeView DatabaseNode::view() const {
  sim::NodeView v;
  v.data_version = static_cast<std::int64_t>(data_.size());
  using sim::DetailArg;
  v.detail.add("database: %1/%2 connections, %3 running on %4 cores",
               {DetailArg::number(static_cast<std::int64_t>(open_connections())),
                DetailArg::number(static_cast<std::int64_t>(config_.max_connections)),
                DetailArg::number(static_cast<std::int64_t>(cpu_.running())),
                DetailArg::number(static_cast<std::int64_t>(config_.cores))});
  return v;
}

sim::Inspection DatabaseNode::inspect() const {
  using sim::DetailArg;
  sim::Inspection in;
  in.state.add("%1 direct connections, %2 pooled connections",
               {DetailArg::number(static_cast<std::int64_t>(direct_connections_)),
                DetailArg::number(static_cast<std::int64_t>(pooled_connections_.size()))});
  if (cpu_.running() > 0) {
    // Past the cores, every query also pays the contention penalty: the speed shows it.
    in.state.add("%1 jobs share the CPU, each at %2% of a core",
                 {DetailArg::number(static_cast<std::int64_t>(cpu_.running())),
                  DetailArg::fixed(100.0 * cpu_.speed(cpu_.running()), 0)});
  }
  in.state.add("a new connection costs %1 ms of CPU, a query %2 ms",
               {DetailArg::fixed(config_.connect_cpu_us / 1e3, 1), DetailArg::fixed(config_.query_cpu_us / 1e3, 1)});
  if (refused_ > 0) in.state.add("%1 connections refused: too many clients", {DetailArg::number(refused_)});

  for (auto it = data_.begin(); it != data_.end() && !in.data.full(); ++it) {
    in.data.add("key %1 = %2", {DetailArg::number(it->first), DetailArg::number(it->second)});
  }
  in.data.not_shown += static_cast<std::int64_t>(data_.size() - in.data.lines.size());

  // The set is ordered by pooler, so each pooler's connections are one run.
  for (auto it = pooled_connections_.begin(); it != pooled_connections_.end();) {
    const sim::EndpointId pooler = it->first;
    std::int64_t count = 0;
    for (; it != pooled_connections_.end() && it->first == pooler; ++it) ++count;
    in.cluster.add("%1 holds %2 server connections", {DetailArg::node(pooler), DetailArg::number(count)});
  }
  if (in.cluster.empty()) in.cluster.add("no pooler connected");
  return in;
}

sim::MessageClass DatabaseNode::classify(std::uint16_t message_kind) const { return pooling::classify(message_kind); }

std::string_view DatabaseNode::message_name(std::uint16_t message_kind) const {
  return pooling::message_name(message_kind);
}

void DatabaseNode::add_metrics(sim::Metrics& metrics) const {
  metrics["db_queries"] += static_cast<double>(queries_done_);
  metrics["db_connections_refused"] += static_cast<double>(refused_);
  metrics["db_connections_opened"] += static_cast<double>(connections_opened_);
}

}  // namespace cs::pooling
