// `bench`: figures for the issues' speed targets. The clock is read here, in the tool, never in
// the core.
#include <chrono>
#include <iostream>

#include <nlohmann/json.hpp>

#include "bench/checker_bench.h"
#include "bench/kernel_bench.h"
#include "bench/shard_bench.h"
#include "cli_args.h"
#include "commands.h"

namespace cs::cli {

int cmd_bench(const std::vector<std::string>& argv) {
  const Args args = parse_args(argv, {}, {"json"});
  if (!args.positional.empty()) throw UsageError("bench takes no positional arguments");
  const auto now_ns = [] {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
  };
  const bench::KernelFigures k = bench::run_kernel_bench(now_ns);
  nlohmann::ordered_json j;
  j["kernel_events_per_s"] = static_cast<std::int64_t>(k.kernel_events_per_s);
  j["kernel_events"] = k.kernel_events;
  j["seek_ms_max"] = k.seek_ms_max;
  j["seek_ms_mean"] = k.seek_ms_mean;
  j["seek_run_events"] = k.seek_run_events;
  j["trace_bytes_per_event"] = k.trace_bytes_per_event;
  // A history the checker wrongly rejected would make the figure meaningless: -1 says so.
  const bench::CheckerFigures c = bench::run_checker_bench(now_ns);
  j["checker_10k_ops_ms"] = c.checker_10k_ops_linearizable ? c.checker_10k_ops_ms : -1.0;
  const bench::ShardFigures sh = bench::run_shard_bench(now_ns);
  j["shard_placement_ms"] = sh.shard_placement_ms;
  j["shard_bytes_per_key"] = sh.bytes_per_key;
  if (args.flag("json")) {
    std::cout << j.dump() << '\n';
  } else {
    for (auto it = j.begin(); it != j.end(); ++it) std::cout << it.key() << " = " << it.value() << '\n';
  }
  return kExitOk;
}

}  // namespace cs::cli
