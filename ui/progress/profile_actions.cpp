#include "progress/profile_actions.h"

#include <QAction>
#include <QMenu>
#include <QMessageBox>
#include <QSignalBlocker>

#include "progress/profile_dialog.h"

namespace cs::ui {

ProfileActions::ProfileActions(QWidget* window) : QObject(window), window_(window) { setObjectName("profileActions"); }

ProfileActions* ProfileActions::install(QMenu* file, QMenu* view, QWidget* window) {
  auto* self = new ProfileActions(window);
  self->switch_ = new QAction(tr("Switch &profile..."), self);
  self->switch_->setObjectName("switchProfileAction");
  QAction* last_separator = nullptr;
  for (QAction* a : file->actions()) {
    if (a->isSeparator()) last_separator = a;
  }
  file->insertAction(last_separator, self->switch_);
  connect(self->switch_, &QAction::triggered, self, &ProfileActions::chooseProfile);

  self->always_ = new QAction(tr("Always start in teacher mode in this profile..."), self);
  self->always_->setObjectName("teacherModeAlwaysAction");
  self->always_->setCheckable(true);
  view->addAction(self->always_);
  connect(self->always_, &QAction::toggled, self, &ProfileActions::setTeacherAlways);

  const QString none = tr("This window keeps its progress outside the profiles (as with --progress-file).");
  for (QAction* a : {self->switch_, self->always_}) {
    a->setEnabled(false);
    a->setStatusTip(none);
  }
  return self;
}

void ProfileActions::setProfile(const Profiles& profiles, const QString& slug) {
  profiles_ = profiles;
  slug_ = slug;
  const auto profile = profiles.find(slug);
  switch_->setEnabled(true);
  switch_->setStatusTip(
      profile ? tr("Open another learner's profile, or make a new one (open now: %1).").arg(profile->name) : QString());
  always_->setEnabled(profile.has_value());
  always_->setStatusTip(tr("Every lesson open whenever this profile starts, without passing the quizzes."));
  showChecked(profile && profile->teacher_always);
}

void ProfileActions::showChecked(bool on) {
  const QSignalBlocker block(always_);
  always_->setChecked(on);
}

void ProfileActions::chooseProfile() {
  if (!profiles_) return;
  const auto chosen = ProfileDialog::choose(*profiles_, slug_, ProfileDialog::Purpose::Switch, window_);
  if (chosen && *chosen != slug_) emit switchRequested(*chosen);
}

void ProfileActions::setTeacherAlways(bool on) {
  const auto profile = profiles_ ? profiles_->find(slug_) : std::nullopt;
  if (!profile) {
    showChecked(false);
    return;
  }
  if (on && QMessageBox::warning(window_, tr("Always start in teacher mode"),
                                 tr("Every lesson will be open whenever the profile \u201c%1\u201d starts, without "
                                    "passing the quizzes, until you turn this off again. Other profiles stay as "
                                    "they are. Continue?")
                                     .arg(profile->name),
                                 QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Yes) {
    showChecked(false);
    return;
  }
  QString error;
  if (!profiles_->setTeacherAlways(slug_, on, &error)) {
    showChecked(!on);
    QMessageBox::warning(window_, tr("Always start in teacher mode"),
                         tr("The profile's setting could not be saved: %1").arg(error));
    return;
  }
  if (auto* session = window_->findChild<QAction*>(QStringLiteral("teacherModeAction"))) session->setChecked(on);
}

}  // namespace cs::ui
