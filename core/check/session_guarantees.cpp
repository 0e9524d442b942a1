#include "check/session_guarantees.h"

#include <algorithm>
#include <functional>
#include <map>

#include "check/staleness.h"

namespace cs::check {

using sim::EndpointId;
using sim::Operation;
using sim::OpStatus;
using sim::OpType;

std::string_view to_string(SessionGuarantee guarantee) {
  switch (guarantee) {
    case SessionGuarantee::ReadYourWrites: return "read your writes";
    case SessionGuarantee::MonotonicReads: return "monotonic reads";
    case SessionGuarantee::MonotonicWrites: return "monotonic writes";
    case SessionGuarantee::WritesFollowReads: return "writes follow reads";
  }
  return "?";
}

namespace {

bool ok_read(const Operation& op) { return op.type == OpType::Read && op.status == OpStatus::Ok; }
bool ok_write(const Operation& op) { return op.type == OpType::Write && op.status == OpStatus::Ok; }

// Per key, the write a session must not read past, and the operation that made it a requirement.
// Only the latest-invoked required write matters: a read older than any required write is older
// than that one too.
struct Requirement {
  const Operation* write = nullptr;
  const Operation* because = nullptr;
  const Operation* via = nullptr;  // writes follow reads: the author's read of `write`
};

struct SessionState {
  std::map<std::int64_t, Requirement> required;
  // For monotonic writes and writes follow reads: how many of each other session's operations
  // have already been turned into requirements (they are taken in order, as prefixes).
  std::map<EndpointId, std::size_t> absorbed;

  void require(const Operation& write, const Operation& because, const Operation* via = nullptr) {
    Requirement& slot = required[write.key];
    if (!slot.write || write.invoke_us > slot.write->invoke_us) slot = {&write, &because, via};
  }
};

struct HistoryView {
  WriteIndex writes;
  std::map<EndpointId, std::vector<const Operation*>> sessions;        // every operation, in order
  std::map<EndpointId, std::vector<const Operation*>> session_writes;  // Ok writes, in order
  std::map<EndpointId, std::vector<const Operation*>> session_reads;   // Ok reads, in order

  explicit HistoryView(const sim::OpLog& ops) : writes(ops) {
    for (const Operation& op : ops) {
      sessions[op.client].push_back(&op);
      if (ok_write(op)) session_writes[op.client].push_back(&op);
      if (ok_read(op)) session_reads[op.client].push_back(&op);
    }
  }
};

std::string who(const Operation& read) {
  return "read " + std::to_string(read.id) + " by client " + std::to_string(read.client) + " at " +
         seconds_text(read.invoke_us) + " returned " + value_text(read) + " for key " + std::to_string(read.key);
}

using Learn = std::function<void(const HistoryView&, const Operation&, SessionState&)>;
using Explain = std::function<std::string(const Operation& read, const Requirement&)>;

std::vector<SessionViolation> check(const sim::OpLog& ops, SessionGuarantee guarantee, const Learn& learn,
                                    const Explain& explain) {
  const HistoryView view(ops);
  std::vector<SessionViolation> violations;
  for (const auto& [client, session] : view.sessions) {
    SessionState state;
    for (const Operation* op : session) {
      if (ok_read(*op)) {
        const auto it = state.required.find(op->key);
        if (it != state.required.end() && older_than(view.writes, *op, *it->second.write)) {
          const Requirement& r = it->second;
          violations.push_back(
              {guarantee, op->id, r.write->id, explain(*op, r), r.because->id, r.via ? r.via->id : std::uint64_t{0}});
        }
      }
      learn(view, *op, state);
    }
  }
  std::sort(violations.begin(), violations.end(), [](const auto& a, const auto& b) { return a.op_id < b.op_id; });
  return violations;
}

// The prefix of `list` (one session's operations in order) that completed before `time_us`.
std::size_t completed_before(const std::vector<const Operation*>& list, sim::TimeUs time_us) {
  const auto it =
      std::partition_point(list.begin(), list.end(), [&](const Operation* op) { return op->complete_us < time_us; });
  return static_cast<std::size_t>(it - list.begin());
}

// When `read` (of this session) saw a write by another session, the writes (or the reads) that
// author had completed before that write become requirements, each taken once.
void absorb_author_history(const HistoryView& view, const Operation& read, SessionState& state,
                           const std::map<EndpointId, std::vector<const Operation*>>& author_ops, bool sources) {
  if (!ok_read(read)) return;
  const Operation* seen = view.writes.source_of_read(read);
  if (!seen || seen->client == read.client) return;  // one's own writes are read-your-writes' business
  const auto it = author_ops.find(seen->client);
  if (it == author_ops.end()) return;
  const std::size_t end = completed_before(it->second, seen->invoke_us);
  std::size_t& absorbed = state.absorbed[seen->client];
  for (; absorbed < end; ++absorbed) {
    const Operation* earlier = it->second[absorbed];
    const Operation* required = sources ? view.writes.source_of_read(*earlier) : earlier;
    if (required) state.require(*required, read, sources ? earlier : nullptr);
  }
}

}  // namespace

std::vector<SessionViolation> read_your_writes_violations(const sim::OpLog& ops) {
  return check(
      ops, SessionGuarantee::ReadYourWrites,
      [](const HistoryView&, const Operation& op, SessionState& state) {
        if (ok_write(op)) state.require(op, op);
      },
      [](const Operation& read, const Requirement& r) {
        return who(read) + ", although the client's own write of " + std::to_string(r.write->value) +
               " to that key had been acknowledged at " + seconds_text(r.write->complete_us) + ".";
      });
}

std::vector<SessionViolation> monotonic_reads_violations(const sim::OpLog& ops) {
  return check(
      ops, SessionGuarantee::MonotonicReads,
      [](const HistoryView& view, const Operation& op, SessionState& state) {
        if (const Operation* seen = view.writes.source_of_read(op)) state.require(*seen, op);
      },
      [](const Operation& read, const Requirement& r) {
        return who(read) + ", older than " + std::to_string(r.write->value) + ", which the client's read " +
               std::to_string(r.because->id) + " had already returned.";
      });
}

std::vector<SessionViolation> monotonic_writes_violations(const sim::OpLog& ops) {
  return check(
      ops, SessionGuarantee::MonotonicWrites,
      [](const HistoryView& view, const Operation& op, SessionState& state) {
        absorb_author_history(view, op, state, view.session_writes, false);
      },
      [](const Operation& read, const Requirement& r) {
        return who(read) + ", although the client had already seen " + std::to_string(r.because->value) + " (read " +
               std::to_string(r.because->id) + "), which client " + std::to_string(r.write->client) +
               " wrote after its write of " + std::to_string(r.write->value) + " to that key.";
      });
}

std::vector<SessionViolation> writes_follow_reads_violations(const sim::OpLog& ops) {
  return check(
      ops, SessionGuarantee::WritesFollowReads,
      [](const HistoryView& view, const Operation& op, SessionState& state) {
        absorb_author_history(view, op, state, view.session_reads, true);
      },
      [](const Operation& read, const Requirement& r) {
        return who(read) + ", although the client had already seen " + std::to_string(r.because->value) + " (read " +
               std::to_string(r.because->id) + "), written by a client that had read " +
               std::to_string(r.write->value) + " from that key first: an answer seen without its question.";
      });
}

std::vector<SessionViolation> session_violations(const sim::OpLog& ops) {
  std::vector<SessionViolation> all = read_your_writes_violations(ops);
  for (auto* detector : {&monotonic_reads_violations, &monotonic_writes_violations, &writes_follow_reads_violations}) {
    auto more = detector(ops);
    all.insert(all.end(), more.begin(), more.end());
  }
  return all;
}

}  // namespace cs::check
