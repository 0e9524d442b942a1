// libFuzzer target: the scenario loader (built-in scenarios, files, saved runs) either refuses a
// text with a ScenarioError or accepts it; an accepted scenario saves and loads back to the same
// file, and runs without spinning.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  cs::scenario::Scenario s;
  try {
    s = cs::scenario::load_scenario(text, "fuzz/scenario.json");
  } catch (const cs::scenario::ScenarioError&) {
    return 0;
  }
  const std::string saved = cs::scenario::save_scenario(s);
  try {
    if (cs::scenario::save_scenario(cs::scenario::load_scenario(saved, "fuzz/saved.json")) != saved) std::abort();
  } catch (const cs::scenario::ScenarioError&) {
    std::abort();  // what the program wrote, it must read
  }
  const auto run = cs::scenario::start_run(s, s.seed);
  fuzz::run_briefly(*run);
  return 0;
}
