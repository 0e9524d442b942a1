#include "theme/palette.h"

#include <algorithm>
#include <cmath>

namespace cs::ui {

namespace {
// Mixes a colour towards white: projected light washes colours out, and light fills keep dark
// text readable.
QColor lighten(const QColor& c, double amount) {
  const auto mix = [&](int v) { return static_cast<int>(std::lround(v + (255 - v) * amount)); };
  return {mix(c.red()), mix(c.green()), mix(c.blue())};
}
}  // namespace

QColor StagePalette::role(sim::Role role, sim::NodeStatus status) const {
  QColor c{0xE0, 0xE0, 0xE0};
  if (status == sim::NodeStatus::Removed) {
    c = {0xF2, 0xF2, 0xF2};  // nearly blank: the card is drawn faded and dashed as well
  } else if (status == sim::NodeStatus::Crashed) {
    c = {0x9A, 0x9A, 0x9A};
  } else if (status == sim::NodeStatus::Paused) {
    c = {0xBD, 0xBD, 0xBD};
  } else {
    switch (role) {
      case sim::Role::Leader:
      case sim::Role::Primary: c = {0xE6, 0x9F, 0x00}; break;  // orange
      case sim::Role::Follower:
      case sim::Role::Replica: c = {0x56, 0xB4, 0xE9}; break;    // sky blue
      case sim::Role::Candidate: c = {0xF0, 0xE4, 0x42}; break;  // yellow
      case sim::Role::Suspect: c = {0xCC, 0x79, 0xA7}; break;    // reddish purple
      case sim::Role::None: break;
    }
  }
  return projector ? lighten(c, 0.38) : c;
}

QColor StagePalette::message(sim::MessageClass cls) const {
  switch (cls) {
    case sim::MessageClass::Heartbeat: return {0xD5, 0x5E, 0x00};    // vermillion
    case sim::MessageClass::Election: return {0xCC, 0x79, 0xA7};     // reddish purple
    case sim::MessageClass::Replication: return {0x00, 0x72, 0xB2};  // blue
    case sim::MessageClass::Ack: return {0x00, 0x9E, 0x73};          // bluish green
    case sim::MessageClass::Client: return dark ? QColor(0xC8, 0xCD, 0xD3) : QColor(0x33, 0x33, 0x33);
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

namespace {
bool g_projector = false;
bool g_dark = false;
double g_font_scale = 1.0;
}  // namespace

StagePalette normal_palette() { return {}; }

StagePalette dark_palette() {
  StagePalette p;
  p.dark = true;
  p.background = QColor(0x1B, 0x1F, 0x24);
  p.link = QColor(0x6E, 0x79, 0x86);
  p.cut_link = QColor(0xFF, 0x9A, 0x4D);
  p.text = QColor(0xE8, 0xEA, 0xED);
  p.card = QColor(0x2A, 0x2F, 0x36);
  p.region_fill = QColor(0x26, 0x2C, 0x33);
  p.region_border = QColor(0x6E, 0x79, 0x86);
  p.focus = QColor(0x56, 0xB4, 0xE9);
  return p;
}

StagePalette projector_palette() {
  StagePalette p;
  p.projector = true;
  p.type_scale = 1.35;
  p.line_width = 4.0;
  p.background = QColor(0xFF, 0xFF, 0xFF);
  p.link = QColor(0x5A, 0x64, 0x70);
  p.cut_link = QColor(0xA3, 0x3E, 0x00);
  p.text = QColor(0x00, 0x00, 0x00);
  p.card_text = QColor(0x00, 0x00, 0x00);
  p.region_fill = QColor(0xF0, 0xF2, 0xF5);
  p.region_border = QColor(0x5A, 0x64, 0x70);
  return p;
}

namespace {
StagePalette& current_palette() {
  static StagePalette current;
  return current;
}
// Recomputed when a choice changes, not on every call: painting asks for the palette per item.
void update_current() {
  StagePalette& current = current_palette();
  current = g_projector ? projector_palette() : g_dark ? dark_palette() : normal_palette();
  current.type_scale *= g_font_scale;
}
}  // namespace

const StagePalette& stage_palette() { return current_palette(); }

void use_projector_palette(bool on) {
  g_projector = on;
  update_current();
}
void use_dark_palette(bool on) {
  g_dark = on;
  update_current();
}
void use_font_scale(double scale) {
  g_font_scale = std::clamp(scale, 0.5, 3.0);
  update_current();
}

double contrast_ratio(const QColor& a, const QColor& b) {
  const auto luminance = [](const QColor& c) {
    const auto channel = [](double v) {
      v /= 255.0;
      return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(c.red()) + 0.7152 * channel(c.green()) + 0.0722 * channel(c.blue());
  };
  const double la = luminance(a);
  const double lb = luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

}  // namespace cs::ui
