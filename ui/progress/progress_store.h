#pragma once
// Keeps the learner's progress on disk without ever losing it.
// - Saving is atomic (QSaveFile: write a temporary file, then rename over the old one), the folder
//   is synced where the OS allows, and the previous good file is kept as "<file>.bak".
// - Loading tries the file, then the backup, then starts empty, and says so whenever anything
//   was recovered or reset. An unreadable file is renamed aside, never deleted.
// - A file written by a newer ClusterScope is never overwritten: progress is then kept in memory.
#include <QCoreApplication>
#include <QString>

#include "course/progress.h"

namespace cs::ui {

class ProgressStore {
  Q_DECLARE_TR_FUNCTIONS(ProgressStore)

 public:
  enum class LoadOutcome { Fresh, Loaded, RecoveredFromBackup, Reset, NewerVersion };

  explicit ProgressStore(QString path);

  static QString defaultPath();  // <application data>/progress.json

  LoadOutcome load();
  // A sentence for the learner when load() recovered, reset or found a newer file; else empty.
  const QString& notice() const { return notice_; }
  bool readOnly() const { return read_only_; }
  const QString& path() const { return path_; }
  QString backupPath() const { return path_ + QStringLiteral(".bak"); }

  const course::Progress& progress() const { return progress_; }
  course::Progress& progress() { return progress_; }

  // Writes the current progress. False (with a reason) when read-only or the disk refuses.
  bool save(QString* error = nullptr);

  bool exportTo(const QString& file, QString* error) const;
  // Replaces the current progress with the file's, then saves. The file is checked first.
  bool importFrom(const QString& file, QString* error);
  // Empties the progress and saves (the old file stays as the backup).
  bool reset(QString* error);

 private:
  QString keepAside(const QString& file) const;

  QString path_;
  course::Progress progress_;
  QString notice_;
  bool read_only_ = false;
  bool file_is_good_ = false;  // the file on disk parses: it may become the backup
};

}  // namespace cs::ui
