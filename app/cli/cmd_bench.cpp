// `bench`: figures for the issues' speed targets. The clock is read here, in the tool, never in
// the core.
#include <chrono>
#include <iostream>

#include <nlohmann/json.hpp>

#include "bench/checker_bench.h"
#include "bench/kernel_bench.h"
#include "bench/long_run_bench.h"
#include "bench/shard_bench.h"
#include "cli_args.h"
#include "commands.h"
#include "scenario_arg.h"
#include "usage.h"

namespace cs::cli {

namespace {

std::int64_t now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

// `bench long SCENARIO [--until 3600s] [--seeks 200]`: a long run and seeks afterwards.
int bench_long(const Args& args) {
  if (args.positional.size() != 2) throw UsageError("bench long takes one SCENARIO_ID or FILE");
  const scenario::Scenario s = load_scenario_argument(args.positional[1]);
  const std::int64_t until_us = args.value("until") ? parse_duration_us(*args.value("until")) : 3'600'000'000;
  const auto seeks = static_cast<std::size_t>(args.unsigned_value("seeks", 200));
  const bench::LongRunFigures f = bench::run_long_run_bench(s, until_us, std::max<std::size_t>(1, seeks), now_ns);
  nlohmann::ordered_json j;
  j["scenario"] = s.id;
  j["simulated_s"] = static_cast<double>(until_us) / 1e6;
  j["events"] = f.events;
  j["run_wall_s"] = f.run_wall_s;
  j["checkpoints"] = f.checkpoints;
  j["seeks"] = f.seeks;
  j["seek_ms_p50"] = f.seek_ms_p50;
  j["seek_ms_p99"] = f.seek_ms_p99;
  j["seek_ms_max"] = f.seek_ms_max;
  std::cout << j.dump() << '\n';
  return kExitOk;
}

}  // namespace

int cmd_bench(const std::vector<std::string>& argv) {
  const Args args = parse_command_args(argv, "bench");
  if (!args.positional.empty() && args.positional[0] == "long") return bench_long(args);
  if (!args.positional.empty()) throw UsageError("bench takes no positional arguments (or: bench long SCENARIO)");
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
