#pragma once
// Writing what the learner sees to files: the stage (drawn again from the snapshot, so that SVG
// gets real vector shapes) and anything that paints with a QPainter (the sequence diagram), as PNG
// or SVG by the file's extension. The stage drawing is also what the lessons' figures show of a
// run (export/lesson_figures.h): the same snapshot, the same fit to the picture (StageGeometry),
// the same cards, links, regions and messages as the stage's QML scene.
#include <QRectF>
#include <QSize>
#include <QString>
#include <functional>

#include "export/figure_canvas.h"
#include "stage/stage_snapshot.h"

class QPainter;

namespace cs::ui {

// Paints the cluster graph of a snapshot into a rectangle of `size` pixels, in the palette in use.
void paint_stage(QPainter& painter, const StagePalette& palette, const StageSnapshot& snapshot, const QSize& size);
void paint_stage(QPainter& painter, const StageSnapshot& snapshot, const QSize& size);

struct StageDrawing {
  bool clock = true;      // the simulated time in the top right corner
  bool tokens = true;     // messages in flight, drops and arrivals
  bool summaries = true;  // the compact line on each card (term, log, data, detail)
  double type_scale = 1;  // the palette's (projector mode enlarges the cards)
};
// The same, through a canvas, into `area` of it (a panel of a figure).
void paint_stage(FigureCanvas& canvas, const StageSnapshot& snapshot, const QRectF& area,
                 const StageDrawing& drawing = {});

// Calls `paint` on an SVG generator or an image, chosen by the extension (.svg or .png).
bool export_painting(const QString& path, const QSize& size, const QString& title,
                     const std::function<void(QPainter&, const QSize&)>& paint, QString* error);

}  // namespace cs::ui
