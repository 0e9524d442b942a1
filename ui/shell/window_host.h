#pragma once
// Owns the main window and rebuilds it when the interface language changes: every widget sets its
// texts when it is built, so a fresh window is the simplest way to have all of them in the new
// language. The run (scenario, seed, learner actions, time), the lesson and the window's shape
// carry over, so the learner loses nothing.
#include <QObject>
#include <memory>

#include "shell/app_options.h"

namespace cs::ui {

class MainWindow;

class WindowHost : public QObject {
  Q_OBJECT

 public:
  explicit WindowHost(const AppOptions& options, QObject* parent = nullptr);
  ~WindowHost() override;

  MainWindow* window() const { return window_.get(); }

 signals:
  void windowRebuilt(cs::ui::MainWindow* window);

 private:
  void connectWindow();
  void rebuild();

  AppOptions options_;
  std::unique_ptr<MainWindow> window_;
};

}  // namespace cs::ui
