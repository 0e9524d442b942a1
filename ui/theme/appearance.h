#pragma once
// Light or dark, and how large: the window follows the system's colour scheme and font size
// unless the learner picks light or dark in View > Appearance. Projector mode always uses the light
// projector palette, whatever the system does: it is designed for projected light.
#include <QPalette>

namespace cs::ui {

enum class Appearance { System, Light, Dark };

Appearance saved_appearance();
void save_appearance(Appearance appearance);

// Whether a palette is a dark one (light text on a dark window).
bool is_dark(const QPalette& palette);
// The system's own palette, as it was before the program changed anything.
const QPalette& system_palette();

// Sets the widgets' palette and the stage's palette for this choice. Returns whether the result is
// dark. Call once at start-up (after QApplication exists) and on every change.
bool apply_appearance(Appearance appearance, bool projector);

// The system's font size relative to 10 pt, the usual desktop default (at least 1): stage labels
// scale by it.
double system_font_scale();

}  // namespace cs::ui
