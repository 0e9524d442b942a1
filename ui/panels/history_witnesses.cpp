#include "panels/history_witnesses.h"

#include <QLocale>
#include <algorithm>
#include <map>

#include "check/op_index.h"
#include "check/violation_witness.h"
#include "i18n/language.h"

namespace cs::ui {

namespace {

using check::OpIndex;
using sim::Operation;

// Names for the operations of one run, as its lanes and its stage show them.
class Words {
 public:
  explicit Words(const QStringList& node_names) : nodes_(node_names) {}

  qint64 clientNumber(const Operation& op) const {
    return static_cast<qint64>(op.client) - static_cast<qint64>(nodes_.size()) + 1;
  }
  QString who(const Operation& op) const { return HistoryWitnesses::tr("client %1").arg(clientNumber(op)); }
  // The same at the start of a sentence.
  QString whoAtStart(const Operation& op) const { return HistoryWitnesses::tr("Client %1").arg(clientNumber(op)); }
  QString node(sim::EndpointId id) const {
    return id < static_cast<sim::EndpointId>(nodes_.size()) ? nodes_[static_cast<qsizetype>(id)]
                                                            : QStringLiteral("n%1").arg(id + 1);
  }
  // What a read found, or what a write wrote: "key 1 = 5", "key 1 (no value)".
  QString subject(const Operation& op) const {
    if (op.type == sim::OpType::Read && !op.has_value) return HistoryWitnesses::tr("key %1 (no value)").arg(op.key);
    return HistoryWitnesses::tr("key %1 = %2").arg(op.key).arg(op.value);
  }
  QString write(const Operation& op) const { return HistoryWitnesses::tr("the write %1").arg(subject(op)); }
  static QString at(sim::TimeUs us) { return HistoryWitnesses::seconds(us); }

 private:
  const QStringList& nodes_;
};

// When every operation had happened: the last completion (an operation that never completed
// counts from its invocation).
sim::TimeUs moment_of(const std::vector<const Operation*>& ops) {
  sim::TimeUs moment = 0;
  for (const Operation* op : ops) moment = std::max(moment, op->complete_us >= 0 ? op->complete_us : op->invoke_us);
  return moment;
}

QStringList nodes_of(const std::vector<const Operation*>& ops, const Words& words) {
  QStringList out;
  for (const Operation* op : ops) {
    if (op->node == sim::kNoEndpoint) continue;
    const QString name = words.node(op->node);
    if (!out.contains(name)) out << name;
  }
  return out;
}

QString kind_title(check::WitnessKind kind) {
  switch (kind) {
    case check::WitnessKind::NeverWritten: return HistoryWitnesses::tr("a read found a value that nobody wrote");
    case check::WitnessKind::ReadBeforeWrite: return HistoryWitnesses::tr("a read found a value before it was written");
    case check::WitnessKind::StaleRead: return HistoryWitnesses::tr("a read found a value already overwritten");
    case check::WitnessKind::ReadGoesBack: return HistoryWitnesses::tr("a later read went back to an older value");
    case check::WitnessKind::ValueCameBack: return HistoryWitnesses::tr("a value came back after it had been replaced");
    case check::WitnessKind::CasBothSucceeded:
    case check::WitnessKind::LostAppend:
    case check::WitnessKind::NoOrder: break;
  }
  return HistoryWitnesses::tr("no order of these operations is possible");
}

// The sentence of a linearizability witness, by its kind, from the operations it names (see
// check/witness_sentences.cpp's Explainer: the same arguments, in the lanes' names). Empty when the shape
// is not one the simulator's histories have.
QString lin_sentence(const check::Witness& w, const std::vector<const Operation*>& named, std::size_t op_count,
                     const Words& words) {
  const auto n = named.size();
  const auto read = [&](const Operation* op) { return op->type == sim::OpType::Read; };
  if (n >= 1 && !read(named[0]) && w.kind != check::WitnessKind::NoOrder) return {};
  switch (w.kind) {
    case check::WitnessKind::NeverWritten:
      if (n != 1) break;
      return HistoryWitnesses::tr("%1 read %2 from %3 at %4, a value that no operation wrote.")
          .arg(words.whoAtStart(*named[0]), words.subject(*named[0]), words.node(named[0]->node),
               words.at(named[0]->invoke_us));
    case check::WitnessKind::ReadBeforeWrite:
      if (n != 2) break;
      return HistoryWitnesses::tr("%1 read %2 from %3, returning at %4, before %5 began at %6.")
          .arg(words.whoAtStart(*named[0]), words.subject(*named[0]), words.node(named[0]->node),
               words.at(named[0]->complete_us), words.write(*named[1]), words.at(named[1]->invoke_us));
    case check::WitnessKind::StaleRead:
      if (n == 2) {
        return HistoryWitnesses::tr("%1 read %2 from %3 at %4, after %5 had completed at %6.")
            .arg(words.whoAtStart(*named[0]), words.subject(*named[0]), words.node(named[0]->node),
                 words.at(named[0]->invoke_us), words.write(*named[1]), words.at(named[1]->complete_us));
      }
      if (n != 3) break;
      return HistoryWitnesses::tr(
                 "%1 read %2 from %3 at %4, after %5 had completed at %6, which began after %7 had completed at %8.")
          .arg(words.whoAtStart(*named[0]), words.subject(*named[0]), words.node(named[0]->node),
               words.at(named[0]->invoke_us), words.write(*named[1]), words.at(named[1]->complete_us),
               words.write(*named[2]), words.at(named[2]->complete_us));
    case check::WitnessKind::ReadGoesBack:
      if (n == 2) {
        return HistoryWitnesses::tr("%1 read %2 from %3 at %4, after %5 had read %6, returning at %7.")
            .arg(words.whoAtStart(*named[0]), words.subject(*named[0]), words.node(named[0]->node),
                 words.at(named[0]->invoke_us), words.who(*named[1]), words.subject(*named[1]),
                 words.at(named[1]->complete_us));
      }
      if (n != 4) break;
      return HistoryWitnesses::tr(
                 "%1 read %2 from %3 at %4, after %5 had read %6, returning at %7, and %8 began after %9 had "
                 "completed at %10.")
          .arg(words.whoAtStart(*named[0]), words.subject(*named[0]), words.node(named[0]->node),
               words.at(named[0]->invoke_us), words.who(*named[1]), words.subject(*named[1]),
               words.at(named[1]->complete_us), words.write(*named[2]), words.write(*named[3]),
               words.at(named[3]->complete_us));
    case check::WitnessKind::ValueCameBack: {
      if (n != 3) break;
      const QString source =
          named[0]->has_value ? HistoryWitnesses::tr("%1 was written only once").arg(named[0]->value)
                              : HistoryWitnesses::tr("key %1 was empty only before its first write").arg(named[0]->key);
      return HistoryWitnesses::tr(
                 "%1 read %2 from %3 at %4, after %5 had read %6, returning at %7, and %8 had read %2 before that, "
                 "returning at %9, but %10.")
          .arg(words.whoAtStart(*named[0]), words.subject(*named[0]), words.node(named[0]->node),
               words.at(named[0]->invoke_us), words.who(*named[1]), words.subject(*named[1]),
               words.at(named[1]->complete_us), words.who(*named[2]), words.at(named[2]->complete_us), source);
    }
    case check::WitnessKind::NoOrder:
      if (n == 0) {
        return HistoryWitnesses::tr("No order of these %1 operations on key %2 is legal.")
            .arg(op_count)
            .arg(QString::fromStdString(w.key));
      }
      if (n != 1) break;
      return (read(named[0]) ? HistoryWitnesses::tr("%1 read %2 from %3 at %4, but no order of these %5 "
                                                    "operations allows it.")
                             : HistoryWitnesses::tr("%1 wrote %2 through %3 at %4, but no order of these %5 "
                                                    "operations allows it."))
          .arg(words.whoAtStart(*named[0]), words.subject(*named[0]), words.node(named[0]->node),
               words.at(named[0]->invoke_us), QString::number(op_count));
    case check::WitnessKind::CasBothSucceeded:
    case check::WitnessKind::LostAppend: break;
  }
  return {};
}

QString guarantee_label(check::SessionGuarantee g) {
  switch (g) {
    case check::SessionGuarantee::ReadYourWrites: return HistoryWitnesses::tr("Read your writes");
    case check::SessionGuarantee::MonotonicReads: return HistoryWitnesses::tr("Monotonic reads");
    case check::SessionGuarantee::MonotonicWrites: return HistoryWitnesses::tr("Monotonic writes");
    case check::SessionGuarantee::WritesFollowReads: return HistoryWitnesses::tr("Writes follow reads");
  }
  return {};
}

// The sentence of a session-guarantee witness (see check/violation_witness.cpp: the same
// argument, in the lanes' names). Empty when an operation it names is missing.
QString session_sentence(const check::SessionWitness& w, const OpIndex& index, const Words& words) {
  const Operation* read = index.find(w.read_id);
  const Operation* required = index.find(w.required_write_id);
  const Operation* because = index.find(w.because_id);
  const Operation* via = index.find(w.via_id);
  const Operation* seen = index.find(w.seen_write_id);
  const Operation* returned = index.find(w.returned_write_id);
  if (!read || !required || !because) return {};
  const QString who = words.whoAtStart(*read);
  const QString what = words.subject(*read);
  const QString node = words.node(read->node);
  const QString when = words.at(read->invoke_us);
  switch (w.guarantee) {
    case check::SessionGuarantee::ReadYourWrites:
      if (returned) {
        return HistoryWitnesses::tr(
                   "%1 read %2 from %3 at %4, after its own write %5 had completed at %6, which began after %7 had "
                   "completed at %8.")
            .arg(who, what, node, when, words.subject(*required), words.at(required->complete_us),
                 words.write(*returned), words.at(returned->complete_us));
      }
      return HistoryWitnesses::tr("%1 read %2 from %3 at %4, after its own write %5 had completed at %6.")
          .arg(who, what, node, when, words.subject(*required), words.at(required->complete_us));
    case check::SessionGuarantee::MonotonicReads:
      if (returned) {
        return HistoryWitnesses::tr(
                   "%1 read %2 from %3 at %4, after its own earlier read had returned %5 at %6, and %7 began after "
                   "%8 had completed at %9.")
            .arg(who, what, node, when, words.subject(*because), words.at(because->complete_us), words.write(*required),
                 words.write(*returned), words.at(returned->complete_us));
      }
      return HistoryWitnesses::tr("%1 read %2 from %3 at %4, after its own earlier read had returned %5 at %6.")
          .arg(who, what, node, when, words.subject(*because), words.at(because->complete_us));
    case check::SessionGuarantee::MonotonicWrites:
      return HistoryWitnesses::tr(
                 "%1 read %2 from %3 at %4, after it had read %5 at %6, which %7 wrote after its write %8 had "
                 "completed at %9.")
          .arg(who, what, node, when, words.subject(*because), words.at(because->complete_us), words.who(*required),
               words.subject(*required), words.at(required->complete_us));
    case check::SessionGuarantee::WritesFollowReads: {
      const QString author = seen ? words.who(*seen) : HistoryWitnesses::tr("its author");
      if (via) {
        return HistoryWitnesses::tr(
                   "%1 read %2 from %3 at %4, after it had read %5 at %6, which %7 wrote after reading %8 at %9.")
            .arg(who, what, node, when, words.subject(*because), words.at(because->complete_us), author,
                 words.subject(*via), words.at(via->complete_us));
      }
      return HistoryWitnesses::tr(
                 "%1 read %2 from %3 at %4, after it had read %5 at %6, which %7 wrote after reading %8.")
          .arg(who, what, node, when, words.subject(*because), words.at(because->complete_us), author,
               words.subject(*required));
    }
  }
  return {};
}

// "n1 and n3", "n1, n2 and n3".
QString name_list(const QStringList& names) {
  if (names.size() < 2) return names.join(QString());
  return HistoryWitnesses::tr("%1 and %2").arg(names.mid(0, names.size() - 1).join(QStringLiteral(", ")), names.back());
}

}  // namespace

QString HistoryWitnesses::seconds(sim::TimeUs us) {
  return tr("%1 s").arg(QLocale(current_language()).toString(static_cast<double>(us) / 1e6, 'f', 3));
}

std::vector<ShownWitness> HistoryWitnesses::linearizability(const sim::OpLog& ops, const check::OpHistory& history,
                                                            const check::LinearizabilityResult& result,
                                                            const QStringList& node_names,
                                                            const check::WitnessBudget& budget) {
  std::vector<ShownWitness> out;
  if (result.verdict != check::Verdict::NotLinearizable) return out;
  const OpIndex index(ops);
  const Words words(node_names);
  for (const check::Witness& w : check::find_witnesses(history, result, budget, kMaxKeys)) {
    ShownWitness shown;
    shown.kind = ShownWitness::Kind::Linearizability;
    std::vector<const Operation*> involved;
    for (const std::size_t i : w.ops) {
      if (const Operation* op = index.find(history.ops.at(i).id)) {
        involved.push_back(op);
        shown.op_ids.push_back(op->id);
      }
    }
    std::vector<const Operation*> named;
    for (const std::size_t i : w.named) {
      if (const Operation* op = index.find(history.ops.at(i).id)) named.push_back(op);
    }
    const QString key = QString::fromStdString(w.key);
    shown.title = w.ops.size() == 1
                      ? tr("Key %1: %2 (one operation)").arg(key, kind_title(w.kind))
                      : tr("Key %1: %2 (%3 operations)").arg(key, kind_title(w.kind), QString::number(w.ops.size()));
    shown.sentence = named.size() == w.named.size() ? lin_sentence(w, named, w.ops.size(), words) : QString();
    if (shown.sentence.isEmpty()) shown.sentence = QString::fromStdString(w.sentence);
    if (w.budget_exhausted) {
      shown.note = tr("Checked for %1 steps; this may not be the smallest set.")
                       .arg(QLocale(current_language()).toString(static_cast<qulonglong>(w.steps)));
    }
    shown.moment_us = moment_of(involved);
    shown.nodes = nodes_of(involved, words);
    out.push_back(std::move(shown));
  }
  return out;
}

std::vector<ShownWitness> HistoryWitnesses::sessions(const sim::OpLog& ops, const QStringList& node_names) {
  std::vector<ShownWitness> out;
  const OpIndex index(ops);
  const Words words(node_names);
  for (const check::SessionWitness& w : check::session_witnesses(ops, kMaxSessions)) {
    ShownWitness shown;
    shown.kind = ShownWitness::Kind::Session;
    std::vector<const Operation*> involved;
    for (const std::uint64_t id : w.op_ids) {
      if (const Operation* op = index.find(id)) {
        involved.push_back(op);
        shown.op_ids.push_back(id);
      }
    }
    const Operation* read = index.find(w.read_id);
    shown.sentence = session_sentence(w, index, words);
    if (shown.sentence.isEmpty()) shown.sentence = QString::fromStdString(w.sentence);
    shown.title = read ? tr("%1: client %2 at %3")
                             .arg(guarantee_label(w.guarantee), QString::number(words.clientNumber(*read)),
                                  words.at(read->invoke_us))
                       : guarantee_label(w.guarantee);
    // The moment the read came back with what it should not have.
    shown.moment_us = read && read->complete_us >= 0 ? read->complete_us : moment_of(involved);
    shown.nodes = nodes_of(involved, words);
    out.push_back(std::move(shown));
  }
  return out;
}

std::vector<sim::LeadingInterval> HistoryWitnesses::leadingIntervals(const std::vector<sim::TraceEvent>& events) {
  const auto leading = [](sim::Role r) { return r == sim::Role::Leader || r == sim::Role::Primary; };
  struct State {
    sim::Role role = sim::Role::None;
    std::int64_t term = 0;
  };
  std::map<sim::EndpointId, State> now;
  std::vector<sim::LeadingInterval> out;
  for (const sim::TraceEvent& e : events) {
    if (e.type != sim::TraceType::RoleChange) continue;
    const auto role = static_cast<sim::Role>(e.a);
    const std::int64_t term = e.b;
    State& s = now[e.node];
    if (leading(s.role) && (!leading(role) || s.term != term)) {
      for (auto it = out.rbegin(); it != out.rend(); ++it) {
        if (it->node == e.node && it->end_us == sim::kTimeNever) {
          it->end_us = e.time_us;
          break;
        }
      }
    }
    if (leading(role) && (!leading(s.role) || s.term != term))
      out.push_back({e.node, term, e.time_us, sim::kTimeNever});
    s = {role, term};
  }
  return out;
}

std::vector<ShownWitness> HistoryWitnesses::twoLeaders(const std::vector<sim::LeadingInterval>& intervals,
                                                       const QStringList& node_names) {
  std::vector<ShownWitness> out;
  const Words words(node_names);
  std::vector<std::string> core_names;
  for (const QString& n : node_names) core_names.push_back(n.toStdString());
  for (const check::TwoLeadersWitness& w : check::two_leaders_witnesses(intervals, core_names, kMaxTerms)) {
    ShownWitness shown;
    shown.kind = ShownWitness::Kind::TwoLeaders;
    QStringList who;
    QStringList spans;
    for (const sim::LeadingInterval& t : w.tenures) {
      const QString name = words.node(t.node);
      who << name;
      spans << (t.end_us == sim::kTimeNever
                    ? tr("%1 from %2 on").arg(name, Words::at(t.start_us))
                    : tr("%1 from %2 to %3").arg(name, Words::at(t.start_us), Words::at(t.end_us)));
    }
    const QString term = QString::number(w.term);
    const QString leaders = name_list(who);
    shown.title = tr("Two leaders in term %1: %2").arg(term, leaders);
    const QString all_spans = spans.join(QStringLiteral(", "));
    if (w.together_from_us < 0) {
      shown.sentence = who.size() == 2 ? tr("%1 both led in term %2: %3.").arg(leaders, term, all_spans)
                                       : tr("%1 all led in term %2: %3.").arg(leaders, term, all_spans);
    } else {
      const QString together = Words::at(w.together_from_us);
      shown.sentence =
          who.size() == 2
              ? tr("%1 both led in term %2: %3; both at once from %4.").arg(leaders, term, all_spans, together)
              : tr("%1 all led in term %2: %3; two at once from %4.").arg(leaders, term, all_spans, together);
    }
    shown.moment_us = w.together_from_us >= 0 ? w.together_from_us : w.tenures.back().start_us;
    shown.nodes = who;
    out.push_back(std::move(shown));
  }
  return out;
}

std::vector<ShownWitness> HistoryWitnesses::lostWrites(const sim::OpLog& ops,
                                                       const std::vector<std::uint64_t>& lost_ids,
                                                       const std::vector<sim::EndpointId>& acked_by,
                                                       const QStringList& node_names) {
  std::vector<ShownWitness> out;
  const OpIndex index(ops);
  const Words words(node_names);
  std::map<std::uint64_t, sim::EndpointId> acker;
  for (std::size_t i = 0; i < lost_ids.size() && i < acked_by.size(); ++i) {
    if (acked_by[i] != sim::kNoEndpoint) acker[lost_ids[i]] = acked_by[i];
  }
  std::vector<std::string> core_names;
  for (const QString& n : node_names) core_names.push_back(n.toStdString());
  for (const check::LostWriteWitness& w : check::lost_write_witnesses(ops, lost_ids, core_names, kMaxLostWrites)) {
    const Operation* op = index.find(w.op_id);
    if (!op) continue;
    ShownWitness shown;
    shown.kind = ShownWitness::Kind::LostWrite;
    const QString who = words.whoAtStart(*op);
    const QString what = words.subject(*op);
    const QString sent = Words::at(w.invoke_us);
    const QString acked = Words::at(w.acknowledged_us);
    shown.title = tr("Lost write: client %1, %2").arg(QString::number(words.clientNumber(*op)), what);
    const auto by = acker.find(w.op_id);
    if (w.node == sim::kNoEndpoint) {
      shown.sentence = tr("%1 wrote %2 at %3 and was told at %4 that it had succeeded, but the authoritative copy "
                          "of the data no longer holds it.")
                           .arg(who, what, sent, acked);
    } else if (by == acker.end() || by->second == w.node) {
      shown.sentence = tr("%1 wrote %2 through %3 at %4 and was told at %5 that it had succeeded, but the "
                          "authoritative copy of the data no longer holds it.")
                           .arg(who, what, words.node(w.node), sent, acked);
    } else {
      // The node it was sent to passed it on: the one that answered is the one that promised.
      shown.sentence = tr("%1 wrote %2 through %3 at %4 and was told by %5 at %6 that it had succeeded, but the "
                          "authoritative copy of the data no longer holds it.")
                           .arg(who, what, words.node(w.node), sent, words.node(by->second), acked);
    }
    shown.op_ids = {w.op_id};
    // The moment the client was promised it: what the run went on to break.
    shown.moment_us = w.acknowledged_us;
    if (by != acker.end()) {
      shown.nodes = {words.node(by->second)};
    } else {
      shown.nodes = nodes_of({op}, words);
    }
    out.push_back(std::move(shown));
  }
  return out;
}

std::vector<ShownWitness> HistoryWitnesses::all(const run::Figures& figures, const check::OpHistory& history,
                                                const check::LinearizabilityResult& result,
                                                const QStringList& node_names, bool one_leader_per_term,
                                                const check::WitnessBudget& budget) {
  std::vector<ShownWitness> out = linearizability(figures.history, history, result, node_names, budget);
  if (one_leader_per_term) {
    for (ShownWitness& w : twoLeaders(leadingIntervals(figures.events), node_names)) out.push_back(std::move(w));
  }
  for (ShownWitness& w : lostWrites(figures.history, figures.lost_write_ids, figures.lost_write_acked_by, node_names))
    out.push_back(std::move(w));
  for (ShownWitness& w : sessions(figures.history, node_names)) out.push_back(std::move(w));
  return out;
}

}  // namespace cs::ui
