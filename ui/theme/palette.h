#pragma once
// The one palette of the stage. Colours come from the Okabe-Ito set, which stays distinguishable
// for the common forms of colour blindness; roles are also told apart by shape and label, never
// by colour alone.
#include <QColor>
#include <QString>

#include "sim/message.h"
#include "sim/role.h"

namespace cs::ui {

struct StagePalette {
  QColor background{0xF7, 0xF8, 0xFA};
  QColor link{0xC5, 0xCB, 0xD3};
  QColor cut_link{0xD5, 0x5E, 0x00};
  QColor text{0x1F, 0x23, 0x28};
  QColor card{0xFF, 0xFF, 0xFF};

  QColor role(sim::Role role, sim::NodeStatus status) const;
  QColor message(sim::MessageClass cls) const;
  // A distinct colour per node (Okabe-Ito order, repeating after seven).
  QColor node_colour(std::uint32_t node) const;
  // A sequential light-to-dark blue for a load share in [0, 1].
  QColor heat(double share) const;
};

const StagePalette& stage_palette();

}  // namespace cs::ui
