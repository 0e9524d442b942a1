#include "consensus/raft_invariants.h"

#include <algorithm>
#include <cassert>

#include "consensus/raft_node.h"

namespace cs::consensus {

namespace {
constexpr std::size_t kMaxViolationsKept = 32;
std::string at_index(std::int64_t index) { return "index " + std::to_string(index); }
}  // namespace

RaftInvariants::RaftInvariants(bool acknowledged_writes_commit)
    : acknowledged_writes_commit_(acknowledged_writes_commit) {}

void RaftInvariants::fail(std::string invariant, std::string detail) {
  if (violations_.size() < kMaxViolationsKept)
    violations_.push_back({std::move(invariant), std::move(detail), now_us_});
}

bool RaftInvariants::check(const sim::World& world) {
  scratch_.clear();
  for (sim::EndpointId id = 0; id < world.node_count(); ++id) {
    const auto* node = dynamic_cast<const consensus::RaftNode*>(world.node(id).protocol.get());
    if (!node) continue;
    scratch_.push_back({world.node(id).name, node->is_leader(), node->current_term(), &node->log(),
                        node->commit_index(), node->last_applied(), node->applied_hash()});
  }
  return check(world.now_us(), scratch_, &world.history());
}

bool RaftInvariants::check(sim::TimeUs now_us, std::span<const RaftNodeState> nodes, const sim::History* history) {
  now_us_ = now_us;
  ++checks_;
  const std::size_t before = violations_.size();
  if (mirrors_.size() < nodes.size()) mirrors_.resize(nodes.size());
  for (std::size_t i = 0; i < nodes.size(); ++i) check_node(i, nodes[i]);
  // A leader that did not change can still fall behind what others have since seen committed.
  for (const auto& s : nodes) {
    if (s.leader) check_leader_completeness(s);
  }
  if (history && acknowledged_writes_commit_) check_acknowledged(*history);
  return violations_.size() == before;
}

void RaftInvariants::check_node(std::size_t i, const RaftNodeState& s) {
  assert(s.log);
  Mirror& m = mirrors_[i];
  const std::int64_t len = s.log->last_index();
  const std::int64_t seen = static_cast<std::int64_t>(m.hashes.size()) - 1;
  const bool same_log = len == seen && s.log->prefix_hash(len) == m.hashes.back();
  if (same_log && s.leader == m.leader && s.term == m.term && s.commit_index == m.commit &&
      s.last_applied == m.applied && s.applied_hash == m.applied_hash) {
    return;  // nothing about this node changed in this event
  }
  if (!same_log) check_log_changes(i, s);
  if (s.leader && !(m.leader && m.term == s.term)) {
    const auto [it, inserted] = leader_of_term_.emplace(s.term, s.name);
    if (!inserted && it->second != s.name) {
      fail("Election Safety", s.name + " and " + it->second + " were both leader in term " + std::to_string(s.term));
    }
  }
  check_commit(s);
  m.leader = s.leader;
  m.term = s.term;
  m.commit = s.commit_index;
  m.applied = s.last_applied;
  m.applied_hash = s.applied_hash;
}

void RaftInvariants::check_log_changes(std::size_t i, const RaftNodeState& s) {
  Mirror& m = mirrors_[i];
  const consensus::RaftLog& log = *s.log;
  const std::int64_t len = log.last_index();
  const std::int64_t seen = static_cast<std::int64_t>(m.hashes.size()) - 1;
  // Where the log still equals what was seen last time (a prefix hash match covers the prefix).
  std::int64_t kept = std::min(len, seen);
  while (kept > 0 && log.prefix_hash(kept) != m.hashes[static_cast<std::size_t>(kept)]) --kept;
  if (kept < seen && s.leader && m.leader && m.term == s.term) {
    fail("Leader Append-Only", s.name + ", leader of term " + std::to_string(s.term) + ", removed or changed its " +
                                   at_index(kept + 1) + " and after");
  }
  m.hashes.resize(static_cast<std::size_t>(kept) + 1);
  if (static_cast<std::int64_t>(seen_at_index_.size()) <= len) seen_at_index_.resize(static_cast<std::size_t>(len) + 1);
  for (std::int64_t idx = kept + 1; idx <= len; ++idx) {
    const std::int64_t term = log.term_at(idx);
    const std::uint64_t hash = log.prefix_hash(idx);
    m.hashes.push_back(hash);
    auto& seen_here = seen_at_index_[static_cast<std::size_t>(idx)];
    const auto it = std::find_if(seen_here.begin(), seen_here.end(), [&](const auto& p) { return p.first == term; });
    if (it == seen_here.end()) {
      seen_here.emplace_back(term, hash);
    } else if (it->second != hash) {
      fail("Log Matching", s.name + " holds an entry at " + at_index(idx) + " in term " + std::to_string(term) +
                               " whose log up to it differs from another log's entry with the same index and term");
    }
  }
}

void RaftInvariants::check_commit(const RaftNodeState& s) {
  const consensus::RaftLog& log = *s.log;
  const std::int64_t c = s.commit_index;
  if (c < 0 || c > log.last_index()) {
    fail("State Machine Safety",
         s.name + " marks " + at_index(c) + " committed but its log ends at " + std::to_string(log.last_index()));
    return;
  }
  const std::int64_t known = committed_length();
  const std::int64_t overlap = std::min(c, known);
  if (log.prefix_hash(overlap) != committed_hash_[static_cast<std::size_t>(overlap)]) {
    fail("State Machine Safety",
         s.name + " has committed entries up to " + at_index(overlap) + " that differ from entries committed before");
    return;
  }
  for (std::int64_t idx = known + 1; idx <= c; ++idx) {
    const sim::LogEntry& e = log.at(idx);
    committed_hash_.push_back(log.prefix_hash(idx));
    applied_chain_.push_back(consensus::chain_hash(applied_chain_.back(), e));
    commit_term_max_.push_back(std::max(commit_term_max_.back(), s.term));
    if (e.op_id != 0) committed_ops_.emplace(e.op_id, idx);
  }
  const std::int64_t a = s.last_applied;
  if (a < 0 || a > c) {
    fail("State Machine Safety",
         s.name + " applied up to " + at_index(a) + " beyond its commit index " + std::to_string(c));
  } else if (s.applied_hash != applied_chain_[static_cast<std::size_t>(a)]) {
    fail("State Machine Safety",
         s.name + " applied something other than the committed entries 1.." + std::to_string(a));
  }
}

void RaftInvariants::check_leader_completeness(const RaftNodeState& s) {
  // Entries committed while every observer was in a term below the leader's must all be there.
  const auto bound = std::lower_bound(commit_term_max_.begin() + 1, commit_term_max_.end(), s.term);
  const std::int64_t required = bound - (commit_term_max_.begin() + 1);
  if (required == 0) return;
  if (s.log->last_index() < required ||
      s.log->prefix_hash(required) != committed_hash_[static_cast<std::size_t>(required)]) {
    fail("Leader Completeness", s.name + ", leader of term " + std::to_string(s.term) +
                                    ", lacks entries committed in earlier terms (up to " + at_index(required) + ")");
  }
}

void RaftInvariants::check_acknowledged(const sim::History& history) {
  const auto& ops = history.ops();
  for (; next_op_ < ops.size(); ++next_op_) {
    if (ops[next_op_].type == sim::OpType::Write) open_writes_.push_back(ops[next_op_].id);
  }
  std::erase_if(open_writes_, [&](std::uint64_t id) {
    const sim::Operation& op = ops[static_cast<std::size_t>(id - 1)];
    if (op.status == sim::OpStatus::Pending) return false;
    if (op.status == sim::OpStatus::Ok && !committed_ops_.count(op.id)) {
      fail("Acknowledged writes", "write " + std::to_string(op.id) + " (key " + std::to_string(op.key) +
                                      ") was acknowledged but is not committed");
    }
    return true;
  });
}

}  // namespace cs::consensus
