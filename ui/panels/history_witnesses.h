#pragma once
// What the History panel shows of a broken promise: for each, the smallest piece of the run that
// shows it (a witness), one line for the list, one plain sentence, the operations to emphasise on
// the clients' lanes, and the moment and the nodes "Show on the stage" goes to. The core finds the
// witnesses (check/witness.h for linearizability, check/violation_witness.h for session
// guarantees, lost acknowledged writes and two leaders in one term); the words are the window's, so that a translation
// covers them, and they name clients and nodes as the lanes and the stage do ("client 2", "n3"),
// not by the simulator's endpoint numbers. Falls back to the core's English sentence for a shape
// the simulator's histories never have (cas, append).
//
// Built from what the run publishes: the frame's figures (the history, the newest trace records
// and the lost writes' ids, which are the ones the metric lost_acknowledged_writes counts) and the
// model's stated invariants. Two leaders in one term are looked for only where
// the model promises at most one ("election-safety"), from the trace's role changes; a run longer
// than the figures' trace window shows those of its newest records only.
#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <cstdint>
#include <vector>

#include "check/linearizability.h"
#include "check/violation_witness.h"
#include "check/witness.h"
#include "run/frame.h"

namespace cs::ui {

struct ShownWitness {
  enum class Kind : std::uint8_t { Linearizability, Session, TwoLeaders, LostWrite };
  Kind kind = Kind::Linearizability;
  QString title;                      // one line, for the list
  QString sentence;                   // why it is a problem, in one sentence
  QString note;                       // "" or why it may not be the smallest set
  std::vector<std::uint64_t> op_ids;  // the operations to emphasise (history ids), by invocation
  sim::TimeUs moment_us = 0;          // when it had all happened: where "Show on the stage" goes
  QStringList nodes;                  // the nodes involved, by name, for the stage's highlight
};

class HistoryWitnesses {
  Q_DECLARE_TR_FUNCTIONS(HistoryWitnesses)

 public:
  static constexpr std::size_t kMaxKeys = 10;        // linearizability: the first keys' witnesses
  static constexpr std::size_t kMaxSessions = 20;    // session guarantees: the first violations
  static constexpr std::size_t kMaxTerms = 10;       // two leaders: the first terms
  static constexpr std::size_t kMaxLostWrites = 50;  // lost writes: the first ones

  // `ops` is the history `history` was made from (check::from_sim_history), `result` its check;
  // node_names names the frame's nodes in order (clients are numbered after them).
  static std::vector<ShownWitness> linearizability(const sim::OpLog& ops, const check::OpHistory& history,
                                                   const check::LinearizabilityResult& result,
                                                   const QStringList& node_names, const check::WitnessBudget& budget);
  static std::vector<ShownWitness> sessions(const sim::OpLog& ops, const QStringList& node_names);
  // Who led when, rebuilt from the role changes among `events` (as the simulator records its
  // leading intervals: a node leads from becoming leader or primary in a term until it stops or
  // its term changes).
  static std::vector<sim::LeadingInterval> leadingIntervals(const std::vector<sim::TraceEvent>& events);
  static std::vector<ShownWitness> twoLeaders(const std::vector<sim::LeadingInterval>& intervals,
                                              const QStringList& node_names);
  // The acknowledged writes among `ops` whose ids are in `lost_ids` (run::Figures::lost_write_ids),
  // each at the moment it was acknowledged, with the node that acknowledged it: acked_by[i] for
  // lost_ids[i] where known (Figures::lost_write_acked_by), else the node it was sent to.
  static std::vector<ShownWitness> lostWrites(const sim::OpLog& ops, const std::vector<std::uint64_t>& lost_ids,
                                              const std::vector<sim::EndpointId>& acked_by,
                                              const QStringList& node_names);

  // All of them for a run's figures and its check, in the order the panel lists them.
  static std::vector<ShownWitness> all(const run::Figures& figures, const check::OpHistory& history,
                                       const check::LinearizabilityResult& result, const QStringList& node_names,
                                       bool one_leader_per_term, const check::WitnessBudget& budget);

  // "4.200 s", in the interface language.
  static QString seconds(sim::TimeUs us);
};

}  // namespace cs::ui
