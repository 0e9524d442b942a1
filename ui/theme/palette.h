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
  bool dark = false;  // the dark variant, for a system (or a choice) of light text on dark
  double type_scale = 1.0;
  double line_width = 2.0;
  QColor background{0xF7, 0xF8, 0xFA};
  QColor link{0x7D, 0x87, 0x94};  // 3.4:1 on the background, as lines that carry meaning need
  QColor cut_link{0xD5, 0x5E, 0x00};
  QColor text{0x1F, 0x23, 0x28};
  QColor card{0xFF, 0xFF, 0xFF};
  QColor card_text{0x1F, 0x23, 0x28};
  QColor region_fill{0xEE, 0xF1, 0xF5};  // a region (data centre) behind its nodes
  QColor region_border{0x7D, 0x87, 0x94};
  QColor focus{
      0x00, 0x72,
      0xB2};  // the keyboard-focus ring around a node  // text on node cards, whose fills stay light in every palette

  QColor role(sim::Role role, sim::NodeStatus status) const;
  QColor message(sim::MessageClass cls) const;
  // A distinct colour per node (Okabe-Ito order, repeating after seven).
  QColor node_colour(std::uint32_t node) const;
  // A sequential light-to-dark blue for a load share in [0, 1].
  QColor heat(double share) const;
};

// The palette in use; projector mode swaps it for the whole program (and wins over dark: it is
// designed for projected light). `font_scale` follows the system's font size.
const StagePalette& stage_palette();
void use_projector_palette(bool on);
void use_dark_palette(bool on);
void use_font_scale(double scale);
// The three palettes, for tests that check every one of them.
StagePalette normal_palette();
StagePalette dark_palette();
StagePalette projector_palette();

// WCAG 2 contrast ratio between two colours (1 to 21).
double contrast_ratio(const QColor& a, const QColor& b);

}  // namespace cs::ui
