#pragma once
// Session guarantees (Terry et al., 1994), checked on a history. A session is one client: its
// operations run one at a time, in the order the history records them. Each detector returns the
// reads that broke its guarantee, each with the operation it should have reflected and a
// one-sentence reason.
//
//   read your writes     a session's read reflects the session's own earlier writes
//   monotonic reads      a session's read is never older than what its earlier reads returned
//   monotonic writes     once a session has seen a write W2, it never misses a write W1 that
//                        W2's author made before W2 (W1 then W2 keep their order for readers)
//   writes follow reads  once a session has seen a write W2, it never misses a write W1 that
//                        W2's author had read before writing W2 (an answer is never seen
//                        without its question)
//
// "Misses" and "older" follow check/staleness.h: the read returned nil, or a value whose write
// completed before the required write began, so no single up-to-date copy could have returned it.
// The history does not say which copy served a read; when a session's reads go to one replica
// (a sticky session), a monotonic-writes or writes-follow-reads violation means that replica held
// W2 without W1.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sim/history.h"

namespace cs::check {

enum class SessionGuarantee : std::uint8_t { ReadYourWrites, MonotonicReads, MonotonicWrites, WritesFollowReads };

std::string_view to_string(SessionGuarantee guarantee);  // "read your writes", ...

struct SessionViolation {
  SessionGuarantee guarantee = SessionGuarantee::ReadYourWrites;
  std::uint64_t op_id = 0;     // the read that broke the guarantee
  std::uint64_t cause_id = 0;  // the write it should have reflected
  std::string reason;          // one sentence, for people
  // The session's operation that made cause_id required: its own write (read your writes), or
  // its read that saw cause_id (monotonic reads) or saw a later write of cause_id's author
  // (monotonic writes, writes follow reads).
  std::uint64_t because_id = 0;
  // Writes follow reads: the author's read that returned cause_id's value before it wrote what
  // the session saw. 0 otherwise.
  std::uint64_t via_id = 0;
};

std::vector<SessionViolation> read_your_writes_violations(const sim::OpLog& ops);
std::vector<SessionViolation> monotonic_reads_violations(const sim::OpLog& ops);
std::vector<SessionViolation> monotonic_writes_violations(const sim::OpLog& ops);
std::vector<SessionViolation> writes_follow_reads_violations(const sim::OpLog& ops);

// All four, in the order above.
std::vector<SessionViolation> session_violations(const sim::OpLog& ops);

}  // namespace cs::check
