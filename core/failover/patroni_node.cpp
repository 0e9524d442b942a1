#include "failover/patroni_node.h"
#include "sim/client_forwarding.h"

#include <algorithm>
#include <cassert>
#include <cstdio>
#include <string>

namespace cs::failover {

using sim::EndpointId;
using sim::Message;
using sim::NodeContext;

namespace {
constexpr sim::TimeUs kTtlTickUs = 250'000;  // how often the DCS expires keys and refreshes its countdown
}  // namespace

PatroniNode::PatroniNode(PatroniConfig config, EndpointId self, std::size_t node_count)
    : config_(config), self_(self), node_count_(node_count), log_(config.max_log_entries) {
  assert(node_count >= 2 && self < node_count && config_.dcs_node < node_count);
  assert(config_.initial_primary != config_.dcs_node);
  assert(config_.ttl_us > 0 && config_.loop_wait_us > 0 && config_.retry_timeout_us > 0);
}

void PatroniNode::start(NodeContext& ctx) {
  last_local_us_ = ctx.local_now_us();
  next_.assign(node_count_, 1);
  match_.assign(node_count_, 0);
  if (is_dcs()) {
    show_role(ctx);
    ctx.set_timer(kTtlTimer, kTtlTickUs);
    return;
  }
  show_role(ctx);
  // Bootstrap: the first primary creates the leader key; everyone else reads it.
  const bool bootstrap = self_ == config_.initial_primary && known_token_ == 0;
  if (bootstrap) send_key_request(ctx, kCreateKey);
  // Agents are not synchronised: each starts its loop at its own offset.
  ctx.set_timer(kLoopTimer, bootstrap ? config_.loop_wait_us
                                      : ctx.random().between(config_.loop_wait_us / 4, config_.loop_wait_us));
  ctx.set_timer(kShipTimer, config_.replication_interval_us);
}

void PatroniNode::on_restart(NodeContext& ctx) { start(ctx); }

void PatroniNode::on_crash() {
  primary_ = false;
  token_ = 0;
  primary_id_ = sim::kNoEndpoint;
  renewing_ = false;
  reclaiming_ = false;
  last_saw_key_us_ = -1;
  key_missing_since_us_ = -1;
  primary_last_index_ = 0;
}

void PatroniNode::show_role(NodeContext& ctx) {
  if (is_dcs()) {
    ctx.set_role(sim::Role::None, revision_);
  } else {
    ctx.set_role(primary_ ? sim::Role::Primary : sim::Role::Replica, token());
  }
}

void PatroniNode::send_key_request(NodeContext& ctx, std::uint16_t kind) {
  Message m;
  m.kind = kind;
  m.commit = static_cast<std::int64_t>(++request_seq_);
  if (kind != kGetKey) {
    // The compare-and-set whose answer counts; an answer later than retry_timeout is a timeout.
    cas_seq_ = request_seq_;
    cas_sent_us_ = ctx.local_now_us();
  }
  ctx.send(config_.dcs_node, m);
}

// ---- the DCS ----

void PatroniNode::expire_key(NodeContext& ctx) {
  const sim::TimeUs now = ctx.local_now_us();
  if (key_holder_ != sim::kNoEndpoint && now >= key_expires_us_) {
    key_holder_ = sim::kNoEndpoint;  // nobody renewed it within its TTL: the DCS deletes it
    show_role(ctx);
  }
  ttl_left_us_ = key_holder_ == sim::kNoEndpoint ? 0 : key_expires_us_ - now;
}

void PatroniNode::handle_key_request(NodeContext& ctx, const Message& m) {
  expire_key(ctx);
  const sim::TimeUs now = ctx.local_now_us();
  Message reply;
  reply.kind = kKeyReply;
  reply.ok = true;
  if (m.kind == kRenewKey) {
    reply.ok = key_holder_ == m.from;  // compare-and-set: only the holder may renew
    if (reply.ok) key_expires_us_ = now + config_.ttl_us;
  } else if (m.kind == kCreateKey) {
    reply.ok = key_holder_ == sim::kNoEndpoint;  // create only if absent: one winner per race
    if (reply.ok) {
      key_holder_ = m.from;
      ++revision_;
      key_expires_us_ = now + config_.ttl_us;
      show_role(ctx);
    }
  }
  ttl_left_us_ = key_holder_ == sim::kNoEndpoint ? 0 : key_expires_us_ - now;
  reply.index = key_holder_;
  reply.term = revision_;
  reply.value = ttl_left_us_;
  reply.log_term = m.kind;  // which request this answers
  reply.commit = m.commit;
  ctx.send(m.from, reply);
}

// ---- the agents ----

void PatroniNode::run_loop(NodeContext& ctx) {
  if (primary_) {
    if (!renewing_) {
      renewing_ = true;
      send_key_request(ctx, kRenewKey);
      ctx.set_timer(kRetryTimer, config_.retry_timeout_us);
    }
  } else {
    send_key_request(ctx, kGetKey);
  }
}

void PatroniNode::handle_key_reply(NodeContext& ctx, const Message& m) {
  const EndpointId holder = static_cast<EndpointId>(m.index);
  const sim::TimeUs now = ctx.local_now_us();
  // As Patroni's DCS client does: only the answer to the newest compare-and-set counts, and only
  // within retry_timeout of asking. A late success means nothing: the key's TTL started when the
  // DCS handled the request, so it may already be running out.
  const bool cas_answer = m.log_term != kGetKey && static_cast<std::uint64_t>(m.commit) == cas_seq_ &&
                          now - cas_sent_us_ <= config_.retry_timeout_us;
  if (primary_) {
    if (m.ok && holder == self_) {
      if (cas_answer) {
        renewing_ = false;
        ctx.cancel_timer(kRetryTimer);
      }
    } else if (holder != self_) {
      demote(ctx);  // the key belongs to someone else now
      if (holder != sim::kNoEndpoint) follow(ctx, holder, m.term);
    }
    return;
  }
  if (holder == self_ && m.ok) {
    if (m.log_term != kGetKey) {
      // It answers a compare-and-set of ours (create, or a restarted holder's renewal): the key is
      // ours, with a fresh TTL, if the answer came in time.
      if (!cas_answer) return;
      reclaiming_ = false;
      promote(ctx, m.term);
    } else if (!reclaiming_) {
      // A read says this node still holds the key (it restarted): the TTL left may be about to
      // run out, so renew it before acting as primary, as Patroni does.
      reclaiming_ = true;
      send_key_request(ctx, kRenewKey);
    }
    return;
  }
  if (holder != sim::kNoEndpoint) {
    if (!m.ok && holder != self_ && key_missing_since_us_ >= 0) ++create_races_lost_;
    follow(ctx, holder, m.term);
    // The holder's last renewal, its last sign of life: the TTL left says how long ago it was.
    last_saw_key_us_ = now - (config_.ttl_us - m.value);
    key_missing_since_us_ = -1;
    return;
  }
  // The key is gone: the primary stopped renewing it. Race for it, if healthy and close enough.
  if (key_missing_since_us_ < 0) key_missing_since_us_ = now;
  primary_id_ = sim::kNoEndpoint;
  show_role(ctx);
  if (primary_last_index_ - log_.last_index() <= config_.maximum_lag_on_failover) send_key_request(ctx, kCreateKey);
}

void PatroniNode::promote(NodeContext& ctx, std::int64_t revision) {
  last_local_us_ = ctx.local_now_us();
  token_ = revision;
  known_token_ = std::max(known_token_, revision);
  primary_ = true;
  primary_id_ = self_;
  renewing_ = false;
  ledger_.began_leading();
  if (last_saw_key_us_ >= 0 && key_missing_since_us_ >= 0) {
    ledger_.record_failover(
        {last_local_us_, key_missing_since_us_ - last_saw_key_us_, last_local_us_ - key_missing_since_us_});
    ++promotions_;
  }
  key_missing_since_us_ = -1;
  std::fill(next_.begin(), next_.end(), log_.last_index() + 1);
  std::fill(match_.begin(), match_.end(), 0);
  show_role(ctx);
  for (EndpointId peer = 0; peer < node_count_; ++peer) {
    if (peer != self_ && peer != config_.dcs_node) ship(ctx, peer);
  }
}

void PatroniNode::demote(NodeContext& ctx) {
  if (!primary_) return;
  // PostgreSQL goes read-only: without the key, this node may no longer be the only primary.
  primary_ = false;
  renewing_ = false;
  primary_id_ = sim::kNoEndpoint;
  ++demotions_;
  ctx.cancel_timer(kRetryTimer);
  show_role(ctx);
}

void PatroniNode::follow(NodeContext& ctx, EndpointId holder, std::int64_t revision) {
  if (revision < known_token_) return;
  known_token_ = revision;
  if (primary_ && holder != self_) demote(ctx);
  primary_id_ = holder;
  show_role(ctx);
}

// ---- the database: writes and asynchronous replication ----

void PatroniNode::handle_client(NodeContext& ctx, const Message& request) {
  if (primary_) {
    if (request.kind == sim::kind::kClientWrite) {
      if (log_.full()) {
        ctx.reply(request, false);
        return;
      }
      log_.append({token_, request.key, request.value, request.op_id});
      ledger_.record_ack(request.op_id);
      ctx.reply(request, true);  // asynchronous replication: acknowledged before any replica has it
      for (EndpointId peer = 0; peer < node_count_; ++peer) {
        if (peer != self_ && peer != config_.dcs_node && next_[peer] == log_.last_index()) ship(ctx, peer);
      }
    } else {
      const auto it = log_.data().find(request.key);
      ctx.reply(request, true, it != log_.data().end(), it != log_.data().end() ? it->second : 0);
    }
    return;
  }
  if (!is_dcs() && primary_id_ != sim::kNoEndpoint && primary_id_ != self_) {
    ctx.send(primary_id_, sim::forward_client_request(request, kForward));
    return;
  }
  ctx.reply(request, false);
}

void PatroniNode::ship(NodeContext& ctx, EndpointId peer) {
  const std::int64_t last = log_.last_index();
  const std::int64_t from = std::clamp<std::int64_t>(next_[peer], 1, last + 1);
  const std::int64_t count =
      std::min<std::int64_t>(last - from + 1, static_cast<std::int64_t>(config_.max_batch_entries));
  Message m;
  m.kind = kShip;
  m.term = token_;
  m.index = from - 1;
  m.log_term = log_.token_at(from - 1);
  m.commit = last;
  if (count > 0) {
    auto batch = std::make_shared<std::vector<sim::LogEntry>>();
    for (std::int64_t i = from; i < from + count; ++i) batch->push_back(log_.at(i));
    m.entries = std::move(batch);
  }
  ctx.send(peer, m);
}

void PatroniNode::handle_ship(NodeContext& ctx, const Message& m) {
  Message ack;
  ack.kind = kShipAck;
  if (m.term < known_token_) {
    ack.term = known_token_;  // a deposed primary: refused, and told so
    ctx.send(m.from, ack);
    return;
  }
  follow(ctx, m.from, m.term);
  primary_last_index_ = m.commit;
  const AsyncLog::Accepted result = log_.accept(m.index, m.log_term, m.entries.get());
  ack.term = known_token_;
  ack.ok = result.ok;
  ack.index = result.ok ? result.match : result.hint;
  ctx.send(m.from, ack);
}

void PatroniNode::handle_ship_ack(NodeContext& ctx, const Message& m) {
  if (m.term > token_ && primary_) {
    demote(ctx);
    return;
  }
  if (!primary_) return;
  if (m.ok) {
    match_[m.from] = std::max(match_[m.from], m.index);
    next_[m.from] = match_[m.from] + 1;
  } else {
    next_[m.from] = std::clamp(m.index, match_[m.from] + 1, log_.last_index() + 1);
  }
  if (next_[m.from] <= log_.last_index()) ship(ctx, m.from);
}

// ---- dispatch ----

void PatroniNode::on_message(NodeContext& ctx, const Message& m) {
  last_local_us_ = ctx.local_now_us();
  if (is_dcs()) {
    if (m.kind == kGetKey || m.kind == kRenewKey || m.kind == kCreateKey) handle_key_request(ctx, m);
    if (m.kind == sim::kind::kClientRead || m.kind == sim::kind::kClientWrite) ctx.reply(m, false);
    return;
  }
  switch (m.kind) {
    case kKeyReply: handle_key_reply(ctx, m); break;
    case kShip: handle_ship(ctx, m); break;
    case kShipAck: handle_ship_ack(ctx, m); break;
    case kForward: {
      const Message request = sim::unwrap_forwarded_request(m);
      if (primary_) {
        handle_client(ctx, request);
      } else {
        ctx.reply(request, false);
      }
      break;
    }
    case sim::kind::kClientRead:
    case sim::kind::kClientWrite: handle_client(ctx, m); break;
    default: break;
  }
}

void PatroniNode::on_timer(NodeContext& ctx, std::uint16_t timer_kind) {
  last_local_us_ = ctx.local_now_us();
  switch (timer_kind) {
    case kLoopTimer:
      run_loop(ctx);
      ctx.set_timer(kLoopTimer, config_.loop_wait_us);
      break;
    case kRetryTimer:
      // The leader key could not be updated within retry_timeout: demote before it can expire.
      if (primary_ && renewing_) demote(ctx);
      break;
    case kShipTimer:
      if (primary_) {
        for (EndpointId peer = 0; peer < node_count_; ++peer) {
          if (peer != self_ && peer != config_.dcs_node) ship(ctx, peer);
        }
      }
      ctx.set_timer(kShipTimer, config_.replication_interval_us);
      break;
    case kTtlTimer:
      expire_key(ctx);
      ctx.set_timer(kTtlTimer, kTtlTickUs);
      break;
    default: break;
  }
}

sim::NodeView PatroniNode::view() const {
  sim::NodeView v;
  v.log_length = log_.last_index();
  v.commit_index = log_.last_index();
  v.data_version = static_cast<std::int64_t>(log_.data().size());
  using sim::DetailArg;
  if (is_dcs()) {
    if (key_holder_ == sim::kNoEndpoint) {
      v.detail.add("DCS: no leader key");
    } else {
      v.detail.add("DCS: leader key %1, TTL %2 s",
                   {DetailArg::node(key_holder_), DetailArg::fixed(static_cast<double>(ttl_left_us_) / 1e6, 1)});
    }
  } else if (primary_) {
    v.detail.add("primary, holds the leader key");
  } else {
    v.lag_entries = std::max<std::int64_t>(0, primary_last_index_ - log_.last_index());
    if (primary_id_ == sim::kNoEndpoint) {
      v.detail.add("no leader key: racing for it");
    } else {
      v.detail.add("replicates from %1", {DetailArg::node(primary_id_)});
    }
  }
  return v;
}

sim::MessageClass PatroniNode::classify(std::uint16_t k) const {
  switch (k) {
    case kGetKey:
    case kRenewKey:
    case kKeyReply: return sim::MessageClass::Heartbeat;
    case kCreateKey: return sim::MessageClass::Election;
    case kShip: return sim::MessageClass::Replication;
    case kShipAck: return sim::MessageClass::Ack;
    case kForward: return sim::MessageClass::Client;
    default: return sim::MessageClass::Other;
  }
}

std::string_view PatroniNode::message_name(std::uint16_t k) const {
  switch (k) {
    case kGetKey: return "read leader key";
    case kRenewKey: return "renew leader key";
    case kCreateKey: return "create leader key";
    case kKeyReply: return "DCS reply";
    case kShip: return "WAL";
    case kShipAck: return "WAL ack";
    case kForward: return "forwarded request";
    default: return "?";
  }
}

void PatroniNode::add_metrics(sim::Metrics& metrics) const {
  metrics["leaders_elected"] += static_cast<double>(ledger_.tenures_begun());
  metrics["failovers"] += static_cast<double>(promotions_);
  metrics["demotions"] += static_cast<double>(demotions_);
  metrics["create_races_lost"] += static_cast<double>(create_races_lost_);
}

}  // namespace cs::failover
