// The checker against brute force: for thousands of random histories of up to 8 operations, the
// verdict must equal that of plain enumeration of every order (no memo, no cleverness), and the
// evidence must hold up: a linearizable verdict's order is a legal linearization, and a "not
// linearizable" verdict's prefix is legal and no stuck operation can follow it.
#include <QtTest>

#include <functional>

#include "sim/random.h"
#include "test_support.h"

using namespace cs::check;
using test::reference_step;
using test::verify_order;

namespace {

constexpr int kHistoriesPerModel = 4'000;  // three models: 12,000 in all
constexpr std::int64_t kCrashed = -1;      // in free_at: the process crashed

// Every order of the operations that respects real time, each crashed operation either placed
// (taking effect then) or left out (never taking effect). The state is the whole map, so this also
// checks that splitting per key loses nothing.
bool brute_force_linearizable(const OpHistory& h, Model model) {
  std::vector<const HistoryOp*> ops;
  for (const auto& op : h.ops) {
    if (op.outcome != OpOutcome::Fail) ops.push_back(&op);
  }
  const std::size_t n = ops.size();
  std::vector<unsigned> must_follow(n, 0);  // bit j: op j completed before op i was invoked
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < n; ++j) {
      if (test::precedes(*ops[j], *ops[i])) must_follow[i] |= 1u << j;
    }
  }
  unsigned ok_mask = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (ops[i]->outcome == OpOutcome::Ok) ok_mask |= 1u << i;
  }
  std::map<std::string, Value> state;
  std::function<bool(unsigned)> place = [&](unsigned placed) {
    if ((placed & ok_mask) == ok_mask) return true;
    for (std::size_t i = 0; i < n; ++i) {
      if ((placed >> i) & 1u) continue;
      // A crashed operation left out does not hold back what came after it.
      unsigned needed = must_follow[i] & ok_mask;
      if ((needed & placed) != needed) continue;
      const Value before = state[ops[i]->key];
      const auto after = reference_step(model, *ops[i], before);
      if (!after) continue;
      state[ops[i]->key] = *after;
      const bool found = place(placed | (1u << i));
      state[ops[i]->key] = before;
      if (found) return true;
    }
    return false;
  };
  return place(0);
}

Value random_value(cs::sim::Random& rng, Model model, bool allow_nil) {
  if (allow_nil && rng.chance(0.15)) return Value::nil();
  if (model != Model::Kv) return Value::of(rng.between(0, 2));
  static const char* const kTexts[] = {"a", "b", "ab", "ba", "aa"};
  return Value::of_text(kTexts[rng.below(std::size(kTexts))]);
}

// A random history: 1..4 processes, up to 8 operations on a small value domain, with ties,
// crashes and failures. Half of them are made plausible (a real register produces the results at
// random instants inside each operation), then maybe corrupted, so that both verdicts are common.
OpHistory random_history(cs::sim::Random& rng, Model model) {
  const auto processes = static_cast<std::int64_t>(rng.between(1, 4));
  const auto count = static_cast<std::size_t>(rng.between(1, 8));
  const bool plausible = rng.chance(0.5);
  std::vector<std::int64_t> free_at(static_cast<std::size_t>(processes), 0);
  OpHistory h;
  std::vector<std::int64_t> effect_at;  // per op; -1: no effect
  for (std::size_t i = 0; i < count; ++i) {
    HistoryOp op;
    op.id = i + 1;
    std::vector<std::int64_t> alive;  // a crashed process issues nothing more
    for (std::int64_t p = 0; p < processes; ++p) {
      if (free_at[static_cast<std::size_t>(p)] != kCrashed) alive.push_back(p);
    }
    if (alive.empty()) break;
    op.process = alive[rng.below(alive.size())];
    op.key = model == Model::Kv && rng.chance(0.3) ? "other" : "";
    const auto pick = rng.below(model == Model::Register ? 2 : 3);
    op.f = pick == 0   ? OpFunction::Read
           : pick == 1 ? OpFunction::Write
                       : (model == Model::CasRegister ? OpFunction::Cas : OpFunction::Append);
    op.value = random_value(rng, model, op.f == OpFunction::Read);
    if (op.f == OpFunction::Cas) op.new_value = random_value(rng, model, false);
    auto& free = free_at[static_cast<std::size_t>(op.process)];
    op.invoke_time = free + rng.between(0, 3);
    op.complete_time = op.invoke_time + rng.between(0, 6);
    free = op.complete_time;
    const double fate = rng.unit();
    op.outcome = fate < 0.15 ? OpOutcome::Info : fate < 0.22 ? OpOutcome::Fail : OpOutcome::Ok;
    std::int64_t effect = rng.between(op.invoke_time, op.complete_time);
    if (op.outcome == OpOutcome::Info) {
      op.complete_time = kNoTime;
      free = kCrashed;
      effect = rng.chance(0.5) ? op.invoke_time + rng.between(0, 12) : -1;
    }
    if (op.outcome == OpOutcome::Fail) effect = -1;
    effect_at.push_back(effect);
    h.ops.push_back(std::move(op));
  }
  if (!plausible) return h;
  std::vector<std::size_t> by_effect;
  for (std::size_t i = 0; i < h.ops.size(); ++i) {
    if (effect_at[i] >= 0) by_effect.push_back(i);
  }
  std::stable_sort(by_effect.begin(), by_effect.end(),
                   [&](std::size_t a, std::size_t b) { return effect_at[a] < effect_at[b]; });
  std::map<std::string, Value> state;
  for (const std::size_t i : by_effect) {
    HistoryOp& op = h.ops[i];
    Value& s = state[op.key];
    if (op.f == OpFunction::Read) {
      op.value = s;
    } else if (const auto next = reference_step(model, op, s)) {
      s = *next;
    } else if (op.outcome == OpOutcome::Ok) {
      op.outcome = OpOutcome::Fail;  // a cas that found another value failed
    }
  }
  if (rng.chance(0.3)) {
    HistoryOp& victim = h.ops[rng.below(h.ops.size())];
    if (victim.f == OpFunction::Read) victim.value = random_value(rng, model, true);
  }
  return h;
}

struct Tally {
  int linearizable = 0;
  int not_linearizable = 0;
};

void cross_check(Model model, std::uint64_t seed, Tally& tally) {
  cs::sim::Random rng(seed);
  for (int n = 0; n < kHistoriesPerModel; ++n) {
    const OpHistory h = random_history(rng, model);
    const bool expected = brute_force_linearizable(h, model);
    const LinearizabilityResult r = check_linearizability(h, model);
    const auto context = [&] {
      std::string s = std::string(to_string(model)) + " history " + std::to_string(n) + ":";
      for (const auto& op : h.ops) {
        s += "\n  " + describe(op) + " [" + std::to_string(op.invoke_time) + ", " + std::to_string(op.complete_time) +
             "]";
      }
      return s;
    };
    QVERIFY2(r.verdict != Verdict::Unknown, context().c_str());
    QVERIFY2((r.verdict == Verdict::Linearizable) == expected, context().c_str());
    for (const KeyResult& k : r.keys) {
      Value final_value;
      const bool linearizable = k.verdict == Verdict::Linearizable;
      const std::string problem = verify_order(h, model, k.key, k.order, linearizable, &final_value);
      QVERIFY2(problem.empty(), (problem + "\n" + context()).c_str());
      QVERIFY2(final_value == k.value_after_order, context().c_str());
      if (linearizable) continue;
      // Every stuck operation is a completed one of this key, not in the prefix, that the model
      // refuses right after it; the blocking one is among them.
      QVERIFY2(!k.stuck_ops.empty(), context().c_str());
      QVERIFY2(std::count(k.stuck_ops.begin(), k.stuck_ops.end(), k.blocking_op) == 1, context().c_str());
      for (const std::uint64_t id : k.stuck_ops) {
        const HistoryOp& op = h.ops[id - 1];
        QVERIFY2(op.key == k.key && op.outcome == OpOutcome::Ok, context().c_str());
        QVERIFY2(std::count(k.order.begin(), k.order.end(), id) == 0, context().c_str());
        QVERIFY2(!reference_step(model, op, final_value).has_value(), context().c_str());
      }
    }
    if (QTest::currentTestFailed()) return;
    (expected ? tally.linearizable : tally.not_linearizable)++;
  }
}

}  // namespace

class TestLinearizabilityRandom : public QObject {
  Q_OBJECT

 private slots:
  void registerAgreesWithBruteForce() { run(Model::Register, 101); }
  void casRegisterAgreesWithBruteForce() { run(Model::CasRegister, 202); }
  void kvAgreesWithBruteForce() { run(Model::Kv, 303); }

 private:
  void run(Model model, std::uint64_t seed) {
    Tally tally;
    cross_check(model, seed, tally);
    if (QTest::currentTestFailed()) return;
    // Both verdicts must be well represented, or the comparison proves little.
    QVERIFY2(tally.linearizable > kHistoriesPerModel / 5, std::to_string(tally.linearizable).c_str());
    QVERIFY2(tally.not_linearizable > kHistoriesPerModel / 5, std::to_string(tally.not_linearizable).c_str());
  }
};

QTEST_APPLESS_MAIN(TestLinearizabilityRandom)
#include "test_linearizability_random.moc"
