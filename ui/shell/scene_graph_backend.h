#pragma once
// Which renderer draws the stage. Qt Quick draws with OpenGL by default. On a machine without a
// GPU, OpenGL is Mesa's software rasteriser (llvmpipe), which redraws and composes the whole
// window every frame: playing raft-5 took 1.6 of 2 cores in Xvfb, against 0.2 with Qt Quick's own
// software renderer, which repaints only what changed. So when OpenGL turns out to be a software
// rasteriser, the stage uses the software renderer. A user's own choice (QT_QUICK_BACKEND or
// QSG_RHI_BACKEND in the environment) is left alone.
#include <QString>

namespace cs::ui {

// Decides and applies the choice; call after the QApplication exists and before any Qt Quick
// window is made. Returns what was chosen and why, for --help's diagnostics and the tests.
QString choose_scene_graph_backend();

// True when an OpenGL renderer string names a software rasteriser.
bool is_software_rasteriser(const QString& gl_renderer);

}  // namespace cs::ui
