#pragma once
// Owns the main window and rebuilds it when the interface language changes: every widget sets its
// texts when it is built, so a fresh window is the simplest way to have all of them in the new
// language. The run (scenario, seed, learner actions, time), the lesson and the window's shape
// carry over, so the learner loses nothing.
// It also holds the profile the window is open in (progress/profiles.h): the window keeps that
// profile's progress file and starts in teacher mode when the profile keeps it on. Switching to
// another profile saves the learner's place, then reopens the window in the other profile, where
// its learner left off.
#include <QObject>
#include <QStringList>
#include <memory>
#include <optional>

#include "progress/profiles.h"
#include "shell/app_options.h"

namespace cs::ui {

class MainWindow;

class WindowHost : public QObject {
  Q_OBJECT

 public:
  // A window without a profile (as with --progress-file).
  explicit WindowHost(const AppOptions& options, QObject* parent = nullptr);
  // A window in `profile` (a slug of `profiles`; empty: none), with `notices` on its notice bar.
  WindowHost(const AppOptions& options, const Profiles& profiles, const QString& profile,
             const QStringList& notices = {}, QObject* parent = nullptr);
  ~WindowHost() override;

  MainWindow* window() const { return window_.get(); }
  const QString& profile() const { return profile_; }
  // Saves the learner's place, then reopens the window in the profile `slug`.
  void switchProfile(const QString& slug);

 signals:
  void windowRebuilt(cs::ui::MainWindow* window);

 private:
  // The options for the window: the profile's progress file and teacher mode.
  AppOptions windowOptions() const;
  void build(const AppOptions& options);
  void connectWindow();
  void rebuild();

  AppOptions options_;
  std::optional<Profiles> profiles_;
  QString profile_;
  std::unique_ptr<MainWindow> window_;
};

}  // namespace cs::ui
