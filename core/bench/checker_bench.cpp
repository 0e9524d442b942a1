#include "bench/checker_bench.h"

#include <algorithm>

#include "check/linearizability.h"
#include "sim/random.h"

namespace cs::bench {

check::OpHistory linearizable_register_history(std::size_t operations, std::size_t clients, std::int64_t value_count,
                                               std::uint64_t seed) {
  sim::Random rng(seed);
  struct Planned {
    check::HistoryOp op;
    std::int64_t effect_time;
  };
  std::vector<Planned> planned;
  planned.reserve(operations);
  std::vector<std::int64_t> client_free(clients, 0);
  for (std::size_t i = 0; i < operations; ++i) {
    // The client that is free soonest goes next, so the clients interleave as real ones would.
    const auto c =
        static_cast<std::size_t>(std::min_element(client_free.begin(), client_free.end()) - client_free.begin());
    check::HistoryOp op;
    op.id = i + 1;
    op.process = static_cast<std::int64_t>(c);
    op.f = rng.chance(0.5) ? check::OpFunction::Read : check::OpFunction::Write;
    if (op.f == check::OpFunction::Write) op.value = check::Value::of(rng.between(0, value_count - 1));
    op.invoke_time = client_free[c] + rng.between(0, 20);
    op.complete_time = op.invoke_time + rng.between(1, 100);
    op.outcome = check::OpOutcome::Ok;
    client_free[c] = op.complete_time;
    const std::int64_t effect = rng.between(op.invoke_time, op.complete_time);
    planned.push_back({std::move(op), effect});
  }
  // Apply the operations at their effect instants: reads see the latest write.
  std::vector<std::size_t> by_effect(planned.size());
  for (std::size_t i = 0; i < by_effect.size(); ++i) by_effect[i] = i;
  std::stable_sort(by_effect.begin(), by_effect.end(),
                   [&](std::size_t a, std::size_t b) { return planned[a].effect_time < planned[b].effect_time; });
  check::Value current = check::Value::nil();
  for (const std::size_t i : by_effect) {
    check::HistoryOp& op = planned[i].op;
    if (op.f == check::OpFunction::Write) {
      current = op.value;
    } else {
      op.value = current;
    }
  }
  check::OpHistory history;
  history.time_unit = "tick";
  for (auto& p : planned) history.ops.push_back(std::move(p.op));
  return history;
}

CheckerFigures run_checker_bench(const NowNs& now_ns) {
  CheckerFigures f;
  const check::OpHistory history = linearizable_register_history(10'000, 5, 5, 42);
  constexpr int kRuns = 3;
  std::vector<double> ms;
  for (int run = 0; run < kRuns; ++run) {
    const std::int64_t start = now_ns();
    const check::LinearizabilityResult r = check::check_linearizability(history, check::Model::Register);
    ms.push_back(static_cast<double>(now_ns() - start) / 1e6);
    f.checker_10k_ops_steps = r.steps;
    f.checker_10k_ops_linearizable = r.verdict == check::Verdict::Linearizable;
  }
  std::sort(ms.begin(), ms.end());
  f.checker_10k_ops_ms = ms[kRuns / 2];
  return f;
}

}  // namespace cs::bench
