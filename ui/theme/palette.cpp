#include "theme/palette.h"

#include <algorithm>
#include <cmath>

namespace cs::ui {

QColor StagePalette::role(sim::Role role, sim::NodeStatus status) const {
  if (status == sim::NodeStatus::Crashed) return {0x9A, 0x9A, 0x9A};
  if (status == sim::NodeStatus::Paused) return {0xBD, 0xBD, 0xBD};
  switch (role) {
    case sim::Role::Leader:
    case sim::Role::Primary: return {0xE6, 0x9F, 0x00};  // orange
    case sim::Role::Follower:
    case sim::Role::Replica: return {0x56, 0xB4, 0xE9};    // sky blue
    case sim::Role::Candidate: return {0xF0, 0xE4, 0x42};  // yellow
    case sim::Role::Suspect: return {0xCC, 0x79, 0xA7};    // reddish purple
    case sim::Role::None: break;
  }
  return {0xE0, 0xE0, 0xE0};
}

QColor StagePalette::message(sim::MessageClass cls) const {
  switch (cls) {
    case sim::MessageClass::Heartbeat: return {0xD5, 0x5E, 0x00};    // vermillion
    case sim::MessageClass::Election: return {0xCC, 0x79, 0xA7};     // reddish purple
    case sim::MessageClass::Replication: return {0x00, 0x72, 0xB2};  // blue
    case sim::MessageClass::Ack: return {0x00, 0x9E, 0x73};          // bluish green
    case sim::MessageClass::Client: return {0x33, 0x33, 0x33};
    case sim::MessageClass::Other: break;
  }
  return {0x77, 0x77, 0x77};
}

QColor StagePalette::node_colour(std::uint32_t node) const {
  static const QColor kColours[] = {{0xE6, 0x9F, 0x00}, {0x56, 0xB4, 0xE9}, {0x00, 0x9E, 0x73}, {0xCC, 0x79, 0xA7},
                                    {0x00, 0x72, 0xB2}, {0xD5, 0x5E, 0x00}, {0xF0, 0xE4, 0x42}};
  return kColours[node % 7];
}

QColor StagePalette::heat(double share) const {
  share = std::clamp(share, 0.0, 1.0);
  const QColor light(0xEF, 0xF5, 0xFB);
  const QColor dark(0x08, 0x30, 0x6B);
  const auto mix = [&](int a, int b) { return static_cast<int>(std::lround(a + (b - a) * share)); };
  return {mix(light.red(), dark.red()), mix(light.green(), dark.green()), mix(light.blue(), dark.blue())};
}

const StagePalette& stage_palette() {
  static const StagePalette palette;
  return palette;
}

}  // namespace cs::ui
