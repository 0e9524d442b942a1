#pragma once
// The profile's entries in the window's menus: File > Switch profile... and View > Always start in
// teacher mode in this profile... MainWindow::buildMenus puts them in (install()); they stay
// disabled until the window's owner (WindowHost) says which profile is open (setProfile()): a
// window opened with --progress-file, for --screenshot or by a test has none.
// Switching asks the owner to reopen the window (switchRequested): the window is built around one
// progress file, as it is built in one language.
#include <QObject>
#include <optional>

#include "progress/profiles.h"

class QAction;
class QMenu;
class QWidget;

namespace cs::ui {

class ProfileActions : public QObject {
  Q_OBJECT

 public:
  // Adds Switch profile to `file`, before its last separator (the one above Quit), and the
  // profile's teacher mode to the end of `view` (after the session's teacher mode), for `window`.
  static ProfileActions* install(QMenu* file, QMenu* view, QWidget* window);

  void setProfile(const Profiles& profiles, const QString& slug);
  const QString& profile() const { return slug_; }
  QAction* switchAction() const { return switch_; }
  QAction* teacherAlwaysAction() const { return always_; }

  // File > Switch profile: the chooser, then switchRequested() if another profile was chosen.
  void chooseProfile();
  // Keeps the profile's teacher mode on (after asking) or off, and turns the session's on or off.
  void setTeacherAlways(bool on);

 signals:
  void switchRequested(const QString& slug);

 private:
  explicit ProfileActions(QWidget* window);
  void showChecked(bool on);

  QWidget* window_;
  QAction* switch_ = nullptr;
  QAction* always_ = nullptr;
  std::optional<Profiles> profiles_;
  QString slug_;
};

}  // namespace cs::ui
