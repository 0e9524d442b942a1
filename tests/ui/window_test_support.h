#pragma once
// Shared set-up for tests that build the main window: their own settings store, and options that
// keep progress in a temporary folder.
#include <QCoreApplication>
#include <QSettings>
#include <QSize>
#include <QStandardPaths>
#include <QTemporaryDir>

#include "shell/app_options.h"

namespace test {

// Settings (remembered panel sizes, teacher and projector mode) must not leak between runs.
inline void isolate_settings() {
  QStandardPaths::setTestModeEnabled(true);
  QCoreApplication::setOrganizationName("ClusterScopeTests");
  QSettings().clear();
  // The first-run tour covers the window; tests that are not about it start as a returning user.
  QSettings().setValue("welcome/seen", true);
}

inline cs::ui::AppOptions window_options(const QTemporaryDir& dir, QSize size = {1400, 950}) {
  cs::ui::AppOptions o;
  o.progress_file = dir.filePath("progress.json");
  o.size = size;
  return o;
}

}  // namespace test
