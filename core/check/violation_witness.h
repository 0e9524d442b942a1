#pragma once
// Witnesses for the violations the checkers find in a simulator's run, beside linearizability's
// (check/witness.h): the operations or events involved and one sentence in English, in the same
// style ("client 6 read key 1 = 5 at 2.345 s, after its own write key 1 = 7 had completed at
// 2.100 s."). The UI turns them into other languages by their patterns.
//   session guarantees        from session_guarantees.h's violations
//   lost acknowledged writes  acknowledged writes the authoritative copy does not hold: the ids
//                             a model reports (ModelInfo::lost_writes, the very writes its metric
//                             lost_acknowledged_writes counts), or those outside leader_metrics.h's
//                             `kept` set
//   two leaders in one term   from the simulator's leading intervals; only a violation for a
//                             model that promises at most one leader per term (Raft; Paxos's
//                             rounds; failover with fencing tokens), which the caller knows
// Each list is bounded by `max`: a run with thousands of violations is explained by its first.
#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_set>
#include <vector>

#include "check/session_guarantees.h"
#include "sim/history.h"
#include "sim/world.h"

namespace cs::check {

struct SessionWitness {
  SessionGuarantee guarantee = SessionGuarantee::ReadYourWrites;
  std::uint64_t read_id = 0;            // the read that broke the guarantee
  std::uint64_t required_write_id = 0;  // the write it should have reflected
  std::uint64_t because_id = 0;         // what made that write required (see SessionViolation)
  std::uint64_t via_id = 0;             // writes follow reads: the author's read; else 0
  std::uint64_t seen_write_id = 0;      // the write whose value `because` returned; 0 if none
  std::uint64_t returned_write_id = 0;  // the write whose value the read returned; 0: nil
  std::vector<std::uint64_t> op_ids;    // all of the above, each once, in invocation order
  std::string sentence;
};

SessionWitness session_witness(const sim::OpLog& ops, const SessionViolation& violation);
// Every guarantee's violations (session_violations), the first `max` of them.
std::vector<SessionWitness> session_witnesses(const sim::OpLog& ops, std::size_t max = 100);

struct LostWriteWitness {
  std::uint64_t op_id = 0;
  sim::EndpointId client = sim::kNoEndpoint;
  sim::EndpointId node = sim::kNoEndpoint;  // the node the client sent it to
  std::int64_t key = 0;
  std::int64_t value = 0;
  sim::TimeUs invoke_us = 0;
  sim::TimeUs acknowledged_us = 0;  // when the client heard it had succeeded
  std::string sentence;
};

// The operations of `ops` whose ids are in `lost_ids` (ids not in `ops` are skipped), in the
// history's order, the first `max`. node_names[i] names node i ("n<i+1>" past its end).
std::vector<LostWriteWitness> lost_write_witnesses(const sim::OpLog& ops, const std::vector<std::uint64_t>& lost_ids,
                                                   const std::vector<std::string>& node_names, std::size_t max = 100);
// Acknowledged writes whose id is not in `kept` (leader_metrics.h's lost_writes), the same way.
std::vector<LostWriteWitness> lost_write_witnesses(const sim::History& history,
                                                   const std::unordered_set<std::uint64_t>& kept,
                                                   const std::vector<std::string>& node_names, std::size_t max = 100);

struct TwoLeadersWitness {
  std::int64_t term = 0;
  // Each node's first tenure in the term, by start: who led, and since when.
  std::vector<sim::LeadingInterval> tenures;
  sim::TimeUs together_from_us = -1;  // when two of them first led at once; -1: never at once
  std::string sentence;
};

// Terms in which more than one node led, in term order, the first `max`.
std::vector<TwoLeadersWitness> two_leaders_witnesses(const std::vector<sim::LeadingInterval>& intervals,
                                                     const std::vector<std::string>& node_names, std::size_t max = 100);

}  // namespace cs::check
