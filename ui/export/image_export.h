#pragma once
// Writing what the learner sees to files: the stage (drawn again from the snapshot with QPainter,
// so that SVG gets real vector shapes) and anything that paints with a QPainter (the sequence
// diagram), as PNG or SVG by the file's extension.
#include <QSize>
#include <QString>
#include <functional>

#include "stage/stage_snapshot.h"

class QPainter;

namespace cs::ui {

// Paints the cluster graph of a snapshot into a rectangle of `size` pixels.
void paint_stage(QPainter& painter, const StageSnapshot& snapshot, const QSize& size);

// Calls `paint` on an SVG generator or an image, chosen by the extension (.svg or .png).
bool export_painting(const QString& path, const QSize& size, const QString& title,
                     const std::function<void(QPainter&, const QSize&)>& paint, QString* error);

}  // namespace cs::ui
