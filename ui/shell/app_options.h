#pragma once
// What the command line asked for, parsed in app/ and handed to the window.
#include <QSize>
#include <QString>

namespace cs::ui {

struct AppOptions {
  QString lessons_dir;             // empty: the lessons compiled into the binary
  int lesson = 0;                  // 1-based; 0: where the learner left off
  QString scenario;                // built-in id or file; empty: the last one, or the default
  QString screenshot;              // write the window to this PNG and exit
  double screenshot_at_s = 1.075;  // the moment of the run the screenshot shows
  QString progress_file;           // empty: the platform's application-data folder
  bool teacher = false;            // open every lesson for this session
  bool projector = false;          // projector palette and type scale for this session
  QString language;                // interface language for this session; empty: the saved choice
  QString appearance;              // "system", "light" or "dark" for this session; empty: the saved choice
  QSize size{1600, 1000};
  bool bench_stage = false;  // --bench-stage: measure frame times and exit
  int bench_nodes = 100;
  int bench_messages = 1000;
};

}  // namespace cs::ui
