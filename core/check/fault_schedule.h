#pragma once
// Random fault schedules for `explore`: from a seed and a set of fault kinds, a list of timeline
// actions for a fault phase, and the heal at its end (network healed, paused nodes resumed,
// crashed nodes restarted, slow links and clocks back to normal). Loss, duplication and
// reordering are link properties in the kernel, fixed for a whole run, so those kinds draw
// probabilities that stay on during the settle phase too (the checks there tolerate them).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/action.h"
#include "sim/ids.h"
#include "sim/time.h"

namespace cs::check {

enum class FaultKind : std::uint8_t { Crash, Restart, Partition, OneWay, Loss, Dup, Delay, Pause, Skew };
inline constexpr std::size_t kFaultKindCount = 9;
std::string_view to_string(FaultKind kind);  // "crash", "oneway", ... as FaultKinds::parse reads them

class FaultKinds {
 public:
  static FaultKinds all();
  // "crash,restart,partition,oneway,loss,dup,delay,pause,skew" (any subset); nullopt if a name is unknown.
  static std::optional<FaultKinds> parse(std::string_view comma_separated);
  bool has(FaultKind kind) const { return ((bits_ >> static_cast<unsigned>(kind)) & 1u) != 0; }
  void add(FaultKind kind) { bits_ |= 1u << static_cast<unsigned>(kind); }
  bool empty() const { return bits_ == 0; }
  bool operator==(const FaultKinds&) const = default;
  std::string to_string() const;  // the same comma-separated form, in the order above

 private:
  std::uint32_t bits_ = 0;
};

// In a schedule, node ids from kLeaderMarker up mean "whichever node leads when this fault
// strikes" (the Raft leader, the primary): 40% of faults aim there, because that is where
// bugs hide. The runner resolves a marker when it first applies it (to a random node if none
// leads) and keeps that choice, so that the end of a fault (resume, restart) hits the same node.
inline constexpr sim::EndpointId kLeaderMarker = sim::kNoEndpoint - 4'096;
inline bool is_leader_marker(sim::EndpointId id) { return id >= kLeaderMarker && id != sim::kNoEndpoint; }

struct FaultScheduleSpec {
  std::size_t node_count = 5;
  // The model's characteristic time (its longest election timeout, its failure timeout): pauses,
  // partitions and clock offsets are drawn as small multiples of it.
  sim::TimeUs time_unit_us = 300'000;
  sim::TimeUs start_us = 0;        // faults begin here (after the system has booted)
  sim::TimeUs fault_phase_us = 0;  // ... and end here, at the heal
};

struct FaultSchedule {
  std::vector<sim::Action> actions;  // the fault phase, then the heal at heal_at_us
  sim::TimeUs heal_at_us = 0;
  double loss = 0;  // link probabilities for the whole run
  double duplicate = 0;
  double reorder = 0;
  FaultKinds used;  // the kinds this schedule actually drew (a subset of those asked for)
  // One line per action and probability, with node names nK, for failure reports.
  std::string describe() const;
};

FaultSchedule draw_fault_schedule(const FaultScheduleSpec& spec, FaultKinds kinds, std::uint64_t seed);

}  // namespace cs::check
