// libFuzzer target: any values in a scenario's model parameters either are refused at load (a
// ScenarioError) or give a run that advances through simulated time. A run that handles more than
// kMaxEvents events before reaching kUntilUs is spinning, and the target traps: that is the hang
// that a heartbeat interval of 0 once caused. libFuzzer's -timeout catches anything slower.
//
// Input: byte 0 picks a built-in scenario; then groups of 10 bytes each set one parameter of its
// model: a byte for which parameter, a byte for the kind of value, 8 bytes of value.
//
// Work per input is capped so that a million executions take hours, not days: numbers are held to
// at most kMaxMagnitude either way. Only sizes cost setup time (a million-row table is built
// before the first event, seconds under ASan); times beyond it are all "after the run's 100 ms".
// The edges of ranges wider than that (refusing 1,000,001 rows) are left to test_scenario.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>

#include <nlohmann/json.hpp>

#include "catalogue/catalogue.h"
#include "scenario/builtin.h"
#include "scenario/run_setup.h"
#include "scenario/scenario.h"
#include "sim/simulation.h"

namespace {

constexpr cs::sim::TimeUs kUntilUs = 100'000;
constexpr int kMaxEvents = 1'000'000;
constexpr double kMaxMagnitude = 20'000;

double drawn_number(const cs::model::ParamSpec& spec, std::uint8_t kind, const std::uint8_t* bytes) {
  std::int64_t i = 0;
  std::memcpy(&i, bytes, sizeof i);
  double d = 0;
  std::memcpy(&d, bytes, sizeof d);
  const double lo = spec.range ? spec.range->min : 0;
  const double hi = spec.range ? spec.range->max : 1;
  switch (kind % 8) {
    case 0: return static_cast<double>(i % 100'001 - 10);  // whole numbers, some negative
    case 1: return std::isfinite(d) ? d : 0;
    case 2: return lo;
    case 3: return hi;
    case 4: return lo - 1;
    case 5: return hi + 1;
    case 6: return lo + (hi - lo) * static_cast<double>(static_cast<std::uint64_t>(i) % 1001) / 1000.0;
    default: return -1;
  }
}

nlohmann::json number_value(const cs::model::ParamSpec& spec, std::uint8_t kind, const std::uint8_t* bytes) {
  const double v = std::clamp(drawn_number(spec, kind, bytes), -kMaxMagnitude, kMaxMagnitude);
  if (v == std::floor(v)) return static_cast<std::int64_t>(v);  // whole numbers stay whole in the JSON
  return v;
}

nlohmann::json text_value(const cs::model::ParamSpec& spec, std::uint8_t kind, const std::uint8_t* bytes) {
  if (!spec.choices.empty() && kind % 2 == 0) return spec.choices[bytes[0] % spec.choices.size()];
  // Short texts of the kind the list and node parameters read: digits, commas, n, =, letters.
  static constexpr char kAlphabet[] = "n0123456789,=|-. abcxyzONEQUORUMALL";
  std::string text;
  for (int k = 0; k < 8; ++k) {
    if (bytes[k] == 0) break;
    text += kAlphabet[bytes[k] % (sizeof kAlphabet - 1)];
  }
  return text;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  const auto& builtins = cs::scenario::builtin_scenarios();
  const auto& base = builtins[data[0] % builtins.size()];
  nlohmann::json j = nlohmann::json::parse(base.json);
  const cs::model::ModelInfo* info = cs::catalogue::find_model(j["model"]["type"].get<std::string>());
  if (!info || info->params.empty()) return 0;
  for (std::size_t at = 1; at + 10 <= size; at += 10) {
    const cs::model::ParamSpec& spec = info->params[data[at] % info->params.size()];
    const std::uint8_t kind = data[at + 1];
    const std::uint8_t* bytes = data + at + 2;
    nlohmann::json value;
    if (std::holds_alternative<double>(spec.default_value)) {
      value = number_value(spec, kind, bytes);
    } else if (std::holds_alternative<bool>(spec.default_value)) {
      value = (kind & 1) != 0;
    } else {
      value = text_value(spec, kind, bytes);
    }
    j["model"]["params"][spec.name] = value;
  }
  cs::scenario::Scenario s;
  try {
    s = cs::scenario::load_scenario(j.dump(), "fuzz/scenario.json");
  } catch (const cs::scenario::ScenarioError&) {
    return 0;  // refused with a message: fine
  }
  const auto run = cs::scenario::start_run(s, s.seed);
  int events = 0;
  while (run->now_us() < kUntilUs && run->step()) {
    if (++events >= kMaxEvents) __builtin_trap();  // spinning at one instant, or close to it
  }
  return 0;
}
