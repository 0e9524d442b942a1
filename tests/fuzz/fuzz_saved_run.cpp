// libFuzzer target: a saved run (a scenario with the learner's recorded actions) reopens exactly:
// rewinding and replaying it lands on the same trace hash as running it straight, whatever the
// actions the file holds.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  cs::scenario::Scenario s;
  try {
    s = cs::scenario::load_scenario(text, "fuzz/run.clusterscope");
  } catch (const cs::scenario::ScenarioError&) {
    return 0;
  }
  const auto straight = cs::scenario::start_run(s, s.seed);
  fuzz::run_briefly(*straight);
  // step() stops after the first item at the last instant; seek() handles every item due then
  // (an action recorded at that very moment, a timer beside it). Finish the instant to compare.
  straight->run_until(straight->now_us());
  const cs::sim::TimeUs end = straight->now_us();
  const auto wandering = cs::scenario::start_run(s, s.seed);
  wandering->run_until(end / 2);
  wandering->seek(end / 5);
  wandering->seek(end);
  if (wandering->trace_hash() != straight->trace_hash()) std::abort();
  return 0;
}
