#include "shell/window_host.h"

#include <QStatusBar>

#include "progress/profile_actions.h"
#include "shell/main_window.h"
#include "shell/notice_bar.h"

namespace cs::ui {

WindowHost::WindowHost(const AppOptions& options, QObject* parent) : QObject(parent), options_(options) {
  build(options_);
}

WindowHost::WindowHost(const AppOptions& options, const Profiles& profiles, const QString& profile,
                       const QStringList& notices, QObject* parent)
    : QObject(parent), options_(options), profiles_(profiles), profile_(profile) {
  build(windowOptions());
  for (const QString& notice : notices) {
    if (!notice.isEmpty()) window_->noticeBar()->showNotice(notice);
  }
}

WindowHost::~WindowHost() = default;

AppOptions WindowHost::windowOptions() const {
  AppOptions options = options_;
  if (!profiles_ || !options.progress_file.isEmpty()) return options;
  // Without a profile (they could not be set up) the old single file is used, as before profiles.
  options.progress_file = profile_.isEmpty() ? profiles_->legacyProgressPath() : profiles_->progressPath(profile_);
  const auto profile = profiles_->find(profile_);
  options.teacher = options.teacher || (profile && profile->teacher_always);
  return options;
}

void WindowHost::build(const AppOptions& options) {
  window_ = std::make_unique<MainWindow>(options);
  if (const auto profile = profiles_ && !profile_.isEmpty() ? profiles_->find(profile_) : std::nullopt) {
    window_->setWindowTitle(tr("ClusterScope \u2014 %1").arg(profile->name));
  }
  connectWindow();
}

void WindowHost::connectWindow() {
  // Queued: the old window is still inside its menu action's handler when the signal comes.
  connect(window_.get(), &MainWindow::languageChosen, this, &WindowHost::rebuild, Qt::QueuedConnection);
  auto* actions = window_->findChild<ProfileActions*>();
  if (!actions || !profiles_ || profile_.isEmpty()) return;
  actions->setProfile(*profiles_, profile_);
  connect(actions, &ProfileActions::switchRequested, this, &WindowHost::switchProfile, Qt::QueuedConnection);
}

void WindowHost::rebuild() {
  const WindowState state = window_->captureState();
  const bool visible = window_->isVisible();
  window_->close();  // saves the learner's place and the panel layout, as on quitting
  MainWindow* old = window_.release();
  old->deleteLater();
  AppOptions options = windowOptions();
  options.lesson = state.lesson >= 0 ? state.lesson + 1 : options.lesson;
  options.lesson_asked = false;  // the run on the stage is restored as it was
  // The class open now, from the command line or the File menu; none if it was closed.
  options.class_file = state.class_file;
  build(options);
  window_->restoreState(state);
  if (visible) window_->show();
  emit windowRebuilt(window_.get());
}

void WindowHost::switchProfile(const QString& slug) {
  if (!profiles_ || slug == profile_ || !profiles_->find(slug)) return;
  const QByteArray geometry = window_->saveGeometry();
  const bool visible = window_->isVisible();
  window_->close();  // saves the leaving learner's place in their own progress
  MainWindow* old = window_.release();
  old->deleteLater();
  profile_ = slug;
  profiles_->setLast(slug);
  // The other learner starts where they left off, not at the lesson or scenario of the command line.
  AppOptions options = windowOptions();
  options.lesson = 0;
  options.lesson_asked = false;
  options.scenario.clear();
  build(options);
  window_->restoreGeometry(geometry);
  if (visible) window_->show();
  window_->statusBar()->showMessage(tr("Switched to the profile \u201c%1\u201d.").arg(profiles_->find(slug)->name),
                                    15000);
  emit windowRebuilt(window_.get());
}

}  // namespace cs::ui
