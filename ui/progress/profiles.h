#pragma once
// Profiles: several learners on one computer account, each with their own progress.
// - A profile is a folder, <data>/profiles/<slug>/, holding profile.json (the profile's name and
//   its own settings) and progress.json (the ProgressStore's file, with its .bak and .lock beside
//   it). The folder's name, the slug, is made from the name: lower-case ASCII letters, digits and
//   dashes, safe on every file system. The name itself may be any text (any script) and is shown
//   as it was typed; two profiles cannot have the same name, whatever the letter case.
// - A folder is a profile once its profile.json is there: it is written last when a profile is
//   made, so a profile cut short by a crash is not listed.
// - The profile used last is remembered in the settings (kLastKey).
// - Teacher mode kept on ("always start in teacher mode") belongs to a profile, never to everyone:
//   retireGlobalTeacherMode() removes the setting that older versions kept for the whole computer.
// - Before profiles, progress lived in <data>/progress.json. prepare() makes the first profile on
//   the first start without any: it copies that file (and its backup) into the profile, reads the
//   copies back and compares them, and only then removes the old files. If anything fails the old
//   file stays where it was and is used from there (see lastProgressPath()), with a notice.
#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

namespace cs::ui {

struct Profile {
  QString slug;  // the folder's name
  QString name;  // as the learner typed it
  bool teacher_always = false;
};

class Profiles {
  Q_DECLARE_TR_FUNCTIONS(Profiles)

 public:
  // `data_dir` holds the profiles/ folder and the old progress.json; by default the platform's
  // application-data folder.
  explicit Profiles(QString data_dir = defaultDataDir());
  static QString defaultDataDir();

  const QString& dataDir() const { return data_dir_; }
  QString root() const;                // <data>/profiles
  QString legacyProgressPath() const;  // <data>/progress.json, where progress was kept before profiles
  QString progressPath(const QString& slug) const;

  // The profiles on disk, by name.
  std::vector<Profile> list() const;
  // A profile by its slug, or by its name in any letter case.
  std::optional<Profile> find(const QString& name_or_slug) const;
  // Why `name` cannot be a new profile's name, for the learner; empty when it can.
  QString checkName(const QString& name) const;
  // The same without comparing with the other profiles' names.
  static QString checkNameText(const QString& name);
  // Makes a profile (the name trimmed); nullopt with the reason in `error` when the name is
  // refused or the disk refuses.
  std::optional<Profile> create(const QString& name, QString* error);
  bool setTeacherAlways(const QString& slug, bool on, QString* error);

  // The slug remembered as last used if that profile still exists; else the first profile's;
  // empty when there is none.
  QString last() const;
  void setLast(const QString& slug);
  // Where the progress goes when nothing says otherwise: the last profile's progress file, or the
  // old single file while there is no profile.
  QString lastProgressPath() const;

  // The first start with profiles: with none on disk, makes the first one (named after the
  // computer account) and moves the old progress file into it. Returns notices for the window
  // (empty when all went well or there was nothing to do).
  QStringList prepare();
  // Removes the old computer-wide teacher-mode setting; returns the notice that says so, once
  // (empty when the setting was not on).
  static QString retireGlobalTeacherMode();

  // The folder name a profile called `name` gets (before a number is added to make it unique).
  static QString slugFor(const QString& name);
  static QString firstProfileName();

  static constexpr const char* kLastKey = "profiles/last";
  static constexpr const char* kGlobalTeacherModeKey = "teacherMode";  // before profiles
  static constexpr int kMaxNameLength = 40;
  static constexpr int kMaxSlugLength = 32;

 private:
  QString uniqueSlug(const QString& name) const;
  std::optional<Profile> read(const QString& slug) const;
  bool write(const Profile& profile, QString* error) const;
  bool moveLegacyProgress(const QString& slug, QString* error) const;

  QString data_dir_;
};

}  // namespace cs::ui
