#include "shell/window_host.h"

#include "shell/main_window.h"

namespace cs::ui {

WindowHost::WindowHost(const AppOptions& options, QObject* parent)
    : QObject(parent), options_(options), window_(std::make_unique<MainWindow>(options)) {
  connectWindow();
}

WindowHost::~WindowHost() = default;

void WindowHost::connectWindow() {
  // Queued: the old window is still inside its menu action's handler when the signal comes.
  connect(window_.get(), &MainWindow::languageChosen, this, &WindowHost::rebuild, Qt::QueuedConnection);
}

void WindowHost::rebuild() {
  const WindowState state = window_->captureState();
  const bool visible = window_->isVisible();
  window_->close();  // saves the learner's place and the panel layout, as on quitting
  MainWindow* old = window_.release();
  old->deleteLater();
  AppOptions options = options_;
  options.lesson = state.lesson >= 0 ? state.lesson + 1 : options.lesson;
  window_ = std::make_unique<MainWindow>(options);
  window_->restoreState(state);
  connectWindow();
  if (visible) window_->show();
  emit windowRebuilt(window_.get());
}

}  // namespace cs::ui
