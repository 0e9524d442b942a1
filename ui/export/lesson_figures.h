#pragma once
// The lessons' figures, drawn by the application from simulation runs (course/lesson_figures.h
// says which runs and gathers what they show). Each is written as lessons/NN-name/figures/NAME.svg
// with placeholder colours (figure_canvas.h) and, beside it, NAME.model.json: what the figure
// shows (shapes, positions, texts). `clusterscope-figures LESSONS_DIR` (or `cmake --build
// build/release --target figures`) writes them all; the test test_lesson_figures draws them again
// and fails when a checked-in figure no longer matches the simulation.
#include <QString>
#include <QStringList>

#include "course/lesson_figures.h"
#include "export/figure_canvas.h"

namespace cs::ui {

// The figure drawn from what its runs say. Draw with the light palette in use (figures are laid
// out at type scale 1): LightPaletteScope does that.
Figure lesson_figure(const course::FigureData& data);

// The light palette at type scale 1 while it lives (projector, dark and font scale restored after).
class LightPaletteScope {
 public:
  LightPaletteScope();
  ~LightPaletteScope();
  LightPaletteScope(const LightPaletteScope&) = delete;
  LightPaletteScope& operator=(const LightPaletteScope&) = delete;

 private:
  bool projector_;
  bool dark_;
  double font_scale_;
};

// Where a figure lives, relative to the lessons folder: "03-sharding/figures/hash-ring-join".
QString figure_path(const course::FigureSpec& spec);

// Draws every figure of the course into `lessons_dir`; returns one line per file written, or the
// errors (as "error: ...").
QStringList write_lesson_figures(const QString& lessons_dir, bool* ok);

// Draws every figure again and compares it with the files in `lessons_dir`: the model beside the
// SVG, and the texts of the SVG itself. Returns one line per difference (none: all match).
QStringList check_lesson_figures(const QString& lessons_dir);

// The texts an SVG shows (its <text> elements, with whitespace as written), for checks.
QStringList svg_texts(const QByteArray& svg);

}  // namespace cs::ui
