#include "check/violation_witness.h"

#include <algorithm>
#include <map>

#include "check/leader_metrics.h"
#include "check/op_index.h"
#include "check/staleness.h"
#include "check/witness.h"

namespace cs::check {

namespace {

using sim::Operation;

std::string at(sim::TimeUs t) { return time_text(t, "us"); }
std::string client(const Operation& op) { return "client " + std::to_string(op.client); }
// A write's value is its argument whether or not has_value says so (has_value is about what a read
// found; some histories built in code leave it unset on writes).
std::string subject(const Operation& op) {
  return "key " + std::to_string(op.key) + " = " +
         (op.type == sim::OpType::Write ? std::to_string(op.value) : value_text(op));
}
std::string node_name(sim::EndpointId id, const std::vector<std::string>& names) {
  return id < names.size() ? names[id] : "n" + std::to_string(id + 1);
}

// ", which began after the write key 1 = 5 had completed at 1.000 s", after naming the required
// write: why the returned value is older than it (nothing for nil, which is older than any).
std::string older_clause(const Operation* returned) {
  if (!returned) return "";
  return ", which began after the write " + subject(*returned) + " had completed at " + at(returned->complete_us);
}

}  // namespace

SessionWitness session_witness(const sim::OpLog& ops, const SessionViolation& violation) {
  const OpIndex index(ops);
  const WriteIndex writes(ops);
  SessionWitness w;
  w.guarantee = violation.guarantee;
  w.read_id = violation.op_id;
  w.required_write_id = violation.cause_id;
  w.because_id = violation.because_id;
  w.via_id = violation.via_id;
  const Operation* read = index.find(violation.op_id);
  const Operation* required = index.find(violation.cause_id);
  const Operation* because = index.find(violation.because_id);
  const Operation* via = index.find(violation.via_id);
  if (!read || !required || !because) {
    // The violation came from another history: say what is known rather than guess.
    w.sentence = violation.reason;
    return w;
  }
  const Operation* returned = writes.source_of_read(*read);
  const Operation* seen = because->type == sim::OpType::Read ? writes.source_of_read(*because) : nullptr;
  w.returned_write_id = returned ? returned->id : 0;
  w.seen_write_id = seen ? seen->id : 0;

  const std::string head = client(*read) + " read " + subject(*read) + " at " + at(read->invoke_us) + ", after ";
  switch (violation.guarantee) {
    case SessionGuarantee::ReadYourWrites:
      w.sentence = head + "its own write " + subject(*required) + " had completed at " + at(required->complete_us);
      break;
    case SessionGuarantee::MonotonicReads:
      w.sentence = head + "its own earlier read had returned " + subject(*because) + " at " + at(because->complete_us);
      break;
    case SessionGuarantee::MonotonicWrites:
      w.sentence = head + "it had read " + subject(*because) + " at " + at(because->complete_us) + ", which " +
                   client(*required) + " wrote after its write " + subject(*required) + " had completed at " +
                   at(required->complete_us);
      break;
    case SessionGuarantee::WritesFollowReads:
      w.sentence = head + "it had read " + subject(*because) + " at " + at(because->complete_us) + ", which " +
                   (seen ? client(*seen) : std::string("its author")) + " wrote after reading " +
                   (via ? subject(*via) + " at " + at(via->complete_us) : subject(*required));
      break;
  }
  // The returned value's own write completed before the required one began (that is what "older"
  // means in staleness.h); for read your writes and monotonic reads that closes the argument.
  if (violation.guarantee == SessionGuarantee::ReadYourWrites) w.sentence += older_clause(returned);
  if (violation.guarantee == SessionGuarantee::MonotonicReads && returned) {
    w.sentence += ", and the write " + subject(*required) + " began after the write " + subject(*returned) +
                  " had completed at " + at(returned->complete_us);
  }
  w.sentence += ".";

  std::vector<const Operation*> involved;
  for (const Operation* op : {read, required, because, via, seen, returned}) {
    if (op && std::find(involved.begin(), involved.end(), op) == involved.end()) involved.push_back(op);
  }
  std::sort(involved.begin(), involved.end(), [](const Operation* a, const Operation* b) {
    return a->invoke_us != b->invoke_us ? a->invoke_us < b->invoke_us : a->id < b->id;
  });
  for (const Operation* op : involved) w.op_ids.push_back(op->id);
  return w;
}

std::vector<SessionWitness> session_witnesses(const sim::OpLog& ops, std::size_t max) {
  std::vector<SessionWitness> out;
  for (const SessionViolation& v : session_violations(ops)) {
    if (out.size() == max) break;
    out.push_back(session_witness(ops, v));
  }
  return out;
}

std::vector<LostWriteWitness> lost_write_witnesses(const sim::OpLog& ops, const std::vector<std::uint64_t>& lost_ids,
                                                   const std::vector<std::string>& node_names, std::size_t max) {
  std::vector<LostWriteWitness> out;
  if (lost_ids.empty()) return out;
  const std::unordered_set<std::uint64_t> lost(lost_ids.begin(), lost_ids.end());
  for (const Operation& op : ops) {
    if (out.size() == max) break;
    if (!lost.count(op.id)) continue;
    LostWriteWitness w;
    w.op_id = op.id;
    w.client = op.client;
    w.node = op.node;
    w.key = op.key;
    w.value = op.value;
    w.invoke_us = op.invoke_us;
    w.acknowledged_us = op.complete_us;
    const std::string through = op.node == sim::kNoEndpoint ? "" : " through " + node_name(op.node, node_names);
    w.sentence = client(op) + " wrote " + subject(op) + through + " at " + at(op.invoke_us) +
                 " and was told it succeeded at " + at(op.complete_us) +
                 ", but the authoritative copy does not hold it.";
    out.push_back(std::move(w));
  }
  return out;
}

std::vector<LostWriteWitness> lost_write_witnesses(const sim::History& history,
                                                   const std::unordered_set<std::uint64_t>& kept,
                                                   const std::vector<std::string>& node_names, std::size_t max) {
  // The same test as count_lost_writes: acknowledged, and not where the data now lives.
  return lost_write_witnesses(history.ops(), lost_writes(history, kept), node_names, max);
}

std::vector<TwoLeadersWitness> two_leaders_witnesses(const std::vector<sim::LeadingInterval>& intervals,
                                                     const std::vector<std::string>& node_names, std::size_t max) {
  // Per term, each node's first tenure. A node that leads a term twice (a crash and restart
  // within it) is still one leader of that term.
  std::map<std::int64_t, std::vector<sim::LeadingInterval>> by_term;
  for (const sim::LeadingInterval& i : intervals) {
    auto& list = by_term[i.term];
    const auto same_node = std::find_if(list.begin(), list.end(), [&](const auto& j) { return j.node == i.node; });
    if (same_node == list.end()) {
      list.push_back(i);
    } else if (i.start_us < same_node->start_us) {
      *same_node = i;
    }
  }
  std::vector<TwoLeadersWitness> out;
  for (auto& [term, tenures] : by_term) {
    if (tenures.size() < 2) continue;
    if (out.size() == max) break;
    std::sort(tenures.begin(), tenures.end(), [](const auto& a, const auto& b) {
      return a.start_us != b.start_us ? a.start_us < b.start_us : a.node < b.node;
    });
    TwoLeadersWitness w;
    w.term = term;
    w.tenures = tenures;
    for (std::size_t a = 0; a < tenures.size(); ++a) {
      for (std::size_t b = a + 1; b < tenures.size(); ++b) {
        // Sorted by start, so b starts no earlier than a: they overlap when b starts before a ends.
        if (tenures[b].start_us < tenures[a].end_us &&
            (w.together_from_us < 0 || tenures[b].start_us < w.together_from_us)) {
          w.together_from_us = tenures[b].start_us;
        }
      }
    }
    std::string names;
    std::string spans;
    for (std::size_t k = 0; k < tenures.size(); ++k) {
      const std::string name = node_name(tenures[k].node, node_names);
      names += (k == 0 ? "" : k + 1 == tenures.size() ? " and " : ", ") + name;
      spans += (k == 0 ? "" : ", ") + name + " from " + at(tenures[k].start_us) +
               (tenures[k].end_us == sim::kTimeNever ? " on" : " to " + at(tenures[k].end_us));
    }
    w.sentence =
        names + (tenures.size() == 2 ? " both" : " all") + " led in term " + std::to_string(term) + ": " + spans;
    if (w.together_from_us >= 0) {
      w.sentence +=
          " (" + std::string(tenures.size() == 2 ? "both" : "two") + " at once from " + at(w.together_from_us) + ")";
    }
    w.sentence += ".";
    out.push_back(std::move(w));
  }
  return out;
}

}  // namespace cs::check
