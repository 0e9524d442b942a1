// Minimal witnesses of histories that are not linearizable: for every such fixture file, for the
// simulator's own histories and for thousands of random ones, the witness has no legal order and
// removing any one of its operations (with the reads that only it could explain) leaves one, as
// the checker itself says; the same input gives the same witness; a small budget says it ran out;
// and the sentence names the right operations and times.
#include <QtTest>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "check/history_formats.h"
#include "check/witness.h"
#include "sim/random.h"
#include "test_support.h"

using namespace cs::check;
using test::HistoryBuilder;
using test::nil;
using test::text;
using test::v;

namespace {

constexpr std::int64_t kSecond = 1'000'000;  // the builder's times are microseconds

Verdict verdict_of(const OpHistory& h, Model model, const std::vector<std::size_t>& ops) {
  return check_linearizability(sub_history(h, ops), model).verdict;
}

bool one_sentence(const std::string& s) { return !s.empty() && s.back() == '.' && s.find(". ") == std::string::npos; }

// The values `among` (indices, one key) can produce in some order, time aside, written
// independently of witness.cpp: nil at the start, every write's value, and a cas's new value once
// its expected value is possible (so a cas from 0 to 0 is no source of 0).
std::vector<Value> possible_values(const OpHistory& h, const std::string& key, const std::vector<std::size_t>& among) {
  std::vector<Value> values{Value::nil()};
  const auto known = [&](const Value& x) { return std::find(values.begin(), values.end(), x) != values.end(); };
  bool grew = true;
  while (grew) {
    grew = false;
    for (const std::size_t j : among) {
      const HistoryOp& op = h.ops[j];
      if (op.outcome == OpOutcome::Fail || op.key != key) continue;
      const bool makes = op.f == OpFunction::Write || (op.f == OpFunction::Cas && known(op.value));
      const Value& made = op.f == OpFunction::Cas ? op.new_value : op.value;
      if (makes && !known(made)) {
        values.push_back(made);
        grew = true;
      }
    }
  }
  return values;
}

// The operations a sentence's argument rests on: those it names and the writes of the values it
// speaks of (for a lost append, the puts too). The argument is sound only if these alone have no
// legal order, whatever else the witness holds.
std::vector<std::size_t> argument_ops(const OpHistory& h, const Witness& w) {
  std::vector<std::size_t> out;
  const auto add = [&](std::size_t i) {
    if (std::find(out.begin(), out.end(), i) == out.end()) out.push_back(i);
  };
  for (const std::size_t named : w.named) {
    add(named);
    if (h.ops[named].f == OpFunction::Append) continue;
    for (const std::size_t j : w.ops) {
      const HistoryOp& op = h.ops[j];
      const Value& x = h.ops[named].value;
      if ((op.f == OpFunction::Write && op.value == x) || (op.f == OpFunction::Cas && op.new_value == x)) add(j);
    }
  }
  if (w.kind == WitnessKind::LostAppend) {
    for (const std::size_t j : w.ops) {
      if (h.ops[j].f == OpFunction::Write) add(j);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

// "" when `w` is a minimal witness of `h` under `model`, else what is wrong. Besides asking the
// checker about every removal (remove_with_dependents), the register models are checked without
// it: dropping a single operation either leaves a linearizable history, or leaves a read (or cas)
// of a value that only the dropped operation wrote.
std::string verify_minimal(const OpHistory& h, Model model, const Witness& w) {
  if (w.budget_exhausted) return "the budget ran out: " + w.exhausted_reason;
  if (w.ops.empty()) return "no operations";
  if (verdict_of(h, model, w.ops) != Verdict::NotLinearizable) return "the witness is linearizable";
  for (const std::size_t i : w.ops) {
    if (h.ops[i].key != w.key) return "op " + std::to_string(h.ops[i].id) + " is of another key";
    if (h.ops[i].outcome == OpOutcome::Fail) return "a failed op is in the witness";
    if (verdict_of(h, model, remove_with_dependents(h, model, w.ops, i)) != Verdict::Linearizable) {
      return "still not linearizable without op " + std::to_string(h.ops[i].id);
    }
    if (model == Model::Kv) continue;
    std::vector<std::size_t> rest;
    for (const std::size_t j : w.ops) {
      if (j != i) rest.push_back(j);
    }
    if (verdict_of(h, model, rest) == Verdict::Linearizable) continue;
    const HistoryOp& gone = h.ops[i];
    if (gone.f == OpFunction::Read) return "dropping read " + std::to_string(gone.id) + " leaves no legal order";
    // Then dropping the write must have left a read (or cas) without any way to its value.
    const auto before = possible_values(h, w.key, w.ops);
    const auto after = possible_values(h, w.key, rest);
    const bool orphan = std::any_of(rest.begin(), rest.end(), [&](std::size_t j) {
      const HistoryOp& op = h.ops[j];
      const auto has = [&](const std::vector<Value>& list) {
        return std::find(list.begin(), list.end(), op.value) != list.end();
      };
      return op.outcome == OpOutcome::Ok && (op.f == OpFunction::Read || op.f == OpFunction::Cas) && has(before) &&
             !has(after);
    });
    if (!orphan) return "dropping op " + std::to_string(gone.id) + " leaves no legal order";
  }
  // Closed: a read (or cas) of a value the key's history could produce keeps a way to produce it
  // (a write of it, or a cas to it whose own expected value can be produced, from nil up).
  // Otherwise any read alone would be a "witness", for a reason the history does not have.
  if (model != Model::Kv) {
    std::vector<std::size_t> everything(h.ops.size());
    for (std::size_t j = 0; j < everything.size(); ++j) everything[j] = j;
    const auto in_history = possible_values(h, w.key, everything);
    const auto in_witness = possible_values(h, w.key, w.ops);
    for (const std::size_t i : w.ops) {
      const HistoryOp& op = h.ops[i];
      if (op.outcome != OpOutcome::Ok || op.f == OpFunction::Write) continue;
      const bool could = std::find(in_history.begin(), in_history.end(), op.value) != in_history.end();
      const bool can = std::find(in_witness.begin(), in_witness.end(), op.value) != in_witness.end();
      if (could && !can) return "op " + std::to_string(op.id) + " lost the way its value was written";
    }
  }
  const auto in_witness = [&](std::size_t i) {
    return i == kNoOp || std::find(w.ops.begin(), w.ops.end(), i) != w.ops.end();
  };
  if (!in_witness(w.blocking) || !in_witness(w.conflicting) ||
      !std::all_of(w.named.begin(), w.named.end(), in_witness)) {
    return "the sentence names an op outside the witness";
  }
  const auto named = [&](std::size_t i) {
    return i == kNoOp || std::find(w.named.begin(), w.named.end(), i) != w.named.end();
  };
  if (!named(w.blocking) || !named(w.conflicting)) return "the blocking or conflicting op is not named";
  if (!one_sentence(w.sentence)) return "not one sentence: " + w.sentence;
  if (w.kind != WitnessKind::NoOrder && verdict_of(h, model, argument_ops(h, w)) != Verdict::NotLinearizable) {
    return "the argument of \"" + w.sentence + "\" does not hold on its own";
  }
  return "";
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

Model model_of(const OpHistory& h) { return h.model_name ? *model_from_name(*h.model_name) : infer_model(h); }

// N crashed writes open from the start, then one process reads 1, 2, ..., N and 1 again (as in
// test_linearizability.cpp): proving it wrong takes about 2^N steps.
HistoryBuilder exponential_history(int n) {
  HistoryBuilder b;
  for (int i = 1; i <= n; ++i) b.crashed_write(i, v(i), 0);
  std::int64_t t = 10;
  for (int i = 1; i <= n; ++i, t += 10) b.read(0, v(i), t, t + 5);
  b.read(0, v(1), t, t + 5);
  return b;
}

// A shape the look-ahead does not shorten: n writes all at once, then reads of 1, 2 and 1 again,
// which no order allows (1 was written once). Only writes 1 and 2 matter, but every subset of the
// others, each with its last write, is a state the search must try: about n 2^n steps to refute.
HistoryBuilder concurrent_writes_history(int n) {
  HistoryBuilder b;
  for (int i = 1; i <= n; ++i) b.write(i, v(i), 0, 1000);
  b.read(0, v(1), 1010, 1015).read(0, v(2), 1020, 1025).read(0, v(1), 1030, 1035);
  return b;
}

// Rewrites the results as a real register would give them, each operation taking effect at a
// random instant inside its interval (a crashed one at a random instant after its invocation, or
// never); a cas that finds another value fails. Then one read is turned back to a value its key
// held earlier (or nil): the subtle violations, where every value read was really written.
void make_plausible(cs::sim::Random& rng, Model model, OpHistory& h) {
  std::vector<std::pair<std::int64_t, std::size_t>> effects;  // (instant, op)
  for (std::size_t i = 0; i < h.ops.size(); ++i) {
    const HistoryOp& op = h.ops[i];
    if (op.outcome == OpOutcome::Fail) continue;
    if (op.outcome == OpOutcome::Info) {
      if (rng.chance(0.5)) effects.emplace_back(op.invoke_time + rng.between(0, 10), i);
      continue;
    }
    effects.emplace_back(rng.between(op.invoke_time, op.complete_time), i);
  }
  std::sort(effects.begin(), effects.end());
  std::map<std::string, Value> state;
  std::map<std::string, std::vector<Value>> held;  // per key, every value it had, nil first
  for (const auto& [instant, i] : effects) {
    HistoryOp& op = h.ops[i];
    Value& s = state[op.key];
    auto& history = held[op.key];
    if (history.empty()) history.push_back(Value::nil());
    switch (op.f) {
      case OpFunction::Read: op.value = s; break;
      case OpFunction::Write: s = op.value; break;
      case OpFunction::Cas:
        if (test::reference_step(model, op, s)) {
          s = op.new_value;
        } else if (op.outcome == OpOutcome::Ok) {
          op.outcome = OpOutcome::Fail;
        }
        break;
      case OpFunction::Append: s = *test::reference_step(model, op, s); break;
    }
    if (op.f != OpFunction::Read) history.push_back(s);
  }
  std::vector<std::size_t> reads;
  for (std::size_t i = 0; i < h.ops.size(); ++i) {
    if (h.ops[i].f == OpFunction::Read && h.ops[i].outcome == OpOutcome::Ok) reads.push_back(i);
  }
  if (reads.empty() || rng.chance(0.3)) return;
  HistoryOp& read = h.ops[reads[rng.below(reads.size())]];
  const auto& values = held[read.key];
  if (!values.empty()) read.value = values[rng.below(values.size())];
}

// Jepsen's hard shape, small: a few writes that crash at once, then one process reading, one
// read after another. Only the reads order the writes.
OpHistory crashed_writes_then_reads(cs::sim::Random& rng) {
  HistoryBuilder b;
  const auto writes = rng.between(1, 3);
  for (std::int64_t i = 1; i <= writes; ++i) b.crashed_write(i, v(rng.between(0, 2)), rng.between(0, 2), "x");
  std::int64_t t = 10;
  for (auto reads = rng.between(2, 5); reads > 0; --reads, t += 10) {
    b.read(0, rng.chance(0.2) ? nil() : v(rng.between(0, 2)), t, t + 5, OpOutcome::Ok, "x");
  }
  return b.history();
}

// Up to 8 operations of up to 3 processes on one or two keys, over a tiny value domain, with
// crashes and failures: most are not linearizable, in every way the models allow.
OpHistory random_history(cs::sim::Random& rng, Model model) {
  OpHistory h;
  const auto processes = static_cast<std::size_t>(rng.between(1, 3));
  std::vector<std::int64_t> free_at(processes, 0);
  // As in Jepsen, a process whose operation crashed is replaced by a new one (a new number).
  std::vector<std::int64_t> number(processes);
  for (std::size_t p = 0; p < processes; ++p) number[p] = static_cast<std::int64_t>(p);
  const auto count = rng.between(2, 8);
  // A quarter of the histories crash half their writes: values with no place in time, where
  // only the reads order anything.
  const bool crashy = rng.chance(0.25);
  const auto value = [&](bool allow_nil) {
    if (allow_nil && rng.chance(0.2)) return Value::nil();
    if (model == Model::Kv) {
      static const char* const kTexts[] = {"a", "b", "ab"};
      return Value::of_text(kTexts[rng.below(3)]);
    }
    return Value::of(rng.between(0, 2));
  };
  for (std::int64_t n = 0; n < count; ++n) {
    const auto p = static_cast<std::size_t>(rng.below(processes));
    HistoryOp op;
    op.id = h.ops.size() + 1;
    op.process = number[p];
    op.key = rng.chance(0.8) ? "x" : "y";
    const auto kind = rng.below(3);
    op.f = kind == 0                     ? OpFunction::Read
           : kind == 1                   ? OpFunction::Write
           : model == Model::CasRegister ? OpFunction::Cas
           : model == Model::Kv          ? OpFunction::Append
                                         : OpFunction::Read;
    op.value = value(op.f == OpFunction::Read || op.f == OpFunction::Cas);
    if (op.f == OpFunction::Cas) op.new_value = value(false);
    op.invoke_time = free_at[p] + rng.between(0, 3);
    op.complete_time = op.invoke_time + rng.between(0, 6);
    const double roll = rng.unit();
    op.outcome = roll < 0.75 ? OpOutcome::Ok : roll < 0.9 ? OpOutcome::Info : OpOutcome::Fail;
    if (crashy && op.f != OpFunction::Read) op.outcome = roll < 0.5 ? OpOutcome::Info : OpOutcome::Ok;
    if (op.outcome == OpOutcome::Info) {
      op.complete_time = kNoTime;
      number[p] += static_cast<std::int64_t>(processes);
    }
    free_at[p] = (op.outcome == OpOutcome::Info ? op.invoke_time : op.complete_time) + 1;
    h.ops.push_back(std::move(op));
  }
  if (rng.chance(0.5)) make_plausible(rng, model, h);
  return h;
}

}  // namespace

class TestWitness : public QObject {
  Q_OBJECT

 private slots:
  // ---- minimal, as the checker says -----------------------------------------------------------
  void everyFixtureThatIsNotLinearizableHasAMinimalWitness() {
    const std::filesystem::path dir = QT_TESTCASE_SOURCEDIR "/check";
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      const auto ext = entry.path().extension();
      if (ext == ".json" || ext == ".log") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    int explained = 0;
    for (const auto& path : files) {
      OpHistory h;
      try {
        h = read_history(read_file(path));
      } catch (const HistoryFormatError&) {
        continue;  // the malformed fixtures
      }
      const Model model = model_of(h);
      CheckBudget budget;
      budget.max_steps = 5'000'000;  // exponential.log stays unknown: it has no verdict to explain
      const auto result = check_linearizability(h, model, budget);
      if (result.verdict != Verdict::NotLinearizable) continue;
      const auto witnesses = find_witnesses(h, result);
      QVERIFY2(!witnesses.empty(), path.string().c_str());
      for (const Witness& w : witnesses) {
        const std::string problem = verify_minimal(h, model, w);
        QVERIFY2(problem.empty(), (path.filename().string() + ": " + problem).c_str());
      }
      ++explained;
    }
    // register-stale-read.json, kv-lost-append.json, cas-both-won.log, at least.
    QVERIFY2(explained >= 3, std::to_string(explained).c_str());
  }

  void theSimulatorsHistoriesHaveMinimalWitnesses() {
    for (const char* id : {"async-lag-stale-read", "monotonic-violation", "ryw-violation", "split-brain-unfenced",
                           "quorum-weak", "cache-aside"}) {
      const auto scenario = test::builtin(id);
      const auto sim = test::run(scenario);
      const OpHistory h = from_sim_history(sim->world().history());
      const auto result = check_linearizability(h, Model::Register);
      QVERIFY2(result.verdict == Verdict::NotLinearizable, id);
      const auto witnesses = find_witnesses(h, result);
      QVERIFY2(!witnesses.empty(), id);
      for (const Witness& w : witnesses) {
        const std::string problem = verify_minimal(h, Model::Register, w);
        QVERIFY2(problem.empty(), (std::string(id) + " key " + w.key + ": " + problem).c_str());
        // A run's witness is small: a few operations out of hundreds.
        QVERIFY2(w.ops.size() <= 6, (std::string(id) + ": " + std::to_string(w.ops.size())).c_str());
      }
    }
  }

  void randomHistoriesHaveMinimalWitnesses() {
    int explained = 0;
    std::map<WitnessKind, int> kinds;
    for (const Model model : {Model::Register, Model::CasRegister, Model::Kv}) {
      cs::sim::Random rng(0x5eed + static_cast<std::uint64_t>(model));
      for (int n = 0; n < 3000; ++n) {
        const OpHistory h = n % 10 == 0 ? crashed_writes_then_reads(rng) : random_history(rng, model);
        const auto result = check_linearizability(h, model);
        if (result.verdict != Verdict::NotLinearizable) continue;
        for (const Witness& w : find_witnesses(h, result)) {
          const std::string problem = verify_minimal(h, model, w);
          if (!problem.empty()) {
            std::string ops;
            for (const auto& op : h.ops)
              ops += describe(op) + " [" + std::to_string(op.invoke_time) + ", " + std::to_string(op.complete_time) +
                     "]; ";
            QFAIL((std::string(to_string(model)) + ": " + problem + " in " + ops).c_str());
          }
          ++explained;
          ++kinds[w.kind];
        }
      }
    }
    QVERIFY2(explained > 1000, std::to_string(explained).c_str());
    // Every argument has been put to the test above.
    for (const WitnessKind kind :
         {WitnessKind::NeverWritten, WitnessKind::ReadBeforeWrite, WitnessKind::StaleRead, WitnessKind::ReadGoesBack,
          WitnessKind::ValueCameBack, WitnessKind::CasBothSucceeded, WitnessKind::LostAppend, WitnessKind::NoOrder}) {
      QVERIFY2(kinds[kind] > 0, std::string(to_string(kind)).c_str());
    }
  }

  void removingAWriteTakesTheReadsOnlyItExplains() {
    HistoryBuilder b;
    b.write(1, v(1), 0, 10).write(1, v(2), 20, 30).read(2, v(1), 40, 50).read(3, v(7), 60, 70);
    const OpHistory& h = b.history();
    const std::vector<std::size_t> all{0, 1, 2, 3};
    // Read 1 goes with the only write of 1; read 7 had no source to begin with, so it stays.
    QCOMPARE(remove_with_dependents(h, Model::Register, all, 0), (std::vector<std::size_t>{1, 3}));
    QCOMPARE(remove_with_dependents(h, Model::Register, all, 1), (std::vector<std::size_t>{0, 2, 3}));
    QCOMPARE(remove_with_dependents(h, Model::Register, all, 2), (std::vector<std::size_t>{0, 1, 3}));

    // A cas needs its expected value: removing the write of 0 takes the cas, and then the read
    // of what the cas wrote.
    HistoryBuilder c;
    c.write(1, v(0), 0, 10).cas(2, v(0), v(1), 20, 30).read(3, v(1), 40, 50);
    QCOMPARE(remove_with_dependents(c.history(), Model::CasRegister, {0, 1, 2}, 0), std::vector<std::size_t>{});

    // kv: "ab" needs the append of "b" (a put then appends), not the put of "x".
    HistoryBuilder k;
    k.write(1, text("a"), 0, 10).append(2, text("b"), 20, 30).read(3, text("ab"), 40, 50).write(4, text("x"), 60, 70);
    QCOMPARE(remove_with_dependents(k.history(), Model::Kv, {0, 1, 2, 3}, 1), (std::vector<std::size_t>{0, 3}));
    QCOMPARE(remove_with_dependents(k.history(), Model::Kv, {0, 1, 2, 3}, 3), (std::vector<std::size_t>{0, 1, 2}));
  }

  // ---- deterministic, within budget ----------------------------------------------------------
  void theSameHistoryGivesTheSameWitness() {
    const auto scenario = test::builtin("connection-pooling");
    const auto sim = test::run(scenario);
    const OpHistory h = from_sim_history(sim->world().history());
    const auto result = check_linearizability(h, Model::Register);
    const auto first = find_witnesses(h, result);
    QVERIFY(!first.empty());
    // A wall-clock budget that does not run out changes nothing: the steps decide.
    WitnessBudget timed;
    timed.max_time_ns = std::int64_t{3600} * 1'000'000'000;
    std::int64_t fake_now = 0;
    timed.now_ns = [&fake_now] { return fake_now += 1000; };
    for (const auto& again : {find_witnesses(h, result), find_witnesses(h, result, timed)}) {
      QCOMPARE(again.size(), first.size());
      for (std::size_t k = 0; k < first.size(); ++k) {
        QCOMPARE(again[k].ops, first[k].ops);
        QCOMPARE(again[k].sentence, first[k].sentence);
        QCOMPARE(again[k].steps, first[k].steps);
        QCOMPARE(again[k].checks, first[k].checks);
      }
    }
  }

  void aTinyStepBudgetSaysItRanOut() {
    const OpHistory h = read_history(read_file(QT_TESTCASE_SOURCEDIR "/check/register-stale-read.json"));
    WitnessBudget budget;
    budget.max_steps = 1;
    const Witness w = find_witness(h, Model::Register, "1", budget);
    QVERIFY(w.budget_exhausted);
    QCOMPARE(w.exhausted_reason, std::string("step budget"));
    // Nothing could be removed: all of key 1, which is still not linearizable, and explained.
    QCOMPARE(w.ops, (std::vector<std::size_t>{0, 1, 2}));
    QCOMPARE(verdict_of(h, Model::Register, w.ops), Verdict::NotLinearizable);
    QCOMPARE(w.kind, WitnessKind::StaleRead);
    // With the default budget it is minimal: the same three operations, here.
    const Witness full = find_witness(h, Model::Register, "1");
    QVERIFY(!full.budget_exhausted);
    QVERIFY(full.exhausted_reason.empty());
  }

  void aTinyTimeBudgetSaysItRanOut() {
    const OpHistory h = read_history(read_file(QT_TESTCASE_SOURCEDIR "/check/cas-both-won.log"));
    const auto result = check_linearizability(h, Model::CasRegister);
    WitnessBudget budget;
    budget.max_time_ns = 1;
    std::int64_t fake_now = 0;
    budget.now_ns = [&fake_now] { return fake_now += 1'000'000; };  // every look costs a millisecond
    const auto witnesses = find_witnesses(h, result, budget);
    QCOMPARE(witnesses.size(), std::size_t{1});
    QVERIFY(witnesses[0].budget_exhausted);
    QCOMPARE(witnesses[0].exhausted_reason, std::string("time budget"));
    QCOMPARE(witnesses[0].ops.size(), std::size_t{4});  // the whole register: nothing was tried
  }

  void aCheckTooHardForItsCapLeavesTheWitnessNotMinimal() {
    // The whole of this history takes about 10 x 2^10 steps to refute; with at most 50 per check
    // the larger subsets stay undecided, so operations stay in that might have gone.
    const HistoryBuilder b = concurrent_writes_history(10);
    const auto result = check_linearizability(b.history(), Model::Register);
    QCOMPARE(result.verdict, Verdict::NotLinearizable);
    WitnessBudget capped;
    capped.max_steps_per_check = 50;
    const auto w = find_witnesses(b.history(), result, capped);
    QCOMPARE(w.size(), std::size_t{1});
    QVERIFY(w[0].budget_exhausted);
    QCOMPARE(w[0].exhausted_reason, std::string("step budget"));
    QCOMPARE(verdict_of(b.history(), Model::Register, w[0].ops), Verdict::NotLinearizable);
    QVERIFY(w[0].ops.size() > 4);
    // Without the cap: writes 1 and 2 and the reads of 1 and then 2 (both writes had finished
    // before either read began, so the two reads cannot differ).
    const auto full = find_witnesses(b.history(), result);
    QCOMPARE(verify_minimal(b.history(), Model::Register, full[0]), std::string());
    QCOMPARE(full[0].ops, (std::vector<std::size_t>{0, 1, 10, 11}));
  }

  void aCheckBudgetBoundsHowManyHistoriesAreTried() {
    const OpHistory h = read_history(read_file(QT_TESTCASE_SOURCEDIR "/check/register-stale-read.json"));
    WitnessBudget budget;
    budget.max_checks = 2;
    const auto w = find_witnesses(h, check_linearizability(h, Model::Register), budget);
    QCOMPARE(w.size(), std::size_t{1});
    QCOMPARE(w[0].checks, std::size_t{2});
    QVERIFY(w[0].budget_exhausted);
    QCOMPARE(w[0].exhausted_reason, std::string("check budget"));
  }

  void aLinearizableKeyIsRefused() {
    HistoryBuilder b;
    b.write(1, v(1), 0, 10).read(2, v(1), 20, 30);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, find_witness(b.history(), Model::Register, ""));
    // 1 is written twice: without the second write the read would be stale, but the whole key is
    // linearizable, so no witness may be made of its parts.
    HistoryBuilder twice;
    twice.write(1, v(1), 0, 10).write(2, v(2), 20, 30).write(3, v(1), 40, 50).read(4, v(1), 60, 70);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, find_witness(twice.history(), Model::Register, ""));
  }

  // ---- the sentence --------------------------------------------------------------------------
  void staleReadNamesTheReadTheNewerWriteAndTheirTimes() {
    const OpHistory h = read_history(read_file(QT_TESTCASE_SOURCEDIR "/check/register-stale-read.json"));
    const auto witnesses = find_witnesses(h, check_linearizability(h, Model::Register));
    QCOMPARE(witnesses.size(), std::size_t{1});
    const Witness& w = witnesses[0];
    QCOMPARE(w.key, std::string("1"));
    QCOMPARE(w.ops, (std::vector<std::size_t>{0, 1, 2}));  // the unrelated crashed write of key 2 is not in it
    QCOMPARE(w.kind, WitnessKind::StaleRead);
    QCOMPARE(h.ops[w.blocking].id, std::uint64_t{3});
    QCOMPARE(h.ops[w.conflicting].id, std::uint64_t{2});
    QCOMPARE(w.sentence, std::string("client 6 read key 1 = 5000001 at 0.020 s, after the write key 1 = 5000002 had "
                                     "completed at 0.018 s, which began after the write key 1 = 5000001 had "
                                     "completed at 0.009 s."));
    QCOMPARE(witness_op_line(h, w.ops[2]),
             std::string("op 3: client 6, ok, read 5000001, invoked 0.020 s, completed 0.022 s"));
  }

  void jepsenLogsSpeakOfProcessesAndLines() {
    const OpHistory h = read_history(read_file(QT_TESTCASE_SOURCEDIR "/check/cas-both-won.log"));
    const auto w = find_witnesses(h, check_linearizability(h, Model::CasRegister));
    QCOMPARE(w.size(), std::size_t{1});
    QCOMPARE(w[0].kind, WitnessKind::CasBothSucceeded);
    QCOMPARE(w[0].ops.size(), std::size_t{3});  // the write of 0 and both cas: the read is not needed
    QCOMPARE(h.ops[w[0].blocking].id, std::uint64_t{3});
    QCOMPARE(h.ops[w[0].conflicting].id, std::uint64_t{2});
    QCOMPARE(w[0].sentence, std::string("process 1's cas from 0 to 1 and process 2's cas from 0 to 2 both succeeded "
                                        "(returning at line 5 and line 6), but 0 was written only once."));
    QCOMPARE(witness_op_line(h, w[0].ops[1]),
             std::string("op 2: process 1, ok, cas 0 -> 1, invoked line 3, completed line 5"));
  }

  void lostAppendNamesTheMissingAppend() {
    const OpHistory h = read_history(read_file(QT_TESTCASE_SOURCEDIR "/check/kv-lost-append.json"));
    const auto w = find_witnesses(h, check_linearizability(h, Model::Kv));
    QCOMPARE(w.size(), std::size_t{1});
    QCOMPARE(w[0].kind, WitnessKind::LostAppend);
    QCOMPARE(w[0].ops.size(), std::size_t{4});
    QCOMPARE(h.ops[w[0].conflicting].id, std::uint64_t{2});
    QCOMPARE(w[0].sentence, std::string("client 1 read key cart = \"milk,tea,\" at 0.000060 s, after the append of "
                                        "\"eggs,\" to key cart had completed at 0.000030 s."));
  }

  void nilAfterACompletedWriteIsStale() {
    HistoryBuilder b;
    b.write(1, v(1), 0, kSecond, OpOutcome::Ok, "x").read(2, nil(), 2 * kSecond, 3 * kSecond, OpOutcome::Ok, "x");
    const Witness w = find_witness(b.history(), Model::Register, "x");
    QCOMPARE(w.kind, WitnessKind::StaleRead);
    QCOMPARE(w.sentence,
             std::string("client 2 read key x = nil at 2.000 s, after the write key x = 1 had completed at 1.000 s."));
  }

  void aReadThatReturnsBeforeItsWriteBegins() {
    HistoryBuilder b;
    b.read(1, v(1), 0, kSecond).write(2, v(1), 2 * kSecond, 3 * kSecond);
    const Witness w = find_witness(b.history(), Model::Register, "");
    QCOMPARE(w.kind, WitnessKind::ReadBeforeWrite);
    QCOMPARE(w.ops.size(), std::size_t{2});
    QCOMPARE(w.sentence, std::string("client 1 read 1, returning at 1.000 s, before the write of 1 began at 2.000 s."));
  }

  void aValueNobodyWrote() {
    HistoryBuilder b;
    b.write(1, v(1), 0, kSecond).read(2, v(7), 2 * kSecond, 3 * kSecond);
    const Witness w = find_witness(b.history(), Model::Register, "");
    QCOMPARE(w.kind, WitnessKind::NeverWritten);
    QCOMPARE(w.ops, std::vector<std::size_t>{1});  // the write of 1 has nothing to do with it
    QCOMPARE(w.sentence, std::string("client 2 read 7 at 2.000 s, a value that no operation wrote."));
  }

  void aReadGoesBackAfterAnotherSawTheNewValue() {
    // The write of 2 is still running when client 4 reads, but client 3 had already seen 2.
    HistoryBuilder b;
    b.write(1, v(1), 0, kSecond, OpOutcome::Ok, "x")
        .write(2, v(2), 2 * kSecond, 10 * kSecond, OpOutcome::Ok, "x")
        .read(3, v(2), 3 * kSecond, 4 * kSecond, OpOutcome::Ok, "x")
        .read(4, v(1), 5 * kSecond, 6 * kSecond, OpOutcome::Ok, "x");
    const Witness w = find_witness(b.history(), Model::Register, "x");
    QCOMPARE(w.ops.size(), std::size_t{4});
    QCOMPARE(w.kind, WitnessKind::ReadGoesBack);
    QCOMPARE(w.blocking, std::size_t{3});
    QCOMPARE(w.conflicting, std::size_t{2});
    QCOMPARE(w.sentence, std::string("client 4 read key x = 1 at 5.000 s, after client 3 had read key x = 2, "
                                     "returning at 4.000 s, and the write key x = 2 began after the write key x = 1 "
                                     "had completed at 1.000 s."));
  }

  void aValueComesBackThatWasWrittenOnce() {
    // Crashed writes have no place in time, so no argument about their order holds; but 1, then
    // 2, then 1 again needs two writes of 1.
    OpHistory h = exponential_history(2).history();
    h.time_unit = "line";
    h.process_noun = "process";
    const Witness w = find_witness(h, Model::Register, "");
    QCOMPARE(w.ops.size(), std::size_t{5});
    QCOMPARE(w.kind, WitnessKind::ValueCameBack);
    QCOMPARE(w.blocking, std::size_t{4});
    QCOMPARE(w.conflicting, std::size_t{3});
    QCOMPARE(w.sentence, std::string("process 0 read 1 at line 30, after process 0 had read 2, returning at line 25, "
                                     "and process 0 had read 1 before that, returning at line 15, but 1 was written "
                                     "only once."));
  }

  void aCrashedCasCanBeTheNewerWrite() {
    // The crashed cas from 1 to 2 may have taken effect (client 3 saw 2), and it began after the
    // write of 1 had completed: 1 cannot come back.
    HistoryBuilder b;
    b.write(1, v(1), 0, 10)
        .cas(2, v(1), v(2), 20, kNoTime, OpOutcome::Info)
        .read(3, v(2), 30, 40)
        .read(4, v(1), 50, 60)
        .read(5, v(2), 70, 80);
    const Witness w = find_witness(b.history(), Model::CasRegister, "");
    QCOMPARE(verify_minimal(b.history(), Model::CasRegister, w), std::string());
    QCOMPARE(w.kind, WitnessKind::ReadGoesBack);
    QCOMPARE(w.ops, (std::vector<std::size_t>{0, 1, 2, 3}));
    QCOMPARE(w.sentence, std::string("client 4 read 1 at 0.000050 s, after client 3 had read 2, returning at "
                                     "0.000040 s, and the cas from 1 to 2 began after the write of 1 had completed at "
                                     "0.000010 s."));
  }

  void withoutASimplerArgumentTheSentenceNamesTheOpThatCannotBePlaced() {
    // "aa" needs two appends of "a"; there is one, and it crashed. No argument above is about
    // counting appends.
    HistoryBuilder b;
    b.append(2, text("a"), 0, kNoTime, OpOutcome::Info, "k").read(1, text("aa"), 10, 20, OpOutcome::Ok, "k");
    const Witness w = find_witness(b.history(), Model::Kv, "k");
    QCOMPARE(verify_minimal(b.history(), Model::Kv, w), std::string());
    QCOMPARE(w.kind, WitnessKind::NoOrder);
    QCOMPARE(w.ops.size(), std::size_t{2});
    QCOMPARE(w.blocking, std::size_t{1});
    QCOMPARE(w.sentence,
             std::string("client 1 read key k = \"aa\" at 0.000010 s, but no order of these 2 operations allows it."));
  }

  void timesReadAsTheHistoryCountsThem() {
    QCOMPARE(time_text(4'200'000, "us"), std::string("4.200 s"));
    QCOMPARE(time_text(19'279'058, "us"), std::string("19.279058 s"));
    QCOMPARE(time_text(7, "line"), std::string("line 7"));
    QCOMPARE(time_text(12, "ms"), std::string("12 ms"));
    QCOMPARE(time_text(kNoTime, "us"), std::string("never"));
    QCOMPARE(to_string(WitnessKind::CasBothSucceeded), std::string_view("both cas succeeded"));
  }
};

QTEST_GUILESS_MAIN(TestWitness)
#include "test_witness.moc"
