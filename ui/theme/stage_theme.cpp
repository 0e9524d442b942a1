#include "theme/stage_theme.h"

#include "theme/palette.h"

namespace cs::ui {

bool StageTheme::projector() const { return stage_palette().projector; }
double StageTheme::typeScale() const { return stage_palette().type_scale; }
double StageTheme::lineWidth() const { return stage_palette().line_width; }
QColor StageTheme::linkColor() const { return stage_palette().link; }
QColor StageTheme::cutColor() const { return stage_palette().cut_link; }
QColor StageTheme::textColor() const { return stage_palette().text; }
QColor StageTheme::backgroundColor() const { return stage_palette().background; }

void StageTheme::setProjector(bool on) {
  if (on == projector()) return;
  use_projector_palette(on);
  paletteUpdated();
}

}  // namespace cs::ui
