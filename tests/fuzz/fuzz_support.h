#pragma once
// What the fuzz targets share: running a loaded scenario for a short stretch of simulated time and
// trapping if it spins at one instant (the kind of hang an out-of-range parameter once caused).
#include <cstdint>

#include "scenario/run_setup.h"
#include "scenario/scenario.h"
#include "sim/simulation.h"

namespace fuzz {

inline constexpr cs::sim::TimeUs kRunUs = 200'000;
inline constexpr int kMaxEvents = 1'000'000;

inline void run_briefly(cs::sim::Simulation& run) {
  int events = 0;
  while (run.now_us() < kRunUs && run.step()) {
    if (++events >= kMaxEvents) __builtin_trap();  // spinning at one instant, or close to it
  }
}

}  // namespace fuzz
