#pragma once
// What the command line asked for, parsed in app/ and handed to the window.
#include <QSize>
#include <QString>

namespace cs::ui {

struct AppOptions {
  QString lessons_dir;  // empty: the lessons compiled into the binary
  int lesson = 1;       // 1-based
  QString scenario;     // built-in id or file; empty: the default scenario
  QString screenshot;   // write the window to this PNG and exit
  QSize size{1600, 1000};
};

}  // namespace cs::ui
