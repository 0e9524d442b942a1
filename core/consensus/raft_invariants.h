#pragma once
// Raft's safety properties (Ongaro's thesis, figure 3.2), checked incrementally after every event:
//   Election Safety       at most one leader per term, over the whole run.
//   Leader Append-Only    a leader never overwrites or deletes entries of its own log.
//   Log Matching          two entries with the same index and term have identical logs up to
//                         them, on any two nodes at any two moments.
//   Leader Completeness   an entry committed in term T is in the log of every leader of a later
//                         term.
//   State Machine Safety  no two nodes ever commit or apply different entries at one index, and a
//                         node applies exactly its committed prefix, in order.
//   Acknowledged writes   every write a client saw succeed is committed (and so, by the above,
//                         never lost).
// It compares prefix hashes (RaftLog keeps one per index), so each event costs O(new entries).
// The checker reads node state only; it never trusts the protocol's own bookkeeping of what is
// committed: it keeps its own record of the first entry seen committed at every index.
#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "consensus/raft_log.h"
#include "sim/history.h"
#include "sim/world.h"

namespace cs::consensus {

struct RaftNodeState {
  std::string name;
  bool leader = false;
  std::int64_t term = 0;
  const consensus::RaftLog* log = nullptr;
  std::int64_t commit_index = 0;
  std::int64_t last_applied = 0;
  std::uint64_t applied_hash = 0;
};

struct Violation {
  std::string invariant;
  std::string detail;
  sim::TimeUs at_us = 0;
};

class RaftInvariants {
 public:
  // `acknowledged_writes_commit`: false for configurations that acknowledge before commit on
  // purpose (MongoDB w:1), where a lost acknowledged write is the lesson, not a bug.
  explicit RaftInvariants(bool acknowledged_writes_commit = true);

  // Reads every RaftNode of the world. Returns false if this call found a new violation.
  bool check(const sim::World& world);
  bool check(sim::TimeUs now_us, std::span<const RaftNodeState> nodes, const sim::History* history);

  bool ok() const { return violations_.empty(); }
  const std::vector<Violation>& violations() const { return violations_; }
  std::int64_t committed_length() const { return static_cast<std::int64_t>(committed_hash_.size()) - 1; }
  std::uint64_t checks() const { return checks_; }

 private:
  struct Mirror {
    std::vector<std::uint64_t> hashes{0};  // the node's prefix hashes as last seen; [0] = empty log
    bool leader = false;
    std::int64_t term = 0;
    std::int64_t commit = 0;
    std::int64_t applied = 0;
    std::uint64_t applied_hash = 0;
  };

  void check_node(std::size_t i, const RaftNodeState& s);
  void check_log_changes(std::size_t i, const RaftNodeState& s);
  void check_commit(const RaftNodeState& s);
  void check_leader_completeness(const RaftNodeState& s);
  void check_acknowledged(const sim::History& history);
  void fail(std::string invariant, std::string detail);

  bool acknowledged_writes_commit_;
  sim::TimeUs now_us_ = 0;
  std::uint64_t checks_ = 0;
  std::vector<Mirror> mirrors_;
  std::map<std::int64_t, std::string> leader_of_term_;
  // Per index: every (term, prefix hash) ever seen there.
  std::vector<std::vector<std::pair<std::int64_t, std::uint64_t>>> seen_at_index_{{}};
  // The committed prefix as first observed: prefix hash, the chained hash of applying it, and the
  // highest term of a node that observed it committed up to each index (non-decreasing).
  std::vector<std::uint64_t> committed_hash_{0};
  std::vector<std::uint64_t> applied_chain_{0};
  std::vector<std::int64_t> commit_term_max_{0};
  std::unordered_map<std::uint64_t, std::int64_t> committed_ops_;
  std::size_t next_op_ = 0;
  std::vector<std::uint64_t> open_writes_;
  std::vector<RaftNodeState> scratch_;
  std::vector<Violation> violations_;
};

}  // namespace cs::consensus
