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
  // Projector mode: fills lightened so dark text keeps at least 7:1 contrast in a lit room,
  // darker and thicker lines, larger type (the scale applies to stage labels and cards).
  bool projector = false;
  double type_scale = 1.0;
  double line_width = 2.0;
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

// The palette in use; projector mode swaps it for the whole program.
const StagePalette& stage_palette();
void use_projector_palette(bool on);

// WCAG 2 contrast ratio between two colours (1 to 21).
double contrast_ratio(const QColor& a, const QColor& b);

}  // namespace cs::ui
